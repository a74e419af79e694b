package org.actionhero4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.actionhero4j.benchmarks.client.ClientLoop;
import org.actionhero4j.benchmarks.client.WsConn;
import org.actionhero4j.benchmarks.client.WsProtocol;

/**
 * {@code rpc}: N sockets, M {@code echo} requests in flight on each (Actionhero's {@code echo}
 * action, or a Socket.IO {@code echo} event with an ack; closed loop: a reply sends the next
 * request in its slot), a warm-up, then a measured window. Reports requests/s, latency from
 * send to reply, and errors (replies with an {@code error}, sockets lost, requests unanswered).
 */
final class RpcBench implements WsFleet.Listener {

  private final int inflight;
  private final String message;
  private WsProtocol protocol;
  private WsProtocol.Template echo;
  private volatile int phase; // 0 warm-up, 1 measuring, 2 draining
  private final List<PerLoop> perLoop = new ArrayList<>();
  private WsFleet fleet;

  /** State one loop thread owns. */
  private static final class PerLoop {
    final ClientLoop loop;
    final Histogram histogram = Latency.histogram();
    long completed;
    volatile long answered; // every answer, warm-up included: read by the warm-up from the main thread
    long errors;
    long unexpected;
    PerLoop(ClientLoop loop) {
      this.loop = loop;
    }
  }

  /** One socket's slots: slot s carries ids s, s+M, s+2M, ... */
  private static final class Slots {
    final long[] sentAt;
    final long[] id;
    int outstanding;
    PerLoop stats;
    Slots(int m) {
      sentAt = new long[m];
      id = new long[m];
    }
  }

  RpcBench(int inflight, String message) {
    this.inflight = inflight;
    this.message = message;
  }

  static void run(Args a) throws Exception {
    int connections = a.getInt("connections", 100);
    int inflight = a.getInt("inflight", 5);
    int warmup = a.getInt("warmup", 5);
    int duration = a.getInt("duration", 20);
    Results results = new Results(a.get("label", "server"), a.get("results", null));
    RpcBench bench = new RpcBench(inflight, a.get("message", "hello world"));
    WsFleet fleet = WsFleet.from(a, 64, 4096, bench);
    bench.fleet = fleet;
    bench.protocol = fleet.protocol();
    bench.echo = fleet.protocol().echo(bench.message);
    for (ClientLoop loop : fleet.loops()) {
      bench.perLoop.add(new PerLoop(loop));
    }
    try {
      fleet.open(connections, List.of(), Integer.MAX_VALUE, 30_000);
      System.out.printf(Locale.ROOT, "rpc: %d sockets ready (%d failed), %d in flight each%n",
          fleet.ready(), fleet.failedBeforeReady(), inflight);
      fleet.onEachLoop(bench::startLoop);
      long serverPid = a.getLong("server-pid", -1);
      Warmup.run("rpc", warmup, a.getInt("warmup-max", warmup), results,
          () -> bench.perLoop.stream().mapToLong(p -> p.answered).sum());
      fleet.onEachLoop(bench::resetLoop);
      long cpu0 = serverPid > 0 ? ProcStats.cpuNanos(serverPid) : -1;
      long t0 = System.nanoTime();
      bench.phase = 1;
      Thread.sleep(TimeUnit.SECONDS.toMillis(duration));
      bench.phase = 2;
      long t1 = System.nanoTime();
      long cpu1 = serverPid > 0 ? ProcStats.cpuNanos(serverPid) : -1;
      // let what is in flight come back, then count what never did
      long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      long[] outstanding = new long[1];
      do {
        Thread.sleep(50);
        outstanding[0] = 0;
        fleet.onEachLoop(loop -> {
          for (WsConn c : fleet.conns()) {
            if (c.loopIs(loop) && c.attachment instanceof Slots s && !c.isClosed()) {
              synchronized (outstanding) {
                outstanding[0] += s.outstanding;
              }
            }
          }
        });
      } while (outstanding[0] > 0 && System.nanoTime() < drainUntil);

      List<Histogram> hs = new ArrayList<>();
      long completed = 0;
      long errors = 0;
      for (PerLoop p : bench.perLoop) {
        hs.add(p.histogram);
        completed += p.completed;
        errors += p.errors + p.unexpected;
      }
      errors += outstanding[0] + fleet.failedBeforeReady() + fleet.closedAfterReady();
      Histogram all = Latency.merge(hs);
      double seconds = (t1 - t0) / 1e9;
      double rps = completed / seconds;
      System.out.printf(Locale.ROOT, "rpc: %.0f req/s over %.1f s, %s, errors=%d%n", rps, seconds, Latency.summary(all), errors);
      results.put("rpc.rps", Math.round(rps));
      Latency.put(results, "rpc", all);
      results.put("rpc.errors", errors);
      if (cpu0 >= 0 && cpu1 >= 0 && completed > 0) {
        results.put("rpc.server_cpu_us_per_req", (cpu1 - cpu0) / 1000.0 / completed);
      }
    } finally {
      fleet.close();
    }
  }

  private void startLoop(ClientLoop loop) {
    PerLoop stats = perLoop.stream().filter(p -> p.loop == loop).findFirst().orElseThrow();
    for (WsConn c : fleet.conns()) {
      if (!c.loopIs(loop) || !c.isReady()) {
        continue;
      }
      Slots s = new Slots(inflight);
      s.stats = stats;
      c.attachment = s;
      for (int slot = 0; slot < inflight; slot++) {
        send(c, s, slot, slot + 1);
      }
    }
  }

  private void resetLoop(ClientLoop loop) {
    for (PerLoop p : perLoop) {
      if (p.loop == loop) {
        p.histogram.reset();
        p.completed = 0;
        p.errors = 0;
        p.unexpected = 0;
      }
    }
  }


  private void send(WsConn c, Slots s, int slot, long id) {
    byte[] frame = echo.with(id);
    s.id[slot] = id;
    s.sentAt[slot] = System.nanoTime();
    s.outstanding++;
    c.sendText(frame);
  }

  @Override
  public void onText(WsConn c, byte[] buf, int off, int len) {
    long now = System.nanoTime();
    if (!(c.attachment instanceof Slots s)) {
      return; // e.g. a frame before the run started
    }
    long id = protocol.replyId(buf, off, len);
    if (id < 1) {
      s.stats.unexpected++;
      return;
    }
    int slot = (int) ((id - 1) % inflight);
    if (s.id[slot] != id) {
      s.stats.unexpected++;
      return;
    }
    s.outstanding--;
    s.stats.answered++;
    int p = phase;
    if (p == 1) {
      Latency.record(s.stats.histogram, now - s.sentAt[slot]);
      s.stats.completed++;
      if (protocol.isError(buf, off, len)) {
        s.stats.errors++;
      }
    }
    if (p < 2) {
      send(c, s, slot, id + inflight);
    }
  }
}
