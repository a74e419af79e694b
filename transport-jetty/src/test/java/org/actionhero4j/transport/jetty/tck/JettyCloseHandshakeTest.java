package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.CloseHandshakeTck;

/** The TCK's CloseHandshake suite on Jetty. */
class JettyCloseHandshakeTest extends CloseHandshakeTck {
  @Override
  protected String transport() {
    return "jetty";
  }
}
