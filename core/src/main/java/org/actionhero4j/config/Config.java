package org.actionhero4j.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole configuration, one typed record per namespace. Sources, later winning: built-in
 * defaults, the application's defaults, {@code config/*.yaml}, {@code config/<env>/*.yaml}, environment variables ({@code PORT},
 * {@code REDIS_URL}, {@code ACTIONHERO_<NAMESPACE>_<KEY>}), then values set in code.
 */
public final class Config {

  /** The namespaces core itself defines. */
  public static final List<ConfigNamespace<?>> CORE_NAMESPACES =
      List.of(
          new ConfigNamespace<>("general", GeneralConfig.class, GeneralConfig.DEFAULTS),
          new ConfigNamespace<>("web", WebConfig.class, WebConfig.DEFAULTS),
          new ConfigNamespace<>("websocket", WebsocketConfig.class, WebsocketConfig.DEFAULTS),
          new ConfigNamespace<>("routes", RoutesConfig.class, RoutesConfig.DEFAULTS),
          new ConfigNamespace<>("errors", ErrorsConfig.class, ErrorsConfig.DEFAULTS),
          new ConfigNamespace<>("redis", RedisConfig.class, RedisConfig.DEFAULTS));

  private final String environment;
  private final Map<String, Object> namespaces;

  Config(String environment, Map<String, Object> namespaces) {
    this.environment = environment;
    this.namespaces = Map.copyOf(namespaces);
  }

  /** Only the built-in defaults. */
  public static Config defaults() {
    return builder().noDirectory().environmentVariables(Map.of()).build();
  }

  /** A builder reading {@code config/} and the process environment over core's namespaces, until told otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** The environment name ({@code ACTIONHERO_ENV}, default {@code development}). */
  public String environment() {
    return environment;
  }

  /** The {@code general} namespace. */
  public GeneralConfig general() {
    return namespace("general", GeneralConfig.class);
  }

  /** The {@code web} namespace (HTTP). */
  public WebConfig web() {
    return namespace("web", WebConfig.class);
  }

  /** The {@code websocket} namespace (the socket server and the browser client). */
  public WebsocketConfig websocket() {
    return namespace("websocket", WebsocketConfig.class);
  }

  /** The {@code routes} namespace. */
  public RoutesConfig routes() {
    return namespace("routes", RoutesConfig.class);
  }

  /** The {@code errors} namespace (every error text). */
  public ErrorsConfig errors() {
    return namespace("errors", ErrorsConfig.class);
  }

  /** The {@code redis} namespace. */
  public RedisConfig redis() {
    return namespace("redis", RedisConfig.class);
  }

  /** A namespace by name, as the record it was declared with. */
  public <T> T namespace(String name, Class<T> type) {
    Object value = namespaces.get(name);
    if (value == null) {
      throw new ConfigException("no config namespace '" + name + "' was declared");
    }
    return type.cast(value);
  }

  /** Collects the sources of a {@link Config}. */
  public static final class Builder {
    private Path directory = Path.of("config");
    private String environment;
    private Map<String, String> environmentVariables = System.getenv();
    private final Map<String, Object> overrides = new LinkedHashMap<>();
    private final Map<String, Object> appDefaults = new LinkedHashMap<>();
    private final Map<String, ConfigNamespace<?>> namespaces = new LinkedHashMap<>();

    private Builder() {
      CORE_NAMESPACES.forEach(this::namespace);
    }

    /** The config directory ({@code config} by default); a missing directory means none. */
    public Builder directory(Path directory) {
      this.directory = java.util.Objects.requireNonNull(directory, "directory; use noDirectory() for none");
      return this;
    }

    /** Reads no config files. */
    public Builder noDirectory() {
      this.directory = null;
      return this;
    }

    /** The environment name; overrides {@code ACTIONHERO_ENV}. */
    public Builder environment(String environment) {
      this.environment = environment;
      return this;
    }

    /** The environment variables to read (the process environment by default). */
    public Builder environmentVariables(Map<String, String> variables) {
      this.environmentVariables = Map.copyOf(variables);
      return this;
    }

    /** Sets one value by its dotted key, e.g. {@code set("web.port", 0)}; applied last. */
    public Builder set(String dottedKey, Object value) {
      overrides.put(dottedKey, value);
      return this;
    }

    /**
     * An application's own default for a key, e.g. {@code defaultValue("web.transport", "undertow")}:
     * applied right after the built-in defaults, so config files and the environment still win.
     */
    public Builder defaultValue(String dottedKey, Object value) {
      appDefaults.put(dottedKey, value);
      return this;
    }

    /** Declares a further namespace (plugins use this). */
    public Builder namespace(ConfigNamespace<?> namespace) {
      namespaces.put(namespace.name(), namespace);
      return this;
    }

    /**
     * Reads, merges and checks every source.
     *
     * @throws ConfigException naming the file, the key and what was expected, when a source is unusable
     */
    public Config build() {
      String env =
          Objects.requireNonNullElse(
              environment, environmentVariables.getOrDefault("ACTIONHERO_ENV", "development"));
      return new ConfigLoader(namespaces, environmentVariables, appDefaults, overrides)
          .load(directory, env);
    }
  }
}
