package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.PrimusLayerTck;

/** The TCK's PrimusLayer suite on Jetty. */
class JettyPrimusLayerTest extends PrimusLayerTck {
  @Override
  protected String transport() {
    return "jetty";
  }
}
