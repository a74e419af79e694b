package org.actionhero4j.transport.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.actionhero4j.spi.Transport;
import org.junit.jupiter.api.Test;

class JettyTransportServiceTest {

  @Test
  void registeredAsServiceUnderItsName() {
    assertTrue(
        ServiceLoader.load(Transport.class).stream()
            .map(ServiceLoader.Provider::get)
            .anyMatch(t -> t instanceof JettyTransport && t.name().equals("jetty")));
    assertEquals("jetty", new JettyTransport().name());
  }
}
