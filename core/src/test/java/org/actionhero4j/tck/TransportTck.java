package org.actionhero4j.tck;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the transport TCK: black-box tests with real ports, a real WebSocket client and a real
 * HTTP client. A transport module runs each suite by extending it and naming itself.
 */
public abstract class TransportTck {

  @TempDir protected Path tmp;

  private TckApp app;

  /** The transport under test, as {@code web.transport} names it. */
  protected abstract String transport();

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

  /** How the application under test starts; cluster runs override this to start several nodes. */
  protected TckApp start(UnaryOperator<Actionhero.Builder> customize) throws Exception {
    return TckApp.start(transport(), tmp.resolve("public"), customize);
  }

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
