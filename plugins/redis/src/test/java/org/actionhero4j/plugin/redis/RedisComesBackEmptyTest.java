package org.actionhero4j.plugin.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis is a cache of what the nodes hold: when it comes back empty, the nodes fill it again. */
class RedisComesBackEmptyTest {

  private static final long HEARTBEAT_MILLIS = 1000;
  /**
   * Two heartbeats after Redis answers again; Lettuce's reconnect delay (capped at 2 s) comes before
   * that, and one more second absorbs a loaded machine.
   */
  private static final Duration REFILLED = Duration.ofMillis(2 * HEARTBEAT_MILLIS + 2000 + 1000);

  @RegisterExtension final TestCluster cluster = new TestCluster();

  @Test
  void afterAnEmptyRestartEveryNodeListsExactlyItsConnectedMembersAndNewClientsCanJoin() throws Exception {
    Actionhero a = cluster.start("a", b -> b.set("redis.heartbeatMillis", HEARTBEAT_MILLIS));
    Actionhero b = cluster.start("b", x -> x.set("redis.heartbeatMillis", HEARTBEAT_MILLIS));
    a.chatRooms().add("createdByA");
    TestConnection onA = TestCluster.member(a, "defaultRoom", "createdByA");
    TestConnection onB = TestCluster.member(b, "defaultRoom");
    TestConnection inCreatedOnB = TestCluster.member(b, "createdByA");
    TestConnection leftBeforeTheCrash = TestCluster.member(b, "defaultRoom");
    leftBeforeTheCrash.destroy();

    cluster.redis().server().kill();
    cluster.redis().server().restartEmpty();
    long back = System.nanoTime();

    Poll.until(REFILLED, "both nodes list exactly the connected members of every room", () -> {
      for (TestConnection viewer : List.of(onA, onB)) {
        if (!Set.of(onA.id(), onB.id()).equals(memberIds(viewer, "defaultRoom"))) {
          return false;
        }
      }
      return Set.of(onA.id(), inCreatedOnB.id()).equals(memberIds(inCreatedOnB, "createdByA"))
          && Set.of(onA.id(), inCreatedOnB.id()).equals(memberIds(onA, "createdByA"));
    });
    System.out.printf("rooms and members were back %d ms after redis restarted empty%n",
        Duration.ofNanos(System.nanoTime() - back).toMillis());

    TestConnection newcomer = SpecHelper.of(b).connection();
    assertEquals(java.util.Optional.of(true), newcomer.verb("roomAdd", "defaultRoom"));
    assertEquals(Set.of(onA.id(), onB.id(), newcomer.id()), memberIds(onA, "defaultRoom"));
    assertEquals(Set.of("defaultRoom", "createdByA"), Set.copyOf(a.chatRooms().list()));
    onA.verb("say", "defaultRoom", "after the restart");
    newcomer.awaitMessage(m -> "after the restart".equals(m.get("message")), REFILLED);
  }

  @SuppressWarnings("unchecked")
  private static Set<String> memberIds(TestConnection viewer, String room) {
    try {
      Map<String, Object> view = (Map<String, Object>) viewer.verb("roomView", room).orElseThrow();
      return Set.copyOf(((Map<String, Object>) view.get("members")).keySet());
    } catch (ActionheroException e) {
      return Set.of();
    }
  }
}
