package org.actionhero4j.config;

/** A configuration that cannot be used; the message names the source, the key and what was expected. */
public final class ConfigException extends RuntimeException {
  /** A problem described by its message. */
  public ConfigException(String message) {
    super(message);
  }

  /** A problem described by its message, caused by {@code cause} (e.g. a YAML parser error). */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
