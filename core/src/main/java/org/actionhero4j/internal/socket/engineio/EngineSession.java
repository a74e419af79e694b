package org.actionhero4j.internal.socket.engineio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.actionhero4j.spi.CloseCode;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.SocketListener;
import org.actionhero4j.spi.SocketSession;
import org.actionhero4j.spi.TextFrame;

/**
 * One Engine.IO session, shown to core as a {@link SocketSession} whatever carries it: packets wait
 * in a buffer for the next long-poll until the session moves to WebSocket, after which they go out
 * as frames. The server heartbeat (ping, then a pong within pingTimeout) decides liveness.
 */
final class EngineSession implements SocketSession {

  private record Queued(String packet, CompletableFuture<Void> written) {}

  /** A poll to answer with these packets, taken out of the lock. */
  private record Release(HttpExchange poll, List<Queued> packets) {
    void send() {
      List<String> texts = new ArrayList<>(packets.size());
      packets.forEach(q -> texts.add(q.packet()));
      poll.respond(Polling.payload(poll, PacketCodec.payload(texts)));
      packets.forEach(q -> q.written().complete(null));
    }
  }

  /** The outcome of a packet nobody waits for. */
  private static CompletableFuture<Void> ignored() {
    return new CompletableFuture<>();
  }

  private static void settle(CompletableFuture<Void> written, Throwable failure) {
    if (failure == null) {
      written.complete(null);
    } else {
      written.completeExceptionally(failure);
    }
  }
  private static final String NOOP = PacketCodec.encode(new Packet.Text(Packet.Type.NOOP, ""));
  private static final String CLOSE = PacketCodec.encode(new Packet.Text(Packet.Type.CLOSE, ""));

  private final String sid;
  private final EngineIoSettings settings;
  private final ScheduledExecutorService timer;
  private final Consumer<EngineSession> onGone;
  private final AtomicBoolean listenerClosed = new AtomicBoolean();
  private final Object inbound = new Object();
  private volatile SocketListener listener;

  private final ArrayDeque<Queued> buffer = new ArrayDeque<>();
  private HttpExchange poll;
  private boolean posting;
  private SocketSession webSocket;
  private SocketSession probe;
  private boolean closed;
  private boolean closePacketPending;
  private ScheduledFuture<?> pingTask;
  private ScheduledFuture<?> timeoutTask;

  EngineSession(
      String sid,
      EngineIoSettings settings,
      ScheduledExecutorService timer,
      Consumer<EngineSession> onGone) {
    this.sid = sid;
    this.settings = settings;
    this.timer = timer;
    this.onGone = onGone;
  }

  String sid() {
    return sid;
  }

  /**
   * Makes a WebSocket carry the session from its start (a direct WebSocket session). Called before
   * {@link #open}, so that what core sends while it opens the connection (the welcome) already goes
   * out as frames rather than into the polling buffer.
   */
  synchronized void carriedBy(SocketSession directWebSocket) {
    webSocket = directWebSocket;
  }

  /** Starts the session with the listener core gave it. */
  void open(SocketListener listener) {
    this.listener = listener;
    synchronized (this) {
      schedulePing();
      resetTimeout(settings.pingInterval() + settings.pingTimeout());
    }
  }

  synchronized boolean upgraded() {
    return webSocket != null;
  }

  // ---- outbound

