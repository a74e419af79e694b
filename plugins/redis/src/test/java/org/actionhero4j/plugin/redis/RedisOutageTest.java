package org.actionhero4j.plugin.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis going away: calls fail fast and clearly, local connections live on, and it all recovers. */
class RedisOutageTest {

  /** Generous: only there to catch a hang, not to measure. */
  private static final Duration NO_HANG = Duration.ofSeconds(15);
  private static final Duration RECOVERY = Duration.ofSeconds(30);

  @RegisterExtension final TestCluster cluster = new TestCluster();

  @Test
  void aNodeWhoseRedisIsUnreachableRefusesToStartAndSaysWhy() {
    ActionheroException e =
        assertTimeoutPreemptively(
            NO_HANG,
            () -> assertThrows(
                ActionheroException.class,
                () -> cluster.start("unreachable", b -> b.set("redis.url", "redis://127.0.0.1:1"))));
    assertTrue(
        e.getMessage().startsWith("cluster unavailable: cannot connect to redis at 127.0.0.1:1"),
        e.getMessage());
  }

  @Test
  void whileRedisIsUnreachableChatFailsFastLocalWorkGoesOnAndEverythingRecovers() throws Exception {
    try (TcpProxy proxy = new TcpProxy(RedisTestSupport.HOST, cluster.redis().port())) {
      Actionhero cut = cluster.start("cut", b -> b.set("redis.url", "redis://127.0.0.1:" + proxy.port()));
      Actionhero steady = cluster.start("steady");
      TestConnection onCut = TestCluster.member(cut, "defaultRoom");
      TestConnection leavesDuringOutage = TestCluster.member(cut, "defaultRoom");
      TestConnection onSteady = TestCluster.member(steady, "defaultRoom");
      onCut.verb("say", "defaultRoom", "before");
      onSteady.awaitMessage(m -> "before".equals(m.get("message")), RECOVERY);

      proxy.cut();

      ActionheroException e =
          assertTimeoutPreemptively(
              NO_HANG,
              () -> assertThrows(ActionheroException.class, () -> onCut.verb("say", "defaultRoom", "during")));
      assertTrue(e.getMessage().startsWith("cluster unavailable: "), e.getMessage());
      Map<String, Object> pong = onCut.runAction("ping", Map.of());
      assertEquals(true, pong.get("pong"), "a local action while redis is away: " + pong);
      assertFalse(onCut.ended());
      leavesDuringOutage.destroy();

      proxy.restore();

      chatFlows(onCut, onSteady);
      chatFlows(onSteady, onCut);
      Poll.until(RECOVERY, "the member that left during the outage is gone from redis too",
          () -> !members(onSteady).containsKey(leavesDuringOutage.id()));
      assertTrue(members(onSteady).containsKey(onCut.id()));
    }
  }

  @Test
  void aNodeWronglyPresumedDeadPutsItsMembersBack() throws Exception {
    Actionhero presumed = cluster.start("presumed");
    Actionhero other = cluster.start("other");
    TestConnection onPresumed = TestCluster.member(presumed, "defaultRoom");
    TestConnection onOther = TestCluster.member(other, "defaultRoom");

    // Its key expires (as in a long pause or partition) and a sweep buries it at once.
    String sweepAfterExpiry = "redis.call('DEL', KEYS[2])\n" + ClusterScripts.SWEEP.source();
    List<Object> buried =
        cluster.redis().commands().eval(
            sweepAfterExpiry,
            ScriptOutputType.MULTI,
            new String[] {cluster.prefix + "nodes", cluster.prefix + "node:" + presumed.id()},
            cluster.prefix);
    assertEquals(List.of(presumed.id(), 1L), buried);
    assertFalse(members(onOther).containsKey(onPresumed.id()));

    Poll.until(RECOVERY, "the next heartbeat puts the member back",
        () -> members(onOther).containsKey(onPresumed.id()));
    assertTrue(cluster.bus(other).nodes().contains(presumed.id()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> members(TestConnection viewer) {
    return (Map<String, Object>) ((Map<String, Object>) viewer.verb("roomView", "defaultRoom").orElseThrow()).get("members");
  }

  @Test
  void killedRedisConnectionsReconnectAndResubscribe() throws Exception {
    Actionhero killed = cluster.start("killed");
    Actionhero other = cluster.start("other");
    TestConnection onKilled = SpecHelper.of(killed).connection();
    TestConnection onOther = SpecHelper.of(other).connection();
    onKilled.verb("roomAdd", "defaultRoom");
    onOther.verb("roomAdd", "defaultRoom");

    List<Long> subscriber = cluster.redis().clientIds(killed.id() + ":subscriber");
    List<Long> commands = cluster.redis().clientIds(killed.id() + ":commands");
    assertEquals(1, subscriber.size(), "the node's subscriber connection");
    assertEquals(1, commands.size(), "the node's command connection");
    cluster.redis().killClient(subscriber.get(0));
    cluster.redis().killClient(commands.get(0));

    chatFlows(onOther, onKilled);
    chatFlows(onKilled, onOther);
    Poll.until(RECOVERY, "both connections are back", () ->
        cluster.redis().clientIds(killed.id() + ":subscriber").size() == 1
            && cluster.redis().clientIds(killed.id() + ":commands").size() == 1);
    TestConnection later = SpecHelper.of(other).connection();
    killed.chatRooms().addMember(later.id(), "defaultRoom");
    assertTrue(later.connection().rooms().contains("defaultRoom"));
  }

  /** Says numbered messages until one arrives (messages said during a reconnect may be lost). */
  private static void chatFlows(TestConnection from, TestConnection to) {
    String tag = "probe-" + UUID.randomUUID() + "-";
    AtomicInteger n = new AtomicInteger();
    Poll.until(RECOVERY, "a message from " + from.id() + " reaches " + to.id(), () -> {
      try {
        from.verb("say", "defaultRoom", tag + n.incrementAndGet());
      } catch (ActionheroException e) {
        return false;
      }
      return to.messages().stream().anyMatch(m -> String.valueOf(m.get("message")).startsWith(tag));
    });
  }
}
