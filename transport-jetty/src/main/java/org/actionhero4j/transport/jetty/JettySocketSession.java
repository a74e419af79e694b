package org.actionhero4j.transport.jetty;

import org.actionhero4j.spi.support.WriteOnce;
import org.actionhero4j.spi.support.Trampoline;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.actionhero4j.spi.SocketAcceptor;
import org.actionhero4j.spi.SocketListener;
import org.actionhero4j.spi.SocketSession;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Jetty WebSocket: the core-level {@link FrameHandler} that reassembles messages and feeds
 * {@link SocketListener}, and the {@link SocketSession} core writes to.
 *
 * <p>Threading: Jetty delivers one frame at a time and the next only after {@link
 * CoreSession#demand()}, which this class calls once the listener has seen the frame. Listener
 * calls go through {@link #inbound}, a per-socket {@link Trampoline}, so {@link
 * SocketListener#onClose} (which may come from a timer or an aborting thread) never overlaps
 * another call. Writes go straight to Jetty's frame flusher, which keeps call order.
 */
final class JettySocketSession implements FrameHandler, SocketSession {

  private static final Logger LOG = LoggerFactory.getLogger(JettySocketSession.class);

  /** How long a close handshake this side started may take before the TCP connection is dropped. */
  static final long CLOSE_GRACE_MILLIS = 5_000;

  private final JettyRunningServer server;
  private final SocketAcceptor acceptor;
  private final int maxMessageBytes;

  private final Trampoline inbound = new Trampoline();
  private final Queue<WriteOnce> pendingWrites = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closedLatch = new CountDownLatch(1);

  private volatile CoreSession core;
  private volatile Scheduler.Task closeTimer;

  // Only touched by Jetty's frame delivery, which is one frame at a time per socket.
  private final ByteArrayOutputStream message = new ByteArrayOutputStream();
  private byte messageType = OpCode.UNDEFINED;

  // Only touched inside inbound tasks.
  private SocketListener listener;
  private boolean closeDelivered;

  JettySocketSession(JettyRunningServer server, SocketAcceptor acceptor) {
    this.server = server;
    this.acceptor = acceptor;
    this.maxMessageBytes = server.binding().maxMessageBytes();
  }

  // ---------------------------------------------------------------- FrameHandler

  @Override
  public void onOpen(CoreSession coreSession, Callback callback) {
    this.core = coreSession;
    inbound.execute(
        () -> {
          try {
            listener = acceptor.accept(this);
          } catch (Throwable t) {
            LOG.warn("socket acceptor failed; dropping the socket", t);
          }
          if (listener == null) {
            abort();
          }
        });
    server.socketOpened(this); // after accept, so that a racing close() still reaches onClose
    callback.succeeded();
    coreSession.demand();
  }

  @Override
  public void onFrame(Frame frame, Callback callback) {
    switch (frame.getOpCode()) {
      case OpCode.TEXT, OpCode.BINARY -> {
        messageType = frame.getOpCode();
        message.reset();
        onDataFrame(frame, callback);
      }
      case OpCode.CONTINUATION -> onDataFrame(frame, callback);
      case OpCode.PING -> {
        ByteBuffer payload = copy(frame.getPayload());
        core.sendFrame(new Frame(OpCode.PONG).setPayload(payload), Callback.NOOP, false);
        deliver(callback, l -> l.onPing());
      }
      case OpCode.PONG -> {
        callback.succeeded();
        core.demand();
      }
      case OpCode.CLOSE -> callback.succeeded(); // Jetty answers the close handshake itself
      default ->
          callback.failed(new IllegalStateException("unexpected opcode " + frame.getOpCode()));
    }
  }

  private void onDataFrame(Frame frame, Callback callback) {
    if (messageType == OpCode.UNDEFINED) {
      callback.failed(new IllegalStateException("continuation without a message"));
      return;
    }
    ByteBuffer payload = frame.getPayload();
    int size = payload == null ? 0 : payload.remaining();
    if ((long) message.size() + size > maxMessageBytes) {
      message.reset();
      messageType = OpCode.UNDEFINED;
      // A CloseException: Jetty closes the socket with 1009.
      callback.failed(
          new MessageTooLargeException("Message larger than " + maxMessageBytes + " bytes"));
      return;
    }
    if (size > 0) {
      byte[] bytes = new byte[size];
      payload.slice().get(bytes);
      message.write(bytes, 0, size);
    }
    if (!frame.isFin()) {
      callback.succeeded();
      core.demand();
      return;
    }
    byte type = messageType;
    byte[] whole = message.toByteArray();
    message.reset();
    messageType = OpCode.UNDEFINED;
    if (type == OpCode.TEXT) {
      String text;
      try {
        text = decodeUtf8(whole);
      } catch (CharacterCodingException e) {
        callback.failed(new BadPayloadException("Invalid UTF-8 in text message"));
        return;
      }
      deliver(callback, l -> l.onText(text));
    } else {
      deliver(callback, l -> l.onBinary(whole));
    }
  }

  /** Runs a listener call in order; Jetty's frame is released and the next one asked for after. */
  private void deliver(Callback callback, java.util.function.Consumer<SocketListener> call) {
    inbound.execute(
        () -> {
          try {
            if (listener != null && !closeDelivered) {
              call.accept(listener);
            }
          } finally {
            callback.succeeded();
            core.demand();
          }
        });
  }

  @Override
  public void onError(Throwable cause, Callback callback) {
    LOG.debug("WebSocket error", cause);
    callback.succeeded();
  }

  @Override
  public void onClosed(CloseStatus closeStatus, Callback callback) {
    try {
      markClosed();
      int code = closeStatus.getCode();
      String reason = closeStatus.getReason() == null ? "" : closeStatus.getReason();
      inbound.execute(
          () -> {
            if (closeDelivered) {
              return;
            }
            closeDelivered = true;
            if (listener != null) {
              listener.onClose(code, reason);
            }
          });
    } finally {
      callback.succeeded();
    }
  }

  /** True once this side started the close handshake. */
  boolean isClosing() {
    return closing.get();
  }

  /** Waits (bounded) until the connection is closed; true if it is. */
  boolean awaitClosed(long nanos) {
    try {
      if (nanos <= 0) {
        return closedLatch.getCount() == 0;
      }
      return closedLatch.await(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void markClosed() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closedLatch.countDown();
    Scheduler.Task timer = closeTimer;
    if (timer != null) {
      timer.cancel();
    }
    server.socketClosed(this);
    WriteOnce once;
    while ((once = pendingWrites.poll()) != null) {
      once.complete(new ClosedChannelException());
    }
  }

  // ---------------------------------------------------------------- SocketSession

  @Override
  public void sendText(String text, WriteCallback whenWritten) {
    WriteOnce once = new WriteOnce(whenWritten);
    if (closed.get() || closing.get()) {
      once.complete(new ClosedChannelException());
      return;
    }
    pendingWrites.add(once);
    if (closed.get()) {
      pendingWrites.remove(once);
      once.complete(new ClosedChannelException());
      return;
    }
    core.sendFrame(
        new Frame(OpCode.TEXT, true, text),
        Callback.from(
            () -> {
              pendingWrites.remove(once);
              once.complete(null);
            },
            failure -> {
              pendingWrites.remove(once);
              once.complete(failure);
            }),
        false);
  }

  @Override
  public void close(int code, String reason) {
    if (!CloseStatus.isTransmittableStatusCode(code)) {
      throw new IllegalArgumentException("close code " + code + " cannot be sent in a close frame");
    }
    if (closed.get() || !closing.compareAndSet(false, true)) {
      return;
    }
    core.close(code, truncate(reason == null ? "" : reason), Callback.NOOP);
    try {
      closeTimer =
          server.scheduler().schedule(this::abort, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      LOG.debug("cannot schedule close grace timer", e);
    }
  }

  @Override
  public void abort() {
    CoreSession session = core;
    if (session != null) {
      session.abort();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static ByteBuffer copy(ByteBuffer payload) {
    if (payload == null) {
      return ByteBuffer.allocate(0);
    }
    ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
    copy.put(payload.slice()).flip();
    return copy;
  }

  private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
    CharBuffer chars =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes));
    return chars.toString();
  }

  /** A close reason fits 123 UTF-8 bytes; cut it on a character boundary. */
  private static String truncate(String reason) {
    byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 123) {
      return reason;
    }
    int end = 123;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }
}
