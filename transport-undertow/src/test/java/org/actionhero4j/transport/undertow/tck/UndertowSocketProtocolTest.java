package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.SocketProtocolTck;

/** The TCK's SocketProtocol suite on Undertow. */
class UndertowSocketProtocolTest extends SocketProtocolTck {
  @Override
  protected String transport() {
    return "undertow";
  }
}
