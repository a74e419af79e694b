package org.actionhero4j.benchmarks;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Latency histograms in nanoseconds (HdrHistogram, 3 significant digits, up to 60 s). */
public final class Latency {

  public static final long HIGHEST = 60_000_000_000L;

  private Latency() {}

  public static Histogram histogram() {
    return new Histogram(HIGHEST, 3);
  }

  public static void record(Histogram h, long nanos) {
    h.recordValue(Math.max(1, Math.min(HIGHEST, nanos)));
  }

  public static Histogram merge(List<Histogram> parts) {
    Histogram all = histogram();
    for (Histogram h : parts) {
      all.add(h);
    }
    return all;
  }

  public static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }

  /** Writes p50/p90/p99/max in ms under {@code prefix}. */
  public static void put(Results results, String prefix, Histogram h) {
    results.put(prefix + ".p50_ms", ms(h.getValueAtPercentile(50)));
    results.put(prefix + ".p90_ms", ms(h.getValueAtPercentile(90)));
    results.put(prefix + ".p99_ms", ms(h.getValueAtPercentile(99)));
    results.put(prefix + ".max_ms", ms(h.getMaxValue()));
  }

  public static String summary(Histogram h) {
    return String.format(
        Locale.ROOT,
        "n=%d p50=%.3fms p90=%.3fms p99=%.3fms max=%.3fms",
        h.getTotalCount(),
        ms(h.getValueAtPercentile(50)),
        ms(h.getValueAtPercentile(90)),
        ms(h.getValueAtPercentile(99)),
        ms(h.getMaxValue()));
  }
}
