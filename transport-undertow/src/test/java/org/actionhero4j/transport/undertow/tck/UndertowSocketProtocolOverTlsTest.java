package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.SocketProtocolTck;

/** The TCK's SocketProtocol suite on Undertow over HTTPS and WSS. */
class UndertowSocketProtocolOverTlsTest extends SocketProtocolTck {
  @Override
  protected String transport() {
    return "undertow";
  }

  @Override
  protected boolean secure() {
    return true;
  }
}
