package org.actionhero4j.internal.web;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.PluginContext;
import org.actionhero4j.TestApps;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.actions.ActionPipeline;
import org.actionhero4j.internal.actions.ActionRegistry;
import org.actionhero4j.internal.connections.ConnectionRegistry;

/** A started application (no transport) and the HTTP handler under test, fed with fake exchanges. */
final class WebHarness implements AutoCloseable {

  private final Actionhero app;
  private final WebRequestHandler handler;

  private WebHarness(Actionhero app, Path publicDir) {
    this.app = app;
    var injector = app.injector();
    this.handler =
        new WebRequestHandler(
            app.config().web(),
            app.config().routes(),
            app.config().general(),
            new ErrorTexts(app.config().errors()),
            new StaticFiles(List.of(publicDir)),
            Runnable::run,
            injector.getInstance(ConnectionRegistry.class),
            injector.getInstance(ActionRegistry.class),
            injector.getInstance(ActionPipeline.class),
            new RequestHosts(List.of()));
  }

  static WebHarness start(
      Path publicDir, Consumer<PluginContext> registrations, UnaryOperator<Actionhero.Builder> customize)
      throws Exception {
    Actionhero.Builder builder = TestApps.builder(registrations).set("web.port", 0);
    return new WebHarness(customize.apply(builder).start(), publicDir);
  }

  Actionhero app() {
    return app;
  }

  /** Hands a request to the handler and waits (bounded) for its answer. */
  FakeExchange.Answer send(FakeExchange exchange) throws Exception {
    handler.handle(exchange);
    return exchange.answer();
  }

  @Override
  public void close() {
    app.stop();
  }
}
