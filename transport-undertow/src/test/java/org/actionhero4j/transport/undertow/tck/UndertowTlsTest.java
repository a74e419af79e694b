package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.TlsTck;

/** The TCK's Tls suite on Undertow. */
class UndertowTlsTest extends TlsTck {
  @Override
  protected String transport() {
    return "undertow";
  }
}
