package org.actionhero4j.internal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.actionhero4j.config.ConfigException;
import org.actionhero4j.spi.RunningServer;
import org.actionhero4j.spi.ServerBinding;
import org.actionhero4j.spi.Transport;
import org.junit.jupiter.api.Test;

class TransportSelectorTest {

  private record FakeTransport(String name) implements Transport {
    @Override
    public RunningServer start(ServerBinding binding) {
      throw new UnsupportedOperationException("never started in these tests");
    }
  }

  private final Transport undertow = new FakeTransport("undertow");
  private final Transport jetty = new FakeTransport("jetty");

  @Test
  void theOnlyTransportOnTheClasspathIsChosenWithoutConfig() {
    assertSame(undertow, TransportSelector.select(null, List.of(undertow)).orElseThrow());
    assertSame(undertow, TransportSelector.select("  ", List.of(undertow)).orElseThrow());
  }

  @Test
  void noTransportMeansNoneWhenNoneIsConfigured() {
    assertEquals(Optional.empty(), TransportSelector.select(null, List.of()));
  }

  @Test
  void twoTransportsWithoutAChoiceFailNamingBothAndTheKey() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> TransportSelector.select(null, List.of(undertow, jetty)));

    assertTrue(e.getMessage().contains("undertow"), e.getMessage());
    assertTrue(e.getMessage().contains("jetty"), e.getMessage());
    assertTrue(e.getMessage().contains("web.transport"), e.getMessage());
  }

  @Test
  void theConfiguredTransportIsChosenAmongSeveralIgnoringCase() {
    assertSame(jetty, TransportSelector.select("Jetty", List.of(undertow, jetty)).orElseThrow());
  }

  @Test
  void aConfiguredTransportThatIsNotOnTheClasspathFailsNamingWhatIs() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> TransportSelector.select("netty", List.of(undertow)));

    assertTrue(e.getMessage().contains("'netty'"), e.getMessage());
    assertTrue(e.getMessage().contains("undertow"), e.getMessage());
  }

  @Test
  void aConfiguredTransportWithNoneOnTheClasspathFails() {
    ConfigException e = assertThrows(ConfigException.class, () -> TransportSelector.select("jetty", List.of()));

    assertTrue(e.getMessage().contains("no transport"), e.getMessage());
  }
}
