package org.actionhero4j.plugin.redis;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@code redis-server} process of the test's own, on a free loopback port, without persistence:
 * killed by pid, and restartable (empty) on the same port. Without {@code redis-server} on the PATH
 * the calling test is skipped, except when {@code CI=true}, where it fails.
 */
public final class RedisServer implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final int port;
  private final Path dir;
  private final List<String> extraArgs;
  private volatile Process process;

  private RedisServer(int port, Path dir, List<String> extraArgs) {
    this.port = port;
    this.dir = dir;
    this.extraArgs = extraArgs;
  }

  /** Starts a server on a free port; {@code extraArgs} are more {@code --option value} pairs. */
  public static RedisServer start(String... extraArgs) {
    try {
      return start(freePort(), extraArgs);
    } catch (IOException e) {
      throw new IllegalStateException("cannot find a free port: " + e, e);
    }
  }

  /** Starts a server on this port; {@code extraArgs} are more {@code --option value} pairs. */
  static RedisServer start(int port, String... extraArgs) {
    requireInstalled();
    try {
      Path dir = Files.createTempDirectory("ah4j-redis-");
      RedisServer server = new RedisServer(port, dir, List.of(extraArgs));
      server.launch();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare a redis-server: " + e, e);
    }
  }

  /** Skips (or, on CI, fails) the calling test unless {@code redis-server} can be run. */
  static void requireInstalled() {
    String problem = null;
    try {
      Process p = new ProcessBuilder("redis-server", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        problem = "redis-server --version did not succeed";
      }
    } catch (IOException e) {
      problem = e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = "interrupted";
    }
    if (problem != null) {
      String message = "the cluster tests run their own redis-server (Redis 7): " + problem;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + " (CI=true, so this is a failure, not a skip)");
      }
      Assumptions.abort(message);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  private void launch() throws IOException {
    List<String> command = new ArrayList<>(List.of(
        "redis-server", "--port", String.valueOf(port), "--bind", HOST, "--save", "", "--appendonly", "no",
        "--daemonize", "no", "--dir", dir.toString()));
    command.addAll(extraArgs);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
    while (!answersPing()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "redis-server on port " + port + " did not start: " + Files.readString(dir.resolve("redis.log")));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 500);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  int port() {
    return port;
  }

  public String url() {
    return "redis://" + HOST + ":" + port;
  }

  /** The directory the server runs in (its log, and a cluster config file if any). */
  Path dir() {
    return dir;
  }

  /** SIGKILL by pid; waits until the process is gone. */
  void kill() {
    Process p = process;
    if (p == null) {
      return;
    }
    try {
      new ProcessBuilder("kill", "-9", String.valueOf(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      p.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Starts the server again on the same port, with no data. */
  void restartEmpty() {
    kill();
    try {
      for (File f : dir.toFile().listFiles()) {
        if (!f.getName().equals("redis.log")) {
          Files.deleteIfExists(f.toPath());
        }
      }
      launch();
    } catch (IOException e) {
      throw new IllegalStateException("cannot restart redis-server on port " + port + ": " + e, e);
    }
  }

  @Override
  public void close() {
    kill();
  }
}
