package org.actionhero4j.clientgen;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.actionhero4j.ActionCatalog;
import org.actionhero4j.EndpointReply;
import org.actionhero4j.EndpointRequest;
import org.actionhero4j.HttpEndpoint;
import org.actionhero4j.Initializer;
import org.actionhero4j.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's TypeScript declarations, typed per registered action: rendered when the application
 * starts (once every action exists), served at {@code /public/<path>.d.ts} and {@code /<path>.d.ts},
 * and written beside the {@code .js} when {@code websocket.writeClientJs} is on.
 */
final class TypeDeclarations implements Initializer {

  private static final Logger log = LoggerFactory.getLogger(TypeDeclarations.class);

  private final Config config;
  private final ClientRenderer renderer;
  private final String relativePath;
  private volatile Optional<byte[]> rendered = Optional.empty();
  private ActionCatalog catalog;

  TypeDeclarations(Config config, ClientRenderer renderer, String relativePath) {
    this.config = config;
    this.renderer = renderer;
    this.relativePath = relativePath;
  }

  @Inject
  void catalog(ActionCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String name() {
    return "client-gen type declarations";
  }

  @Override
  public void start() {
    byte[] content = renderer.render(config, catalog.definitions()).typeDeclarationBytes();
    rendered = Optional.of(content);
    log.info("typed client declarations rendered for {} actions at /public/{}",
        catalog.definitions().size(), relativePath);
    if (config.websocket().writeClientJs()) {
      ClientGenPlugin.write(Path.of(config.general().paths().primaryPublic()), relativePath, content);
    }
  }

  /** An endpoint serving the declarations at this path. */
  HttpEndpoint endpointAt(String path) {
    return new HttpEndpoint() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public EndpointReply handle(EndpointRequest request) {
        return rendered
            .map(bytes -> new EndpointReply(200, ClientGenPlugin.TYPESCRIPT_TYPE, bytes))
            .orElseGet(() -> EndpointReply.text(503, "text/plain; charset=utf-8", "starting"));
      }
    };
  }
}
