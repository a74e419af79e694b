package org.actionhero4j.transport.undertow;

import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.actionhero4j.spi.CloseCode;
import org.actionhero4j.spi.SocketAcceptor;
import org.actionhero4j.spi.SocketListener;
import org.actionhero4j.spi.SocketSession;
import org.actionhero4j.spi.TextFrame;
import org.actionhero4j.spi.support.CloseReason;
import org.actionhero4j.spi.support.SocketState;
import org.actionhero4j.spi.support.Trampoline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.Pooled;
import org.xnio.XnioExecutor;

/**
 * One Undertow WebSocket: Undertow's buffered messages turned into {@link SocketListener} calls
 * through core's {@link SocketState}, and frames written in call order through {@link #outbound}.
 */
final class UndertowSocketSession implements SocketSession, ChannelListener<WebSocketChannel>, SocketState.Wire {

  private static final Logger LOG = LoggerFactory.getLogger(UndertowSocketSession.class);
  private static final int MAX_CONTROL_PAYLOAD = 125;

  private final WebSocketChannel channel;
  private final UndertowRunningServer server;
  private final int maxMessageBytes;
  private final Trampoline outbound = new Trampoline();
  private final SocketState state;

  UndertowSocketSession(WebSocketChannel channel, UndertowRunningServer server) {
    this.channel = channel;
    this.server = server;
    this.maxMessageBytes = server.binding().maxMessageBytes();
    this.state = new SocketState(this, this::schedule);
  }

  /** Called once on the IO thread right after the upgrade. */
  void start(SocketAcceptor acceptor) {
    channel.addCloseTask(ch -> onChannelClosed());
    channel.getReceiveSetter().set(this);
    state.open(acceptor, this);
    state.idleTimeout(server.binding().socketIdleTimeoutMillis());
    channel.resumeReceives();
    if (!channel.isOpen()) {
      onChannelClosed(); // closed before the close task was in place
    }
  }

  SocketState state() {
    return state;
  }

  @Override
  public CompletionStage<Void> sendText(TextFrame frame) {
    CompletableFuture<Void> write = state.beginWrite();
    if (!write.isDone()) {
      // The frame's shared bytes, in a view of this socket's own: Undertow's write moves its position.
      ByteBuffer bytes = frame.bytes();
      outbound.execute(() -> WebSockets.sendText(bytes, channel, callback(() -> state.written(write), f -> state.failed(write, f))));
    }
    return write;
  }

  @Override
  public void close(CloseCode code, String reason) {
    state.close(code, reason);
  }

  @Override
  public void abort() {
    disconnect();
  }

  @Override
  public void sendClose(CloseCode code, String reason) {
    // After our close frame: disconnect at once if the peer's close already arrived, else wait.
    outbound.execute(
        () ->
            WebSockets.sendClose(
                CloseReason.payload(code, reason),
                channel,
                callback(
                    () -> {
                      if (channel.isCloseFrameReceived()) {
                        disconnect();
                      }
                    },
                    failure -> disconnect())));
  }

  @Override
  public void disconnect() {
    IoUtils.safeClose(channel);
  }

  @Override
  public void handleEvent(WebSocketChannel ch) {
    StreamSourceFrameChannel frame;
    try {
      frame = ch.receive();
    } catch (IOException e) {
      LOG.debug("WebSocket receive failed", e);
      disconnect();
      return;
    }
    if (frame == null) {
      return;
    }
    state.touch();
    switch (frame.getType()) {
      case TEXT -> readText(frame);
      case BINARY -> readBinary(frame, maxMessageBytes, data -> state.deliver(l -> l.onBinary(data)));
      case PING -> readBinary(frame, MAX_CONTROL_PAYLOAD, this::onPingFrame);
      case PONG -> readBinary(frame, MAX_CONTROL_PAYLOAD, payload -> {});
      case CLOSE -> readBinary(frame, MAX_CONTROL_PAYLOAD, this::onCloseFrame);
      default -> IoUtils.safeClose(frame);
    }
  }

  private void readText(StreamSourceFrameChannel frame) {
    // BufferedTextMessage reads every fragment, checks UTF-8 and, past maxMessageBytes, sends a
    // 1009 close frame itself and fails.
    new BufferedTextMessage(maxMessageBytes, true)
        .read(
            frame,
            new WebSocketCallback<>() {
              @Override
              public void complete(WebSocketChannel ch, BufferedTextMessage message) {
                String text = message.getData();
                state.deliver(l -> l.onText(text));
              }

              @Override
              public void onError(WebSocketChannel ch, BufferedTextMessage message, Throwable failure) {
                onReadError(frame, failure);
              }
            });
  }

  @SuppressWarnings("deprecation") // BufferedBinaryMessage hands out XNIO's Pooled
  private void readBinary(StreamSourceFrameChannel frame, int maxBytes, Consumer<byte[]> onMessage) {
    new BufferedBinaryMessage(maxBytes, true)
        .read(
            frame,
            new WebSocketCallback<>() {
              @Override
              public void complete(WebSocketChannel ch, BufferedBinaryMessage message) {
                Pooled<ByteBuffer[]> data = message.getData();
                try {
                  onMessage.accept(WebSockets.mergeBuffers(data.getResource()).array());
                } finally {
                  data.free();
                }
              }

              @Override
              public void onError(WebSocketChannel ch, BufferedBinaryMessage message, Throwable failure) {
                onReadError(frame, failure);
              }
            });
  }

  private void onReadError(StreamSourceFrameChannel frame, Throwable failure) {
    if (channel.isCloseFrameSent()) {
      // Message too big: Undertow already sent 1009. Drop the rest and wait (bounded) for the
      // peer's close frame, so that ours is not lost to a reset.
      LOG.debug("WebSocket message over {} bytes, closing with 1009", maxMessageBytes);
      state.closedByTransport(CloseCode.MESSAGE_TOO_BIG, "Message too big");
      IoUtils.safeClose(frame);
    } else {
      LOG.debug("WebSocket read failed", failure);
      disconnect();
    }
  }

  private void onPingFrame(byte[] payload) {
    outbound.execute(
        () -> {
          if (!channel.isCloseFrameSent()) {
            // with a null callback a failed send would close the channel; a lost pong must not
            WebSockets.sendPong(ByteBuffer.wrap(payload), channel, callback(() -> {}, failure -> {}));
          }
        });
    state.deliver(SocketListener::onPing);
  }

  private void onCloseFrame(byte[] payload) {
    CloseReason.Received received = CloseReason.parse(payload);
    state.peerClosed(received.code(), received.reason());
  }

  private void onChannelClosed() {
    if (state.connectionClosed(CloseCode.ABNORMAL, "")) {
      server.socketClosed(this);
      server.peerConnections().remove(channel);
    }
  }

  private Runnable schedule(Runnable task, long delayMillis) {
    XnioExecutor.Key key = channel.getIoThread().executeAfter(task, delayMillis, TimeUnit.MILLISECONDS);
    return key::remove;
  }

  private static WebSocketCallback<Void> callback(Runnable done, Consumer<Throwable> failed) {
    return new WebSocketCallback<>() {
      @Override
      public void complete(WebSocketChannel ch, Void context) {
        done.run();
      }

      @Override
      public void onError(WebSocketChannel ch, Void context, Throwable throwable) {
        failed.accept(throwable);
      }
    };
  }
}
