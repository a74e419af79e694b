package org.actionhero4j.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.actionhero4j.benchmarks.client.WsConn;
import org.actionhero4j.benchmarks.client.WsProtocol;

/**
 * {@code broadcast}: K sockets join {@code defaultRoom} (Actionhero's {@code roomAdd}, or a
 * Socket.IO {@code join} event with an ack); then, round after round, socket 0 says a message
 * (Actionhero's {@code say}, or a Socket.IO {@code say} event with an ack, which the server emits to
 * the room) and the round's time is from that send until the last of the K members (the sender
 * included) has it. p50/p99 over the measured rounds; the server's CPU time (utime+stime from
 * /proc) over the measured rounds divided by the frames delivered; and this generator's own CPU
 * per frame, which bounds what it can show.
 */
final class BroadcastBench implements WsFleet.Listener {

  private static final String ROOM = "defaultRoom";
  private static final long JOIN_ID = 1;

  private WsProtocol protocol;
  private final AtomicInteger joined = new AtomicInteger();
  private final AtomicInteger joinErrors = new AtomicInteger();
  private final AtomicInteger remaining = new AtomicInteger();
  private final AtomicLong late = new AtomicLong();
  private volatile int round = -1;
  private volatile long lastAt;
  private volatile long sentAt;
  private volatile CountDownLatch roundDone = new CountDownLatch(0);

  static void run(Args a) throws Exception {
    int members = a.getInt("members", 1000);
    int rounds = a.getInt("rounds", 50);
    int warmupRounds = a.getInt("warmup-rounds", 10);
    long gapMillis = a.getLong("gap-ms", 20);
    long roundTimeout = a.getLong("round-timeout-ms", 10_000);
    long serverPid = a.getLong("server-pid", -1);
    String prefix = a.get("metric", "bcast" + members);
    Results results = new Results(a.get("label", "server"), a.get("results", null));
    BroadcastBench bench = new BroadcastBench();
    WsFleet fleet = WsFleet.from(a, 64, 1024, bench);
    bench.protocol = fleet.protocol();
    try {
      List<String> ips = localIps(a.get("local-ips", ""));
      fleet.open(members, ips, a.getInt("per-ip", 2000), 120_000);
      System.out.printf(Locale.ROOT, "broadcast: %d sockets ready (%d failed)%n", fleet.ready(), fleet.failedBeforeReady());
      byte[] join = bench.protocol.join(ROOM).with(JOIN_ID);
      // join at most 500 at a time, as a page full of clients would, not in one burst
      List<WsConn> conns = fleet.conns();
      for (int i = 0; i < conns.size(); i += 500) {
        int target = Math.min(conns.size(), i + 500);
        for (int j = i; j < target; j++) {
          WsConn c = conns.get(j);
          c.loopExecute(() -> c.sendText(join));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (bench.joined.get() + bench.joinErrors.get() < target - fleet.failedBeforeReady()
            && System.nanoTime() < deadline) {
          Thread.sleep(2);
        }
      }
      int k = bench.joined.get();
      System.out.printf(Locale.ROOT, "broadcast: %d joined " + ROOM + " (%d refused)%n", k, bench.joinErrors.get());
      WsConn sender = conns.get(0);
      Histogram histogram = Latency.histogram();
      long timeouts = 0;
      long missing = 0;
      long cpu0 = -1;
      long self0 = -1;
      long delivered = 0;
      long selfPid = ProcessHandle.current().pid();
      for (int r = 0; r < warmupRounds + rounds; r++) {
        if (r == warmupRounds) {
          cpu0 = serverPid > 0 ? ProcStats.cpuNanos(serverPid) : -1;
          self0 = ProcStats.cpuNanos(selfPid);
        }
        int current = r;
        bench.remaining.set(k);
        bench.roundDone = new CountDownLatch(1);
        bench.round = current;
        byte[] say = bench.protocol.say(ROOM, "round-" + current, 1000 + current);
        sender.loopExecute(() -> {
          bench.sentAt = System.nanoTime();
          sender.sendText(say);
        });
        boolean done = bench.roundDone.await(roundTimeout, TimeUnit.MILLISECONDS);
        if (r >= warmupRounds) {
          if (done) {
            Latency.record(histogram, bench.lastAt - bench.sentAt);
            delivered += k;
          } else {
            timeouts++;
            int left = bench.remaining.get();
            missing += left;
            delivered += k - left;
          }
        }
        Thread.sleep(gapMillis);
      }
      long cpu1 = serverPid > 0 ? ProcStats.cpuNanos(serverPid) : -1;
      long self1 = ProcStats.cpuNanos(selfPid);
      long errors = missing + bench.joinErrors.get() + fleet.failedBeforeReady() + fleet.closedAfterReady();
      System.out.printf(Locale.ROOT, "broadcast to %d: %s, timeouts=%d missing=%d late=%d%n",
          k, Latency.summary(histogram), timeouts, missing, bench.late.get());
      results.put(prefix + ".members", k);
      results.put(prefix + ".p50_ms", Latency.ms(histogram.getValueAtPercentile(50)));
      results.put(prefix + ".p99_ms", Latency.ms(histogram.getValueAtPercentile(99)));
      results.put(prefix + ".max_ms", Latency.ms(histogram.getMaxValue()));
      results.put(prefix + ".errors", errors);
      if (cpu0 >= 0 && cpu1 >= 0 && delivered > 0) {
        double us = (cpu1 - cpu0) / 1000.0 / delivered;
        System.out.printf(Locale.ROOT, "broadcast: server CPU %.2f us per delivered frame (%d frames)%n", us, delivered);
        results.put(prefix + ".server_cpu_us_per_frame", us);
      }
      if (self0 >= 0 && self1 >= 0 && delivered > 0) {
        results.put(prefix + ".client_cpu_us_per_frame", (self1 - self0) / 1000.0 / delivered);
      }
    } finally {
      fleet.close();
    }
  }

  static List<String> localIps(String spec) {
    if (spec.isBlank()) {
      return List.of();
    }
    return List.of(spec.split(","));
  }

  @Override
  public void onText(WsConn c, byte[] buf, int off, int len) {
    long r = protocol.broadcastRound(buf, off, len);
    if (r >= 0) {
      if (r == round) {
        if (remaining.decrementAndGet() == 0) {
          lastAt = System.nanoTime();
          roundDone.countDown();
        }
      } else {
        late.incrementAndGet();
      }
      return;
    }
    if (protocol.replyId(buf, off, len) == JOIN_ID) {
      if (protocol.isOk(buf, off, len)) {
        joined.incrementAndGet();
      } else {
        joinErrors.incrementAndGet();
        if (joinErrors.get() <= 3) {
          System.err.println("join refused: " + new String(buf, off, len, StandardCharsets.UTF_8));
        }
      }
    }
  }
}
