package org.actionhero4j.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a results file ({@code RESULT <server> <metric> <value>} lines) into one Markdown table:
 * a row per figure, a column per server, each cell with its ratio to the reference; then the
 * targets of the benchmark issue, each with the measured figure and whether it is met, and how
 * ours stand against each peer (Socket.IO, netty-socketio) where the peers ran.
 *
 * <p>{@code java -cp ... Report results.txt [reference-label]}
 */
public final class Report {

  /** The columns, in order; servers absent from the file are left out. */
  static final List<String> SERVERS =
      List.of(
          "ah4j-undertow", "ah4j-jetty", "reference", "socketio", "netty-socketio", "bare-undertow", "bare-jetty",
          "engineio", "sink");

  /** The peers a user might pick instead (Socket.IO 4 on Node, netty-socketio on the JVM). */
  static final List<String> PEERS = List.of("socketio", "netty-socketio");

  /** The rows: metric and description. */
  static final String[][] ROWS = {
    {"rpc.rps", "rpc: requests/s (100 sockets × 5 in flight)"},
    {"rpc.p50_ms", "rpc: latency p50 (ms)"},
    {"rpc.p90_ms", "rpc: latency p90 (ms)"},
    {"rpc.p99_ms", "rpc: latency p99 (ms)"},
    {"rpc.max_ms", "rpc: latency max (ms)"},
    {"rpc.errors", "rpc: errors"},
    {"rpc.server_cpu_us_per_req", "rpc: server CPU per request (µs)"},
    {"polling.req_per_s", "polling: requests/s (Engine.IO long-polling, 50 clients × 1 in flight)"},
    {"polling.p50_ms", "polling: latency p50 (ms)"},
    {"polling.p99_ms", "polling: latency p99 (ms)"},
    {"polling.errors", "polling: errors"},
    {"polling.server_cpu_us_per_req", "polling: server CPU per request (µs)"},
    {"http.rps", "http: requests/s (50 keep-alive connections)"},
    {"http.p50_ms", "http: latency p50 (ms)"},
    {"http.p99_ms", "http: latency p99 (ms)"},
    {"http.errors", "http: errors"},
    {"http.server_cpu_us_per_req", "http: server CPU per request (µs)"},
    {"bcast1000.members", "broadcast 1k: members"},
    {"bcast1000.p50_ms", "broadcast 1k: time to last member p50 (ms)"},
    {"bcast1000.p99_ms", "broadcast 1k: time to last member p99 (ms)"},
    {"bcast1000.server_cpu_us_per_frame", "broadcast 1k: server CPU per delivered frame (µs)"},
    {"bcast1000.client_cpu_us_per_frame", "broadcast 1k: generator CPU per received frame (µs)"},
    {"bcast1000.errors", "broadcast 1k: errors (missing deliveries)"},
    {"bcast10000.members", "broadcast 10k: members"},
    {"bcast10000.p50_ms", "broadcast 10k: time to last member p50 (ms)"},
    {"bcast10000.p99_ms", "broadcast 10k: time to last member p99 (ms)"},
    {"bcast10000.server_cpu_us_per_frame", "broadcast 10k: server CPU per delivered frame (µs)"},
    {"bcast10000.client_cpu_us_per_frame", "broadcast 10k: generator CPU per received frame (µs)"},
    {"bcast10000.errors", "broadcast 10k: errors (missing deliveries)"},
    {"idle.target", "idle: sockets asked for"},
    {"idle.ready", "idle: sockets opened"},
    {"idle.held", "idle: sockets still open after the hold"},
    {"idle.pings", "idle: heartbeats answered (Primus or Engine.IO pings)"},
    {"idle.rss_kb_per_conn", "idle: server RSS per socket (KiB)"},
    {"idle.heap_kb_per_conn", "idle: server heap after GC per socket (KiB)"},
    {"idle.rss_mb_total", "idle: server RSS with all sockets (MiB)"},
    {"idle.ramp_s", "idle: ramp time (s)"},
  };

  private Report() {}

  public static void main(String[] args) throws Exception {
    Map<String, Map<String, Double>> data = read(Path.of(args[0]));
    String ref = args.length > 1 ? args[1] : "reference";
    System.out.print(render(data, ref));
  }

