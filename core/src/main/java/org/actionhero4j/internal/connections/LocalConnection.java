package org.actionhero4j.internal.connections;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.actionhero4j.Connection;
import org.actionhero4j.MessageId;
import org.actionhero4j.internal.Failures;
import org.actionhero4j.internal.Json;

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
  private final Consumer<LocalConnection> destroyer;
  private final List<String> rooms = new CopyOnWriteArrayList<>();
  private final Map<String, Object> session = new ConcurrentHashMap<>();
  private final AtomicInteger totalActions = new AtomicInteger();
  private final AtomicInteger pendingActions = new AtomicInteger();
  private final AtomicBoolean destroyed = new AtomicBoolean();
  private volatile Map<String, Object> params = Map.of();
  private volatile MessageId messageId = MessageId.of("0");

  LocalConnection(
      String id,
      String type,
      String fingerprint,
      String remoteIp,
      int remotePort,
      boolean canChat,
      ConnectionChannel channel,
      Consumer<LocalConnection> destroyer) {
    this.id = id;
    this.type = type;
    this.fingerprint = fingerprint;
    this.remoteIp = remoteIp;
    this.remotePort = remotePort;
    this.canChat = canChat;
    this.channel = channel;
    this.destroyer = destroyer;
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

  /** The live list of rooms, for the room registry. */
  public List<String> roomList() {
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

  /** Counts an action attempt as started. */
  public void actionStarted() {
    totalActions.incrementAndGet();
    pendingActions.incrementAndGet();
  }

  /** Counts an action as answered. */
  public void actionFinished() {
    pendingActions.decrementAndGet();
  }

  @Override
  public MessageId messageId() {
    return messageId;
  }

  /** Records the id of the latest inbound message. */
  public void messageId(MessageId messageId) {
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

  /** Marks the connection destroyed; false when it already was. */
  public boolean markDestroyed() {
    return destroyed.compareAndSet(false, true);
  }

  @Override
  public void send(Object message) {
    if (message instanceof Map<?, ?> map && map.get("error") instanceof Throwable t) {
      // Actionhero's sendMessage({error}) sends the error's message, never its stack
      Map<Object, Object> copy = new LinkedHashMap<>(map);
      copy.put("error", Failures.messageOf(t));
      message = copy;
    }
    if (!(Json.plain(message) instanceof Map<?, ?> plain)) {
      throw new IllegalArgumentException(
          "a message to a connection must be a JSON object (a map, record or POJO), got "
              + message.getClass().getName());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    plain.forEach((k, v) -> body.put(String.valueOf(k), v));
    body.putIfAbsent("context", "response");
    if ("response".equals(body.get("context"))) {
      body.putIfAbsent("messageId", messageId);
    }
    deliver(OutboundMessage.of(body));
  }

  /** Sends a message as it is. */
  public void deliver(OutboundMessage message) {
    if (!destroyed.get()) {
      channel.deliver(message);
    }
  }

  /** Where this connection's messages go. */
  public ConnectionChannel channel() {
    return channel;
  }

  @Override
  public void destroy() {
    destroyer.accept(this);
  }

  /** The {@code detailsView} shape, keys in Actionhero's order, then {@code type} (ours). */
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
    d.put("type", type);
    return d;
  }

  @Override
  public String toString() {
    return type + " connection " + id;
  }
}
