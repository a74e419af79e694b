package org.actionhero4j.plugin.redis;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.ChatMessage;
import org.actionhero4j.config.GeneralConfig;
import org.actionhero4j.config.RedisConfig;
import org.actionhero4j.spi.ClusterBus;
import org.actionhero4j.spi.ClusterNode;
import org.actionhero4j.spi.RoomMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ClusterBus} over Redis: rooms and members live in Redis (so every node reads the same
 * truth), chat and cluster calls travel over pub/sub, and nodes prove they are alive with expiring
 * keys. See the module's README for the key layout.
 *
 * <p>Messages arrive on a Lettuce IO thread and are handed over at once: chat to one thread per
 * node (which keeps each sender's order), answers to this node's calls to another, and calls from
 * other nodes to a small pool (they may block on Redis or on calls of their own).
 */
public final class RedisClusterBus implements ClusterBus {

  private static final Logger log = LoggerFactory.getLogger(RedisClusterBus.class);

  /** How long one Redis command may take before it fails with "cluster unavailable". */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
  private static final int CALL_THREADS = 16;

  private final RedisConfig config;
  private volatile IntSupplier connectionCount = () -> 0;
  private volatile ClusterNode node;
  private volatile boolean stopped;
  private ClusterKeys keys;
  private BusMessages messages;
  private ExecutorService chatDelivery;
  private ExecutorService replyDelivery;
  private ThreadPoolExecutor callWorkers;
  private ScheduledThreadPoolExecutor heartbeats;
  private RedisLink link;
  private RoomStore rooms;
  private ClusterCalls calls;
  private NodeLiveness liveness;
  private final SayIds sayIds = new SayIds();
  private ChatLog chatLog;

  public RedisClusterBus(RedisConfig config) {
    this.config = config;
  }

  /** Where the heartbeat reads this node's connection count from (reported by clusterStatus). */
  void connectionCount(IntSupplier count) {
    this.connectionCount = count;
  }

  @Override
  public void start(ClusterNode node) {
    this.node = node;
    boolean redisCluster = RedisPlugin.CLUSTER.equals(config.mode());
    // On Redis Cluster, one hash tag puts every key (and channel) of this cluster in one slot, so
    // that each script touches a single slot.
    this.keys = new ClusterKeys(redisCluster ? "{" + config.keyPrefix() + "}" : config.keyPrefix());
    this.messages = new BusMessages(node.id(), node.token());
    String threads = "ah4j-redis-" + node.id();
    chatDelivery = singleThread(threads + "-chat");
    replyDelivery = singleThread(threads + "-replies");
    callWorkers =
        new ThreadPoolExecutor(
            CALL_THREADS, CALL_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon(threads + "-calls"));
    callWorkers.allowCoreThreadTimeOut(true);
    heartbeats = new ScheduledThreadPoolExecutor(1, daemon(threads + "-heartbeat"));
    try {
      link =
          RedisLink.open(
              config.url(),
              redisCluster,
              config.keyPrefix() + node.id(),
              COMMAND_TIMEOUT,
              new Listener(),
              keys.chatChannel(),
              keys.rpcChannel(),
              keys.replyChannel(node.id()));
      rooms = new RoomStore(link, keys, node.id());
      chatLog = new ChatLog(link, keys, messages);
      calls = new ClusterCalls(link, keys, messages, node, callWorkers);
      liveness =
          new NodeLiveness(
              link, keys, node.id(), config.nodeTimeoutMillis(), rooms, messages, () -> connectionCount.getAsInt());
      liveness.join();
    } catch (RuntimeException e) {
      stopThreads();
      if (link != null) {
        link.close();
      }
      throw e;
    }
    heartbeats.scheduleWithFixedDelay(
        liveness::tick, config.heartbeatMillis(), config.heartbeatMillis(), TimeUnit.MILLISECONDS);
    log.info("node {} joined the redis cluster at {} (keys {}*)", node.id(), link.address(), keys.prefix());
    if (GeneralConfig.DEFAULTS.serverToken().equals(node.token())) {
      log.warn("general.serverToken is the default '{}': set a secret shared only by this cluster's nodes", node.token());
    }
  }

  @Override
  public void stop() {
    if (stopped || link == null) {
      return;
    }
    stopped = true;
    heartbeats.shutdownNow();
    try {
      liveness.leave();
    } catch (ActionheroException e) {
      log.warn(
          "node {} could not leave the cluster cleanly ({}); other nodes remove its members within {} ms",
          node.id(), e.getMessage(), config.nodeTimeoutMillis() + config.heartbeatMillis());
    }
    calls.failAll("the cluster bus of node " + node.id() + " stopped");
    link.close();
    stopThreads();
    log.info("node {} left the redis cluster", node.id());
  }

  private void stopThreads() {
    heartbeats.shutdownNow();
    for (ExecutorService executor : List.of(chatDelivery, replyDelivery, callWorkers)) {
      executor.shutdown();
    }
    try {
      for (ExecutorService executor : List.of(chatDelivery, replyDelivery, callWorkers)) {
        if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
          executor.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean createRoom(String room) {
    return rooms.createRoom(room);
  }

  @Override
  public boolean deleteRoom(String room) {
    return rooms.deleteRoom(room);
  }

  @Override
  public boolean roomExists(String room) {
    return rooms.roomExists(room);
  }

  @Override
  public Set<String> rooms() {
    return rooms.rooms();
  }

  @Override
  public int roomCount() {
    return rooms.roomCount();
  }

  @Override
  public void putMember(String room, RoomMember member) {
    rooms.putMember(room, member);
  }

  @Override
  public boolean removeMember(String room, String connectionId) {
    return rooms.removeMember(room, connectionId);
  }

  @Override
  public Map<String, RoomMember> members(String room) {
    return rooms.members(room);
  }

  @Override
  public void publishChat(ChatMessage message) {
    String retryKey =
        SayIds.contentKey(message.from(), message.room(), BusMessages.encode(message.message()));
    String sayId = sayIds.idFor(retryKey);
    Map<String, Object> m = messages.create(BusMessages.CHAT);
    m.put("sayId", sayId);
    m.put("room", message.room());
    m.put("from", message.from());
    m.put("message", message.message());
    m.put("sentAt", message.sentAt());
    try {
      chatLog.append(message.room(), m);
    } catch (OutcomeUnknownException e) {
      sayIds.unconfirmed(retryKey, sayId);
      throw e;
    }
    sayIds.confirmed(retryKey);
  }

  @Override
  public CompletableFuture<Object> callHolder(String connectionId, String method, List<Object> args) {
    return calls.callHolder(connectionId, method, args);
  }

  @Override
  public CompletableFuture<List<Object>> callEveryNode(String method, List<Object> args) {
    return calls.callEveryNode(method, args);
  }

  @Override
  public CompletableFuture<Object> callNode(String nodeId, String method, List<Object> args, long timeoutMillis) {
    return calls.callNode(nodeId, method, args, timeoutMillis);
  }

  @Override
  public List<ChatMessage> messagesSince(String room, String afterId, int limit) {
    return chatLog.since(room, afterId, limit).stream().map(RedisClusterBus::chatOf).toList();
  }

  @Override
  public Set<String> nodes() {
    return liveness.liveNodeIds();
  }

  /** The id of the node this bus serves; empty before it started. */
  String nodeId() {
    ClusterNode started = node;
    return started == null ? "" : started.id();
  }

  /** The status of every live node: id, startedAt, connections, heartbeatAt (epoch ms). */
  public List<Map<String, Object>> nodeStatuses() {
    List<Map<String, Object>> statuses = liveness.liveNodes();
    statuses.forEach(s -> s.remove(NodeLiveness.TOKEN_FINGERPRINT));
    return statuses;
  }

  /** Dispatches what the subscriber connection receives; runs on a Lettuce IO thread. */
  private final class Listener extends RedisPubSubAdapter<String, String> {
    private volatile boolean subscribedBefore;

    @Override
    public void smessage(String channel, String text) {
      message(channel, text);
    }

    @Override
    public void ssubscribed(String channel, long count) {
      subscribed(channel, count);
    }

    /** Called after the first subscription and after every resubscription. */
    @Override
    public void subscribed(String channel, long count) {
      if (stopped || !channel.equals(keys.chatChannel())) {
        return;
      }
      if (subscribedBefore) {
        try {
          chatDelivery.execute(() -> {
            try {
              chatLog.catchUp(rooms::hasOwnMembers, RedisClusterBus.this::deliver);
            } catch (RuntimeException e) {
              log.warn("node {} could not catch up with the chat logs after resubscribing: {}", node.id(), e.getMessage());
            }
          });
        } catch (RejectedExecutionException e) {
          log.debug("not catching up: the bus is stopping");
        }
      }
      subscribedBefore = true;
    }

    @Override
    public void message(String channel, String text) {
      if (stopped) {
        return;
      }
      messages.accept(channel, text).ifPresent(r -> {
        if (r.trusted()) {
          dispatch(channel, r.message());
        } else {
          fromStranger(channel, r);
        }
      });
    }
  }

  /**
   * A node with another token: its calls get a token-less "tokenMismatch" answer (so its callers do
   * not wait for the timeout), and its answers to this node's calls count as "not here".
   */
  private void fromStranger(String channel, BusMessages.Received r) {
    if (r.sender().equals(node.id())) {
      return;
    }
    messages.strangerSeen(r.sender());
    try {
      if (BusMessages.DO.equals(r.type()) && callChannel(channel)) {
        callWorkers.execute(() -> calls.refuseStranger(r.message()));
      } else if (BusMessages.TOKEN_MISMATCH.equals(r.type()) && channel.equals(keys.replyChannel(node.id()))) {
        replyDelivery.execute(() -> calls.onStrangerAnswer(r.message()));
      }
    } catch (RejectedExecutionException e) {
      log.debug("dropping a message of {}: the bus is stopping", r.sender());
    }
  }

  private void dispatch(String channel, Map<String, Object> message) {
    String type = (String) message.get("messageType");
    try {
      if (BusMessages.CHAT.equals(type) && channel.equals(keys.chatChannel())) {
        boolean tracked = rooms.hasOwnMembers(String.valueOf(message.get("room")));
        chatDelivery.execute(() -> chatLog.received(message, tracked, this::deliver));
      } else if (BusMessages.DO.equals(type) && callChannel(channel)) {
        callWorkers.execute(() -> calls.onRequest(message));
      } else if (BusMessages.DO_RESPONSE.equals(type) && channel.equals(keys.replyChannel(node.id()))) {
        replyDelivery.execute(() -> calls.onResponse(message));
      } else if (BusMessages.NODES_LOST.equals(type)) {
        Set<String> lost = new LinkedHashSet<>();
        if (message.get("nodes") instanceof List<?> ids) {
          ids.forEach(id -> lost.add(String.valueOf(id)));
        }
        lost.remove(node.id());
        if (!lost.isEmpty()) {
          chatDelivery.execute(() -> node.nodesLost(Set.copyOf(lost)));
        }
      } else {
        log.debug("ignoring a cluster message of type {} on {}", type, channel);
      }
    } catch (RejectedExecutionException e) {
      log.debug("dropping a cluster message of type {}: the bus is stopping", type);
    } catch (RuntimeException e) {
      log.warn("ignoring a malformed cluster message of type {} from {}: {}", type, message.get("serverId"), e.toString());
    }
  }

  /** Calls come on the cluster's channel, or on this node's own when they name it ({@code callNode}). */
  private boolean callChannel(String channel) {
    return channel.equals(keys.rpcChannel()) || channel.equals(keys.replyChannel(node.id()));
  }

  private static ChatMessage chatOf(Map<String, Object> m) {
    Object sentAt = m.get("sentAt");
    return new ChatMessage(
        String.valueOf(m.get("room")),
        String.valueOf(m.get("from")),
        m.get("message"),
        sentAt instanceof Number n ? n.longValue() : System.currentTimeMillis(),
        m.get("logId") instanceof String id ? id : "");
  }

  /** Delivers a chat message to this node's members, once per say id (chat thread only). */
  private void deliver(Map<String, Object> message) {
    Object sayId = message.get("sayId");
    if (sayId != null && !sayIds.firstDelivery(String.valueOf(sayId))) {
      return;
    }
    ChatMessage chat = chatOf(message);
    try {
      node.deliverChat(chat);
    } catch (RuntimeException e) {
      log.warn("delivering a chat message to room {} failed: {}", chat.room(), e.toString());
    }
  }

  private static ExecutorService singleThread(String name) {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), daemon(name));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger counter = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
