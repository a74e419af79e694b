package org.actionhero4j.transport.jetty;

import org.actionhero4j.spi.RunningServer;
import org.actionhero4j.spi.ServerBinding;
import org.actionhero4j.spi.Transport;

/**
 * The Jetty 12 core (no Servlet) transport. Registered under {@code
 * META-INF/services/org.actionhero4j.spi.Transport} with the name {@code "jetty"}.
 */
public final class JettyTransport implements Transport {

  public static final String NAME = "jetty";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RunningServer start(ServerBinding binding) throws Exception {
    return JettyRunningServer.start(binding);
  }
}
