/**
 * Typed configuration: one record per namespace ({@code general}, {@code web}, {@code websocket},
 * {@code routes}, {@code errors}, {@code redis}), read from built-in defaults, the application's
 * defaults, {@code config/*.yaml}, {@code config/<ACTIONHERO_ENV>/*.yaml}, environment variables and
 * values set in code, later sources winning. A plugin adds its own namespace with a
 * {@link org.actionhero4j.config.ConfigNamespace}. An unknown key, a value of the wrong type or
 * unreadable YAML stops the start with a {@link org.actionhero4j.config.ConfigException} that names
 * the file, the key and what was expected.
 */
@NullMarked
package org.actionhero4j.config;

import org.jspecify.annotations.NullMarked;
