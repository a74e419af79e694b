package org.actionhero4j.benchmarks.jmh;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.Actionhero;
import org.actionhero4j.benchmarks.servers.BenchServer;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The action pipeline without a network: {@code echo} run on the calling thread through {@link
 * TestConnection#runAction} (lookup, params, validation, middleware chain, run, response), on an
 * in-memory app with no transport.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PipelineBench {

  private Actionhero app;
  private TestConnection connection;
  private final Map<String, Object> params = Map.of("message", "hello world");

  @Setup(Level.Trial)
  public void start() throws Exception {
    app = BenchServer.builder("undertow", 0).set("web.enabled", false).start();
    connection = SpecHelper.of(app).connection("websocket");
  }

  @TearDown(Level.Trial)
  public void stop() {
    connection.destroy();
    app.stop();
  }

  @Benchmark
  public Object echoAction() {
    return connection.runAction("echo", params);
  }

  @Benchmark
  public Object unknownAction() {
    return connection.runAction("nope", params);
  }
}
