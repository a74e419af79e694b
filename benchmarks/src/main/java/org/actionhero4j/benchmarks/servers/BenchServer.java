package org.actionhero4j.benchmarks.servers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Input;
import org.actionhero4j.Plugin;
import org.actionhero4j.PluginContext;

/**
 * actionhero4j under test: an {@code echo} action (input {@code message} required, returns {@code
 * {message}}), a {@code heap} action (runs a GC, returns the heap then used) and the starting room
 * {@code defaultRoom}, on the transport named by {@code --transport} (undertow or jetty). Set up
 * like the reference in production: compact JSON, no server/requester metadata in HTTP answers,
 * logging at WARN (logback.xml), no connection cap.
 *
 * <p>{@code java -cp ... BenchServer --transport undertow --port 8080}
 */
public final class BenchServer {

  private BenchServer() {}

  /** The benchmark's action: returns what it is sent. */
  public static final class Echo implements Action {
    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("echo")
          .description("returns what it is sent")
          .input(Input.named("message").required())
          .outputExample(Map.of("message", "hello"))
          .nonBlocking()
          .build();
    }

    @Override
    public Map<String, Object> run(ActionContext ctx) {
      Map<String, Object> response = new LinkedHashMap<>(2);
      response.put("message", ctx.params().get("message"));
      return response;
    }
  }

  /** For the idle benchmark: runs a full GC and returns the heap in use after it. */
  public static final class Heap implements Action {
    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("heap")
          .description("runs a GC and returns the heap used, in bytes")
          .outputExample(Map.of("heapUsed", 1))
          .build();
    }

    @Override
    public Map<String, Object> run(ActionContext ctx) {
      Map<String, Object> response = new LinkedHashMap<>(2);
      response.put("heapUsed", BareProtocol.heapAfterGc());
      return response;
    }
  }

  /** The plugin registering both actions. */
  public static final class BenchPlugin implements Plugin {
    @Override
    public void register(PluginContext context) {
      context.action(new Echo()).action(new Heap());
    }
  }

  /** The builder BenchServer and the JMH benches share. */
  public static Actionhero.Builder builder(String transport, int port) {
    Map<String, Object> rooms = new LinkedHashMap<>();
    rooms.put("defaultRoom", Map.of());
    return Actionhero.builder()
        .noConfigDirectory()
        .discoverPlugins(false)
        .plugin(new BenchPlugin())
        .set("web.port", port)
        .set("web.transport", transport)
        .set("web.bindIp", "127.0.0.1")
        .set("web.maxConnections", 0)
        .set("web.padding", 0)
        .set("web.metadataOptions.serverInformation", false)
        .set("web.metadataOptions.requesterInformation", false)
        .set("general.startingChatRooms", rooms);
  }

  public static void main(String[] args) throws Exception {
    String transport = ServerArgs.option(args, "transport", "undertow");
    int port = ServerArgs.port(args, 8080);
    Actionhero app = builder(transport, port).start();
    System.out.println(
        "actionhero4j " + Actionhero.VERSION + " on " + transport + " at 127.0.0.1:" + app.port().orElse(port)
            + " (Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs)");
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "bench-shutdown"));
    app.awaitStop();
  }
}
