package org.actionhero4j.plugin.redis;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * A Redis server of the test's own ({@link RedisServer}) and a connection to it. Without
 * {@code redis-server} the tests are skipped, except when {@code CI=true}, where they fail.
 */
public final class RedisTestSupport implements AutoCloseable {

  static final String HOST = RedisServer.HOST;

  private final RedisServer server;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  private RedisTestSupport(RedisServer server) {
    this.server = server;
    client = RedisClient.create(server.url());
    connection = client.connect();
  }

  /** Starts a Redis of this test's own and connects to it. */
  public static RedisTestSupport connect() {
    return new RedisTestSupport(RedisServer.start());
  }

  /** The server's URL, for {@code redis.url}. */
  public String url() {
    return server.url();
  }

  int port() {
    return server.port();
  }

  RedisServer server() {
    return server;
  }

  RedisCommands<String, String> commands() {
    return connection.sync();
  }

  /** The ids of the clients whose name ends with a suffix. */
  List<Long> clientIds(String nameSuffix) {
    List<Long> ids = new ArrayList<>();
    for (String line : connection.sync().clientList().split("\n")) {
      Long id = null;
      String name = null;
      for (String field : line.trim().split(" ")) {
        if (field.startsWith("id=")) {
          id = Long.parseLong(field.substring(3));
        } else if (field.startsWith("name=")) {
          name = field.substring(5);
        }
      }
      if (id != null && name != null && name.endsWith(nameSuffix)) {
        ids.add(id);
      }
    }
    return ids;
  }

  void killClient(long id) {
    connection.sync().clientKill(KillArgs.Builder.id(id));
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
    server.close();
  }
}
