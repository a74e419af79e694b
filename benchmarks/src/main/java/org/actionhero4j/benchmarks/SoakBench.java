package org.actionhero4j.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actionhero4j.benchmarks.client.ActionheroProtocol;
import org.actionhero4j.benchmarks.client.ClientLoop;
import org.actionhero4j.benchmarks.client.EnginePolling;
import org.actionhero4j.benchmarks.client.WsConn;

/**
 * {@code soak}: a mixed, moderate workload held for a long time against one or two running chat
 * servers, to find leaks rather than limits. Steady sockets run actions, join and leave rooms and
 * say things in several rooms; churn sockets connect, join, act and leave (half with a close frame,
 * half by dropping TCP, one in ten before the upgrade answers); slow readers stop reading for 10 s
 * to 4 min at a time, so the server's slow-consumer policy may cut them; Engine.IO long-polling
 * sessions join, talk and end (four in five with a close packet, one in five abandoned to the
 * server's timeout). Every {@code --sample} seconds each server process is sampled: the live heap
 * after a full GC (the total of {@code jcmd PID GC.class_histogram}), metaspace, VmRSS, threads,
 * open fds, and the {@code status} action's connection and room counts. At the end every client
 * closes, the counts must return to the baseline sampled before the load (within a bounded wait),
 * and a least-squares line through heap-after-GC (and RSS) past the warm-up says flat or growing.
 * Exit status: 0 when flat and back to baseline, 1 otherwise.
 */
final class SoakBench implements WsConn.Handler, EnginePolling.Handler {

  /** Client-side counters, written on the loop thread, read by the sampler. */
  enum C {
    RPC, RPC_ERR, JOIN, LEAVE, SAY, VERB_ERR, USER_MSG, UNANSWERED,
    CHURN_OPEN, CHURN_READY, CHURN_FAILED, STEADY_LOST,
    SLOW_PAUSE, SLOW_CUT_1008, SLOW_CUT_OTHER,
    POLL_OPEN, POLL_READY, POLL_SENT, POLL_MSG, POLL_CLEAN, POLL_ABANDON, POLL_FAILED
  }

  enum Kind { STEADY, CHURN, SLOW }

  /**
   * Requests in flight on one socket or session: at most {@link #MAX_IN_FLIGHT}, under the
   * server's limit of simultaneous actions per connection.
   */
  static class InFlight {
    int inflight;
  }

  static final int MAX_IN_FLIGHT = 3;

  /** One WebSocket client's state (loop thread only). */
  static final class Client extends InFlight {
    final Kind kind;
    final Set<String> rooms = new HashSet<>();
    long closeAt = Long.MAX_VALUE;
    long forceAt = Long.MAX_VALUE;
    boolean cleanClose;
    boolean closedByUs;
    boolean paused;
    long phaseEnd;
    Client(Kind kind) {
      this.kind = kind;
    }
  }

  /** One polling session's state (loop thread only). */
  static final class Poller extends InFlight {
    final Set<String> rooms = new HashSet<>();
    long closeAt;
    long forceAt = Long.MAX_VALUE;
    boolean abandon;
    boolean closedByUs;
  }

  /** A request awaiting its reply; one whose socket closed first is forgotten, not counted. */
  record Pending(C kind, long sentAt, String frame, InFlight owner, java.util.function.BooleanSupplier open) {}

  record Node(int port, long pid) {}

  /** One sample of one server process. */
  record Sample(double t, int node, double heapMb, double metaMb, double rssMb, long threads, int poolThreads, int fds,
      int conns, int rooms) {}

