package org.actionhero4j.plugin.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which nodes are alive. Each node refreshes its key {@code node:<id>} every heartbeat with an
 * expiry of {@code redis.nodeTimeoutMillis}, and after each heartbeat sweeps: registered nodes
 * whose key expired lose their room members (atomically, so only one survivor does it), and that
 * survivor tells every node with a {@code nodesLost} message. A stale member is therefore gone at
 * most {@code nodeTimeoutMillis + heartbeatMillis} after its node died.
 */
final class NodeLiveness {

  private static final Logger log = LoggerFactory.getLogger(NodeLiveness.class);

  /** Status key of a hash of the node's token: nodes with another token are noticed at start. */
  static final String TOKEN_FINGERPRINT = "tokenFingerprint";

  private final RedisLink link;
  private final ClusterKeys keys;
  private final String nodeId;
  private final long nodeTimeoutMillis;
  private final RoomStore rooms;
  private final BusMessages messages;
  private final IntSupplier connectionCount;
  private final long startedAt = System.currentTimeMillis();
  /** Whether the last heartbeat reached Redis; its changes are logged once. */
  private volatile boolean healthy = true;

  NodeLiveness(
      RedisLink link,
      ClusterKeys keys,
      String nodeId,
      long nodeTimeoutMillis,
      RoomStore rooms,
      BusMessages messages,
      IntSupplier connectionCount) {
    this.link = link;
    this.keys = keys;
    this.nodeId = nodeId;
    this.nodeTimeoutMillis = nodeTimeoutMillis;
    this.rooms = rooms;
    this.messages = messages;
    this.connectionCount = connectionCount;
  }

  /** Registers this node, clearing members a previous run under the same id left behind. */
  void join() {
    boolean wasAlive = beat();
    for (Map<String, Object> status : liveNodes()) {
      Object theirs = status.get(TOKEN_FINGERPRINT);
      if (theirs != null && !messages.tokenFingerprint().equals(theirs)) {
        messages.strangerSeen(String.valueOf(status.get("id")));
      }
    }
    RoomStore.Reregistered r = rooms.reregister();
    if (wasAlive || r.removed() > 0) {
      log.warn(
          "node id {} was already in the cluster (a previous run that did not stop cleanly, or another"
              + " node with the same general.id); removed the {} room members it left",
          nodeId, r.removed());
    }
  }

  /** One heartbeat and sweep; never throws (it runs on a schedule). */
  void tick() {
    try {
      boolean wasAlive = beat();
      if (!wasAlive || !healthy || rooms.diverged()) {
        RoomStore.Reregistered r = rooms.reregister();
        if (r.lostData()) {
          log.warn(
              "redis lost the cluster's data; node {} created {} of its rooms again and stored its {} room members",
              nodeId, r.roomsCreated(), r.stored());
        } else if (!wasAlive) {
          log.warn(
              "node {} was presumed dead by the cluster; registered its {} room members again",
              nodeId, r.stored());
        } else {
          log.info(
              "node {} re-registered its room members after redis was unreachable: {} confirmed, {} stale removed",
              nodeId, r.stored(), r.removed());
        }
      }
      healthy = true;
      sweep();
    } catch (RuntimeException e) {
      if (healthy) {
        log.warn("node {} cannot reach the cluster: {}; retrying every heartbeat", nodeId, e.getMessage());
      }
      healthy = false;
    }
  }

  /** Refreshes this node's key; true when it had not expired. */
  private boolean beat() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", nodeId);
    status.put("startedAt", startedAt);
    status.put("connections", connectionCount.getAsInt());
    status.put("heartbeatAt", System.currentTimeMillis());
    status.put(TOKEN_FINGERPRINT, messages.tokenFingerprint());
    Long existed =
        link.eval(
            ClusterScripts.HEARTBEAT,
            ScriptOutputType.INTEGER,
            new String[] {keys.node(nodeId), keys.nodes()},
            BusMessages.encode(status),
            String.valueOf(nodeTimeoutMillis),
            nodeId);
    return existed != null && existed == 1;
  }

  /** Removes the members of nodes whose key expired, and tells every node which died. */
  void sweep() {
    List<Object> buried =
        link.eval(ClusterScripts.SWEEP, ScriptOutputType.MULTI, new String[] {keys.nodes()}, keys.prefix());
    if (buried.isEmpty()) {
      return;
    }
    List<String> lost = new ArrayList<>();
    for (int i = 0; i + 1 < buried.size(); i += 2) {
      String id = String.valueOf(buried.get(i));
      lost.add(id);
      log.warn("node {} stopped its heartbeat; removed its {} room members", id, buried.get(i + 1));
    }
    Map<String, Object> message = messages.create(BusMessages.NODES_LOST);
    message.put("nodes", lost);
    link.publish(keys.rpcChannel(), BusMessages.encode(message));
  }

  /** This node leaves: its members, key and registration disappear. */
  void leave() {
    Long removed =
        link.eval(
            ClusterScripts.LEAVE,
            ScriptOutputType.INTEGER,
            new String[] {keys.nodes(), keys.node(nodeId)},
            keys.prefix(),
            nodeId);
    log.debug("node {} left the cluster ({} room members removed)", nodeId, removed);
  }

  /** The status of every live node: id, startedAt, connections, heartbeatAt. */
  List<Map<String, Object>> liveNodes() {
    List<Object> values =
        link.eval(
            ClusterScripts.LIVE_NODES, ScriptOutputType.MULTI, new String[] {keys.nodes()}, keys.prefix());
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (Object value : values) {
      try {
        if (BusMessages.decode(String.valueOf(value)) instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, Object> status = (Map<String, Object>) m;
          nodes.add(status);
        }
      } catch (RuntimeException e) {
        log.debug("ignoring a node status that is not JSON: {}", value);
      }
    }
    return nodes;
  }

  Set<String> liveNodeIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Map<String, Object> status : liveNodes()) {
      ids.add(String.valueOf(status.get("id")));
    }
    return ids;
  }
}
