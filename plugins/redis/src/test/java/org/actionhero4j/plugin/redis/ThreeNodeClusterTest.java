package org.actionhero4j.plugin.redis;

import org.actionhero4j.internal.cluster.NodeCalls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.spi.ClusterBus;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Three nodes in one JVM, one Redis: rooms, chat and calls behave as on one node. */
class ThreeNodeClusterTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension static final TestCluster cluster = new TestCluster();
  private static Actionhero a;
  private static Actionhero b;
  private static Actionhero c;
  private static final CountDownLatch release = new CountDownLatch(1);

  @BeforeAll
  static void startCluster() throws Exception {
    a = cluster.start("a");
    b = cluster.start("b");
    c = cluster.start("c");
    for (Actionhero node : List.of(a, b, c)) {
      node.injector().getInstance(NodeCalls.class).register("test.whoami", args -> node.id());
    }
    b.injector().getInstance(NodeCalls.class).register("test.block", args -> release.await(30, TimeUnit.SECONDS));
    b.injector().getInstance(NodeCalls.class).register("test.fail", args -> {
      throw new ActionheroException("boom on b");
    });
  }

  @AfterAll
  static void stopCluster() {
    release.countDown();
  }

  private static String freshRoom() {
    String room = "room-" + UUID.randomUUID();
    a.chatRooms().add(room);
    return room;
  }

  private static TestConnection on(Actionhero node) {
    return SpecHelper.of(node).connection();
  }

  @SuppressWarnings("unchecked")
  private static List<String> memberIds(TestConnection viewer, String room) {
    Map<String, Object> view = (Map<String, Object>) viewer.verb("roomView", room).orElseThrow();
    return new ArrayList<>(((Map<String, Object>) view.get("members")).keySet());
  }

  @Test
  void roomsAndMembershipAreTheSameFromEveryNodeInJoinOrder() {
    String room = freshRoom();
    TestConnection first = on(a);
    TestConnection second = on(b);
    TestConnection third = on(c);
    TestConnection fourth = on(a);
    List<TestConnection> joined = List.of(first, second, third, fourth);
    for (TestConnection member : joined) {
      member.verb("roomAdd", room);
    }

    List<String> expected = joined.stream().map(TestConnection::id).toList();
    for (TestConnection viewer : joined) {
      assertEquals(expected, memberIds(viewer, room), "roomView from " + viewer.id());
    }
    for (Actionhero node : List.of(a, b, c)) {
      assertTrue(node.chatRooms().exists(room), "exists on " + node.id());
      assertTrue(node.chatRooms().list().contains(room), "listed on " + node.id());
      assertEquals(4, node.chatRooms().status(room).membersCount());
    }

    second.verb("roomLeave", room);
    assertEquals(List.of(first.id(), third.id(), fourth.id()), memberIds(third, room));
  }

  @Test
  void sayFromAnyNodeReachesEveryMemberOnEveryNodeExactlyOnce() throws Exception {
    String room = freshRoom();
    List<TestConnection> members = new ArrayList<>();
    for (Actionhero node : List.of(a, b, c)) {
      members.add(on(node));
      members.add(on(node));
    }
    for (TestConnection m : members) {
      m.verb("roomAdd", room);
    }

    for (TestConnection sender : members) {
      sender.verb("say", room, "hello from " + sender.id());
    }
    // One marker per node, said after that node's messages: once a member has all three, every
    // earlier message (and any duplicate of it) has been delivered to it.
    List<String> markers = List.of("marker-a", "marker-b", "marker-c");
    for (int i = 0; i < 3; i++) {
      members.get(i * 2).verb("say", room, markers.get(i));
    }

    for (TestConnection receiver : members) {
      for (String marker : markers) {
        receiver.awaitMessage(m -> marker.equals(m.get("message")), WAIT);
      }
      List<Object> texts = receiver.messages().stream()
          .filter(m -> "user".equals(m.get("context")) && room.equals(m.get("room")))
          .map(m -> m.get("message"))
          .toList();
      for (TestConnection sender : members) {
        String text = "hello from " + sender.id();
        assertEquals(1, texts.stream().filter(text::equals).count(), text + " at " + receiver.id());
        Map<String, Object> delivered =
            receiver.messages().stream().filter(m -> text.equals(m.get("message"))).findFirst().orElseThrow();
        assertEquals(sender.id(), delivered.get("from"));
      }
      for (String marker : markers) {
        assertEquals(1, texts.stream().filter(marker::equals).count(), marker + " at " + receiver.id());
      }
      assertEquals(members.size() + markers.size(), texts.size(), "messages at " + receiver.id());
    }
  }

  @Test
  void jsonMessagesKeepTheirShapeAcrossNodes() throws Exception {
    String room = freshRoom();
    TestConnection sender = on(a);
    TestConnection receiver = on(c);
    sender.verb("roomAdd", room);
    receiver.verb("roomAdd", room);

    a.chatRooms().broadcast(room, Map.of("n", 42, "list", List.of("x", true)));

    Map<String, Object> got = receiver.awaitMessage(m -> m.get("message") instanceof Map, WAIT);
    assertEquals(Map.of("n", 42, "list", List.of("x", true)), got.get("message"));
    assertEquals("0", got.get("from"));
  }

  @Test
  void roomCallsForAConnectionHeldByAnotherNodeRunThere() {
    String room = freshRoom();
    TestConnection remote = on(b);
    TestConnection viewer = on(c);
    viewer.verb("roomAdd", room);

    a.chatRooms().addMember(remote.id(), room);
    assertTrue(remote.connection().rooms().contains(room));
    assertEquals(List.of(viewer.id(), remote.id()), memberIds(viewer, room));

    ActionheroException twice =
        assertThrows(ActionheroException.class, () -> a.chatRooms().addMember(remote.id(), room));
    ActionheroException locally = assertThrows(ActionheroException.class, () -> remote.verb("roomAdd", room));
    assertEquals(locally.getMessage(), twice.getMessage(), "the holder's error comes back as it is");

    a.chatRooms().removeMember(remote.id(), room);
    assertFalse(remote.connection().rooms().contains(room));
    assertEquals(List.of(viewer.id()), memberIds(viewer, room));
  }

  @Test
  void sendAndDestroyForAConnectionHeldByAnotherNodeRunThere() throws Exception {
    String room = freshRoom();
    TestConnection target = on(c);
    TestConnection doomed = on(b);
    TestConnection viewer = on(a);
    doomed.verb("roomAdd", room);
    viewer.verb("roomAdd", room);

    a.connections().send(target.id(), Map.of("welcome", "to node c"));
    target.awaitMessage(m -> "to node c".equals(m.get("welcome")), WAIT);

    a.connections().destroy(doomed.id());
    assertTrue(doomed.ended());
    assertTrue(b.connections().local(doomed.id()).isEmpty());
    assertEquals(List.of(viewer.id()), memberIds(viewer, room));
  }

  @Test
  void aCallToAConnectionNoNodeHoldsFailsClearlyWithoutWaitingForTheTimeout() {
    String nobody = "nobody-" + UUID.randomUUID();
    ActionheroException e =
        assertThrows(ActionheroException.class, () -> a.connections().send(nobody, Map.of("x", 1)));
    assertEquals("no node holds connection " + nobody, e.getMessage());
  }

  @Test
  void aCallTheHolderDoesNotAnswerInTimeFailsWithRpcTimeout() {
    TestConnection held = on(b);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> cluster.bus(a).callHolder(held.id(), "test.block", List.of()).get(30, TimeUnit.SECONDS));
    assertInstanceOf(ActionheroException.class, e.getCause());
    assertEquals("RPC Timeout", e.getCause().getMessage());
  }

  @Test
  void anErrorOnTheHolderComesBackWithItsMessage() {
    TestConnection held = on(b);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> cluster.bus(c).callHolder(held.id(), "test.fail", List.of("x")).get(30, TimeUnit.SECONDS));
    assertEquals("boom on b", e.getCause().getMessage());
  }

  @Test
  void callEveryNodeCollectsOneAnswerFromEachNode() throws Exception {
    List<Object> answers = cluster.bus(b).callEveryNode("test.whoami", List.of()).get(30, TimeUnit.SECONDS);
    assertEquals(3, answers.size());
    assertEquals(Set.of(a.id(), b.id(), c.id()), new HashSet<>(answers));
  }

  @Test
  void callNodeRunsOnThatNodeOnlyAndMayBeAnsweredLaterWithoutHoldingAThread() throws Exception {
    assertEquals(c.id(), cluster.bus(a).callNode(c.id(), "test.whoami", List.of(), 30_000).get(30, TimeUnit.SECONDS));
    CompletableFuture<Object> gate = new CompletableFuture<>();
    c.injector().getInstance(NodeCalls.class).registerAsync("test.later", args -> gate.thenApply(v -> v + " " + args.get(0)));
    CompletableFuture<Object> call = cluster.bus(b).callNode(c.id(), "test.later", List.of("for b"), 30_000);
    Poll.until(WAIT, "node c received the call", () -> gate.getNumberOfDependents() > 0);
    assertFalse(call.isDone());
    gate.complete("answered");
    assertEquals("answered for b", call.get(30, TimeUnit.SECONDS));
  }

  @Test
  void callNodeToANodeNotInTheClusterFailsAtOnceSayingSo() {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> cluster.bus(a).callNode("gone-" + UUID.randomUUID(), "test.whoami", List.of(), 30_000).get(30, TimeUnit.SECONDS));
    assertInstanceOf(ClusterBus.NoSuchNodeException.class, e.getCause());
  }

  @Test
  void everyNodeSeesEveryLiveNode() {
    for (Actionhero node : List.of(a, b, c)) {
      assertEquals(Set.of(a.id(), b.id(), c.id()), cluster.bus(node).nodes());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void clusterStatusReportsEachNodeWithItsConnections() {
    List<TestConnection> extra = List.of(on(c), on(c));
    int heldByC = c.connections().local().size();
    assertTrue(heldByC >= extra.size());
    Poll.until(WAIT, "clusterStatus shows the connections of node c", () -> {
      Map<String, Object> status = SpecHelper.of(a).runAction("clusterStatus", Map.of());
      List<Map<String, Object>> nodes = (List<Map<String, Object>>) status.get("nodes");
      return nodes.stream().anyMatch(n -> c.id().equals(n.get("id"))
          && ((Number) n.get("connections")).intValue() == c.connections().local().size());
    });
    Map<String, Object> status = SpecHelper.of(b).runAction("clusterStatus", Map.of());
    List<Map<String, Object>> nodes = (List<Map<String, Object>>) status.get("nodes");
    assertEquals(Set.of(a.id(), b.id(), c.id()), nodes.stream().map(n -> n.get("id")).collect(java.util.stream.Collectors.toSet()));
    assertInstanceOf(Number.class, status.get("totalConnections"));
  }

  @Test
  void aNodeThatStopsTakesItsMembersAndItselfOutOfTheCluster() throws Exception {
    String room = freshRoom();
    TestConnection viewer = on(a);
    viewer.verb("roomAdd", room);
    Actionhero d = cluster.start("d");
    TestConnection leaving = on(d);
    leaving.verb("roomAdd", room);
    assertEquals(List.of(viewer.id(), leaving.id()), memberIds(viewer, room));
    assertTrue(cluster.bus(a).nodes().contains(d.id()));

    d.stop();

    assertEquals(List.of(viewer.id()), memberIds(viewer, room));
    assertFalse(cluster.bus(a).nodes().contains(d.id()));
    assertNotEquals(0, cluster.redis().commands().exists(cluster.prefix + "rooms"));
    assertEquals(0, cluster.redis().commands().exists(cluster.prefix + "node:" + d.id()));
  }
}
