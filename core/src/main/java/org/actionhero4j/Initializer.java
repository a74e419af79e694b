package org.actionhero4j;

/**
 * A plugin's start and stop hooks. Lower priorities start (and stop) first. Created by Guice.
 */
public interface Initializer {

  /** Names the initializer in logs. */
  String name();

  /** Lower starts first (default 1000). */
  default int startPriority() {
    return 1000;
  }

  /** Lower stops first (default 1000). */
  default int stopPriority() {
    return 1000;
  }

  /** After config, before the server accepts connections. */
  default void start() throws Exception {}

  /** After the server stopped accepting connections and in-flight actions finished. */
  default void stop() throws Exception {}
}
