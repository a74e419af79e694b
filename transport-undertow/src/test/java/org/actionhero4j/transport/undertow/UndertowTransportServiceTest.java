package org.actionhero4j.transport.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.actionhero4j.spi.Transport;
import org.junit.jupiter.api.Test;

class UndertowTransportServiceTest {

  @Test
  void registeredAsServiceUnderItsName() {
    assertTrue(
        ServiceLoader.load(Transport.class).stream()
            .map(ServiceLoader.Provider::get)
            .anyMatch(t -> t instanceof UndertowTransport && t.name().equals("undertow")));
    assertEquals("undertow", new UndertowTransport().name());
  }
}
