package org.actionhero4j.internal.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.actionhero4j.config.ConfigException;
import org.actionhero4j.spi.Transport;

/** Picks the transport: the only one on the classpath, or the one {@code web.transport} names. */
final class TransportSelector {

  private TransportSelector() {}

  static Optional<Transport> select(String configured, ClassLoader loader) {
    List<Transport> found = new ArrayList<>();
    ServiceLoader.load(Transport.class, loader).forEach(found::add);
    return select(configured, found);
  }

  static Optional<Transport> select(String configured, List<Transport> found) {
    List<String> names = found.stream().map(Transport::name).toList();
    if (configured != null && !configured.isBlank()) {
      return Optional.of(
          found.stream()
              .filter(t -> t.name().equalsIgnoreCase(configured.trim()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "web.transport is '" + configured + "' but the classpath holds "
                              + (names.isEmpty() ? "no transport" : "only " + names))));
    }
    if (found.size() > 1) {
      throw new ConfigException(
          "several transports are on the classpath " + names
              + "; choose one with web.transport (or ACTIONHERO_WEB_TRANSPORT)");
    }
    return found.stream().findFirst();
  }
}
