package org.actionhero4j.plugin.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A Redis Cluster of three masters (no replicas) of the test's own: three {@code redis-server}
 * processes with {@code cluster-enabled yes}, joined by {@code redis-cli --cluster create}.
 */
public final class RedisClusterServers implements AutoCloseable {

  private static final int MASTERS = 3;
  /** Redis listens on {@code port + 10000} for its cluster bus, so ports stay below this. */
  private static final int HIGHEST_PORT = 55_000;

  private final List<RedisServer> servers;

  private RedisClusterServers(List<RedisServer> servers) {
    this.servers = servers;
  }

  /** Starts the servers and creates the cluster; returns once every slot is served. */
  public static RedisClusterServers start() {
    List<RedisServer> servers = new ArrayList<>();
    try {
      for (int i = 0; i < MASTERS; i++) {
        servers.add(RedisServer.start(clusterPort(), "--cluster-enabled", "yes",
            "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000"));
      }
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      servers.forEach(s -> create.add(RedisServer.HOST + ":" + s.port()));
      create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      Process p = new ProcessBuilder(create).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("redis-cli --cluster create failed:\n" + output);
      }
      RedisClusterServers cluster = new RedisClusterServers(servers);
      cluster.awaitReady();
      return cluster;
    } catch (IOException | RuntimeException e) {
      servers.forEach(RedisServer::close);
      throw new IllegalStateException("cannot start a redis cluster: " + e, e);
    } catch (InterruptedException e) {
      servers.forEach(RedisServer::close);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting a redis cluster", e);
    }
  }

  private static int clusterPort() throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = RedisServer.freePort();
      if (port <= HIGHEST_PORT && free(port + 10_000)) {
        return port;
      }
    }
    throw new IOException("found no free port pair (port, port + 10000) below " + HIGHEST_PORT);
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(RedisServer.HOST))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (RedisServer server : servers) {
      while (!clusterInfo(server).contains("cluster_state:ok")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the redis cluster did not become ready: " + clusterInfo(server));
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      }
    }
  }

  private static String clusterInfo(RedisServer server) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("redis-cli", "-h", RedisServer.HOST, "-p", String.valueOf(server.port()), "cluster", "info")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  /** The seed URIs, comma-separated, for {@code redis.url} in cluster mode. */
  public String url() {
    return String.join(",", servers.stream().map(RedisServer::url).toList());
  }

  @Override
  public void close() {
    servers.forEach(RedisServer::close);
  }
}
