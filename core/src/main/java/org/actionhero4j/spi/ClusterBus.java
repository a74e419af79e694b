package org.actionhero4j.spi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.actionhero4j.ChatMessage;

/**
 * The shared state and messaging of a cluster. Every room operation, chat broadcast and call to a
 * connection held elsewhere goes through it, so core never assumes that members are local. The
 * in-memory default serves one node; {@code plugins/redis} serves many.
 *
 * <p>Blocking methods are called from worker threads, never from IO threads. They throw an
 * {@link org.actionhero4j.ActionheroException} with a clear message when the backing store cannot
 * be reached.
 */
public interface ClusterBus {

  /** Called once before any other method; {@code node} answers for this node. */
  void start(ClusterNode node) throws Exception;

  /** Called once at stop; this node's members and liveness disappear from the cluster. */
  void stop();

  /** Creates a room; false when it existed. */
  boolean createRoom(String room);

  /** Deletes a room and its member list; false when it did not exist. */
  boolean deleteRoom(String room);

  boolean roomExists(String room);

  Set<String> rooms();

  /** How many rooms exist; stores that can count without listing should say so. */
  default int roomCount() {
    return rooms().size();
  }

  /** Stores a member of a room (replacing one with the same connection id). */
  void putMember(String room, RoomMember member);

  /** Removes a member of a room; false when it was not there. */
  boolean removeMember(String room, String connectionId);

  /** The members of a room, by connection id, in join order where the store keeps one. */
  Map<String, RoomMember> members(String room);

  /**
   * Publishes a chat message; every node (this one included) gets it once through
   * {@link ClusterNode#deliverChat}, with its log {@link ChatMessage#id} where the bus keeps a log.
   */
  void publishChat(ChatMessage message);

  /**
   * Runs {@link ClusterNode#handleCall} on the node that holds the connection and completes with
   * its answer; fails with an {@link org.actionhero4j.ActionheroException} when no node holds it or
   * the node does not answer within the RPC timeout.
   */
  CompletableFuture<Object> callHolder(String connectionId, String method, List<Object> args);

  /** Runs {@link ClusterNode#handleCall} on every node, this one included; the answers in any order. */
  CompletableFuture<List<Object>> callEveryNode(String method, List<Object> args);

  /**
   * Runs {@link ClusterNode#handleCallAsync} on the node with this id and completes with its answer.
   * {@code timeoutMillis} may exceed the RPC timeout: an Engine.IO long-poll relayed to the node that
   * holds its session waits there for the session's next packet. Fails with
   * {@link NoSuchNodeException} when no node with that id is in the cluster (nothing ran), and with
   * an {@link org.actionhero4j.ActionheroException} when the node does not answer in time or the
   * cluster cannot be reached. A bus of one node knows no other node.
   */
  default CompletableFuture<Object> callNode(String nodeId, String method, List<Object> args, long timeoutMillis) {
    return CompletableFuture.failedFuture(new NoSuchNodeException(nodeId));
  }

  /** No node of the cluster has the id a call named: the call ran nowhere. */
  final class NoSuchNodeException extends org.actionhero4j.ActionheroException {
    public NoSuchNodeException(String nodeId) {
      super("no node " + nodeId + " in the cluster");
    }
  }

  /** The ids of the live nodes. */
  Set<String> nodes();

  /**
   * At most {@code limit} of the most recent chat messages of a room published after the one with
   * id {@code afterId}, oldest first, each with its {@link ChatMessage#id}; empty when the bus keeps
   * no log, the id is unknown, or nothing came after it.
   */
  default List<ChatMessage> messagesSince(String room, String afterId, int limit) {
    return List.of();
  }
}
