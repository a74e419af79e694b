package ${package};

import org.actionhero4j.Actionhero;

/** Starts the application from ./config, the environment and the plugins on the classpath. */
public final class App {

  private App() {}

  public static void main(String[] args) throws Exception {
    Actionhero app = Actionhero.builder().start();
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    app.awaitStop();
  }
}
