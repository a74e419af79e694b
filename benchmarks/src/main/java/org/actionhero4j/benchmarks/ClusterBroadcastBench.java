package org.actionhero4j.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.plugin.redis.RedisPlugin;

/**
 * {@code cluster-broadcast}: the time from one {@code say} until the last of K members has it, with
 * the members on one node (in-memory bus), split over two nodes on one Redis, and split over two
 * nodes on a three-master Redis Cluster. Starts its own {@code redis-server} processes on free
 * loopback ports and Undertow nodes in this JVM; prints p50/p99/max, asserts nothing.
 * Options: {@code --members 200 --rounds 100 --warmup-rounds 20}.
 */
final class ClusterBroadcastBench {

  private ClusterBroadcastBench() {}

  static void run(Args a) throws Exception {
    int members = a.getInt("members", 200);
    int rounds = a.getInt("rounds", 100);
    int warmup = a.getInt("warmup-rounds", 20);
    System.out.printf(Locale.ROOT, "cluster-broadcast: %d members, %d rounds after %d warm-up%n", members, rounds, warmup);
    measure("1 node, in-memory bus", nodes(1, b -> b), members, rounds, warmup);
    List<Process> redis = new ArrayList<>();
    try {
      int port = Redis.start(redis, false);
      String standalone = "redis://127.0.0.1:" + port;
      String prefix = "bench-" + System.nanoTime() + ":";
      measure("2 nodes, redis standalone",
          nodes(2, b -> redisNode(b, "standalone", standalone, prefix)), members, rounds, warmup);
      List<String> seeds = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        seeds.add("127.0.0.1:" + Redis.start(redis, true));
      }
      Redis.createCluster(seeds);
      String cluster = "redis://" + String.join(",redis://", seeds);
      measure("2 nodes, redis cluster (3 masters)",
          nodes(2, b -> redisNode(b, "cluster", cluster, prefix)), members, rounds, warmup);
    } finally {
      redis.forEach(Process::destroyForcibly);
    }
  }

  private static Actionhero.Builder redisNode(Actionhero.Builder b, String mode, String url, String prefix) {
    return b.plugin(new RedisPlugin())
        .set("redis.enabled", true)
        .set("redis.mode", mode)
        .set("redis.url", url)
        .set("redis.keyPrefix", prefix)
        .set("general.serverToken", "bench");
  }

  private static List<Actionhero> nodes(int count, UnaryOperator<Actionhero.Builder> customize) throws Exception {
    List<Actionhero> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      nodes.add(customize.apply(
              Actionhero.builder()
                  .noConfigDirectory()
                  .environmentVariables(Map.of())
                  .discoverPlugins(false)
                  .set("web.transport", "undertow")
                  .set("web.port", 0)
                  .set("general.startingChatRooms", Map.of("defaultRoom", Map.of())))
          .start());
    }
    return nodes;
  }

  private static void measure(String label, List<Actionhero> nodes, int members, int rounds, int warmup)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<Member> fleet = new ArrayList<>();
    try {
      for (int i = 0; i < members; i++) {
        int port = nodes.get(i % nodes.size()).port().orElseThrow();
        Member m = new Member();
        m.ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/primus"), m).get(10, TimeUnit.SECONDS);
        m.ws.sendText("{\"event\":\"roomAdd\",\"room\":\"defaultRoom\",\"messageId\":1}", true);
        fleet.add(m);
      }
      for (Member m : fleet) {
        if (!m.joined.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("a member did not join");
        }
      }
      List<Long> times = new ArrayList<>();
      long missing = 0;
      for (int r = 0; r < warmup + rounds; r++) {
        CountDownLatch all = new CountDownLatch(members);
        AtomicLong last = new AtomicLong();
        String marker = "\"message\":\"round-" + r + "\"";
        fleet.forEach(m -> m.expect(marker, all, last));
        long sent = System.nanoTime();
        fleet.get(0).ws.sendText(
            "{\"event\":\"say\",\"room\":\"defaultRoom\",\"message\":\"round-" + r + "\",\"messageId\":" + (10 + r) + "}", true);
        boolean done = all.await(10, TimeUnit.SECONDS);
        if (r >= warmup) {
          if (done) {
            times.add(last.get() - sent);
          } else {
            missing += all.getCount();
          }
        }
        Thread.sleep(20);
      }
      Collections.sort(times);
      System.out.printf(Locale.ROOT, "%-36s time to last: p50 %.2f ms, p99 %.2f ms, max %.2f ms (missing %d)%n",
          label, ms(times, 0.50), ms(times, 0.99), ms(times, 1.0), missing);
    } finally {
      fleet.forEach(m -> m.ws.abort());
      nodes.forEach(Actionhero::stop);
    }
  }

  private static double ms(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1);
    return sorted.get(Math.max(0, i)) / 1e6;
  }

  /** One member socket: counts the round's message once. */
  private static final class Member implements WebSocket.Listener {
    WebSocket ws;
    final CountDownLatch joined = new CountDownLatch(1);
    private final StringBuilder text = new StringBuilder();
    private volatile String marker = "";
    private volatile CountDownLatch round;
    private volatile AtomicLong last;

    void expect(String roundMarker, CountDownLatch latch, AtomicLong lastAt) {
      last = lastAt;
      round = latch;
      marker = roundMarker;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean complete) {
      text.append(data);
      if (complete) {
        String frame = text.toString();
        text.setLength(0);
        if (frame.contains("\"status\":\"OK\"") && frame.contains("\"messageId\":1}")) {
          joined.countDown();
        } else if (!marker.isEmpty() && frame.contains(marker) && frame.contains("\"context\":\"user\"")) {
          marker = "";
          last.accumulateAndGet(System.nanoTime(), Math::max);
          round.countDown();
        }
      }
      webSocket.request(1);
      return null;
    }
  }

  /** redis-server processes on free ports, without persistence. */
  static final class Redis {
    static int start(List<Process> started, boolean clusterEnabled) throws Exception {
      int port;
      do {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
          port = s.getLocalPort();
        }
      } while (clusterEnabled && port > 55_000);
      Path dir = Files.createTempDirectory("bench-redis-");
      List<String> cmd = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--dir", dir.toString()));
      if (clusterEnabled) {
        cmd.addAll(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"));
      }
      started.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start());
      for (int i = 0; i < 200; i++) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
          return port;
        } catch (java.io.IOException e) {
          Thread.sleep(20);
        }
      }
      throw new IllegalStateException("redis-server on " + port + " did not start");
    }

    static void createCluster(List<String> nodes) throws Exception {
      List<String> cmd = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      cmd.addAll(nodes);
      cmd.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException(out);
      }
      for (String node : nodes) {
        String[] hp = node.split(":");
        for (int i = 0; ; i++) {
          Process info = new ProcessBuilder("redis-cli", "-h", hp[0], "-p", hp[1], "cluster", "info").start();
          if (new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("cluster_state:ok")) {
            break;
          }
          if (i > 300) {
            throw new IllegalStateException("redis cluster not ready");
          }
          Thread.sleep(50);
        }
      }
    }
  }
}
