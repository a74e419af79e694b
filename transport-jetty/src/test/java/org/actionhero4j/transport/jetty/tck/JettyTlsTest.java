package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.TlsTck;

/** The TCK's Tls suite on Jetty. */
class JettyTlsTest extends TlsTck {
  @Override
  protected String transport() {
    return "jetty";
  }
}
