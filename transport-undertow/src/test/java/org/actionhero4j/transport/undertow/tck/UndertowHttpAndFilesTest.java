package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.HttpAndFilesTck;

/** The TCK's HttpAndFiles suite on Undertow. */
class UndertowHttpAndFilesTest extends HttpAndFilesTck {
  @Override
  protected String transport() {
    return "undertow";
  }
}
