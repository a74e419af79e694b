package org.actionhero4j.plugin.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.Actionhero;
import org.actionhero4j.config.RedisConfig;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A node killed with SIGKILL: its members vanish from every room within the bound of A2.9. */
class NodeDeathTest {

  /** PROTOCOL A2.9 with the default redis.heartbeatMillis and redis.nodeTimeoutMillis. */
  private static final Duration STALE_MEMBER_BOUND = Duration.ofSeconds(15);

  @RegisterExtension final TestCluster cluster = new TestCluster();
  private Process child;
  private RedisClusterBus observer;

  @AfterEach
  void disconnect() {
    if (child != null) {
      child.destroyForcibly();
    }
    if (observer != null) {
      observer.stop();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void membersOfAKilledNodeVanishFromRoomsWithinTheBound() throws Exception {
    Actionhero survivor = cluster.start("survivor");
    RecordingNode watching = new RecordingNode("observer-" + UUID.randomUUID());
    observer =
        new RedisClusterBus(new RedisConfig(true, cluster.redis().url(), cluster.prefix, 2_000, 10_000, "standalone"));
    observer.start(watching);
    String room = "crash-" + UUID.randomUUID();
    survivor.chatRooms().add(room);
    TestConnection viewer = SpecHelper.of(survivor).connection();
    viewer.verb("roomAdd", room);

    String childId = "doomed-" + UUID.randomUUID().toString().substring(0, 8);
    String childMember = startChild(room, childId);
    Map<String, Object> members =
        (Map<String, Object>) ((Map<String, Object>) viewer.verb("roomView", room).orElseThrow()).get("members");
    assertEquals(List.of(viewer.id(), childMember), new ArrayList<>(members.keySet()));
    assertTrue(observer.nodes().contains(childId));

    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    long killedAt = System.nanoTime();

    Poll.until(STALE_MEMBER_BOUND, "the killed node's member leaves " + room, () -> {
      Map<String, Object> view = (Map<String, Object>) viewer.verb("roomView", room).orElseThrow();
      return !((Map<String, Object>) view.get("members")).containsKey(childMember);
    });
    Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
    assertTrue(took.compareTo(STALE_MEMBER_BOUND) <= 0, "took " + took);
    assertFalse(observer.nodes().contains(childId));
    Poll.until(Duration.ofSeconds(5), "every node hears that " + childId + " was lost",
        () -> watching.lost.contains(childId));
    assertEquals(0, cluster.redis().commands().exists(cluster.prefix + "held:" + childId));
  }

  /** Starts the node in another JVM; returns the id of its member once it joined. */
  private String startChild(String room, String childId) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ClusterMemberProcess.class.getName(),
                cluster.prefix,
                room,
                childId,
                cluster.redis().url())
            .redirectErrorStream(true)
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (Exception e) {
        // the process ended
      }
    }, "child-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line == null) {
        if (!child.isAlive()) {
          break;
        }
        continue;
      }
      if (line.startsWith("JOINED ")) {
        return line.substring("JOINED ".length()).trim();
      }
      seen.add(line);
    }
    fail("the child node did not join; it said: " + String.join("\n", seen));
    return null;
  }
}
