package org.actionhero4j.spi;

import java.util.List;
import org.actionhero4j.ChatMessage;

/** This node as the {@link ClusterBus} sees it. Implemented by core. */
public interface ClusterNode {

  String id();

  /** The cluster's shared secret. */
  String token();

  /** How long a call to another node may take. */
  long rpcTimeoutMillis();

  boolean holdsConnection(String connectionId);

  /** Delivers a published chat message to this node's members of its room. */
  void deliverChat(ChatMessage message);

  /**
   * Runs a named call here (e.g. {@code connections.send}); the answer must be a JSON value. Throws
   * when the method is unknown or fails.
   */
  Object handleCall(String method, List<Object> args) throws Exception;

  /**
   * Runs a named call here and completes with its answer, which may come later (a relayed long-poll
   * is answered when its session has packets); by default {@link #handleCall}, already completed.
   */
  default java.util.concurrent.CompletionStage<Object> handleCallAsync(String method, List<Object> args) {
    try {
      return java.util.concurrent.CompletableFuture.completedFuture(handleCall(method, args));
    } catch (Exception e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
  }

  /** Members held by these nodes died with them; core removes them from its local view. */
  default void nodesLost(java.util.Set<String> nodeIds) {}
}
