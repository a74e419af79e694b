package org.actionhero4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak's least-squares verdict on made-up samples (no timings: the samples carry their own). */
class SoakVerdictTest {

  /** Samples every 30 s for an hour, heap = base + slope per hour + a fixed wiggle. */
  private static List<SoakBench.Sample> hour(double base, double mbPerHour, double wiggle) {
    List<SoakBench.Sample> samples = new ArrayList<>();
    for (int i = 10; i <= 120; i++) {
      double t = i * 30.0;
      double heap = base + mbPerHour * t / 3600 + (i % 2 == 0 ? wiggle : -wiggle);
      samples.add(new SoakBench.Sample(t, 0, heap, 25, 400, 30, 0, 20, 1, 4));
    }
    return samples;
  }

  @Test
  void fitRecoversALine() {
    double[] f = SoakBench.fit(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
    assertEquals(2, f[0], 1e-9);
    assertEquals(1, f[1], 1e-9);
    assertEquals(0, f[2], 1e-9);
  }

  @Test
  void aNoisyButLevelHeapIsFlat() {
    String v = SoakBench.verdict(hour(14, 0, 1.5), SoakBench.Sample::heapMb, 2);
    assertTrue(v.startsWith("flat"), v);
  }

  @Test
  void aSteadyClimbIsGrowthWithItsRate() {
    String v = SoakBench.verdict(hour(14, 10, 0.2), SoakBench.Sample::heapMb, 2);
    assertTrue(v.startsWith("growing by 10.00 MB/h"), v);
  }

  @Test
  void tooFewSamplesSaySo() {
    String v = SoakBench.verdict(hour(14, 0, 0).subList(0, 2), SoakBench.Sample::heapMb, 2);
    assertTrue(v.startsWith("too few"), v);
  }
}
