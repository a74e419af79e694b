package org.actionhero4j.clientgen;

import java.nio.charset.StandardCharsets;

/**
 * The browser client rendered for one configuration.
 *
 * @param javascript the library, defining the global {@code ActionheroWebsocketClient}
 * @param typeDeclarations TypeScript declarations of the same library
 */
public record RenderedClient(String javascript, String typeDeclarations) {

  public byte[] javascriptBytes() {
    return javascript.getBytes(StandardCharsets.UTF_8);
  }

  public byte[] typeDeclarationBytes() {
    return typeDeclarations.getBytes(StandardCharsets.UTF_8);
  }
}
