package org.actionhero4j.transport.undertow;

import org.actionhero4j.spi.support.WriteOnce;
import org.actionhero4j.spi.support.Trampoline;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.actionhero4j.spi.SocketAcceptor;
import org.actionhero4j.spi.SocketListener;
import org.actionhero4j.spi.SocketSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.Pooled;
import org.xnio.XnioExecutor;

/**
 * One Undertow WebSocket: the {@link SocketSession} core writes to, and the receive listener that
 * turns Undertow frames into {@link SocketListener} calls.
 *
 * <p>Threading: frames are read on the connection's IO thread. Every listener call goes through
 * {@link #inbound}, a per-socket {@link Trampoline}, so calls never overlap even when {@link
 * SocketListener#onClose} is triggered from another thread (abort, server close). Every write
 * (text, close, pong) goes through {@link #outbound}, so frames leave in call order whichever
 * thread calls.
 */
final class UndertowSocketSession implements SocketSession, ChannelListener<WebSocketChannel> {

  private static final Logger LOG = LoggerFactory.getLogger(UndertowSocketSession.class);

  /** How long a close handshake this side started may take before the TCP connection is dropped. */
  static final long CLOSE_GRACE_MILLIS = 5_000;

  private static final int MAX_CONTROL_PAYLOAD = 125;
  private static final WebSocketCallback<Void> IGNORE =
      new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel channel, Void context) {}

        @Override
        public void onError(WebSocketChannel channel, Void context, Throwable throwable) {}
      };
  private static final int NO_STATUS = 1005;
  private static final int ABNORMAL = 1006;

  private final WebSocketChannel channel;
  private final UndertowRunningServer server;
  private final int maxMessageBytes;
  private final long idleTimeoutNanos;

  private final Trampoline inbound = new Trampoline();
  private final Trampoline outbound = new Trampoline();
  private final Queue<WriteOnce> pendingWrites = new ConcurrentLinkedQueue<>();

  private final AtomicBoolean closeSent = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  /** The first close status seen on this socket, sent or received. */
  private final AtomicReference<Status> closeStatus = new AtomicReference<>();

  private volatile long lastActivity = System.nanoTime();
  private volatile XnioExecutor.Key idleTimer;
  private volatile XnioExecutor.Key closeTimer;

  // Only touched inside inbound tasks.
  private SocketListener listener;
  private boolean closeDelivered;

  private record Status(int code, String reason) {}

  UndertowSocketSession(WebSocketChannel channel, UndertowRunningServer server) {
    this.channel = channel;
    this.server = server;
    this.maxMessageBytes = server.binding().maxMessageBytes();
    this.idleTimeoutNanos =
        TimeUnit.MILLISECONDS.toNanos(server.binding().socketIdleTimeoutMillis());
  }

  /** Called once on the IO thread right after the upgrade. */
  void start(SocketAcceptor acceptor) {
    channel.addCloseTask(ch -> onChannelClosed());
    channel.getReceiveSetter().set(this);
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
    if (idleTimeoutNanos > 0) {
      scheduleIdleCheck(idleTimeoutNanos);
    }
    channel.resumeReceives();
    if (!channel.isOpen()) {
      onChannelClosed(); // closed before the close task was in place
    }
  }

  // ---------------------------------------------------------------- SocketSession

  @Override
  public void sendText(String text, WriteCallback whenWritten) {
    WriteOnce once = new WriteOnce(whenWritten);
    if (closed.get() || closeSent.get()) {
      once.complete(new ClosedChannelException());
      return;
    }
    pendingWrites.add(once);
    if (closed.get()) {
      failPendingWrites();
      return;
    }
    outbound.execute(
        () ->
            WebSockets.sendText(
                text,
                channel,
                new WebSocketCallback<Void>() {
                  @Override
                  public void complete(WebSocketChannel ch, Void context) {
                    lastActivity = System.nanoTime();
                    pendingWrites.remove(once);
                    once.complete(null);
                  }

                  @Override
                  public void onError(WebSocketChannel ch, Void context, Throwable failure) {
                    pendingWrites.remove(once);
                    once.complete(failure);
                  }
                }));
  }

  @Override
  public void close(int code, String reason) {
    if (!isSendableCloseCode(code)) {
      throw new IllegalArgumentException("close code " + code + " cannot be sent in a close frame");
    }
    startClose(code, reason == null ? "" : reason);
  }

  @Override
  public void abort() {
    cancel(idleTimer);
    cancel(closeTimer);
    IoUtils.safeClose(channel);
  }

  // ---------------------------------------------------------------- receiving

  @Override
  public void handleEvent(WebSocketChannel ch) {
    StreamSourceFrameChannel frame;
    try {
      frame = ch.receive();
    } catch (IOException e) {
      LOG.debug("WebSocket receive failed", e);
      IoUtils.safeClose(ch);
      return;
    }
    if (frame == null) {
      return;
    }
    lastActivity = System.nanoTime();
    switch (frame.getType()) {
      case TEXT -> readText(frame);
      case BINARY -> readBinary(frame, maxMessageBytes, this::deliverBinary);
      case PING -> readBinary(frame, MAX_CONTROL_PAYLOAD, this::onPingFrame);
      case PONG -> readBinary(frame, MAX_CONTROL_PAYLOAD, payload -> {});
      case CLOSE -> readBinary(frame, MAX_CONTROL_PAYLOAD, this::onCloseFrame);
      default -> {
        LOG.debug("discarding unexpected WebSocket frame type {}", frame.getType());
        IoUtils.safeClose(frame);
      }
    }
  }

  private void readText(StreamSourceFrameChannel frame) {
    // BufferedTextMessage reads every fragment of the message and, past maxMessageBytes, sends a
    // 1009 close frame itself and fails.
    BufferedTextMessage message = new BufferedTextMessage(maxMessageBytes, true);
    message.read(
        frame,
        new WebSocketCallback<>() {
          @Override
          public void complete(WebSocketChannel ch, BufferedTextMessage context) {
            String text = context.getData();
            inbound.execute(
                () -> {
                  if (listener != null && !closeDelivered) {
                    listener.onText(text);
                  }
                });
          }

          @Override
          public void onError(WebSocketChannel ch, BufferedTextMessage context, Throwable failure) {
            onReadError(frame, failure);
          }
        });
  }

  @SuppressWarnings("deprecation") // BufferedBinaryMessage hands out XNIO's Pooled
  private void readBinary(
      StreamSourceFrameChannel frame, int maxBytes, java.util.function.Consumer<byte[]> onMessage) {
    BufferedBinaryMessage message = new BufferedBinaryMessage(maxBytes, true);
    message.read(
        frame,
        new WebSocketCallback<>() {
          @Override
          public void complete(WebSocketChannel ch, BufferedBinaryMessage context) {
            Pooled<ByteBuffer[]> data = context.getData();
            byte[] bytes;
            try {
              bytes = toArray(data.getResource());
            } finally {
              data.free();
            }
            onMessage.accept(bytes);
          }

          @Override
          public void onError(
              WebSocketChannel ch, BufferedBinaryMessage context, Throwable failure) {
            onReadError(frame, failure);
          }
        });
  }

  private void onReadError(StreamSourceFrameChannel frame, Throwable failure) {
    if (channel.isCloseFrameSent()) {
      // Message too big: Undertow already sent the 1009 close frame. Drop the rest of this message
      // and wait (bounded) for the peer's close frame, so the close frame is not lost to a reset.
      LOG.debug("WebSocket message over {} bytes, closing with 1009", maxMessageBytes);
      closeSent.set(true);
      closeStatus.compareAndSet(null, new Status(CloseMessage.MSG_TOO_BIG, "Message too big"));
      IoUtils.safeClose(frame);
      scheduleCloseGrace();
    } else {
      LOG.debug("WebSocket read failed", failure);
      IoUtils.safeClose(channel);
    }
  }

  private void deliverBinary(byte[] data) {
    inbound.execute(
        () -> {
          if (listener != null && !closeDelivered) {
            listener.onBinary(data);
          }
        });
  }

  private void onPingFrame(byte[] payload) {
    outbound.execute(
        () -> {
          if (!channel.isCloseFrameSent()) {
            // with a null callback a failed send would close the channel; a lost pong must not
            WebSockets.sendPong(ByteBuffer.wrap(payload), channel, IGNORE);
          }
        });
    inbound.execute(
        () -> {
          if (listener != null && !closeDelivered) {
            listener.onPing();
          }
        });
  }

  private void onCloseFrame(byte[] payload) {
    Status received = parseClose(payload);
    closeStatus.compareAndSet(null, received);
    if (closeSent.compareAndSet(false, true)) {
      // The peer started the close handshake: echo its status, then drop the connection.
      outbound.execute(
          () ->
              WebSockets.sendClose(
                  closePayload(received), channel, closeThenDisconnect()));
      scheduleCloseGrace();
    } else {
      // This side started it (or answered already); the handshake is complete.
      IoUtils.safeClose(channel);
    }
  }

  // ---------------------------------------------------------------- closing

  private void startClose(int code, String reason) {
    if (closed.get() || !closeSent.compareAndSet(false, true)) {
      return;
    }
    closeStatus.compareAndSet(null, new Status(code, reason));
    outbound.execute(
        () ->
            WebSockets.sendClose(
                closePayload(new Status(code, reason)), channel, closeThenDisconnect()));
    scheduleCloseGrace();
  }

  /** After our close frame: disconnect at once if the peer's close already arrived, else wait. */
  private WebSocketCallback<Void> closeThenDisconnect() {
    return new WebSocketCallback<>() {
      @Override
      public void complete(WebSocketChannel ch, Void context) {
        if (ch.isCloseFrameReceived()) {
          IoUtils.safeClose(ch);
        }
      }

      @Override
      public void onError(WebSocketChannel ch, Void context, Throwable failure) {
        IoUtils.safeClose(ch);
      }
    };
  }

  private void scheduleCloseGrace() {
    if (closed.get()) {
      return;
    }
    try {
      closeTimer =
          channel
              .getIoThread()
              .executeAfter(
                  () -> IoUtils.safeClose(channel), CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      IoUtils.safeClose(channel);
    }
  }

  private void scheduleIdleCheck(long delayNanos) {
    try {
      long delayMillis = TimeUnit.NANOSECONDS.toMillis(delayNanos) + 1;
      idleTimer =
          channel.getIoThread().executeAfter(this::checkIdle, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      LOG.debug("cannot schedule idle check", e);
    }
  }

  private void checkIdle() {
    if (closed.get()) {
      return;
    }
    long idle = System.nanoTime() - lastActivity;
    if (idle >= idleTimeoutNanos) {
      LOG.debug("WebSocket idle for {} ms, closing", TimeUnit.NANOSECONDS.toMillis(idle));
      if (closeSent.get()) {
        IoUtils.safeClose(channel);
      } else {
        startClose(CloseMessage.GOING_AWAY, "Connection Idle Timeout");
      }
    } else {
      scheduleIdleCheck(idleTimeoutNanos - idle);
    }
  }

  /** True once a close frame was sent or queued: the socket is in its close handshake. */
  boolean isClosing() {
    return closeSent.get();
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

  private void onChannelClosed() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closedLatch.countDown();
    cancel(idleTimer);
    cancel(closeTimer);
    server.socketClosed(this);
    server.peerConnections().remove(channel);
    failPendingWrites();
    Status status = closeStatus.get();
    int code = status == null ? ABNORMAL : status.code();
    String reason = status == null ? "" : status.reason();
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
  }

  private void failPendingWrites() {
    WriteOnce once;
    while ((once = pendingWrites.poll()) != null) {
      once.complete(new ClosedChannelException());
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void cancel(XnioExecutor.Key key) {
    if (key != null) {
      key.remove();
    }
  }

  static boolean isSendableCloseCode(int code) {
    return (code >= 1000 && code <= 1003)
        || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
  }

  private static byte[] toArray(ByteBuffer[] buffers) {
    int size = 0;
    for (ByteBuffer b : buffers) {
      size += b.remaining();
    }
    byte[] out = new byte[size];
    int at = 0;
    for (ByteBuffer b : buffers) {
      int n = b.remaining();
      b.get(out, at, n);
      at += n;
    }
    return out;
  }

  private static Status parseClose(byte[] payload) {
    if (payload.length < 2) {
      return new Status(NO_STATUS, "");
    }
    int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    String reason = new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
    return new Status(code, reason);
  }

  /** A close frame payload; reason cut to the 123 bytes a control frame allows. */
  private static ByteBuffer closePayload(Status status) {
    if (status.code() == NO_STATUS || !isSendableCloseCode(status.code())) {
      return ByteBuffer.allocate(0);
    }
    byte[] reason = truncateUtf8(status.reason(), MAX_CONTROL_PAYLOAD - 2);
    ByteBuffer buffer = ByteBuffer.allocate(2 + reason.length);
    buffer.putShort((short) status.code()).put(reason).flip();
    return buffer;
  }

  static byte[] truncateUtf8(String text, int maxBytes) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return bytes;
    }
    int end = maxBytes;
    // do not cut a multi-byte character: back up to a lead byte
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    byte[] out = new byte[end];
    System.arraycopy(bytes, 0, out, 0, end);
    return out;
  }
}
