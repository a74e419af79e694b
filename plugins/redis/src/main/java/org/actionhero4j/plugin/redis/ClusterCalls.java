package org.actionhero4j.plugin.redis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.spi.ClusterBus;
import org.actionhero4j.spi.ClusterNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls between nodes, routed the way Actionhero's {@code doCluster} routes them: a {@code do}
 * request is broadcast on the rpc channel and every node answers on the caller's reply channel.
 *
 * <p>{@code PUBLISH} tells the caller how many nodes received the request, so it knows how many
 * answers to expect. For a call to a connection's holder, nodes that do not hold it answer
 * {@code held:false}: when all of them did, the call fails at once with "no node holds connection
 * ..." instead of waiting for the timeout.
 */
final class ClusterCalls {

  private static final Logger log = LoggerFactory.getLogger(ClusterCalls.class);

  private final RedisLink link;
  private final ClusterKeys keys;
  private final BusMessages messages;
  private final ClusterNode node;
  private final Executor workers;
  private final Map<String, PendingCall<?>> pending = new ConcurrentHashMap<>();

  ClusterCalls(RedisLink link, ClusterKeys keys, BusMessages messages, ClusterNode node, Executor workers) {
    this.link = link;
    this.keys = keys;
    this.messages = messages;
    this.node = node;
    this.workers = workers;
  }

  CompletableFuture<Object> callHolder(String connectionId, String method, List<Object> args) {
    return send(new HolderCall(connectionId), keys.rpcChannel(), method, args, node.rpcTimeoutMillis());
  }

  CompletableFuture<List<Object>> callEveryNode(String method, List<Object> args) {
    return send(new EveryNodeCall(method), keys.rpcChannel(), method, args, node.rpcTimeoutMillis());
  }

  /**
   * Sends the request to one node only, on its own channel: {@code PUBLISH} answering 0 means no
   * node with that id is subscribed, so the call fails at once with
   * {@link ClusterBus.NoSuchNodeException}.
   */
  CompletableFuture<Object> callNode(String nodeId, String method, List<Object> args, long timeoutMillis) {
    return send(new NodeCall(nodeId), keys.replyChannel(nodeId), method, args, timeoutMillis);
  }

  private <T> CompletableFuture<T> send(
      PendingCall<T> call, String channel, String method, List<Object> args, long timeoutMillis) {
    String messageId = UUID.randomUUID().toString();
    Map<String, Object> request = messages.create(BusMessages.DO);
    request.put("messageId", messageId);
    request.put("method", method);
    request.put("connectionId", call.connectionId());
    request.put("args", args);
    String text;
    try {
      text = BusMessages.encode(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          new ActionheroException("the arguments of cluster call '" + method + "' are not JSON: " + e.getMessage()));
    }
    pending.put(messageId, call);
    call.future.whenComplete((r, e) -> pending.remove(messageId));
    CompletableFuture.delayedExecutor(timeoutMillis, TimeUnit.MILLISECONDS, workers)
        .execute(call::timeOut);
    try {
      call.expect(link.publish(channel, text));
    } catch (ActionheroException e) {
      call.future.completeExceptionally(e);
    }
    return call.future;
  }

