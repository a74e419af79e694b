package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.ServerUnderTestProvider;

/** Runs the TCK against one node on the Undertow transport. */
public final class UndertowServerUnderTest implements ServerUnderTestProvider {
  @Override
  public String transport() {
    return "undertow";
  }
}
