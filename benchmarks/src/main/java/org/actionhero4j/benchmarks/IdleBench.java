package org.actionhero4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actionhero4j.benchmarks.client.WsConn;

/**
 * {@code idle}: ramps to N idle sockets spread over several generator processes ({@code
 * idle-hold}), each socket bound to a source address in 127.0.0.0/8 (about {@code per-ip} per
 * address), all answering the protocol's heartbeats (Primus or Engine.IO pings); holds them; and reports what the server pays per
 * socket: RSS (/proc/pid/status VmRSS) and heap after GC (the server's {@code heap} action over
 * HTTP), each as (with sockets − before) / sockets.
 */
final class IdleBench {

  private static final Pattern HEAP = Pattern.compile("\"heapUsed\"\\s*:\\s*(\\d+)");

  private IdleBench() {}

  static void run(Args a) throws Exception {
    int total = a.getInt("connections", 2000);
    int perProc = a.getInt("per-proc", 5000);
    int perIp = a.getInt("per-ip", 2000);
    int holdSeconds = a.getInt("hold", 10);
    int settleSeconds = a.getInt("settle", 3);
    long serverPid = a.getLong("server-pid", -1);
    String host = a.get("host", "127.0.0.1");
    int port = a.getInt("port", 8080);
    String heapUrl = a.get("heap-url", "http://" + host + ":" + port + "/api/heap");
    Results results = new Results(a.get("label", "server"), a.get("results", null));
    String m = a.get("metric", "idle");
    int ipBase = a.getInt("ip-base", 2);

    long heap0 = heapAfterGc(heapUrl);
    long rss0 = ProcStats.rssBytes(serverPid);
    System.out.printf(Locale.ROOT, "idle: before: server RSS %.1f MiB, heap after GC %.1f MiB%n", rss0 / 1048576.0, heap0 / 1048576.0);

    int procs = (total + perProc - 1) / perProc;
    List<Process> children = new ArrayList<>();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("java.class.path");
    int ipIndex = ipBase; // 127.0.0.2, 127.0.0.3, ...: 127.0.0.1 stays for the servers' own use
    long started = System.nanoTime();
    int rampSeconds = a.getInt("ramp-timeout", 120);
    for (int p = 0; p < procs; p++) {
      int count = Math.min(perProc, total - p * perProc);
      List<String> ips = new ArrayList<>();
      for (int n = 0; n < count; n += perIp) {
        ips.add("127.0.0." + ipIndex++);
      }
      List<String> cmd = new ArrayList<>(List.of(
          java, "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-cp", classpath, Generator.class.getName(), "idle-hold",
          "--host", host, "--port", String.valueOf(port), "--protocol", a.get("protocol", "actionhero"),
          "--connections", String.valueOf(count), "--per-ip", String.valueOf(perIp),
          "--local-ips", String.join(",", ips),
          "--ramp-timeout", String.valueOf(rampSeconds),
          "--max-seconds", String.valueOf(rampSeconds + settleSeconds + holdSeconds + 60)));
      if (a.has("path")) {
        cmd.addAll(List.of("--path", a.get("path", "")));
      }
      Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      children.add(child);
      int id = p;
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            lines.add(id + " " + line);
          }
        } catch (IOException ignored) {
          // child ended
        }
      }, "idle-child-" + p);
      reader.setDaemon(true);
      reader.start();
    }
    Thread killChildren = new Thread(() -> children.forEach(Process::destroyForcibly), "idle-children-killer");
    Runtime.getRuntime().addShutdownHook(killChildren);
    try {
      int readyProcs = 0;
      long ready = 0;
      long failed = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(rampSeconds + 30);
      while (readyProcs < procs && System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line == null) {
          continue;
        }
        System.out.println("idle: child " + line);
        String[] f = line.split(" ");
        if (f.length >= 2 && f[1].equals("READY")) {
          readyProcs++;
          ready += Long.parseLong(value(f, "ok"));
          failed += Long.parseLong(value(f, "failed"));
        }
      }
      double rampSecondsTaken = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT, "idle: %d sockets ready (%d failed) in %.1f s; server has %d fds open%n",
          ready, failed, rampSecondsTaken, ProcStats.openFiles(serverPid));
      Thread.sleep(TimeUnit.SECONDS.toMillis(settleSeconds));
      long heap1 = heapAfterGc(heapUrl);
      long rss1 = ProcStats.rssBytes(serverPid);
      System.out.printf(Locale.ROOT, "idle: with sockets: server RSS %.1f MiB, heap after GC %.1f MiB%n", rss1 / 1048576.0, heap1 / 1048576.0);
      Thread.sleep(TimeUnit.SECONDS.toMillis(holdSeconds));
      long rss2 = ProcStats.rssBytes(serverPid);
      // ask the holders to report and stop
      long open = 0;
      long pings = 0;
      for (Process child : children) {
        try {
          OutputStream in = child.getOutputStream();
          in.write("STOP\n".getBytes(StandardCharsets.UTF_8));
          in.flush();
        } catch (IOException ignored) {
          // already gone
        }
      }
      int done = 0;
      long doneDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (done < procs && System.nanoTime() < doneDeadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line == null) {
          continue;
        }
        System.out.println("idle: child " + line);
        String[] f = line.split(" ");
        if (f.length >= 2 && f[1].equals("DONE")) {
          done++;
          open += Long.parseLong(value(f, "open"));
          pings += Long.parseLong(value(f, "pings"));
        }
      }
      double rssPer = ready > 0 ? (rss1 - rss0) / (double) ready / 1024.0 : 0;
      double heapPer = ready > 0 && heap0 >= 0 && heap1 >= 0 ? (heap1 - heap0) / (double) ready / 1024.0 : -1;
      System.out.printf(Locale.ROOT,
          "idle: %d ready, %d still open after %d s hold (%d heartbeats answered); per socket: %.2f KiB RSS, %.2f KiB heap; RSS at end %.1f MiB%n",
          ready, open, holdSeconds, pings, rssPer, heapPer, rss2 / 1048576.0);
      results.put(m + ".target", total);
      results.put(m + ".ready", ready);
      results.put(m + ".held", open);
      results.put(m + ".pings", pings);
      results.put(m + ".rss_kb_per_conn", rssPer);
      if (heapPer >= 0) {
        results.put(m + ".heap_kb_per_conn", heapPer);
      }
      results.put(m + ".rss_mb_total", rss1 / 1048576.0);
      results.put(m + ".ramp_s", rampSecondsTaken);
    } finally {
      for (Process child : children) {
        child.destroy();
      }
      for (Process child : children) {
        if (!child.waitFor(10, TimeUnit.SECONDS)) {
          child.destroyForcibly();
        }
      }
    }
  }

  private static String value(String[] fields, String key) {
    for (String f : fields) {
      if (f.startsWith(key + "=")) {
        return f.substring(key.length() + 1);
      }
    }
    return "0";
  }

  /** GET the server's heap action (it runs a GC first) and read {@code heapUsed}; -1 if absent. */
  static long heapAfterGc(String url) {
    try {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = HEAP.matcher(response.body());
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (IOException e) {
      System.err.println("heap: " + url + ": " + e);
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** One holder process: opens its share of sockets, says READY, holds until STOP or a deadline. */
  static void hold(Args a) throws Exception {
    int count = a.getInt("connections", 1000);
    long maxSeconds = a.getLong("max-seconds", 600);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
    WsFleet fleet = WsFleet.from(a, a.getInt("handshakes", 64), 256, (WsConn c, byte[] buf, int off, int len) -> {});
    try {
      fleet.open(count, BroadcastBench.localIps(a.get("local-ips", "")), a.getInt("per-ip", 2000),
          TimeUnit.SECONDS.toMillis(a.getInt("ramp-timeout", 120)));
      System.out.println("READY ok=" + fleet.ready() + " failed=" + fleet.failedBeforeReady());
      System.out.flush();
      BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      Thread waiter = new Thread(() -> {
        try {
          String line;
          while ((line = stdin.readLine()) != null && !line.trim().equals("STOP")) {
            // keep waiting
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, "stdin");
      waiter.setDaemon(true);
      waiter.start();
      while (waiter.isAlive() && System.nanoTime() < end) {
        waiter.join(200);
      }
      System.out.println("DONE open=" + fleet.open() + " pings=" + fleet.pingsAnswered() + " closed=" + fleet.closedAfterReady());
      System.out.flush();
    } finally {
      fleet.close();
    }
  }
}
