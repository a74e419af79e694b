package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.LargePayloadsTck;

/** The TCK's LargePayloads suite on Jetty. */
class JettyLargePayloadsTest extends LargePayloadsTck {
  @Override
  protected String transport() {
    return "jetty";
  }
}
