package org.actionhero4j.plugin.redis;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.ChatMessage;
import org.actionhero4j.spi.ClusterNode;

/** A bare node that holds no connection and records which nodes the bus reported lost. */
final class RecordingNode implements ClusterNode {

  final Set<String> lost = ConcurrentHashMap.newKeySet();
  private final String id;

  RecordingNode(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String token() {
    return "change-me";
  }

  @Override
  public long rpcTimeoutMillis() {
    return 2000;
  }

  @Override
  public boolean holdsConnection(String connectionId) {
    return false;
  }

  @Override
  public void deliverChat(ChatMessage message) {}

  @Override
  public Object handleCall(String method, List<Object> args) {
    throw new ActionheroException("unknown cluster call '" + method + "'");
  }

  @Override
  public void nodesLost(Set<String> nodeIds) {
    lost.addAll(nodeIds);
  }
}