  private static final Pattern CONNECTIONS = Pattern.compile("\"connections\"\\s*:\\s*(\\d+)");
  private static final Pattern ROOMS = Pattern.compile("\"rooms\"\\s*:\\s*(\\d+)");
  private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
  private static final Pattern META_USED = Pattern.compile("Metaspace\\s+used (\\d+)K");
  private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\":\"?(\\d+)");
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLongArray counts = new AtomicLongArray(C.values().length);
  private final String host;
  private final List<Node> nodes;
  private final List<String> roomNames;
  private final int clients;
  private final int slow;
  private final int polling;
  private final double rpcRate;
  private final double sayRate;
  private final double joinRate;
  private final double churnRate;
  private final double pollRate;
  private final int cookies;
  private final Random random;
  private final ClientLoop loop = new ClientLoop("soak-clients");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String jcmd;
  /**
   * Names (regular expressions over /proc's 15-character thread names) of pools whose idle threads
   * expire by themselves, counted apart: the actions' pool (its threads idle out after 30 s, and
   * each status request of the sampler may start one) and Jetty's QueuedThreadPool (one idle
   * thread leaves per 60 s).
   */
  private final List<String> pools;

  // loop-thread state
  private final List<WsConn> steady = new ArrayList<>();
  private final List<WsConn> slowReaders = new ArrayList<>();
  private final Set<WsConn> churners = new HashSet<>();
  private final List<EnginePolling> pollers = new ArrayList<>();
  private final Map<Long, Pending> pending = new HashMap<>();
  private final Map<String, Integer> closeReasons = new TreeMap<>();
  private long nextId = 1;
  private int connSeq;
  private double rpcAcc;
  private double sayAcc;
  private double joinAcc;
  private double churnAcc;
  private double pollAcc;
  private long ticks;
  private boolean stopping;
  private int logged;

  SoakBench(Args a, List<Node> nodes, long seed) {
    this.host = a.get("host", "127.0.0.1");
    this.nodes = nodes;
    this.roomNames = List.of(a.get("rooms", "defaultRoom,otherRoom,soakA,soakB").split(","));
    this.clients = a.getInt("clients", 200);
    this.slow = a.getInt("slow", 10);
    this.polling = a.getInt("polling", 20);
    this.rpcRate = a.getDouble("rpc-rate", 30);
    this.sayRate = a.getDouble("say-rate", 10);
    this.joinRate = a.getDouble("join-rate", 10);
    this.churnRate = a.getDouble("churn-rate", 5);
    this.pollRate = a.getDouble("poll-rate", 10);
    this.cookies = a.getInt("cookies", 500);
    this.random = new Random(seed);
    String java = ProcessHandle.current().info().command().orElse("java");
    this.jcmd = a.get("jcmd", Path.of(java).resolveSibling("jcmd").toString());
    this.pools = List.of(a.get("pool-threads", "actionhero-work,ah4j-jetty-\\d+").split(","));
  }

  static void run(Args a) throws Exception {
    String[] ports = a.get("ports", a.get("port", "8080")).split(",");
    String[] pids = a.get("server-pids", a.get("server-pid", "")).split(",");
    if (pids.length != ports.length) {
      throw new IllegalArgumentException("--server-pids needs one pid per port in --ports");
    }
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < ports.length; i++) {
      nodes.add(new Node(Integer.parseInt(ports[i].trim()), Long.parseLong(pids[i].trim())));
    }
    long seed = a.getLong("seed", System.nanoTime());
    SoakBench soak = new SoakBench(a, nodes, seed);
    int code = soak.soak(a.getInt("duration", 600), a.getInt("warmup", 120), a.getInt("sample", 30),
        a.getInt("settle", 180), a.getDouble("heap-bound-mb", 0.5), a.getDouble("rss-bound-mb", 16),
        a.getInt("thread-slack", 0), a.getInt("fd-slack", 0), a.getInt("prime", 30), seed);
    System.out.flush();
    System.exit(code);
  }

  // ------------------------------------------------------------------ the run

  private int soak(int duration, int warmup, int sampleEvery, int settle, double heapBound, double rssBound,
      int threadSlack, int fdSlack, int prime, long seed) throws Exception {
    System.out.printf(Locale.ROOT,
        "soak: %d s (warm-up %d s excluded from the fit), a sample every %d s, nodes %s, seed %d%n", duration, warmup,
        sampleEvery, nodes, seed);
    System.out.printf(Locale.ROOT,
        "load: %d steady sockets, %d slow readers, %d polling sessions; rpc %.0f/s, say %.0f/s, join+leave %.0f/s, "
            + "churn %.0f connects/s, polling ops %.0f/s; rooms %s; %d cookies%n",
        clients, slow, polling, rpcRate, sayRate, joinRate, churnRate, pollRate, roomNames, cookies);

    // priming: the same load for a while, then every client closes, so that what a server starts
    // lazily and keeps (the Engine.IO heartbeat thread, a descriptor opened on first use) is in the
    // baseline; the connection and room counts must first come back to the fresh server's
    List<Sample> fresh = sampleAll(0, false);
    for (Sample s : fresh) {
      System.out.println("fresh " + describe(s));
    }
    loop.start();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "soak-ticker");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(() -> loop.execute(this::tick), 100, 100, TimeUnit.MILLISECONDS);
    if (prime > 0) {
      System.out.printf(Locale.ROOT, "priming: the load for %d s, then every client closes%n", prime);
      Thread.sleep(prime * 1000L);
      loop.execute(this::closeAll);
      Thread.sleep(5_000);
      loop.execute(this::dropAll);
      long primeDeadline = System.nanoTime() + 120 * SECOND;
      while (System.nanoTime() < primeDeadline) {
        Thread.sleep(10_000);
        List<Sample> now = sampleAll(0, false);
        boolean same = true;
        for (int i = 0; i < now.size(); i++) {
          same &= now.get(i).conns == fresh.get(i).conns && now.get(i).rooms == fresh.get(i).rooms;
        }
        if (same) {
          break;
        }
      }
    }

    // the baseline: two samples 5 s apart, the second counts
    sampleAll(0, true);
    Thread.sleep(5_000);
    List<Sample> baseline = sampleAll(0, true);
    List<Map<String, Integer>> baseThreads = new ArrayList<>();
    List<Map<String, Integer>> baseFds = new ArrayList<>();
    for (Sample s : baseline) {
      System.out.println("baseline " + describe(s));
      baseThreads.add(census(ProcStats.threadNames(nodes.get(s.node).pid)));
      baseFds.add(census(ProcStats.fdTargets(nodes.get(s.node).pid)));
    }
    if (baseline.stream().anyMatch(s -> s.conns < 0 || s.heapMb < 0)) {
      System.out.println("FAIL: a server does not answer its status action or jcmd before the load");
      return 1;
    }
    for (int i = 0; i < baseline.size(); i++) {
      if (baseline.get(i).conns != fresh.get(i).conns || baseline.get(i).rooms != fresh.get(i).rooms) {
        System.out.println("note: node " + i + "'s counts at the baseline differ from the fresh server's");
      }
    }
    // the counts start from zero before the first snapshot is taken
    java.util.concurrent.CountDownLatch resumed = new java.util.concurrent.CountDownLatch(1);
    loop.execute(() -> {
      resume();
      resumed.countDown();
    });
    resumed.await(30, TimeUnit.SECONDS);

    long t0 = System.nanoTime();
    List<Sample> rows = new ArrayList<>();
    long[] before = snapshot();
    double lastT = 0;
    printHeader();
    boolean serverDied = false;
    for (int k = 1; (long) k * sampleEvery <= duration; k++) {
      long due = t0 + (long) k * sampleEvery * SECOND;
      long sleep = due - System.nanoTime();
      if (sleep > 0) {
        TimeUnit.NANOSECONDS.sleep(sleep);
      }
      double t = (System.nanoTime() - t0) / (double) SECOND;
      List<Sample> now = sampleAll(t, true);
      long[] after = snapshot();
      printRows(now, before, after, t - lastT);
      rows.addAll(now);
      before = after;
      lastT = t;
      if (now.stream().anyMatch(s -> s.conns < 0)) {
        System.out.println("a server stopped answering its status action: ending the run");
        serverDied = true;
        break;
      }
    }

    // every client leaves: clean closes first, then whatever is left is dropped
    ticker.shutdownNow();
    loop.execute(this::closeAll);
    Thread.sleep(5_000);
    loop.execute(this::dropAll);
    Thread.sleep(1_000);
    loop.stop();
    double loadEnd = (System.nanoTime() - t0) / (double) SECOND;
    System.out.printf(Locale.ROOT, "%nall clients closed at t=%.0f s; waiting up to %d s for the baseline%n", loadEnd, settle);

    // the counts must come back
    long settleDeadline = System.nanoTime() + settle * SECOND;
    List<Sample> last;
    boolean back;
    while (true) {
      double t = (System.nanoTime() - t0) / (double) SECOND;
      last = sampleAll(t, false);
      back = backToBaseline(baseline, last, threadSlack, fdSlack);
      for (Sample s : last) {
        System.out.println("settle " + describe(s));
      }
      if (back || System.nanoTime() > settleDeadline) {
        break;
      }
      // not faster: each status request may start a worker thread that then idles for 30 s
      Thread.sleep(10_000);
    }
    List<Sample> end = sampleAll((System.nanoTime() - t0) / (double) SECOND, true);
    for (Sample s : end) {
      System.out.println("end " + describe(s));
    }

    // the verdict
    System.out.println();
    System.out.println("client totals: " + totals());
    System.out.println("client closes by reason: " + closeReasons);
    boolean growth = false;
    boolean tooFew = false;
    for (int n = 0; n < nodes.size(); n++) {
      final int node = n;
      List<Sample> fitted = rows.stream().filter(s -> s.node == node && s.t >= warmup).toList();
      Sample first = rows.stream().filter(s -> s.node == node).findFirst().orElse(null);
      Sample lastRow = rows.stream().filter(s -> s.node == node).reduce((x, y) -> y).orElse(null);
      String heap = verdict(fitted, Sample::heapMb, heapBound);
      String rss = verdict(fitted, Sample::rssMb, rssBound);
      growth |= heap.startsWith("growing") || rss.startsWith("growing");
      tooFew |= heap.startsWith("too few");
      System.out.printf(Locale.ROOT, "node %d (port %d): heap after GC %s -> %s MB (end, no clients: %.1f MB); RSS %s -> %s MB%n",
          node, nodes.get(node).port, first == null ? "-" : fmt(first.heapMb), lastRow == null ? "-" : fmt(lastRow.heapMb),
          end.get(node).heapMb, first == null ? "-" : fmt(first.rssMb), lastRow == null ? "-" : fmt(lastRow.rssMb));
      System.out.println("SOAK_VERDICT node=" + node + " heap: " + heap);
      System.out.println("SOAK_VERDICT node=" + node + " rss: " + rss);
    }
    for (int n = 0; n < nodes.size(); n++) {
      Sample b = baseline.get(n);
      Sample l = last.get(n);
      System.out.printf(Locale.ROOT,
          "SOAK_BASELINE node=%d connections %d -> %d, rooms %d -> %d, threads outside %s %d -> %d (slack %d), "
              + "their threads %d -> %d (not checked), fds %d -> %d (slack %d)%n",
          n, b.conns, l.conns, b.rooms, l.rooms, pools, b.threads - b.poolThreads, l.threads - l.poolThreads, threadSlack,
          b.poolThreads, l.poolThreads, b.fds, l.fds, fdSlack);
      System.out.println("  threads since the baseline: "
          + difference(baseThreads.get(n), census(ProcStats.threadNames(nodes.get(n).pid))));
      System.out.println("  fds since the baseline: "
          + difference(baseFds.get(n), census(ProcStats.fdTargets(nodes.get(n).pid))));
    }
    long errors = counts.get(C.RPC_ERR.ordinal()) + counts.get(C.VERB_ERR.ordinal()) + counts.get(C.UNANSWERED.ordinal())
        + counts.get(C.STEADY_LOST.ordinal()) + counts.get(C.POLL_FAILED.ordinal()) + counts.get(C.CHURN_FAILED.ordinal());
    String result;
    if (serverDied) {
      result = "FAIL: a server stopped answering";
    } else if (!back) {
      result = "FAIL: the counts did not return to the baseline within " + settle + " s";
    } else if (growth) {
      result = "FAIL: memory grew (see SOAK_VERDICT)";
    } else if (tooFew) {
      result = "FAIL: too few samples past the warm-up for a verdict (run longer)";
    } else {
      result = "PASS: flat, and back to the baseline";
    }
    System.out.println("SOAK_RESULT " + result + "; client-side errors " + errors);
    return result.startsWith("PASS") ? 0 : 1;
  }

  private static boolean backToBaseline(List<Sample> baseline, List<Sample> now, int threadSlack, int fdSlack) {
    for (int i = 0; i < baseline.size(); i++) {
      Sample b = baseline.get(i);
      Sample s = now.get(i);
      if (s.conns != b.conns || s.rooms != b.rooms || s.threads - s.poolThreads > b.threads - b.poolThreads + threadSlack
          || s.fds > b.fds + fdSlack) {
        return false;
      }
    }
    return true;
  }

  /** Names with their numbers folded ({@code GC Thread#1} and {@code #0} count as one kind), counted. */
  private static Map<String, Integer> census(List<String> names) {
    Map<String, Integer> m = new TreeMap<>();
    for (String name : names) {
      m.merge(name.replaceAll("\\d+", "N"), 1, Integer::sum);
    }
    return m;
  }

  /** What changed between two censuses, e.g. {@code {socket:[N]=+2, qtpN-N=-1}}. */
  private static Map<String, Integer> difference(Map<String, Integer> before, Map<String, Integer> after) {
    Map<String, Integer> d = new TreeMap<>();
    Set<String> keys = new HashSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String k : keys) {
      int delta = after.getOrDefault(k, 0) - before.getOrDefault(k, 0);
      if (delta != 0) {
        d.put(k, delta);
      }
    }
    return d;
  }

  /** Least squares of {@code y} over time (hours) on the samples past the warm-up. */
  static String verdict(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> y, double bound) {
    int n = samples.size();
    if (n < 3) {
      return "too few samples past the warm-up to fit (" + n + ")";
    }
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = samples.get(i).t / 3600.0;
      ys[i] = y.applyAsDouble(samples.get(i));
    }
    double[] f = fit(xs, ys);
    double slope = f[0];
    double window = xs[n - 1] - xs[0];
    double noise = Math.max(bound, 3 * f[2]);
    double change = slope * window;
    String detail = String.format(Locale.ROOT,
        "slope %+.2f MB/h over %.0f min past the warm-up (%d samples), fitted change %+.2f MB, noise bound %.2f MB"
            + " (max of %.1f MB and 3 x residual sd %.2f MB)",
        slope, window * 60, n, change, noise, bound, f[2]);
    return change <= noise ? "flat: " + detail : String.format(Locale.ROOT, "growing by %.2f MB/h: %s", slope, detail);
  }

  /** slope, intercept, residual standard deviation. */
  static double[] fit(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    double intercept = my - slope * mx;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - (intercept + slope * x[i]);
      ss += r * r;
    }
    double sd = n > 2 ? Math.sqrt(ss / (n - 2)) : 0;
    return new double[] {slope, intercept, sd};
  }

  // ------------------------------------------------------------------ sampling

  private List<Sample> sampleAll(double t, boolean gc) {
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      out.add(sample(t, i, gc));
    }
    return out;
  }

  private Sample sample(double t, int index, boolean gc) {
    Node n = nodes.get(index);
    double heap = -1;
    double meta = -1;
    if (gc) {
      // the class histogram runs a full GC and sums the live objects in the same safepoint, so
      // nothing allocated after the GC counts (GC.run then GC.heap_info counted what the load
      // allocated between the two commands: up to 100 MB here under load)
      Matcher m = HISTOGRAM_TOTAL.matcher(jcmd(n.pid, "GC.class_histogram"));
      if (m.find()) {
        heap = Long.parseLong(m.group(1)) / 1048576.0;
      }
      Matcher mm = META_USED.matcher(jcmd(n.pid, "GC.heap_info"));
      if (mm.find()) {
        meta = Long.parseLong(mm.group(1)) / 1024.0;
      }
    }
    int conns = -1;
    int rooms = -1;
    try {
      HttpResponse<String> r = http.send(
          HttpRequest.newBuilder(URI.create("http://" + host + ":" + n.port + "/api/status"))
              .timeout(Duration.ofSeconds(20)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher c = CONNECTIONS.matcher(r.body());
      Matcher ro = ROOMS.matcher(r.body());
      if (r.statusCode() == 200 && c.find() && ro.find()) {
        conns = Integer.parseInt(c.group(1));
        rooms = Integer.parseInt(ro.group(1));
      }
    } catch (IOException e) {
      System.out.println("status of port " + n.port + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int pool = 0;
    for (String name : ProcStats.threadNames(n.pid)) {
      if (pools.stream().anyMatch(name::matches)) {
        pool++;
      }
    }
    return new Sample(t, index, heap, meta, ProcStats.rssBytes(n.pid) / 1048576.0, ProcStats.threads(n.pid), pool,
        ProcStats.openFiles(n.pid), conns, rooms);
  }

  private String jcmd(long pid, String command) {
    Path out = null;
    try {
      // to a file: a histogram is larger than a pipe holds, and jcmd would block on it
      out = java.nio.file.Files.createTempFile("soak-jcmd", ".txt");
      Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true)
          .redirectOutput(out.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "";
      }
      return java.nio.file.Files.readString(out);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    } finally {
      if (out != null) {
        out.toFile().delete();
      }
    }
  }

  private long[] snapshot() {
    long[] s = new long[counts.length()];
    for (int i = 0; i < s.length; i++) {
      s[i] = counts.get(i);
    }
    return s;
  }

  private String totals() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (C c : C.values()) {
      m.put(c.name().toLowerCase(Locale.ROOT), counts.get(c.ordinal()));
    }
    return m.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String describe(Sample s) {
    return String.format(Locale.ROOT, "node %d: heap after GC %s MB, metaspace %s MB, RSS %.1f MB, threads %d (%d of "
        + "self-expiring pools), fds %d, connections %d, rooms %d", s.node, s.heapMb < 0 ? "-" : fmt(s.heapMb),
        s.metaMb < 0 ? "-" : fmt(s.metaMb), s.rssMb, s.threads, s.poolThreads, s.fds, s.conns, s.rooms);
  }

  private static void printHeader() {
    System.out.println();
    System.out.println("| t (s) | node | heap after GC (MB) | metaspace (MB) | RSS (MB) | threads | fds | connections | rooms "
        + "| rpc/s | say/s | msgs in/s | joins+leaves/s | connects/s | polling ops/s | slow cut (1008/other) | errors |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
  }

  private void printRows(List<Sample> samples, long[] b, long[] a, double dt) {
    for (Sample s : samples) {
      String load = "| | | | | | | | |";
      if (s.node == 0) {
        load = String.format(Locale.ROOT, "| %.1f | %.1f | %.0f | %.1f | %.1f | %.1f | %d/%d | %d |",
            rate(C.RPC, b, a, dt), rate(C.SAY, b, a, dt), (d(C.USER_MSG, b, a) + d(C.POLL_MSG, b, a)) / dt,
            (d(C.JOIN, b, a) + d(C.LEAVE, b, a)) / dt, (d(C.CHURN_OPEN, b, a) + d(C.POLL_OPEN, b, a)) / dt,
            rate(C.POLL_SENT, b, a, dt), a[C.SLOW_CUT_1008.ordinal()], a[C.SLOW_CUT_OTHER.ordinal()],
            a[C.RPC_ERR.ordinal()] + a[C.VERB_ERR.ordinal()] + a[C.UNANSWERED.ordinal()] + a[C.STEADY_LOST.ordinal()]
                + a[C.POLL_FAILED.ordinal()] + a[C.CHURN_FAILED.ordinal()]);
      }
      System.out.printf(Locale.ROOT, "| %.0f | %d | %.1f | %.1f | %.1f | %d | %d | %d | %d %s%n", s.t, s.node, s.heapMb, s.metaMb,
          s.rssMb, s.threads, s.fds, s.conns, s.rooms, load);
    }
    System.out.flush();
  }

  private static long d(C c, long[] b, long[] a) {
    return a[c.ordinal()] - b[c.ordinal()];
  }

  private static double rate(C c, long[] b, long[] a, double dt) {
    return d(c, b, a) / dt;
  }

  private void inc(C c) {
    counts.incrementAndGet(c.ordinal());
  }

  // ------------------------------------------------------------------ the load (loop thread)

  private void tick() {
    long now = System.nanoTime();
    ticks++;
    if (!stopping) {
      for (int i = 0; steady.size() < clients && i < 10; i++) {
        steady.add(open(Kind.STEADY, now));
      }
      for (int i = 0; slowReaders.size() < slow && i < 2; i++) {
        slowReaders.add(open(Kind.SLOW, now));
      }
      for (int i = 0; pollers.size() < polling && i < 2; i++) {
        openPoller(now);
      }
      rpcAcc += rpcRate / 10;
      for (; rpcAcc >= 1; rpcAcc--) {
        rpc();
      }
      sayAcc += sayRate / 10;
      for (; sayAcc >= 1; sayAcc--) {
        say();
      }
      joinAcc += joinRate / 10;
      for (; joinAcc >= 1; joinAcc--) {
        joinOrLeave();
      }
      churnAcc += churnRate / 10;
      for (; churnAcc >= 1; churnAcc--) {
        churners.add(open(Kind.CHURN, now));
      }
      pollAcc += pollRate / 10;
      for (; pollAcc >= 1; pollAcc--) {
        pollOp();
      }
      for (WsConn c : slowReaders) {
        Client cl = (Client) c.attachment;
        if (c.isReady() && now >= cl.phaseEnd) {
          if (cl.paused) {
            cl.paused = false;
            c.pauseReading(false);
            cl.phaseEnd = now + 15 * SECOND;
          } else {
            cl.paused = true;
            c.pauseReading(true);
            inc(C.SLOW_PAUSE);
            cl.phaseEnd = now + (10 + random.nextInt(231)) * SECOND;
          }
        }
      }
    }
    for (WsConn c : new ArrayList<>(churners)) {
      Client cl = (Client) c.attachment;
      if (now >= cl.forceAt) {
        c.close();
      } else if (now >= cl.closeAt && !cl.closedByUs) {
        cl.closedByUs = true;
        if (cl.cleanClose && c.isReady()) {
          c.sendClose(1000);
          cl.forceAt = now + 5 * SECOND;
        } else {
          c.close();
        }
      }
    }
    for (EnginePolling p : new ArrayList<>(pollers)) {
      Poller st = (Poller) p.attachment;
      if (now >= st.forceAt) {
        p.abort("no answer to the close packet");
      } else if (now >= st.closeAt && !st.closedByUs) {
        st.closedByUs = true;
        if (st.abandon) {
          inc(C.POLL_ABANDON);
          p.abort("abandoned");
        } else {
          st.forceAt = now + 10 * SECOND;
          p.close();
        }
      }
    }
    if (ticks % 10 == 0) {
      Iterator<Pending> it = pending.values().iterator();
      while (it.hasNext()) {
        Pending p = it.next();
        if (!p.open.getAsBoolean()) {
          it.remove();
        } else if (now - p.sentAt > 30 * SECOND) {
          it.remove();
          p.owner.inflight--;
          inc(C.UNANSWERED);
          note("no reply within 30 s to " + p.frame);
        }
      }
    }
  }

  private WsConn open(Kind kind, long now) {
    Node n = nodes.get(connSeq % nodes.size());
    WsConn c = new WsConn(loop, connSeq++, host, n.port, "/primus", new ActionheroProtocol(), this, 4096);
    Client cl = new Client(kind);
    c.attachment = cl;
    c.upgradeHeaders(cookie());
    if (kind == Kind.SLOW) {
      c.receiveBuffer(4096);
    }
    if (kind == Kind.CHURN) {
      inc(C.CHURN_OPEN);
      // one in ten leaves before the upgrade is answered; the others after 1-10 s
      cl.closeAt = random.nextInt(10) == 0 ? now : now + (1 + random.nextInt(10)) * SECOND;
      cl.cleanClose = random.nextBoolean();
    }
    c.connect(new InetSocketAddress(host, n.port), null);
    return c;
  }

  private String cookie() {
    return "Cookie: sessionID=soak-" + random.nextInt(cookies) + "\r\n";
  }

  private void openPoller(long now) {
    Node n = nodes.get(connSeq % nodes.size());
    EnginePolling p = new EnginePolling(loop, connSeq++, host, n.port, "/primus/", cookie(), this);
    Poller st = new Poller();
    st.closeAt = now + (30 + random.nextInt(91)) * SECOND;
    st.abandon = random.nextInt(5) == 0;
    p.attachment = st;
    pollers.add(p);
    inc(C.POLL_OPEN);
    p.connect();
  }

  private WsConn randomSteady(boolean inARoom) {
    for (int i = 0; i < 8 && !steady.isEmpty(); i++) {
      WsConn c = steady.get(random.nextInt(steady.size()));
      Client cl = (Client) c.attachment;
      if (c.isReady() && cl.inflight < MAX_IN_FLIGHT && (!inARoom || !cl.rooms.isEmpty())) {
        return c;
      }
    }
    return null;
  }

  private String room() {
    return roomNames.get(random.nextInt(roomNames.size()));
  }

  /** Sends a frame that awaits a reply (its message id from {@code frame}) on a socket. */
  private void send(WsConn c, C kind, java.util.function.LongFunction<String> frame) {
    track(kind, frame, (InFlight) c.attachment, () -> !c.isClosed(), text -> c.sendText(utf8(text)));
  }

  private void send(EnginePolling p, C kind, java.util.function.LongFunction<String> frame) {
    track(kind, frame, (InFlight) p.attachment, () -> !p.isClosed(), p::send);
  }

  /** Numbers a request, records it as awaiting its reply, and sends it. */
  private void track(
      C kind,
      java.util.function.LongFunction<String> frame,
      InFlight owner,
      java.util.function.BooleanSupplier open,
      java.util.function.Consumer<String> out) {
    long id = nextId++;
    String text = frame.apply(id);
    owner.inflight++;
    pending.put(id, new Pending(kind, System.nanoTime(), text, owner, open));
    out.accept(text);
  }

  private static final String[] ACTIONS = {
    "{\"action\":\"echo\",\"message\":\"soak\"}", "{\"action\":\"randomNumber\"}", "{\"action\":\"status\"}"
  };

  private String action(long id) {
    return "{\"event\":\"action\",\"params\":" + ACTIONS[random.nextInt(ACTIONS.length)] + ",\"messageId\":" + id + "}";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void rpc() {
    WsConn c = randomSteady(false);
    if (c != null) {
      inc(C.RPC);
      send(c, C.RPC, this::action);
    }
  }

  private static String sayFrame(String room, long id) {
    return "{\"event\":\"say\",\"room\":\"" + room + "\",\"message\":\"soak " + id + "\",\"messageId\":" + id + "}";
  }

  private void say() {
    WsConn c = randomSteady(true);
    if (c != null) {
      List<String> rooms = new ArrayList<>(((Client) c.attachment).rooms);
      inc(C.SAY);
      String room = rooms.get(random.nextInt(rooms.size()));
      send(c, C.SAY, id -> sayFrame(room, id));
    }
  }

  private void joinOrLeave() {
    WsConn c = randomSteady(false);
    if (c == null) {
      return;
    }
    Client cl = (Client) c.attachment;
    String room = room();
    if (cl.rooms.remove(room)) {
      inc(C.LEAVE);
      send(c, C.LEAVE, id -> "{\"event\":\"roomLeave\",\"room\":\"" + room + "\",\"messageId\":" + id + "}");
    } else {
      cl.rooms.add(room);
      inc(C.JOIN);
      send(c, C.JOIN, id -> join(room, id));
    }
  }

  private static String join(String room, long id) {
    return "{\"event\":\"roomAdd\",\"room\":\"" + room + "\",\"messageId\":" + id + "}";
  }

  private void pollOp() {
    for (int i = 0; i < 4 && !pollers.isEmpty(); i++) {
      EnginePolling p = pollers.get(random.nextInt(pollers.size()));
      Poller st = (Poller) p.attachment;
      if (p.isReady() && !st.closedByUs && st.inflight < MAX_IN_FLIGHT) {
        inc(C.POLL_SENT);
        if (!st.rooms.isEmpty() && random.nextBoolean()) {
          String room = st.rooms.iterator().next();
          send(p, C.SAY, id -> sayFrame(room, id));
        } else {
          send(p, C.RPC, this::action);
        }
        return;
      }
    }
  }

  /** The measured load starts from zero counts. */
  private void resume() {
    for (int i = 0; i < counts.length(); i++) {
      counts.set(i, 0);
    }
    pending.clear();
    closeReasons.clear();
    logged = 0;
    stopping = false;
  }

  private void closeAll() {
    stopping = true;
    List<WsConn> all = new ArrayList<>(steady);
    all.addAll(slowReaders);
    all.addAll(churners);
    for (WsConn c : all) {
      ((Client) c.attachment).closedByUs = true;
      if (c.isReady()) {
        c.pauseReading(false);
        c.sendClose(1000);
      } else {
        c.close();
      }
    }
    for (EnginePolling p : new ArrayList<>(pollers)) {
      ((Poller) p.attachment).closedByUs = true;
      p.close();
    }
  }

  private void dropAll() {
    List<WsConn> all = new ArrayList<>(steady);
    all.addAll(slowReaders);
    all.addAll(churners);
    int left = 0;
    for (WsConn c : all) {
      if (!c.isClosed()) {
        left++;
        c.close();
      }
    }
    for (EnginePolling p : new ArrayList<>(pollers)) {
      if (!p.isClosed()) {
        left++;
        p.abort("dropped at the end");
      }
    }
    System.out.println("clients still open 5 s after their close (dropped now): " + left);
  }

  private void note(String what) {
    if (logged++ < 20) {
      System.out.println("  [" + Instant.now() + "] " + what);
    }
  }

  private void reason(String kind, String why) {
    String key = kind + ": " + why.replaceAll("\\d{5,}", "N");
    closeReasons.merge(key.length() > 90 ? key.substring(0, 90) : key, 1, Integer::sum);
  }

  // ------------------------------------------------------------------ WsConn.Handler

  @Override
  public void onReady(WsConn c) {
    Client cl = (Client) c.attachment;
    switch (cl.kind) {
      case STEADY -> {
        String room = roomNames.get(c.index % roomNames.size());
        cl.rooms.add(room);
        inc(C.JOIN);
        send(c, C.JOIN, id -> join(room, id));
      }
      case SLOW -> {
        // every room, so that a paused reader falls behind fast; no replies tracked (they may come
        // minutes late)
        for (String room : roomNames) {
          c.sendText(utf8(join(room, 0)));
        }
        cl.phaseEnd = System.nanoTime() + 10 * SECOND;
      }
      case CHURN -> {
        inc(C.CHURN_READY);
        if (!cl.closedByUs) {
          String room = room();
          send(c, C.JOIN, id -> join(room, id));
          send(c, C.RPC, this::action);
        }
      }
    }
  }

  @Override
  public void onText(WsConn c, byte[] buf, int off, int len) {
    if (((Client) c.attachment).kind == Kind.SLOW) {
      inc(C.USER_MSG);
      return;
    }
    reply(new String(buf, off, len, StandardCharsets.UTF_8), false);
  }

  private void reply(String text, boolean polling) {
    if (text.contains("\"context\":\"user\"")) {
      inc(polling ? C.POLL_MSG : C.USER_MSG);
      return;
    }
    if (!text.contains("\"context\":\"response\"")) {
      return; // the stats push and anything else the server volunteers
    }
    Matcher m = MESSAGE_ID.matcher(text);
    if (!m.find()) {
      return;
    }
    Pending p = pending.remove(Long.parseLong(m.group(1)));
    if (p == null) {
      return;
    }
    p.owner.inflight--;
    if (text.contains("\"error\"")) {
      inc(p.kind == C.RPC ? C.RPC_ERR : C.VERB_ERR);
      note("error reply to " + p.kind + ": " + (text.length() > 200 ? text.substring(0, 200) : text));
    }
  }

  @Override
  public void onClose(WsConn c, String why) {
    Client cl = (Client) c.attachment;
    switch (cl.kind) {
      case STEADY -> {
        steady.remove(c);
        if (!cl.closedByUs) {
          unexpected(C.STEADY_LOST, "steady socket " + c.index + " lost", why);
        }
      }
      case SLOW -> {
        slowReaders.remove(c);
        if (!cl.closedByUs) {
          if (why.contains("server 1008")) {
            inc(C.SLOW_CUT_1008);
          } else {
            inc(C.SLOW_CUT_OTHER);
          }
          reason("slow reader (cut)", why);
        }
      }
      case CHURN -> {
        churners.remove(c);
        if (!cl.closedByUs) {
          unexpected(C.CHURN_FAILED, "churn socket " + c.index + " failed", why);
        }
      }
    }
  }

  private void unexpected(C counter, String what, String why) {
    inc(counter);
    reason(counter.name().toLowerCase(Locale.ROOT), why);
    note(what + ": " + why);
  }

  // ------------------------------------------------------------------ EnginePolling.Handler

  @Override
  public void onReady(EnginePolling p) {
    inc(C.POLL_READY);
    Poller st = (Poller) p.attachment;
    String room = room();
    st.rooms.add(room);
    send(p, C.JOIN, id -> join(room, id));
  }

  @Override
  public void onMessage(EnginePolling p, String json) {
    reply(json, true);
  }

  @Override
  public void onClose(EnginePolling p, String why) {
    pollers.remove(p);
    Poller st = (Poller) p.attachment;
    if (st.closedByUs || p.closing()) {
      if (!st.abandon) {
        inc(C.POLL_CLEAN);
      }
    } else {
      unexpected(C.POLL_FAILED, "polling session " + p.index + " failed", why);
    }
  }
}
