package org.actionhero4j.plugin.redis;

import static org.junit.jupiter.api.Assertions.fail;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Redis the cluster tests run against (127.0.0.1:6379). Without it the tests are skipped,
 * except when {@code CI=true}, where they fail.
 */
public final class RedisTestSupport implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  static final int PORT = 6379;
  static final String URL = "redis://" + HOST + ":" + PORT;

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  private RedisTestSupport() {
    client = RedisClient.create(URL);
    connection = client.connect();
  }

  /** Skips (or, on CI, fails) the calling test class unless Redis answers PING. */
  public static RedisTestSupport connect() {
    String problem = ping();
    if (problem != null) {
      String message = "Redis at " + HOST + ":" + PORT + " is needed by the cluster tests: " + problem;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + " (CI=true, so this is a failure, not a skip)");
      }
      Assumptions.abort(message);
    }
    return new RedisTestSupport();
  }

  private static String ping() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, PORT), 1000);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      String text = new String(reply, StandardCharsets.US_ASCII);
      return text.startsWith("+PONG") ? null : "it answered '" + text.trim() + "' to PING";
    } catch (Exception e) {
      return e.toString();
    }
  }

  RedisCommands<String, String> commands() {
    return connection.sync();
  }

  /** Deletes every key under a prefix. */
  public void deleteKeys(String prefix) {
    RedisCommands<String, String> redis = connection.sync();
    ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(500);
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = redis.scan(cursor, match);
      if (!page.getKeys().isEmpty()) {
        redis.del(page.getKeys().toArray(String[]::new));
      }
      cursor = page;
    } while (!cursor.isFinished());
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
  }
}
