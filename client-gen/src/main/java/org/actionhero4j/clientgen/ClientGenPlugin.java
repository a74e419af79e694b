package org.actionhero4j.clientgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.actionhero4j.Plugin;
import org.actionhero4j.PluginContext;
import org.actionhero4j.config.Config;
import org.actionhero4j.config.WebsocketConfig;
import org.actionhero4j.ServedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the browser client at start-up and serves it from memory at
 * {@code /public/<websocket.clientJsPath><websocket.clientJsName>.js}, and its {@code .d.ts} typed per
 * action once the application has started. With
 * {@code websocket.writeClientJs} both are also written under the first public directory,
 * as Actionhero does. Nothing is served when {@code clientJsName} is empty or the socket server is
 * disabled.
 */
public final class ClientGenPlugin implements Plugin {

  private static final Logger log = LoggerFactory.getLogger(ClientGenPlugin.class);

  static final String JAVASCRIPT_TYPE = "application/javascript; charset=utf-8";
  static final String TYPESCRIPT_TYPE = "application/typescript; charset=utf-8";

  @Override
  public String name() {
    return "client-gen";
  }

  @Override
  public void register(PluginContext context) {
    Config config = context.config();
    WebsocketConfig websocket = config.websocket();
    String name = websocket.clientJsName();
    if (!websocket.enabled() || name == null || name.isBlank()) {
      log.info("browser client not generated (websocket.enabled={}, websocket.clientJsName='{}')",
          websocket.enabled(), name == null ? "" : name);
      return;
    }
    String base = publicPath(websocket.clientJsPath(), name);
    ClientRenderer renderer = new ClientRenderer();
    RenderedClient client = renderer.render(config);
    context.publicFile(new ServedFile(base + ".js", JAVASCRIPT_TYPE, client.javascriptBytes()));
    TypeDeclarations declarations = new TypeDeclarations(config, renderer, base + ".d.ts");
    context.initializer(declarations);
    context.endpoint(declarations.endpointAt("/public/" + base + ".d.ts"));
    context.endpoint(declarations.endpointAt("/" + base + ".d.ts"));
    log.info("browser client rendered for /public/{}.js ({} bytes)", base, client.javascriptBytes().length);
    if (websocket.writeClientJs()) {
      write(Path.of(config.general().paths().primaryPublic()), base + ".js", client.javascriptBytes());
    }
  }

  /**
   * {@code clientJsPath} + {@code clientJsName}, relative to the public directory, with forward
   * slashes and no leading slash; {@code ..} is refused so the file cannot land outside it.
   */
  static String publicPath(String clientJsPath, String clientJsName) {
    String dir = clientJsPath == null ? "" : clientJsPath.strip().replace('\\', '/');
    while (dir.startsWith("/")) {
      dir = dir.substring(1);
    }
    if (!dir.isEmpty() && !dir.endsWith("/")) {
      dir = dir + "/";
    }
    String path = dir + clientJsName.strip();
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        throw new IllegalArgumentException(
            "websocket.clientJsPath/clientJsName must stay inside the public directory, got '" + path + "'");
      }
    }
    return path;
  }

  /** Writes a rendered file under the public directory, for {@code websocket.writeClientJs}. */
  static void write(Path publicDir, String relative, byte[] content) {
    Path target = publicDir.resolve(relative).toAbsolutePath().normalize();
    try {
      Files.createDirectories(target.getParent());
      Files.write(target, content);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "websocket.writeClientJs is on but " + relative + " could not be written to " + target, e);
    }
    log.info("{} written to {}", relative, target);
  }
}
