package org.actionhero4j.benchmarks.jmh;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.internal.Json;
import org.actionhero4j.internal.socket.PrimusFraming;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The socket's per-frame codec: decoding an inbound action frame and a heartbeat answer
 * ({@link PrimusFraming#decode}, Jackson underneath), and encoding an action reply ({@link
 * Json#encode}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FramingBench {

  private final String actionFrame =
      "{\"event\":\"action\",\"params\":{\"action\":\"echo\",\"message\":\"hello world\"},\"messageId\":12345}";
  private final String pong = "\"primus::pong::1795632954777\"";
  private final Map<String, Object> reply = new LinkedHashMap<>();

  public FramingBench() {
    reply.put("message", "hello world");
    reply.put("context", "response");
    reply.put("messageId", 12345);
  }

  @Benchmark
  public Object decodeActionFrame() {
    return PrimusFraming.decode(actionFrame);
  }

  @Benchmark
  public Object decodePong() {
    return PrimusFraming.decode(pong);
  }

  @Benchmark
  public String encodeReply() {
    return Json.encode(reply);
  }

  @Benchmark
  public String encodePing() {
    return PrimusFraming.ping(1795632954777L);
  }
}
