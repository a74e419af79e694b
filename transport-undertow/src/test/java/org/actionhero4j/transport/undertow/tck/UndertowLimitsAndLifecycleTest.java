package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.LimitsAndLifecycleTck;

/** The TCK's LimitsAndLifecycle suite on Undertow. */
class UndertowLimitsAndLifecycleTest extends LimitsAndLifecycleTck {
  @Override
  protected String transport() {
    return "undertow";
  }
}
