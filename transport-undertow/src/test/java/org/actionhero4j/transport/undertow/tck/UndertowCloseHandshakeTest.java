package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.CloseHandshakeTck;

/** The TCK's CloseHandshake suite on Undertow. */
class UndertowCloseHandshakeTest extends CloseHandshakeTck {
  @Override
  protected String transport() {
    return "undertow";
  }
}
