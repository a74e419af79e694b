package org.actionhero4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and memory of a process, from Linux's /proc. */
public final class ProcStats {

  private static final long CLOCK_TICKS = clockTicks();

  private ProcStats() {}

  /** utime + stime of every thread of {@code pid}, in nanoseconds (10 ms resolution at 100 Hz). */
  public static long cpuNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // the command name is in parentheses and may hold spaces: fields start after the last ')'
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      // f[0] is field 3 (state); utime is field 14, stime field 15
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return ticks * 1_000_000_000L / CLOCK_TICKS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** VmRSS of {@code pid} in bytes, or -1. */
  public static long rssBytes(long pid) {
    long kb = statusField(pid, "VmRSS:");
    return kb < 0 ? -1 : kb * 1024;
  }

  /** How many threads {@code pid} has, or -1. */
  public static long threads(long pid) {
    return statusField(pid, "Threads:");
  }

  /** The first number of the {@code name} line of /proc/PID/status, or -1. */
  private static long statusField(long pid, String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(name)) {
          String[] parts = line.substring(name.length()).trim().split("\\s+");
          return Long.parseLong(parts[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** How many file descriptors {@code pid} has open, or -1. */
  public static int openFiles(long pid) {
    String[] names = new java.io.File("/proc/" + pid + "/fd").list();
    return names == null ? -1 : names.length;
  }

  /** The names of {@code pid}'s threads (/proc/PID/task/TID/comm, at most 15 characters each). */
  public static java.util.List<String> threadNames(long pid) {
    java.util.List<String> names = new java.util.ArrayList<>();
    String[] tids = new java.io.File("/proc/" + pid + "/task").list();
    for (String tid : tids == null ? new String[0] : tids) {
      try {
        names.add(Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/comm")).trim());
      } catch (IOException e) {
        // the thread ended meanwhile
      }
    }
    return names;
  }

  /** What {@code pid}'s file descriptors point at ({@code socket:[inode]}, a path, ...). */
  public static java.util.List<String> fdTargets(long pid) {
    java.util.List<String> targets = new java.util.ArrayList<>();
    String[] fds = new java.io.File("/proc/" + pid + "/fd").list();
    for (String fd : fds == null ? new String[0] : fds) {
      try {
        targets.add(Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/" + fd)).toString());
      } catch (IOException e) {
        // closed meanwhile
      }
    }
    return targets;
  }

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return Long.parseLong(out);
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
