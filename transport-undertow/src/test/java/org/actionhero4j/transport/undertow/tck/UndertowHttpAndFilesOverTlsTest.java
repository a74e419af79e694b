package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.HttpAndFilesTck;

/** The TCK's HttpAndFiles suite on Undertow over HTTPS and WSS. */
class UndertowHttpAndFilesOverTlsTest extends HttpAndFilesTck {
  @Override
  protected String transport() {
    return "undertow";
  }

  @Override
  protected boolean secure() {
    return true;
  }
}