  static Map<String, Map<String, Double>> read(Path file) throws Exception {
    Map<String, Map<String, Double>> data = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 4 && f[0].equals("RESULT")) {
        data.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[2], Double.parseDouble(f[3]));
      }
    }
    return data;
  }

  static String render(Map<String, Map<String, Double>> data, String ref) {
    List<String> cols = new ArrayList<>();
    for (String s : SERVERS) {
      if (data.containsKey(s)) {
        cols.add(s);
      }
    }
    for (String s : data.keySet()) {
      if (!cols.contains(s)) {
        cols.add(s);
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("| figure |");
    for (String c : cols) {
      out.append(' ').append(c).append(c.equals(ref) ? " (=1×)" : "").append(" |");
    }
    out.append("\n|---|");
    out.append("---:|".repeat(cols.size()));
    out.append('\n');
    Map<String, Double> refData = data.getOrDefault(ref, Map.of());
    for (String[] row : ROWS) {
      String metric = row[0];
      boolean any = cols.stream().anyMatch(c -> data.get(c).containsKey(metric));
      if (!any) {
        continue;
      }
      out.append("| ").append(row[1]).append(" |");
      for (String c : cols) {
        Double v = data.get(c).get(metric);
        out.append(' ');
        if (v == null) {
          out.append('–');
        } else {
          out.append(num(v));
          Double r = refData.get(metric);
          if (!c.equals(ref) && r != null && r != 0 && !metric.endsWith(".errors") && !metric.endsWith(".members")
              && !List.of("idle.target", "idle.ready", "idle.held", "idle.pings").contains(metric)) {
            out.append(String.format(Locale.ROOT, " (%.2f×)", v / r));
          }
        }
        out.append(" |");
      }
      out.append('\n');
    }
    if (!data.containsKey("ah4j-undertow") && !data.containsKey("ah4j-jetty")) {
      return out.toString(); // nothing of ours to judge
    }
    out.append('\n').append(targets(data, ref));
    String peers = peers(data);
    if (!peers.isEmpty()) {
      out.append('\n').append(peers);
    }
    return out.toString();
  }

  /** One target of the issue: how to judge it from a server's, the reference's, its bare transport's and the sink's figures. */
  private interface Check {
    String judge(Map<String, Double> d, Map<String, Double> ref, Map<String, Double> bare, Map<String, Double> sink);
  }

  private record Target(String text, Check check) {}

  private static final List<Target> TARGETS =
      List.of(
          new Target("rpc req/s ≥ 3× reference", (d, r, b, s) -> ratio(d.get("rpc.rps"), r.get("rpc.rps"), 3, true, "× ref")),
          new Target("rpc p99 ≤ ⅓ of reference", (d, r, b, s) -> ratio(d.get("rpc.p99_ms"), r.get("rpc.p99_ms"), 1 / 3.0, false, "× ref")),
          new Target("rpc req/s ≥ 70% of the bare echo on the same transport",
              (d, r, b, s) -> ratio(d.get("rpc.rps"), b.get("rpc.rps"), 0.7, true, "× bare")),
          new Target("broadcast 1k: server CPU per frame ≤ ⅕ of reference",
              (d, r, b, s) -> ratio(d.get("bcast1000.server_cpu_us_per_frame"), r.get("bcast1000.server_cpu_us_per_frame"), 0.2, false, "× ref")),
          new Target("broadcast 10k: server CPU per frame ≤ ⅕ of reference",
              (d, r, b, s) -> ratio(d.get("bcast10000.server_cpu_us_per_frame"), r.get("bcast10000.server_cpu_us_per_frame"), 0.2, false, "× ref")),
          new Target("broadcast 1k: p99 time to last ≤ 1.5× generator floor (sink)",
              (d, r, b, s) -> ratio(d.get("bcast1000.p99_ms"), s.get("bcast1000.p99_ms"), 1.5, false, "× floor")),
          new Target("broadcast 10k: p99 time to last ≤ 1.5× generator floor (sink)",
              (d, r, b, s) -> ratio(d.get("bcast10000.p99_ms"), s.get("bcast10000.p99_ms"), 1.5, false, "× floor")),
          new Target("idle: 19,000 sockets held by one server process", (d, r, b, s) -> d.getOrDefault("idle.target", 0.0) < 19000
                  ? "not measured (" + num(d.getOrDefault("idle.target", 0.0)) + " asked; see a full run)"
                  : absolute(d.get("idle.held"), 19000, true, " held")),
          new Target("idle: ≤ 4 KiB heap per socket", (d, r, b, s) -> absolute(d.get("idle.heap_kb_per_conn"), 4, false, " KiB")),
          new Target("idle: ≤ 6 KiB RSS per socket", (d, r, b, s) -> absolute(d.get("idle.rss_kb_per_conn"), 6, false, " KiB")),
          new Target("http req/s ≥ 5× reference", (d, r, b, s) -> ratio(d.get("http.rps"), r.get("http.rps"), 5, true, "× ref")));

  private static String targets(Map<String, Map<String, Double>> data, String ref) {
    StringBuilder out = new StringBuilder();
    out.append("| target | ah4j-undertow | ah4j-jetty |\n|---|---|---|\n");
    Map<String, Double> r = data.getOrDefault(ref, Map.of());
    Map<String, Double> sink = data.getOrDefault("sink", Map.of());
    String[][] pairs = {{"ah4j-undertow", "bare-undertow"}, {"ah4j-jetty", "bare-jetty"}};
    for (Target t : TARGETS) {
      out.append("| ").append(t.text()).append(" |");
      for (String[] pair : pairs) {
        Map<String, Double> d = data.get(pair[0]);
        Map<String, Double> b = data.getOrDefault(pair[1], Map.of());
        out.append(' ').append(d == null ? "–" : t.check().judge(d, r, b, sink)).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The figures on which the issue wants us ahead of the peers, and which way is ahead. */
  private static final String[][] PEER_FIGURES = {
    {"rpc.rps", "rpc req/s", "higher"},
    {"rpc.p99_ms", "rpc p99", "lower"},
    {"bcast1000.server_cpu_us_per_frame", "broadcast 1k: server CPU per frame", "lower"},
    {"bcast1000.p99_ms", "broadcast 1k: p99 time to last", "lower"},
    {"bcast10000.server_cpu_us_per_frame", "broadcast 10k: server CPU per frame", "lower"},
    {"bcast10000.p99_ms", "broadcast 10k: p99 time to last", "lower"},
    {"idle.rss_kb_per_conn", "idle: RSS per socket", "lower"},
    {"idle.heap_kb_per_conn", "idle: heap per socket", "lower"},
  };

  /** Ours against each peer that ran: one row per figure and peer, ours as a ratio to the peer's. */
  static String peers(Map<String, Map<String, Double>> data) {
    List<String> peers = PEERS.stream().filter(data::containsKey).toList();
    if (peers.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("| ahead of the peers | ah4j-undertow | ah4j-jetty |\n|---|---|---|\n");
    for (String[] f : PEER_FIGURES) {
      boolean higher = f[2].equals("higher");
      for (String peer : peers) {
        Double theirs = data.get(peer).get(f[0]);
        if (theirs == null) {
          continue;
        }
        out.append("| ").append(f[1]).append(higher ? " > " : " < ").append(peer).append("'s |");
        for (String ours : List.of("ah4j-undertow", "ah4j-jetty")) {
          Map<String, Double> d = data.get(ours);
          out.append(' ').append(d == null ? "–" : ahead(d.get(f[0]), theirs, higher, "× " + peer)).append(" |");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String ahead(Double v, Double peer, boolean higherIsBetter, String unit) {
    if (v == null || peer == null || peer == 0) {
      return "not measured";
    }
    double x = v / peer;
    boolean met = higherIsBetter ? x > 1 : x < 1;
    return String.format(Locale.ROOT, "%s %.2f%s", met ? "ahead" : "BEHIND", x, unit);
  }

  private static String ratio(Double v, Double base, double goal, boolean higherIsBetter, String unit) {
    if (v == null || base == null || base == 0) {
      return "not measured";
    }
    double x = v / base;
    boolean met = higherIsBetter ? x >= goal : x <= goal;
    return String.format(Locale.ROOT, "%s %.2f%s (goal %s%.2f)", met ? "met" : "MISSED", x, unit, higherIsBetter ? "≥" : "≤", goal);
  }

  private static String absolute(Double v, double goal, boolean higherIsBetter, String unit) {
    if (v == null) {
      return "not measured";
    }
    boolean met = higherIsBetter ? v >= goal : v <= goal;
    return String.format(Locale.ROOT, "%s %s%s (goal %s%s)", met ? "met" : "MISSED", num(v), unit, higherIsBetter ? "≥" : "≤", num(goal));
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return String.format(Locale.ROOT, "%,d", (long) v).replace(',', ' ');
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (Math.abs(v) >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
