package org.actionhero4j.plugin.redis;

/**
 * The names of every key and channel one cluster uses, all under {@code redis.keyPrefix}. The Lua
 * scripts in {@link ClusterScripts} build some of these names themselves; keep both in step.
 */
record ClusterKeys(String prefix) {

  /** Set of room names. */
  String rooms() {
    return prefix + "rooms";
  }

  /** Hash of a room's members: connection id to the JSON of a {@code RoomMember}. */
  String members(String room) {
    return prefix + "members:" + room;
  }

  /** Sorted set of a room's connection ids, scored by {@link #joinSequence()} at join time. */
  String joinOrder(String room) {
    return prefix + "order:" + room;
  }

  /** Counter that orders joins cluster-wide. */
  String joinSequence() {
    return prefix + "joinSequence";
  }

  /**
   * A random id written when the cluster's data is first stored; when it is missing or new, Redis
   * lost its data (restarted empty, or failed over to a replica that had not caught up).
   */
  String epoch() {
    return prefix + "epoch";
  }

  /** Set of the ids of nodes that registered and were not yet found dead. */
  String nodes() {
    return prefix + "nodes";
  }

  /** A node's liveness key (JSON status, expires after {@code redis.nodeTimeoutMillis}). */
  String node(String id) {
    return prefix + "node:" + id;
  }

  /** Set of the (room, connection) entries a node stored, so that its death can be cleaned up. */
  String held(String id) {
    return prefix + "held:" + id;
  }

  /** Stream of a room's recent chat messages (see {@link ChatLog}). */
  String chatLog(String room) {
    return prefix + "log:" + room;
  }

  /** Channel of chat messages; every node subscribes. */
  String chatChannel() {
    return prefix + "chat";
  }

  /** Channel of cluster calls and cluster events; every node subscribes. */
  String rpcChannel() {
    return prefix + "rpc";
  }

  /** Channel where a node receives the answers to its calls. */
  String replyChannel(String nodeId) {
    return prefix + "rpc:" + nodeId;
  }
}
