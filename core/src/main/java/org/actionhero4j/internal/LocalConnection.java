package org.actionhero4j.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.actionhero4j.Connection;
import org.actionhero4j.spi.ConnectionChannel;
import org.actionhero4j.spi.OutboundMessage;

/** A connection held by this node. */
public final class LocalConnection implements Connection {

  private final String id;
  private final String type;
  private final String fingerprint;
  private final String remoteIp;
  private final int remotePort;
  private final long connectedAt = System.currentTimeMillis();
  private final boolean canChat;
  private final ConnectionChannel channel;
  private final ConnectionRegistry registry;
  private final List<String> rooms = new CopyOnWriteArrayList<>();
  private final Map<String, Object> session = new ConcurrentHashMap<>();
  private final AtomicInteger totalActions = new AtomicInteger();
  private final AtomicInteger pendingActions = new AtomicInteger();
  private final AtomicBoolean destroyed = new AtomicBoolean();
  private volatile Map<String, Object> params = Map.of();
  private volatile Object messageId = "0";

  LocalConnection(
      String id,
      String type,
      String fingerprint,
      String remoteIp,
      int remotePort,
      boolean canChat,
      ConnectionChannel channel,
      ConnectionRegistry registry) {
    this.id = id;
    this.type = type;
    this.fingerprint = fingerprint;
    this.remoteIp = remoteIp;
    this.remotePort = remotePort;
    this.canChat = canChat;
    this.channel = channel;
    this.registry = registry;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public String remoteIp() {
    return remoteIp;
  }

  @Override
  public int remotePort() {
    return remotePort;
  }

  @Override
  public long connectedAt() {
    return connectedAt;
  }

  @Override
  public List<String> rooms() {
    return List.copyOf(rooms);
  }

  List<String> roomList() {
    return rooms;
  }

  @Override
  public Map<String, Object> params() {
    return params;
  }

  /** Replaces the params with those of a new request. */
  public void params(Map<String, Object> params) {
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  @Override
  public Map<String, Object> session() {
    return session;
  }

  @Override
  public int totalActions() {
    return totalActions.get();
  }

  @Override
  public int pendingActions() {
    return pendingActions.get();
  }

  void actionStarted() {
    totalActions.incrementAndGet();
    pendingActions.incrementAndGet();
  }

  void actionFinished() {
    pendingActions.decrementAndGet();
  }

  @Override
  public Object messageId() {
    return messageId;
  }

  public void messageId(Object messageId) {
    this.messageId = messageId;
  }

  @Override
  public boolean canChat() {
    return canChat;
  }

  @Override
  public boolean destroyed() {
    return destroyed.get();
  }

  boolean markDestroyed() {
    return destroyed.compareAndSet(false, true);
  }

  @Override
  public void send(Map<String, Object> message) {
    Map<String, Object> body = new LinkedHashMap<>(message);
    if (body.get("error") instanceof Throwable t) {
      body.put("error", ActionProcessor.messageOf(t));
    }
    body.putIfAbsent("context", "response");
    if ("response".equals(body.get("context"))) {
      body.putIfAbsent("messageId", messageId);
    }
    deliver(new OutboundMessage(body, Json::encode));
  }

  /** Sends a message as it is. */
  public void deliver(OutboundMessage message) {
    if (!destroyed.get()) {
      channel.deliver(message);
    }
  }

  ConnectionChannel channel() {
    return channel;
  }

  @Override
  public void destroy() {
    registry.destroy(this, ConnectionRegistry.Ending.DELIBERATE);
  }

  /** The {@code detailsView} shape, keys in Actionhero's order. */
  public Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("fingerprint", fingerprint);
    d.put("remoteIP", remoteIp);
    d.put("remotePort", remotePort);
    d.put("params", params);
    d.put("connectedAt", connectedAt);
    d.put("rooms", rooms());
    d.put("totalActions", totalActions());
    d.put("pendingActions", pendingActions());
    return d;
  }

  @Override
  public String toString() {
    return type + " connection " + id;
  }
}
