package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.LimitsAndLifecycleTck;

/** The TCK's LimitsAndLifecycle suite on Jetty. */
class JettyLimitsAndLifecycleTest extends LimitsAndLifecycleTck {
  @Override
  protected String transport() {
    return "jetty";
  }
}
