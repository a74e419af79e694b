package org.actionhero4j.clientgen;

import java.util.Map;
import org.actionhero4j.config.Config;

/** Renders the client for config overrides, with nothing read from files or the environment. */
final class Rendered {

  private Rendered() {}

  static Config config(Map<String, Object> settings) {
    Config.Builder builder = Config.builder().noDirectory().environmentVariables(Map.of());
    settings.forEach(builder::set);
    return builder.build();
  }

  static RenderedClient client(Map<String, Object> settings) {
    return new ClientRenderer().render(config(settings));
  }
}
