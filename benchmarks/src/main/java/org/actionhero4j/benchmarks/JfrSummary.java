package org.actionhero4j.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes CPU samples ({@code jdk.ExecutionSample}) of a JFR recording: the hottest top frames
 * (self time), the methods most often on the stack (total time), and the share of samples by
 * area (JSON, pipeline, transport, JDK I/O...). Allocation samples, when present, by top frame.
 *
 * <p>{@code java -cp ... JfrSummary recording.jfr [top]}
 */
public final class JfrSummary {

  private JfrSummary() {}

  /** Areas by package prefix, checked in order against each frame, deepest first. */
  private static final String[][] AREAS = {
    {"tools.jackson.", "JSON (Jackson)"},
    {"org.actionhero4j.internal.socket.", "actionhero4j socket protocol"},
    {"org.actionhero4j.internal.", "actionhero4j pipeline/registries"},
    {"org.actionhero4j.transport.", "actionhero4j transport adapter"},
    {"org.actionhero4j.", "actionhero4j other"},
    {"com.google.inject.", "Guice"},
    {"io.undertow.", "Undertow"},
    {"org.xnio.", "XNIO"},
    {"org.eclipse.jetty.", "Jetty"},
    {"sun.nio.", "JDK NIO / syscalls"},
    {"java.util.concurrent.", "JDK concurrency"},
    {"java.", "JDK other"},
    {"jdk.", "JDK other"},
  };

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    Map<String, Integer> areas = new HashMap<>();
    Map<String, Long> allocations = new HashMap<>();
    int samples = 0;
    long allocated = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      String type = e.getEventType().getName();
      RecordedStackTrace st = e.getStackTrace();
      if (st == null || st.getFrames().isEmpty()) {
        continue;
      }
      List<RecordedFrame> frames = st.getFrames();
      if (type.equals("jdk.ExecutionSample")) {
        samples++;
        self.merge(name(frames.get(0)), 1, Integer::sum);
        Set<String> seen = new LinkedHashSet<>();
        for (RecordedFrame f : frames) {
          seen.add(name(f));
        }
        for (String s : seen) {
          total.merge(s, 1, Integer::sum);
        }
        areas.merge(area(frames), 1, Integer::sum);
      } else if (type.equals("jdk.ObjectAllocationSample")) {
        long weight = e.getLong("weight");
        allocated += weight;
        allocations.merge(name(firstOutsideJdk(frames)), weight, Long::sum);
      }
    }
    System.out.printf(Locale.ROOT, "%d CPU samples in %s%n", samples, file.getFileName());
    System.out.println("\nBy area (the first non-JDK frame from the top decides, JDK if none):");
    print(areas, samples, top);
    System.out.println("\nSelf time (top frame):");
    print(self, samples, top);
    System.out.println("\nTotal time (on the stack):");
    print(total, samples, top);
    if (allocated > 0) {
      System.out.printf(Locale.ROOT, "%nAllocation (sampled weight %.1f MiB) by first non-JDK frame:%n", allocated / 1048576.0);
      allocations.entrySet().stream()
          .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
          .limit(top)
          .forEach(en -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * en.getValue() / (double) Math.max(1, sum(allocations)), en.getKey()));
    }
  }

  private static long sum(Map<String, Long> values) {
    long sum = 0;
    for (long v : values.values()) {
      sum += v;
    }
    return sum;
  }

  private static void print(Map<String, Integer> counts, int samples, int top) {
    counts.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
        .limit(top)
        .forEach(en -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * en.getValue() / Math.max(1, samples), en.getKey()));
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static RecordedFrame firstOutsideJdk(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String n = f.getMethod().getType().getName();
      if (!n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.")) {
        return f;
      }
    }
    return frames.get(0);
  }

  private static String area(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String n = f.getMethod().getType().getName();
      if (n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.")) {
        continue;
      }
      for (String[] a : AREAS) {
        if (n.startsWith(a[0])) {
          return a[1];
        }
      }
      return n.substring(0, Math.max(0, n.lastIndexOf('.')));
    }
    String n = frames.get(0).getMethod().getType().getName();
    for (String[] a : AREAS) {
      if (n.startsWith(a[0])) {
        return a[1];
      }
    }
    return "other";
  }
}
