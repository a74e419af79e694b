package org.actionhero4j.transport.undertow;

import org.actionhero4j.spi.RunningServer;
import org.actionhero4j.spi.ServerBinding;
import org.actionhero4j.spi.Transport;

/**
 * The Undertow core (no Servlet) transport. Registered under {@code
 * META-INF/services/org.actionhero4j.spi.Transport} with the name {@code "undertow"}.
 */
public final class UndertowTransport implements Transport {

  public static final String NAME = "undertow";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RunningServer start(ServerBinding binding) throws Exception {
    return UndertowRunningServer.start(binding);
  }
}
