package org.actionhero4j.config;

/**
 * A top-level config namespace bound to a record: its name in YAML, the record type and the
 * built-in defaults. Plugins declare their own namespaces with these.
 */
public record ConfigNamespace<T>(String name, Class<T> type, T defaults) {}
