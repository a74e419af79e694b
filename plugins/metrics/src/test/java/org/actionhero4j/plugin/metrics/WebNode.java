package org.actionhero4j.plugin.metrics;

import java.util.function.Consumer;
import org.actionhero4j.Actionhero;
import org.actionhero4j.PluginContext;
import org.actionhero4j.TestApps;

/** A test node on Undertow, on a free port, with the metrics plugin and these registrations. */
final class WebNode {

  private WebNode() {}

  static Actionhero.Builder builder(Consumer<PluginContext> registrations) {
    return TestApps.builder(registrations)
        .set("web.enabled", true)
        .set("web.port", 0)
        .set("web.transport", "undertow")
        .plugin(new MetricsPlugin());
  }
}
