package org.actionhero4j.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.Actionhero;
import org.actionhero4j.benchmarks.servers.BenchServer;
import org.actionhero4j.internal.connections.ConnectionChannel;
import org.actionhero4j.internal.connections.ConnectionRegistry;
import org.actionhero4j.internal.connections.LocalConnection;
import org.actionhero4j.internal.connections.OutboundMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Broadcast encoding: one {@link OutboundMessage} encoded once for many receivers, against
 * encoding per receiver; the same for its UTF-8 bytes, where every receiver takes its own view of
 * the message's one {@link org.actionhero4j.spi.TextFrame} (what a transport writes), against
 * encoding the JSON text per receiver (what transports did before frames); and core's whole room
 * fan-out ({@code chatRooms().broadcast}) to {@code members} connections whose channel takes the
 * frame's bytes, as a socket's transport would, and drops them. Times are per broadcast (divide by
 * {@code members} for per-frame cost). The message is {@code short}, "hello room" as before, or
 * {@code unicode}, some 2,000 characters with accents and emoji, which a string holds in UTF-16
 * and whose UTF-8 encoding is slower.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class BroadcastBench {

  @Param({"1000"})
  public int members;

  @Param({"short", "unicode"})
  public String message;

  private Actionhero app;
  private final List<LocalConnection> connections = new ArrayList<>();
  private Map<String, Object> payload;
  private String text;
  private Blackhole sink;

  /** A socket stand-in: takes the frame's bytes and drops them. */
  private final class Discard implements ConnectionChannel {
    @Override
    public void deliver(OutboundMessage message) {
      sink.consume(message.frame().bytes());
    }

    @Override
    public void end(boolean reconnect) {}
  }

  @Setup(Level.Trial)
  public void start(Blackhole blackhole) throws Exception {
    sink = blackhole;
    app = BenchServer.builder("undertow", 0).set("web.enabled", false).start();
    for (int i = 0; i < members; i++) {
      String id = UUID.randomUUID().toString();
      LocalConnection c =
          app.injector()
              .getInstance(ConnectionRegistry.class)
              .open(id, "websocket", id, "127.0.0.1", 0, true, new Discard());
      connections.add(c);
      app.chatRooms().addMember(id, "defaultRoom");
    }
    text = "short".equals(message) ? "hello room" : "héllo wörld, ça va? 😀👋 ".repeat(80);
    payload = new LinkedHashMap<>();
    payload.put("message", text);
    payload.put("room", "defaultRoom");
    payload.put("from", UUID.randomUUID().toString());
    payload.put("context", "user");
    payload.put("sentAt", 1795633006706L);
  }

  @TearDown(Level.Trial)
  public void stop() {
    app.stop();
  }

  @Benchmark
  public void encodeOnceForAll(Blackhole bh) {
    OutboundMessage shared = OutboundMessage.of(payload);
    for (int i = 0; i < members; i++) {
      bh.consume(shared.json());
    }
  }

  @Benchmark
  public void encodePerMember(Blackhole bh) {
    for (int i = 0; i < members; i++) {
      bh.consume(OutboundMessage.of(payload).json());
    }
  }

  /** Every receiver takes its own view of the bytes of the message's frame, encoded once. */
  @Benchmark
  public void bytesOnceForAll(Blackhole bh) {
    OutboundMessage shared = OutboundMessage.of(payload);
    for (int i = 0; i < members; i++) {
      bh.consume(shared.frame().bytes());
    }
  }

  /** Every receiver encodes the message's JSON text to UTF-8 again. */
  @Benchmark
  public void bytesPerMember(Blackhole bh) {
    OutboundMessage shared = OutboundMessage.of(payload);
    for (int i = 0; i < members; i++) {
      bh.consume(shared.json().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Benchmark
  public void roomBroadcast() {
    app.chatRooms().broadcast("defaultRoom", text);
  }
}
