package org.actionhero4j.tck;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.spi.Transport;

/**
 * What a module under test tells the TCK: which transport to run on and how to start the server.
 * A module registers exactly one implementation in its test resources under
 * {@code META-INF/services/org.actionhero4j.tck.ServerUnderTestProvider} and runs the suites with one
 * JUnit Platform suite class, e.g.
 *
 * <pre>{@code
 * @Suite
 * @SelectPackages("org.actionhero4j.tck")
 * @IncludeClassNamePatterns(ServerUnderTestProvider.SUITES)
 * class MyTransportTckTest {}
 * }</pre>
 *
 * <p>The default methods start one node on {@link #transport()}; a provider may start several nodes
 * (a cluster) instead, as long as the result behaves as one server to a client.
 */
public interface ServerUnderTestProvider {

  /** The class-name pattern that selects every TCK suite (for {@code @IncludeClassNamePatterns}). */
  String SUITES = "^org\\.actionhero4j\\.tck\\..*(Tck|Contract)$";

  /** The transport under test, as the {@code web.transport} config key names it. */
  String transport();

  /**
   * Starts the application under test with the TCK's plugin and settings, then {@code customize}.
   * The default starts one node on {@link #transport()}.
   *
   * @param publicDir the directory to serve static files from (created if missing)
   * @param customize the test's own settings, applied to every node's builder
   */
  default TckApp start(Path publicDir, UnaryOperator<Actionhero.Builder> customize) throws Exception {
    return TckApp.start(transport(), publicDir, customize);
  }

  /**
   * A new, unstarted instance of the transport adapter, for the SPI contract suite. The default is
   * the {@link Transport} service on the classpath whose name is {@link #transport()}.
   */
  default Transport newAdapter() {
    return ServiceLoader.load(Transport.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(t -> t.name().equals(transport()))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no org.actionhero4j.spi.Transport named " + transport() + " on the classpath"));
  }

  /**
   * The one provider registered on the classpath.
   *
   * @throws IllegalStateException when none or several are registered
   */
  static ServerUnderTestProvider find() {
    List<ServerUnderTestProvider> found =
        ServiceLoader.load(ServerUnderTestProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    if (found.size() != 1) {
      throw new IllegalStateException(
          "the TCK needs exactly one org.actionhero4j.tck.ServerUnderTestProvider in META-INF/services, found "
              + found.stream().map(p -> p.getClass().getName()).toList());
    }
    return found.get(0);
  }
}
