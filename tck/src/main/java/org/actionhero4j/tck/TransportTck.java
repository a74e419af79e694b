package org.actionhero4j.tck;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the transport TCK: black-box tests with real ports, a real WebSocket client and a real
 * HTTP client. The server under test comes from the module's {@link ServerUnderTestProvider}.
 */
public abstract class TransportTck {

  /** A directory of this test's own; the public directory is {@code tmp/public}. */
  @TempDir protected Path tmp;

  private TckApp app;

  /** The transport under test, as {@code web.transport} names it. */
  protected String transport() {
    return ServerUnderTestProvider.find().transport();
  }

  /** Whether the suite runs over TLS (HTTPS and WSS); a transport's TLS variant says true. */
  protected boolean secure() {
    return false;
  }

  /** The application with default settings, started on first use. */
  protected TckApp app() throws Exception {
    if (app == null) {
      app = start(UnaryOperator.identity());
    }
    return app;
  }

  /** Starts the application with extra settings (once per test). */
  protected TckApp app(UnaryOperator<Actionhero.Builder> customize) throws Exception {
    if (app != null) {
      throw new IllegalStateException("the app is already started");
    }
    app = start(customize);
    return app;
  }

  /** Starts the application under test the way the module's provider does, over TLS when the suite says so. */
  protected TckApp start(UnaryOperator<Actionhero.Builder> customize) throws Exception {
    return secure()
        ? TckApp.startSecure(transport(), tmp.resolve("public"), customize)
        : ServerUnderTestProvider.find().start(tmp.resolve("public"), customize);
  }

  /** Stops the application the test started, if any. */
  @AfterEach
  protected void stopApp() {
    if (app != null) {
      app.close();
      app = null;
    }
    // Gates are per JVM: a suite that runs twice in one JVM (two cluster set-ups) starts afresh.
    Gates.reset();
  }
}
