package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.SocketProtocolTck;

/** The TCK's SocketProtocol suite on Jetty over HTTPS and WSS. */
class JettySocketProtocolOverTlsTest extends SocketProtocolTck {
  @Override
  protected String transport() {
    return "jetty";
  }

  @Override
  protected boolean secure() {
    return true;
  }
}
