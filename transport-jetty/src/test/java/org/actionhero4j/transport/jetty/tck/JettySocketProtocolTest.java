package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.SocketProtocolTck;

/** The TCK's SocketProtocol suite on Jetty. */
class JettySocketProtocolTest extends SocketProtocolTck {
  @Override
  protected String transport() {
    return "jetty";
  }
}
