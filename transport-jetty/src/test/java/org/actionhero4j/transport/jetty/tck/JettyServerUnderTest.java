package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.ServerUnderTestProvider;

/** Runs the TCK against one node on the Jetty transport. */
public final class JettyServerUnderTest implements ServerUnderTestProvider {
  @Override
  public String transport() {
    return "jetty";
  }
}
