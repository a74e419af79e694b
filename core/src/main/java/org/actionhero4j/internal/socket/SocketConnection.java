package org.actionhero4j.internal.socket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Connection;
import org.actionhero4j.internal.ConnectionRegistry;
import org.actionhero4j.internal.Json;
import org.actionhero4j.internal.LocalConnection;
import org.actionhero4j.internal.Node;
import org.actionhero4j.internal.VerbDispatcher;
import org.actionhero4j.internal.web.StaticFiles;
import org.actionhero4j.spi.CloseCode;
import org.actionhero4j.spi.ConnectionChannel;
import org.actionhero4j.spi.OutboundMessage;
import org.actionhero4j.spi.SocketListener;
import org.actionhero4j.spi.SocketSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Actionhero socket over Primus framing. Inbound events run one at a time, in order, on the
 * worker pool (never on the transport's IO thread); actions run concurrently and reply in
 * completion order. Outbound frames are bounded per socket.
 */
final class SocketConnection implements SocketListener, ConnectionChannel {

  private static final Logger log = LoggerFactory.getLogger(SocketConnection.class);
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final PrimusEndpoint endpoint;
  private final Node node;
  private final SocketSession session;
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
      PrimusEndpoint endpoint,
      SocketSession session,
      String fingerprintOrNull,
      String remoteIp,
      int remotePort) {
    this.endpoint = endpoint;
    this.node = endpoint.node();
    this.session = session;
    this.fingerprint = fingerprintOrNull == null || fingerprintOrNull.isEmpty() ? id : fingerprintOrNull;
    this.remoteIp = remoteIp;
    this.remotePort = remotePort;
    this.mailbox = new SerialExecutor(node.executor());
    mailbox.execute(this::open);
  }

  String id() {
    return id;
  }

  private void open() {
    try {
      connection =
          node.connections().open(id, Connection.WEBSOCKET, fingerprint, remoteIp, remotePort, true, this);
    } catch (Exception e) {
      log.info("socket {} refused by connection middleware: {}", id, e.getMessage());
      closing.set(true);
      session.close(CloseCode.POLICY_VIOLATION, e.getMessage() == null ? "refused" : e.getMessage());
      endpoint.closed(this);
      return;
    }
    if (closing.get()) {
      node.connections().destroy(connection, ConnectionRegistry.Ending.CLOSED);
      return;
    }
    endpoint.heartbeats().add(this);
    String welcome = node.config().general().welcomeMessage();
    if (welcome != null && !welcome.isEmpty()) {
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("welcome", welcome);
      message.put("context", "api");
      write(Json.encode(message));
    }
  }

  @Override
  public void onText(String text) {
    mailbox.execute(() -> receive(text));
  }

  @Override
  public void onPing() {
    alive = true;
  }

  @Override
  public void onClose(CloseCode code, String reason) {
    closing.set(true);
    endpoint.heartbeats().remove(this);
    endpoint.closed(this);
    mailbox.execute(
        () -> {
          LocalConnection c = connection;
          if (c != null) {
            node.connections().destroy(c, ConnectionRegistry.Ending.CLOSED);
          }
        });
  }

  void heartbeat(long now) {
    if (!alive) {
      log.debug("socket {} sent no heartbeat; closing it", id);
      endpoint.heartbeats().remove(this);
      closing.set(true);
      session.close(CloseCode.NORMAL, "heartbeat timeout");
      return;
    }
    alive = false;
    write(PrimusFraming.ping(now));
  }

  private void receive(String text) {
    LocalConnection c = connection;
    if (c == null || c.destroyed()) {
      return;
    }
    PrimusFraming.Inbound frame = PrimusFraming.decode(text);
    if (frame instanceof PrimusFraming.Pong) {
      alive = true;
    } else if (frame instanceof PrimusFraming.IdRequest) {
      write(PrimusFraming.id(id));
    } else if (frame instanceof PrimusFraming.Invalid invalid) {
      log.debug("socket {} sent invalid JSON, dropped: {}", id, invalid.reason());
    } else if (frame instanceof PrimusFraming.Data data) {
      handle(c, data.value());
    }
  }

  private void handle(LocalConnection c, Object value) {
    if (!(value instanceof Map<?, ?> raw)) {
      Object messageId = UUID.randomUUID().toString();
      c.messageId(messageId);
      c.params(Map.of());
      replyError(node.errors().verbNotFound(null), value, messageId);
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    raw.forEach((k, v) -> data.put(String.valueOf(k), v));
    Object event = data.remove("event");
    Object messageId = data.remove("messageId");
    if (isFalsy(messageId)) {
      messageId = UUID.randomUUID().toString();
    }
    c.messageId(messageId);
    c.params(Map.of());
    if ("action".equals(event)) {
      runAction(c, data, messageId);
    } else if ("file".equals(event)) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("file", data.get("file"));
      c.params(params);
      reply(fileResponse(data.get("file")), messageId);
    } else {
      runVerb(c, event, data, messageId);
    }
  }

  private void runAction(LocalConnection c, Map<String, Object> data, Object messageId) {
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
                error.put("error", String.valueOf(failure.getMessage()));
                reply(error, messageId);
              }
            });
  }

  private void runVerb(LocalConnection c, Object verb, Map<String, Object> data, Object messageId) {
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
      write(Json.encode(reply));
    } catch (ActionheroException e) {
      replyError(e.getMessage(), data, messageId);
    } catch (RuntimeException e) {
      log.warn("verb {} failed on socket {}: {}", verb, id, e.toString(), e);
      replyError(e.getMessage(), data, messageId);
    }
  }

  private void replyError(String message, Object data, Object messageId) {
    String text = "Error: " + message;
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("status", text);
    reply.put("error", text);
    reply.put("context", "response");
    reply.put("data", data);
    reply.put("messageId", messageId);
    write(Json.encode(reply));
  }

  private void reply(Map<String, Object> response, Object messageId) {
    Map<String, Object> body = new LinkedHashMap<>(response);
    body.put("context", "response");
    body.put("messageId", messageId);
    write(Json.encode(body));
  }

  private Map<String, Object> fileResponse(Object file) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      Optional<StaticFiles.StaticFile> found =
          file == null ? Optional.empty() : endpoint.staticFiles().find(String.valueOf(file));
      if (found.isPresent()) {
        StaticFiles.StaticFile f = found.get();
        if (f.isText()) {
          out.put("content", new String(f.content(), StandardCharsets.UTF_8));
        } else {
          out.put("content", Base64.getEncoder().encodeToString(f.content()));
          out.put("encoding", "base64");
        }
        out.put("mime", f.mime());
        out.put("length", f.content().length);
        out.put("lastModified", ISO_MILLIS.format(java.time.Instant.ofEpochMilli(f.lastModifiedMillis())));
        return out;
      }
      String error = node.errors().fileNotFound();
      out.put("error", error);
      out.put("content", null);
      out.put("mime", "text/html");
      out.put("length", error.length());
    } catch (IOException e) {
      String error = node.errors().fileReadError(e.getMessage());
      out.put("error", error);
      out.put("content", null);
      out.put("mime", "text/html");
      out.put("length", error.length());
    }
    return out;
  }

  private static boolean isFalsy(Object v) {
    return v == null
        || Boolean.FALSE.equals(v)
        || "".equals(v)
        || (v instanceof Number n && n.doubleValue() == 0);
  }

  @Override
  public void deliver(OutboundMessage message) {
    write(message.json());
  }

  @Override
  public void end(boolean reconnect) {
    endpoint.heartbeats().remove(this);
    if (reconnect) {
      if (closing.compareAndSet(false, true)) {
        session.close(CloseCode.GOING_AWAY, "server shutting down");
      }
    } else {
      write(PrimusFraming.SERVER_CLOSE);
      if (closing.compareAndSet(false, true)) {
        session.close(CloseCode.NORMAL, "");
      }
    }
  }

  /**
   * Queues a frame within the socket's bounds; beyond them the slow-consumer policy applies. The
   * bounds limit the backlog: a frame written while nothing else waits is always queued, however
   * large, so one legal message never counts as a slow consumer.
   */
  private void write(String text) {
    if (closing.get()) {
      return;
    }
    long bytes = Utf8.length(text);
    int messages = queuedMessages.incrementAndGet();
    long pendingBytes = queuedBytes.addAndGet(bytes);
    var limits = node.config().websocket().server();
    boolean backlog = messages > 1;
    if (backlog && (messages > limits.outboundQueueMessages() || pendingBytes > limits.outboundQueueBytes())) {
      queuedMessages.decrementAndGet();
      queuedBytes.addAndGet(-bytes);
      slowConsumer(messages, pendingBytes);
      return;
    }
    session.sendText(text)
        .whenComplete(
            (written, failure) -> {
              queuedMessages.decrementAndGet();
              queuedBytes.addAndGet(-bytes);
            });
  }

  private final AtomicBoolean slowLogged = new AtomicBoolean();

  private void slowConsumer(int messages, long bytes) {
    boolean close = !"drop".equals(node.config().websocket().server().slowConsumerPolicy());
    if (slowLogged.compareAndSet(false, true)) {
      log.warn(
          "socket {} is not reading ({} frames, {} bytes waiting); {}",
          id, messages, bytes, close ? "closing it with 1008" : "dropping frames");
    }
    if (close && closing.compareAndSet(false, true)) {
      endpoint.heartbeats().remove(this);
      session.close(CloseCode.POLICY_VIOLATION, "slow consumer");
    }
  }
}
