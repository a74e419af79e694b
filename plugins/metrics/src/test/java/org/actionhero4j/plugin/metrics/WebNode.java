package org.actionhero4j.plugin.metrics;

import java.util.Map;
import java.util.function.Consumer;
import org.actionhero4j.Actionhero;
import org.actionhero4j.PluginContext;

/** A test node on Undertow, on a free port, with the metrics plugin and these registrations. */
final class WebNode {

  private WebNode() {}

  static Actionhero.Builder builder(Consumer<PluginContext> registrations) {
    return Actionhero.builder()
        .noConfigDirectory()
        .environmentVariables(Map.of())
        .discoverPlugins(false)
        .plugin(registrations::accept)
        .set("web.port", 0)
        .set("web.transport", "undertow")
        .plugin(new MetricsPlugin());
  }
}