  /** Sends the frame's text as a message packet (the packet is new text, so its bytes are too). */
  @Override
  public CompletionStage<Void> sendText(TextFrame frame) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    send(PacketCodec.encode(new Packet.Text(Packet.Type.MESSAGE, frame.text())), written);
    return written;
  }

  private void send(String packet, CompletableFuture<Void> whenWritten) {
    SocketSession frames;
    Release release;
    synchronized (this) {
      if (closed) {
        frames = null;
        release = null;
      } else if (webSocket != null) {
        frames = webSocket;
        release = null;
      } else {
        buffer.add(new Queued(packet, whenWritten));
        frames = null;
        release = takeReady();
      }
    }
    if (frames != null) {
      frames.sendText(packet).whenComplete((done, failure) -> settle(whenWritten, failure));
    } else if (release != null) {
      release.send();
    } else if (closedNow()) {
      whenWritten.completeExceptionally(new IllegalStateException("the session is closed"));
    }
  }

  private synchronized boolean closedNow() {
    return closed;
  }

  /** The pending poll and everything buffered, when there are both (the caller holds the lock). */
  private Release takeReady() {
    if (poll == null || buffer.isEmpty()) {
      return null;
    }
    Release release = new Release(poll, new ArrayList<>(buffer));
    buffer.clear();
    poll = null;
    if (closePacketPending) {
      closePacketPending = false;
      onGone.accept(this);
    }
    return release;
  }

  // ---- polling requests

  /** A long-poll (GET): answered now when packets wait, else when the next one is sent. */
  void poll(HttpExchange exchange) {
    Release release;
    HttpExchange overlapped = null;
    synchronized (this) {
      if (webSocket != null) {
        exchange.respond(EngineError.BAD_REQUEST.response(exchange));
        return;
      }
      if (poll != null) {
        overlapped = poll;
        poll = null;
      } else {
        poll = exchange;
        if (probe != null && buffer.isEmpty()) {
          buffer.add(new Queued(NOOP, ignored()));
        }
      }
      release = takeReady();
    }
    if (overlapped != null) {
      exchange.respond(EngineError.BAD_REQUEST.response(exchange));
      overlapped.respond(Polling.payload(overlapped, CLOSE));
      end(1002, "second concurrent poll", true);
      return;
    }
    if (release != null) {
      release.send();
    }
  }

  /** A POST: the packets it carries, in order; 400 when it overlaps another or does not decode. */
  void post(HttpExchange exchange, String body) {
    synchronized (this) {
      if (webSocket != null || posting) {
        exchange.respond(EngineError.BAD_REQUEST.response(exchange));
        return;
      }
      posting = true;
    }
    boolean parsed;
    try {
      var packets = PacketCodec.decodePayload(body);
      parsed = packets.isPresent();
      if (parsed) {
        packets.get().forEach(this::receive);
      }
    } finally {
      // Before answering: a client may send its next POST as soon as it has the answer.
      synchronized (this) {
        posting = false;
      }
    }
    if (parsed) {
      exchange.respond(Polling.ok(exchange));
    } else {
      exchange.respond(EngineError.BAD_REQUEST.response(exchange));
      end(1007, "parse error", false);
    }
  }

  // ---- inbound packets, from either transport

  void receive(Packet packet) {
    synchronized (this) {
      if (closed) {
        return;
      }
      resetTimeout(settings.pingInterval() + settings.pingTimeout());
    }
    if (packet instanceof Packet.Binary binary) {
      deliver(l -> l.onBinary(binary.data()));
      return;
    }
    Packet.Text text = (Packet.Text) packet;
    switch (text.type()) {
      case MESSAGE -> deliver(l -> l.onText(text.data()));
      case PONG -> {
        synchronized (this) {
          schedulePing();
        }
        deliver(SocketListener::onPing);
      }
      case CLOSE -> end(1000, "closed by the client", true);
      default -> {}
    }
  }

  private void deliver(Consumer<SocketListener> event) {
    synchronized (inbound) {
      if (!listenerClosed.get() && listener != null) {
        event.accept(listener);
      }
    }
  }

  // ---- the WebSocket upgrade

  /** The listener of a WebSocket that probes this session to take it over. */
  SocketListener probe(SocketSession candidate) {
    return new WebSocketFrames(this, candidate);
  }

  void probed(SocketSession candidate) {
    Release release;
    synchronized (this) {
      if (closed || webSocket != null) {
        candidate.close(CloseCode.NORMAL, "");
        return;
      }
      probe = candidate;
      candidate.sendText(PacketCodec.encode(new Packet.Text(Packet.Type.PONG, "probe")));
      if (poll != null && buffer.isEmpty()) {
        buffer.add(new Queued(NOOP, ignored()));
      }
      release = takeReady();
    }
    if (release != null) {
      release.send();
    }
  }

  void upgrade(SocketSession candidate) {
    List<Queued> pending;
    HttpExchange released;
    synchronized (this) {
      if (closed || probe != candidate) {
        candidate.close(CloseCode.NORMAL, "");
        return;
      }
      probe = null;
      webSocket = candidate;
      pending = new ArrayList<>(buffer);
      buffer.clear();
      released = poll;
      poll = null;
      // Still under the lock: a packet sent from now on goes straight to the socket, so what was
      // buffered must be handed to it first to keep the order.
      pending.forEach(q -> candidate.sendText(q.packet()).whenComplete((done, failure) -> settle(q.written(), failure)));
    }
    if (released != null) {
      released.respond(Polling.payload(released, NOOP));
    }
  }

  /** A WebSocket of this session closed: the session's own (so the session ends) or a probe. */
  void webSocketClosed(SocketSession which, int code, String reason) {
    synchronized (this) {
      if (probe == which) {
        probe = null;
        return;
      }
      if (webSocket != which) {
        return;
      }
    }
    end(code, reason, true);
  }

  // ---- heartbeat and closing

  private void schedulePing() {
    if (pingTask != null) {
      pingTask.cancel(false);
    }
    pingTask = timer.schedule(this::ping, settings.pingInterval(), TimeUnit.MILLISECONDS);
  }

  private void ping() {
    synchronized (this) {
      if (closed) {
        return;
      }
      resetTimeout(settings.pingTimeout());
    }
    send(PacketCodec.encode(new Packet.Text(Packet.Type.PING, "")), ignored());
  }

  private void resetTimeout(long millis) {
    if (timeoutTask != null) {
      timeoutTask.cancel(false);
    }
    timeoutTask = timer.schedule(() -> end(1006, "ping timeout", false), millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close(CloseCode code, String reason) {
    end(code.value(), reason, false);
  }

  @Override
  public void abort() {
    end(1006, "aborted", true);
  }

  /**
   * Ends the session once: a WebSocket is closed (aborted when {@code quiet}); over polling the
   * close packet follows whatever is buffered, on the pending poll or, unless {@code quiet}, on the
   * next one.
   */
  private void end(int code, String reason, boolean quiet) {
    SocketSession frames;
    SocketSession candidate;
    Release release = null;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (pingTask != null) {
        pingTask.cancel(false);
      }
      if (timeoutTask != null) {
        timeoutTask.cancel(false);
      }
      frames = webSocket;
      candidate = probe;
      probe = null;
      if (frames == null) {
        buffer.add(new Queued(CLOSE, ignored()));
        closePacketPending = true;
        release = takeReady();
      } else {
        onGone.accept(this);
      }
    }
    if (release != null) {
      release.send();
    } else if (frames == null) {
      if (quiet) {
        forget();
      } else {
        timer.schedule(this::forget, settings.pingInterval() + settings.pingTimeout(), TimeUnit.MILLISECONDS);
      }
    }
    if (frames != null) {
      if (quiet) {
        frames.abort();
      } else {
        CloseCode sent = new CloseCode(code);
        frames.close(sent.sendable() ? sent : CloseCode.NORMAL, reason);
      }
    }
    if (candidate != null) {
      candidate.close(CloseCode.NORMAL, "");
    }
    synchronized (inbound) {
      if (listenerClosed.compareAndSet(false, true) && listener != null) {
        listener.onClose(new CloseCode(code), reason);
      }
    }
  }

  private void forget() {
    List<Queued> dropped;
    synchronized (this) {
      closePacketPending = false;
      dropped = new ArrayList<>(buffer);
      buffer.clear();
    }
    onGone.accept(this);
    dropped.forEach(q -> q.written().completeExceptionally(new IllegalStateException("the session is closed")));
  }
}
