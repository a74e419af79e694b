package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.HttpAndFilesTck;

/** The TCK's HttpAndFiles suite on Jetty over HTTPS and WSS. */
class JettyHttpAndFilesOverTlsTest extends HttpAndFilesTck {
  @Override
  protected String transport() {
    return "jetty";
  }

  @Override
  protected boolean secure() {
    return true;
  }
}
