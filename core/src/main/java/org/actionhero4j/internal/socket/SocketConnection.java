package org.actionhero4j.internal.socket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Connection;
import org.actionhero4j.MessageId;
import org.actionhero4j.internal.Json;
import org.actionhero4j.internal.connections.ConnectionChannel;
import org.actionhero4j.internal.connections.ConnectionRegistry;
import org.actionhero4j.internal.connections.LocalConnection;
import org.actionhero4j.internal.connections.OutboundMessage;
import org.actionhero4j.internal.verbs.VerbDispatcher;
import org.actionhero4j.spi.CloseCode;
import org.actionhero4j.spi.SocketListener;
import org.actionhero4j.spi.SocketSession;
import org.actionhero4j.spi.TextFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Actionhero socket over Primus framing. Inbound events run one at a time, in order, on the
 * worker pool (never on the transport's IO thread); actions run concurrently and reply in
 * completion order. Outbound frames are bounded per socket.
 */
final class SocketConnection implements SocketListener, ConnectionChannel, Heartbeats.Beating {

  private static final Logger log = LoggerFactory.getLogger(SocketConnection.class);
  private static final int MAX_REASON_CHARS = 200;
  private static final TextFrame SERVER_CLOSE = TextFrame.of(PrimusFraming.SERVER_CLOSE);

  private final SocketServices node;
  private final SocketSession session;
  private final Consumer<SocketConnection> onClosed;
  private final String id = UUID.randomUUID().toString();
  private final String fingerprint;
  private final String remoteIp;
  private final int remotePort;
  private final SerialExecutor mailbox;
  private final AtomicInteger queuedMessages = new AtomicInteger();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile boolean alive = true;
  private volatile LocalConnection connection;

  SocketConnection(
      SocketServices node,
      SocketSession session,
      String fingerprint,
      String remoteIp,
      int remotePort,
      Consumer<SocketConnection> onClosed) {
    this.node = node;
    this.session = session;
    this.onClosed = onClosed;
    this.fingerprint = fingerprint.isEmpty() ? id : fingerprint;
    this.remoteIp = remoteIp;
    this.remotePort = remotePort;
    this.mailbox = new SerialExecutor(node.executor());
  }

  /** Creates the connection (connection middleware runs) and sends the welcome, off the IO thread. */
  void start() {
    mailbox.execute(this::open);
  }

  private void open() {
    try {
      connection =
          node.connections().open(id, Connection.WEBSOCKET, fingerprint, remoteIp, remotePort, true, this);
    } catch (Exception e) {
      log.info("socket {} refused by connection middleware: {}", id, e.getMessage());
      closing.set(true);
      session.close(CloseCode.POLICY_VIOLATION, e.getMessage() == null ? "refused" : e.getMessage());
      onClosed.accept(this);
      return;
    }
    if (closing.get()) {
      node.connections().destroy(connection, ConnectionRegistry.Ending.CLOSED);
      return;
    }
    node.heartbeats().add(this);
    if (!node.welcomeMessage().isEmpty()) {
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("welcome", node.welcomeMessage());
      message.put("context", "api");
      write(TextFrame.of(Json.encode(message)));
    }
  }

  @Override
  public void onText(String text) {
    node.observer().socketFrameReceived();
    // Decoded on the socket's mailbox (a worker), in order; actions then run on the pool, even
    // non-blocking ones. Measured on Undertow (rpc, 100 sockets x 5 in flight): frames handled on
    // the IO thread, 41k req/s at 34 us of CPU each; handed on as here, 60k-77k at 20-26 us across
    // runs; actions run on the mailbox thread itself, 68k at 23 us (no gain within that spread).
    mailbox.execute(() -> receive(PrimusFraming.decode(text)));
  }

  @Override
  public void onPing() {
    alive = true;
  }

  @Override
  public void onClose(CloseCode code, String reason) {
    closing.set(true);
    node.heartbeats().remove(this);
    onClosed.accept(this);
    mailbox.execute(
        () -> {
          LocalConnection c = connection;
          if (c != null) {
            node.connections().destroy(c, ConnectionRegistry.Ending.CLOSED);
          }
        });
  }

  @Override
  public void heartbeat(long now) {
    if (!alive) {
      log.debug("socket {} sent no heartbeat; closing it", id);
      node.heartbeats().remove(this);
      closing.set(true);
      session.close(CloseCode.NORMAL, "heartbeat timeout");
      return;
    }
    alive = false;
    write(TextFrame.of(PrimusFraming.ping(now)));
  }

  private void receive(PrimusFraming.Inbound frame) {
    LocalConnection c = connection;
    if (c == null || c.destroyed()) {
      return;
    }
    if (frame instanceof PrimusFraming.Pong) {
      alive = true;
    } else if (frame instanceof PrimusFraming.IdRequest) {
      write(TextFrame.of(PrimusFraming.id(id)));
    } else if (frame instanceof PrimusFraming.Invalid invalid) {
      log.debug("socket {} sent a frame that is not valid JSON: {}", id, invalid.reason());
      MessageId messageId = invalid.messageId().filter(v -> !isFalsy(v)).map(Json::messageId)
          .orElseGet(MessageId::random);
      c.messageId(messageId);
      c.params(Map.of());
      replyError(node.errors().invalidFrame(truncate(invalid.reason())), null, messageId);
    } else if (frame instanceof PrimusFraming.Data data) {
      handle(c, data.value());
    }
  }

  private void handle(LocalConnection c, Object value) {
    if (!(value instanceof Map<?, ?> raw)) {
      MessageId messageId = MessageId.random();
      c.messageId(messageId);
      c.params(Map.of());
      replyError(node.errors().verbNotFound(null), value, messageId);
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    raw.forEach((k, v) -> data.put(String.valueOf(k), v));
    Object event = data.remove("event");
    Object rawId = data.remove("messageId");
    MessageId messageId = isFalsy(rawId) ? MessageId.random() : Json.messageId(rawId);
    c.messageId(messageId);
    c.params(Map.of());
    if ("action".equals(event)) {
      runAction(c, data, messageId);
    } else if ("file".equals(event)) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("file", data.get("file"));
      c.params(params);
      reply(node.files().answer(data.get("file")), messageId);
    } else {
      runVerb(c, event, data, messageId);
    }
  }

  private void runAction(LocalConnection c, Map<String, Object> data, MessageId messageId) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (data.get("params") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> params.put(String.valueOf(k), v));
    }
    c.params(params);
    node.pipeline()
        .submit(
            c,
            params,
            messageId,
            p -> {
              if (p.toRender()) {
                reply(p.response(), messageId);
              }
            })
        .whenComplete(
            (p, failure) -> {
              if (failure != null) {
                log.warn("action pipeline failed on socket {}: {}", id, failure.toString());
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", node.errors().internalError());
                reply(error, messageId);
              }
            });
  }

  private void runVerb(LocalConnection c, Object verb, Map<String, Object> data, MessageId messageId) {
    List<Object> words = new ArrayList<>();
    if (data.containsKey("room")) {
      words.add(data.remove("room"));
    }
    if ("say".equals(verb)) {
      if (words.isEmpty()) {
        words.add(null);
      }
      words.add(data.get("message"));
    } else {
      words.addAll(data.values());
    }
    try {
      VerbDispatcher.Result result = node.verbs().run(c, verb, words);
      if (result instanceof VerbDispatcher.NoReply) {
        return;
      }
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("status", "OK");
      reply.put("context", "response");
      if (result instanceof VerbDispatcher.Data d) {
        reply.put("data", d.data());
      }
      reply.put("messageId", messageId);
      write(TextFrame.of(Json.encode(reply)));
    } catch (ActionheroException e) {
      replyError(e.getMessage(), data, messageId);
    } catch (RuntimeException e) {
      log.error("verb {} failed on socket {}", verb, id, e);
      replyError(node.errors().internalError(), data, messageId);
    }
  }

  private void replyError(String message, Object data, MessageId messageId) {
    String text = "Error: " + message;
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("status", text);
    reply.put("error", text);
    reply.put("context", "response");
    if (data != null) {
      reply.put("data", data);
    }
    reply.put("messageId", messageId);
    write(TextFrame.of(Json.encode(reply)));
  }

  private void reply(Map<String, Object> response, MessageId messageId) {
    Map<String, Object> body = new LinkedHashMap<>(response);
    body.put("context", "response");
    body.put("messageId", messageId);
    write(TextFrame.of(Json.encode(body)));
  }

  private static boolean isFalsy(Object v) {
    return v == null
        || Boolean.FALSE.equals(v)
        || "".equals(v)
        || (v instanceof Number n && n.doubleValue() == 0);
  }

  @Override
  public void deliver(OutboundMessage message) {
    write(message.frame());
  }

  @Override
  public void end(boolean reconnect) {
    node.heartbeats().remove(this);
    if (reconnect) {
      if (closing.compareAndSet(false, true)) {
        session.close(CloseCode.GOING_AWAY, "server shutting down");
      }
    } else {
      write(SERVER_CLOSE);
      if (closing.compareAndSet(false, true)) {
        session.close(CloseCode.NORMAL, "");
      }
    }
  }

  /**
   * Queues a frame within the socket's bounds; beyond them the slow-consumer policy applies. The
   * bounds limit the backlog: a frame written while nothing else waits is always queued, however
   * large, so one legal message never counts as a slow consumer. A frame's bytes count as many
   * times as sockets hold it, though a broadcast's are shared: each socket's backlog is its own.
   */
  private void write(TextFrame frame) {
    if (closing.get()) {
      return;
    }
    long bytes = frame.byteLength();
    int messages = queuedMessages.incrementAndGet();
    long pendingBytes = queuedBytes.addAndGet(bytes);
    var limits = node.limits();
    boolean backlog = messages > 1;
    if (backlog && (messages > limits.outboundQueueMessages() || pendingBytes > limits.outboundQueueBytes())) {
      queuedMessages.decrementAndGet();
      queuedBytes.addAndGet(-bytes);
      slowConsumer(messages, pendingBytes);
      return;
    }
    node.observer().socketFrameSent();
    session.sendText(frame)
        .whenComplete(
            (written, failure) -> {
              queuedMessages.decrementAndGet();
              queuedBytes.addAndGet(-bytes);
            });
  }

  private final AtomicBoolean slowLogged = new AtomicBoolean();

  private void slowConsumer(int messages, long bytes) {
    boolean close = !"drop".equals(node.limits().slowConsumerPolicy());
    if (slowLogged.compareAndSet(false, true)) {
      log.warn(
          "socket {} is not reading ({} frames, {} bytes waiting); {}",
          id, messages, bytes, close ? "closing it with 1008" : "dropping frames");
    }
    if (!close) {
      node.observer().slowConsumer(false);
    }
    if (close && closing.compareAndSet(false, true)) {
      node.observer().slowConsumer(true);
      node.heartbeats().remove(this);
      session.close(CloseCode.POLICY_VIOLATION, "slow consumer");
    }
  }

  private static String truncate(String s) {
    String text = s == null ? "refused" : s;
    return text.length() > MAX_REASON_CHARS ? text.substring(0, MAX_REASON_CHARS) : text;
  }
}