  /**
   * Runs a request this node received and answers the caller (on a worker thread). A call answered
   * later (a relayed long-poll) holds no thread meanwhile: its answer is sent from a worker.
   */
  void onRequest(Map<String, Object> request) {
    Object connectionId = request.get("connectionId");
    if (connectionId != null && !node.holdsConnection(String.valueOf(connectionId))) {
      reply(request, false, null, null);
      return;
    }
    CompletableFuture<Object> answer;
    try {
      answer = node.handleCallAsync(String.valueOf(request.get("method")), argsOf(request)).toCompletableFuture();
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    if (answer.isDone()) {
      answer.whenComplete((value, failure) -> reply(request, true, value, failure));
    } else {
      answer.whenCompleteAsync((value, failure) -> reply(request, true, value, failure), workers);
    }
  }

  private void reply(Map<String, Object> request, boolean held, Object answer, Throwable failure) {
    Object caller = request.get("serverId");
    Map<String, Object> reply = messages.create(BusMessages.DO_RESPONSE);
    reply.put("messageId", request.get("messageId"));
    reply.put("held", held);
    if (held) {
      try {
        if (failure != null) {
          throw failure;
        }
        BusMessages.encode(answer); // an answer that is not JSON fails here, not on the caller's side
        reply.put("response", answer);
      } catch (Throwable e) {
        reply.put("error", messageOf(unwrap(e)));
      }
    }
    try {
      link.publish(keys.replyChannel(String.valueOf(caller)), BusMessages.encode(reply));
    } catch (RuntimeException e) {
      log.warn("could not answer cluster call {} of {}: {}", request.get("method"), caller, e.getMessage());
    }
  }

  /** Tells a node with another token that this node will not run its call. */
  void refuseStranger(Map<String, Object> request) {
    Map<String, Object> reply = new java.util.LinkedHashMap<>();
    reply.put("messageType", BusMessages.TOKEN_MISMATCH);
    reply.put("serverId", node.id());
    reply.put("messageId", request.get("messageId"));
    try {
      link.publish(keys.replyChannel(String.valueOf(request.get("serverId"))), BusMessages.encode(reply));
    } catch (RuntimeException e) {
      log.debug("could not answer {} that its token differs: {}", request.get("serverId"), e.getMessage());
    }
  }

  /** A node with another token will not answer one of this node's calls: stop waiting for it. */
  void onStrangerAnswer(Map<String, Object> response) {
    PendingCall<?> call = pending.get(String.valueOf(response.get("messageId")));
    if (call != null) {
      call.answerNothing(String.valueOf(response.get("serverId")));
    }
  }

  /** Takes an answer to one of this node's calls. */
  void onResponse(Map<String, Object> response) {
    PendingCall<?> call = pending.get(String.valueOf(response.get("messageId")));
    if (call != null) {
      call.answer(String.valueOf(response.get("serverId")), response);
    }
  }

  /** Fails every call still waiting (the bus stops). */
  void failAll(String reason) {
    for (PendingCall<?> call : List.copyOf(pending.values())) {
      call.future.completeExceptionally(new ActionheroException(reason));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> argsOf(Map<String, Object> request) {
    Object args = request.get("args");
    if (args instanceof List<?> list) {
      return (List<Object>) list;
    }
    return args == null ? List.of() : List.of(args);
  }

  private static Throwable unwrap(Throwable e) {
    Throwable cause = e;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  static String messageOf(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** A call waiting for its answers. */
  private abstract static class PendingCall<T> {
    final CompletableFuture<T> future = new CompletableFuture<>();
    private final Set<String> answered = new HashSet<>();
    private long expected = -1;

    String connectionId() {
      return null;
    }

    synchronized void expect(long receivers) {
      expected = receivers;
      settleIfComplete();
    }

    synchronized void answer(String from, Map<String, Object> response) {
      if (future.isDone() || !answered.add(from)) {
        return;
      }
      take(response);
      settleIfComplete();
    }

    synchronized void answerNothing(String from) {
      if (!future.isDone() && answered.add(from)) {
        settleIfComplete();
      }
    }

    private void settleIfComplete() {
      if (!future.isDone() && expected >= 0 && answered.size() >= expected) {
        allAnswered();
      }
    }

    synchronized void timeOut() {
      if (!future.isDone()) {
        timedOut(answered.size(), expected);
      }
    }

    abstract void take(Map<String, Object> response);

    abstract void allAnswered();

    abstract void timedOut(int answers, long expected);
  }

  /** Completes with the holder's answer; fails when every node said it does not hold it. */
  private static class HolderCall extends PendingCall<Object> {
    private final String connectionId;

    HolderCall(String connectionId) {
      this.connectionId = connectionId;
    }

    @Override
    String connectionId() {
      return connectionId;
    }

    @Override
    void take(Map<String, Object> response) {
      if (!Boolean.TRUE.equals(response.get("held"))) {
        return;
      }
      if (response.containsKey("error")) {
        future.completeExceptionally(new ActionheroException(String.valueOf(response.get("error"))));
      } else {
        future.complete(response.get("response"));
      }
    }

    @Override
    void allAnswered() {
      future.completeExceptionally(new ActionheroException("no node holds connection " + connectionId));
    }

    @Override
    void timedOut(int answers, long expected) {
      future.completeExceptionally(new ActionheroException("RPC Timeout"));
    }
  }

  /**
   * Completes with the node's answer; fails at once when no node with that id received the call. A
   * call to a node holds no connection, so that node answers {@code held:true}.
   */
  private static final class NodeCall extends HolderCall {
    private final String nodeId;

    NodeCall(String nodeId) {
      super(null);
      this.nodeId = nodeId;
    }

    @Override
    void allAnswered() {
      future.completeExceptionally(new ClusterBus.NoSuchNodeException(nodeId));
    }
  }

  /**
   * Completes with every node's answer once all nodes that received the request answered, or at
   * the timeout with the answers that arrived; an error from any node fails the call.
   */
  private static final class EveryNodeCall extends PendingCall<List<Object>> {
    private final String method;
    private final List<Object> answers = new ArrayList<>();

    EveryNodeCall(String method) {
      this.method = method;
    }

    @Override
    void take(Map<String, Object> response) {
      if (response.containsKey("error")) {
        future.completeExceptionally(new ActionheroException(String.valueOf(response.get("error"))));
      } else {
        answers.add(response.get("response"));
      }
    }

    @Override
    void allAnswered() {
      future.complete(new ArrayList<>(answers));
    }

    @Override
    void timedOut(int answered, long expected) {
      log.warn(
          "cluster call '{}' timed out with {} of {} answers; going on with those",
          method, answered, expected < 0 ? "?" : expected);
      future.complete(new ArrayList<>(answers));
    }
  }
}
