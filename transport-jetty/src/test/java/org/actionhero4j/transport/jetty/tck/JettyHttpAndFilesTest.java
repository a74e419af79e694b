package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.HttpAndFilesTck;

/** The TCK's HttpAndFiles suite on Jetty. */
class JettyHttpAndFilesTest extends HttpAndFilesTck {
  @Override
  protected String transport() {
    return "jetty";
  }
}
