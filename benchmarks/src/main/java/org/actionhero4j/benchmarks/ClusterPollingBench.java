package org.actionhero4j.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.actionhero4j.Actionhero;
import org.actionhero4j.benchmarks.servers.BenchServer;
import org.actionhero4j.plugin.redis.RedisPlugin;

/**
 * {@code cluster-polling}: rpc over Engine.IO long-polling on two Undertow nodes over one Redis
 * (started here, like {@code cluster-broadcast}), to measure what relaying a polling request to the
 * node holding its session costs. N clients each handshake on node A, keep one long-poll pending
 * and one {@code echo} action in flight (closed loop: a reply posts the next request). Three
 * set-ups on the same nodes: every request to A (direct), every request to B (each GET and POST
 * relayed to A), and requests alternating between the nodes (a round-robin load balancer: half
 * relayed). Prints req/s and the latency from POST to reply; asserts nothing.
 * Options: {@code --connections 50 --warmup 5 --duration 15 --passes 2} (only the last pass is
 * reported: the first warms the JIT on all three set-ups).
 */
final class ClusterPollingBench {

  private static final String SEPARATOR = "\u001e";

  private ClusterPollingBench() {}

  static void run(Args a) throws Exception {
    int clients = a.getInt("connections", 50);
    int warmup = a.getInt("warmup", 5);
    int duration = a.getInt("duration", 15);
    Results results = new Results(a.get("label", "cluster-polling"), a.get("results", null));
    System.out.printf(
        Locale.ROOT, "cluster-polling: %d clients, 1 echo in flight each, %d s warm-up, %d s measured%n",
        clients, warmup, duration);
    List<Process> redis = new ArrayList<>();
    List<Actionhero> nodes = new ArrayList<>();
    HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    try {
      int redisPort = ClusterBroadcastBench.Redis.start(redis, false);
      String prefix = "bench-polling-" + System.nanoTime() + ":";
      for (int i = 0; i < 2; i++) {
        nodes.add(
            BenchServer.builder("undertow", 0)
                .environmentVariables(java.util.Map.of())
                .plugin(new RedisPlugin())
                .set("redis.enabled", true)
                .set("redis.url", "redis://127.0.0.1:" + redisPort)
                .set("redis.keyPrefix", prefix)
                .set("general.serverToken", "bench")
                .start());
      }
      int owner = nodes.get(0).port().orElseThrow();
      int other = nodes.get(1).port().orElseThrow();
      // Every set-up runs once per pass; only the last pass is reported, so that the JIT has seen
      // all three before anything counts.
      int passes = a.getInt("passes", 2);
      for (int pass = 1; pass <= passes; pass++) {
        Results into = pass == passes ? results : null;
        measure("direct", into, http, clients, owner, new int[] {owner}, warmup, duration);
        measure("relayed", into, http, clients, owner, new int[] {other}, warmup, duration);
        measure("alternating", into, http, clients, owner, new int[] {other, owner}, warmup, duration);
      }
    } finally {
      nodes.forEach(Actionhero::stop);
      redis.forEach(Process::destroyForcibly);
    }
  }

  /**
   * {@code polling}: the same closed loop against one running server, ours ({@code --path /primus/})
   * or any Engine.IO v4 server that echoes each message back ({@code --path /engine.io/}); the reply
   * is recognised by its {@code messageId}. With {@code --server-pid} it also reports the server's
   * CPU time per request. Options: {@code --port P --path /primus/ --connections 50 --warmup 10
   * --duration 20}.
   */
  static void runSingle(Args a) throws Exception {
    int port = a.getInt("port", 8080);
    String path = a.get("path", "/primus/");
    long serverPid = a.getLong("server-pid", -1);
    Results results = new Results(a.get("label", "polling"), a.get("results", null));
    HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    int clients = a.getInt("connections", 50);
    System.out.printf(Locale.ROOT, "polling: %d clients on 127.0.0.1:%d%s, 1 echo in flight each%n", clients, port, path);
    measure("polling", results, http, clients, port, path, new int[] {port}, a.getInt("warmup", 10),
        a.getInt("duration", 20), serverPid);
  }

  private static void measure(
      String setup, Results results, HttpClient http, int count, int handshakePort, int[] ports, int warmup, int duration)
      throws Exception {
    measure(setup, results, http, count, handshakePort, "/primus/", ports, warmup, duration, -1);
  }

