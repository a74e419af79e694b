package org.actionhero4j.benchmarks;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A warm-up that lasts until the server's throughput settles rather than for a fixed time: a JVM
 * server keeps getting faster until C2 has compiled its hot paths, which on 2 shared cores can take
 * well over the few seconds a quick run can spare. Throughput is sampled in windows of {@link
 * #WINDOW_MILLIS}; the warm-up ends, after at least {@code minSeconds}, once the last {@link
 * #WINDOWS} windows are each within {@link #TOLERANCE} of their mean, or at {@code maxSeconds}.
 */
final class Warmup {

  static final long WINDOW_MILLIS = 2_000;
  static final int WINDOWS = 3;
  static final double TOLERANCE = 0.05;

  private Warmup() {}

  /** What the warm-up took, and whether the throughput had settled by then. */
  record Outcome(double seconds, boolean settled, double lastRate) {
    String describe(String mode) {
      return String.format(Locale.ROOT, "%s: warmed up %.0f s, %s at %.0f req/s", mode, seconds,
          settled ? "settled" : "not settled (hit the maximum)", lastRate);
    }
  }

  /** {@link #untilSettled}, said on stdout and recorded as {@code <mode>.warmup_s}. */
  static void run(String mode, int minSeconds, int maxSeconds, Results results, LongSupplier answered)
      throws InterruptedException {
    Outcome warm = untilSettled(minSeconds, maxSeconds, answered);
    System.out.println(warm.describe(mode));
    results.put(mode + ".warmup_s", warm.seconds());
  }

  /** Waits until {@code completed} (a running count of answered requests) grows at a steady rate. */
  static Outcome untilSettled(int minSeconds, int maxSeconds, LongSupplier completed) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(Math.max(minSeconds, maxSeconds));
    long earliest = start + TimeUnit.SECONDS.toNanos(minSeconds);
    double[] rates = new double[WINDOWS];
    int windows = 0;
    long count = completed.getAsLong();
    long at = System.nanoTime();
    while (true) {
      TimeUnit.MILLISECONDS.sleep(WINDOW_MILLIS);
      long nowCount = completed.getAsLong();
      long now = System.nanoTime();
      rates[windows++ % WINDOWS] = (nowCount - count) / ((now - at) / 1e9);
      count = nowCount;
      at = now;
      double last = rates[(windows - 1) % WINDOWS];
      boolean settled = windows >= WINDOWS && steady(rates);
      if ((settled && now >= earliest) || now >= deadline) {
        return new Outcome((now - start) / 1e9, settled, last);
      }
    }
  }

  private static boolean steady(double[] rates) {
    double mean = 0;
    for (double r : rates) {
      mean += r / rates.length;
    }
    if (mean <= 0) {
      return false;
    }
    for (double r : rates) {
      if (Math.abs(r - mean) > TOLERANCE * mean) {
        return false;
      }
    }
    return true;
  }
}
