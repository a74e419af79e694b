package org.actionhero4j;

import java.util.List;

/**
 * The actions this node serves, for plugins that describe them (the typed client, the OpenAPI
 * document). Injectable once the application starts.
 */
public interface ActionCatalog {

  /** Every registered action, every version, sorted by name then version (oldest first). */
  List<ActionDefinition> definitions();
}