  private static void measure(
      String setup,
      Results results,
      HttpClient http,
      int count,
      int handshakePort,
      String path,
      int[] ports,
      int warmup,
      int duration,
      long serverPid)
      throws Exception {
    Histogram histogram = Latency.histogram();
    AtomicLong completed = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Client> clients = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clients.add(Client.open(http, handshakePort, path, ports, histogram, completed, errors));
    }
    clients.forEach(Client::start);
    TimeUnit.SECONDS.sleep(warmup);
    synchronized (histogram) {
      histogram.reset();
    }
    completed.set(0);
    errors.set(0);
    Client.measuring = true;
    long cpu0 = serverPid > 0 ? ProcStats.cpuNanos(serverPid) : -1;
    long start = System.nanoTime();
    TimeUnit.SECONDS.sleep(duration);
    Client.measuring = false;
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpu1 = serverPid > 0 ? ProcStats.cpuNanos(serverPid) : -1;
    long done = completed.get();
    long failed = errors.get();
    clients.forEach(Client::close);
    Histogram copy;
    synchronized (histogram) {
      copy = histogram.copy();
    }
    if (results != null) {
      results.put(setup + ".req_per_s", done / seconds);
      Latency.put(results, setup, copy);
      results.put(setup + ".errors", failed);
      if (serverPid > 0 && done > 0) {
        results.put(setup + ".server_cpu_us_per_req", (cpu1 - cpu0) / 1000.0 / done);
      }
    }
    System.out.printf(
        Locale.ROOT, "%s%-12s %8.0f req/s  %s  errors %d%s%n", results == null ? "(warm-up pass) " : "",
        setup, done / seconds, Latency.summary(copy), failed,
        Client.firstError == null ? "" : " (first: " + Client.firstError + ")");
    Client.firstError = null;
  }

  /**
   * One polling session: a long-poll always pending, one POST at a time (Engine.IO refuses
   * overlapping ones; what waits meanwhile goes in the next), each request to the next port in turn.
   */
  private static final class Client {
    static volatile boolean measuring;
    static volatile String firstError;

    private final HttpClient http;
    private final String path;
    private final String sid;
    private final int[] ports;
    private final Histogram histogram;
    private final AtomicLong completed;
    private final AtomicLong errors;
    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    private boolean posting;
    private int nextGet;
    private int nextPost;
    private long messageId;
    private long sentAt;
    private volatile boolean closed;

    private Client(
        HttpClient http,
        String path,
        String sid,
        int[] ports,
        Histogram histogram,
        AtomicLong completed,
        AtomicLong errors) {
      this.http = http;
      this.path = path;
      this.sid = sid;
      this.ports = ports;
      this.histogram = histogram;
      this.completed = completed;
      this.errors = errors;
    }

    static Client open(
        HttpClient http,
        int port,
        String path,
        int[] ports,
        Histogram histogram,
        AtomicLong completed,
        AtomicLong errors)
        throws Exception {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + "?EIO=4&transport=polling"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String body = r.body();
      int at = body.indexOf("\"sid\":\"");
      if (r.statusCode() != 200 || at < 0) {
        throw new IllegalStateException("handshake failed: " + r.statusCode() + " " + body);
      }
      String sid = body.substring(at + 7, body.indexOf('"', at + 7));
      return new Client(http, path, sid, ports, histogram, completed, errors);
    }

    private URI uri(int port) {
      return URI.create("http://127.0.0.1:" + port + path + "?EIO=4&transport=polling&sid=" + sid);
    }

    void start() {
      poll();
      next();
    }

    private void poll() {
      if (closed) {
        return;
      }
      int port = ports[nextGet++ % ports.length];
      http.sendAsync(HttpRequest.newBuilder(uri(port)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString())
          .whenComplete((r, failure) -> {
            if (failure != null || r.statusCode() != 200) {
              if (!closed) {
                error("poll: " + (failure != null ? failure : r.statusCode() + " " + r.body()));
                closed = true;
              }
              return;
            }
            for (String packet : r.body().split(SEPARATOR, -1)) {
              if (packet.equals("2")) {
                post("3");
              } else if (packet.equals("1")) {
                closed = true;
              } else if (packet.startsWith("4") && packet.contains("\"messageId\":")) {
                // our echo action's reply, or a plain Engine.IO echo server's copy of the request
                replied(packet);
              }
            }
            poll();
          });
    }

    private void replied(String packet) {
      long now = System.nanoTime();
      boolean mine;
      synchronized (this) {
        mine = packet.contains("\"messageId\":" + messageId + "}") || packet.contains("\"messageId\":" + messageId + ",");
      }
      if (!mine || packet.contains("\"error\"")) {
        error("reply: " + packet);
      }
      if (measuring) {
        synchronized (histogram) {
          Latency.record(histogram, now - sentAt);
        }
        completed.incrementAndGet();
      }
      next();
    }

    private void next() {
      String frame;
      synchronized (this) {
        messageId++;
        sentAt = System.nanoTime();
        frame = "4{\"event\":\"action\",\"params\":{\"action\":\"echo\",\"message\":\"hello world\"},\"messageId\":" + messageId + "}";
      }
      post(frame);
    }

    private void post(String packet) {
      String payload;
      int port;
      synchronized (this) {
        outbox.add(packet);
        if (posting || closed) {
          return;
        }
        posting = true;
        payload = String.join(SEPARATOR, outbox);
        outbox.clear();
        port = ports[nextPost++ % ports.length];
      }
      http.sendAsync(
              HttpRequest.newBuilder(uri(port)).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(payload)).build(),
              HttpResponse.BodyHandlers.ofString())
          .whenComplete((r, failure) -> {
            if ((failure != null || r.statusCode() != 200) && !closed) {
              error("post: " + (failure != null ? failure : r.statusCode() + " " + r.body()));
            }
            String more = null;
            synchronized (this) {
              posting = false;
              if (!outbox.isEmpty()) {
                more = outbox.poll();
              }
            }
            if (more != null) {
              post(more);
            }
          });
    }

    private void error(String what) {
      errors.incrementAndGet();
      if (firstError == null) {
        firstError = what;
      }
    }

    /** Ends the session (its pending poll is released with a close packet). */
    void close() {
      closed = true;
      try {
        http.send(
            HttpRequest.newBuilder(uri(ports[0])).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("1")).build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (Exception e) {
        // the session may be gone already
      }
    }
  }
}
