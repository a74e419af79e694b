package org.actionhero4j.benchmarks;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.actionhero4j.benchmarks.client.ClientLoop;
import org.actionhero4j.benchmarks.client.HttpConn;

/**
 * {@code http}: C keep-alive HTTP/1.1 connections, one request in flight on each (closed loop),
 * {@code GET <path>}; a warm-up, then a measured window. Non-200 answers and lost connections are
 * errors. Each connection sends a fixed {@code sessionID} cookie, as a browser would after its first
 * request.
 */
final class HttpBench implements HttpConn.Handler {

  private final byte[][] requests;
  private final List<PerLoop> perLoop = new ArrayList<>();
  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private volatile int phase; // 0 warm-up, 1 measuring, 2 draining
  private volatile boolean started;

  private static final class PerLoop {
    final ClientLoop loop;
    final Histogram histogram = Latency.histogram();
    long completed;
    volatile long answered; // every answer, warm-up included: read by the warm-up from the main thread
    long errors;
    PerLoop(ClientLoop loop) {
      this.loop = loop;
    }
  }

  private static final class State {
    PerLoop stats;
    long sentAt;
    boolean outstanding;
  }

  private HttpBench(String host, int port, String path, int connections) {
    requests = new byte[connections][];
    for (int i = 0; i < connections; i++) {
      requests[i] =
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                  + "\r\nCookie: sessionID=bench" + i + "\r\nAccept: application/json\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  static void run(Args a) throws Exception {
    String host = a.get("host", "127.0.0.1");
    int port = a.getInt("port", 8080);
    int connections = a.getInt("connections", 50);
    int warmup = a.getInt("warmup", 5);
    int duration = a.getInt("duration", 20);
    int threads = a.getInt("threads", 1);
    Results results = new Results(a.get("label", "server"), a.get("results", null));
    HttpBench bench = new HttpBench(host, port, a.get("http-path", "/api/echo?message=hello%20world"), connections);
    List<ClientLoop> loops = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      ClientLoop loop = new ClientLoop("http-client-" + i).start();
      loops.add(loop);
      bench.perLoop.add(new PerLoop(loop));
    }
    List<HttpConn> conns = new ArrayList<>();
    try {
      InetSocketAddress remote = new InetSocketAddress(host, port);
      for (int i = 0; i < connections; i++) {
        ClientLoop loop = loops.get(i % loops.size());
        HttpConn c = new HttpConn(loop, i, bench);
        State s = new State();
        s.stats = bench.perLoop.get(i % loops.size());
        c.attachment = s;
        conns.add(c);
        loop.execute(() -> c.connect(remote, null));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (bench.connected.get() + bench.closed.get() < connections && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      System.out.printf(Locale.ROOT, "http: %d connections open%n", bench.connected.get());
      bench.started = true;
      for (HttpConn c : conns) {
        c.loopExecute(() -> bench.send(c));
      }
      long serverPid = a.getLong("server-pid", -1);
      Warmup.run("http", warmup, a.getInt("warmup-max", warmup), results,
          () -> bench.perLoop.stream().mapToLong(p -> p.answered).sum());
      for (PerLoop p : bench.perLoop) {
        p.loop.execute(() -> {
          p.histogram.reset();
          p.completed = 0;
          p.errors = 0;
        });
      }
      Thread.sleep(20);
      long cpu0 = serverPid > 0 ? ProcStats.cpuNanos(serverPid) : -1;
      long t0 = System.nanoTime();
      bench.phase = 1;
      Thread.sleep(TimeUnit.SECONDS.toMillis(duration));
      bench.phase = 2;
      long t1 = System.nanoTime();
      long cpu1 = serverPid > 0 ? ProcStats.cpuNanos(serverPid) : -1;
      Thread.sleep(500);
      List<Histogram> hs = new ArrayList<>();
      long completed = 0;
      long errors = bench.closed.get();
      for (PerLoop p : bench.perLoop) {
        hs.add(p.histogram);
        completed += p.completed;
        errors += p.errors;
      }
      Histogram all = Latency.merge(hs);
      double rps = completed / ((t1 - t0) / 1e9);
      System.out.printf(Locale.ROOT, "http: %.0f req/s, %s, errors=%d%n", rps, Latency.summary(all), errors);
      results.put("http.rps", Math.round(rps));
      Latency.put(results, "http", all);
      results.put("http.errors", errors);
      if (cpu0 >= 0 && cpu1 >= 0 && completed > 0) {
        results.put("http.server_cpu_us_per_req", (cpu1 - cpu0) / 1000.0 / completed);
      }
    } finally {
      for (ClientLoop loop : loops) {
        loop.stop();
      }
    }
  }

  private void send(HttpConn c) {
    State s = (State) c.attachment;
    if (c.isClosed()) {
      return;
    }
    s.sentAt = System.nanoTime();
    s.outstanding = true;
    c.sendRequest(requests[c.index]);
  }

  @Override
  public void onConnected(HttpConn c) {
    connected.incrementAndGet();
  }

  @Override
  public void onResponse(HttpConn c, int status, byte[] buf, int off, int len) {
    long now = System.nanoTime();
    State s = (State) c.attachment;
    s.outstanding = false;
    s.stats.answered++;
    int p = phase;
    if (p == 1) {
      Latency.record(s.stats.histogram, now - s.sentAt);
      s.stats.completed++;
      if (status != 200) {
        s.stats.errors++;
      }
    }
    if (p < 2) {
      send(c);
    }
  }

  @Override
  public void onClose(HttpConn c, String why) {
    if (!"loop stopped".equals(why)) {
      if (closed.getAndIncrement() < 3) {
        System.err.println("http connection " + c.index + " closed: " + why);
      }
    }
  }
}
