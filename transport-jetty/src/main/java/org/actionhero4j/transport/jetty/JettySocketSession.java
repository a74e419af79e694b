package org.actionhero4j.transport.jetty;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.spi.CloseCode;
import org.actionhero4j.spi.SocketAcceptor;
import org.actionhero4j.spi.SocketListener;
import org.actionhero4j.spi.SocketSession;
import org.actionhero4j.spi.TextFrame;
import org.actionhero4j.spi.support.SocketState;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.messages.ByteArrayMessageSink;
import org.eclipse.jetty.websocket.core.messages.MessageSink;
import org.eclipse.jetty.websocket.core.messages.StringMessageSink;
import org.eclipse.jetty.websocket.core.util.MethodHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Jetty WebSocket: Jetty's message sinks assemble messages (size limit and UTF-8 checked by
 * Jetty), core's {@link SocketState} turns them into {@link SocketListener} calls, and writes go
 * to Jetty's frame flusher, which keeps call order. The next frame is asked for only once the
 * listener has seen the message.
 */
final class JettySocketSession implements FrameHandler, SocketSession, SocketState.Wire {

  private static final Logger LOG = LoggerFactory.getLogger(JettySocketSession.class);

  private final JettyRunningServer server;
  private final SocketAcceptor acceptor;
  private final SocketState state;
  private volatile CoreSession core;
  private MessageSink text;
  private MessageSink binary;
  private MessageSink current;

  JettySocketSession(JettyRunningServer server, SocketAcceptor acceptor) {
    this.server = server;
    this.acceptor = acceptor;
    this.state = new SocketState(this, this::schedule);
  }

  SocketState state() {
    return state;
  }

  @Override
  public void onOpen(CoreSession coreSession, Callback callback) {
    this.core = coreSession;
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      text = new StringMessageSink(coreSession, MethodHolder.from(lookup.findVirtual(
          JettySocketSession.class, "onWholeText", MethodType.methodType(void.class, String.class)).bindTo(this)), false);
      binary = new ByteArrayMessageSink(coreSession, MethodHolder.from(lookup.findVirtual(
          JettySocketSession.class, "onWholeBinary", MethodType.methodType(void.class, byte[].class, int.class, int.class))
          .bindTo(this)), false);
    } catch (ReflectiveOperationException e) {
      callback.failed(e);
      return;
    }
    state.open(acceptor, this);
    server.socketOpened(this); // after open, so that a racing close() still reaches onClose
    callback.succeeded();
    coreSession.demand();
  }

  @Override
  public void onFrame(Frame frame, Callback callback) {
    state.touch();
    switch (frame.getOpCode()) {
      case OpCode.TEXT -> accept(text, frame, callback);
      case OpCode.BINARY -> accept(binary, frame, callback);
      case OpCode.CONTINUATION -> accept(current, frame, callback);
      case OpCode.PING -> {
        ByteBuffer payload = ByteBuffer.allocate(frame.getPayloadLength());
        if (frame.hasPayload()) {
          payload.put(frame.getPayload().slice()).flip();
        }
        core.sendFrame(new Frame(OpCode.PONG).setPayload(payload), Callback.NOOP, false);
        callback.succeeded();
        state.deliver(SocketListener::onPing, core::demand);
      }
      case OpCode.CLOSE -> {
        CloseStatus status = new CloseStatus(frame.getPayload());
        // Jetty answers the close itself, with the peer's code; core records what the peer sent.
        state.closedByTransport(new CloseCode(status.getCode()), status.getReason() == null ? "" : status.getReason());
        callback.succeeded();
      }
      default -> {
        callback.succeeded();
        core.demand();
      }
    }
  }

  private void accept(MessageSink sink, Frame frame, Callback callback) {
    if (sink == null) {
      callback.failed(new IllegalStateException("continuation without a message"));
      return;
    }
    current = frame.isFin() ? null : sink;
    sink.accept(frame, callback);
  }

  /** Called by Jetty's sink with a whole, valid UTF-8 text message. */
  void onWholeText(String message) {
    state.deliver(l -> l.onText(message), core::demand);
  }

  /** Called by Jetty's sink with a whole binary message. */
  void onWholeBinary(byte[] data, int offset, int length) {
    byte[] message = offset == 0 && length == data.length ? data : java.util.Arrays.copyOfRange(data, offset, offset + length);
    state.deliver(l -> l.onBinary(message), core::demand);
  }

  @Override
  public void onError(Throwable cause, Callback callback) {
    LOG.debug("WebSocket error", cause);
    callback.succeeded();
  }

  @Override
  public void onClosed(CloseStatus closeStatus, Callback callback) {
    try {
      state.closedByTransport(new CloseCode(closeStatus.getCode()), closeStatus.getReason() == null ? "" : closeStatus.getReason());
      if (state.connectionClosed(CloseCode.ABNORMAL, "")) {
        server.socketClosed(this);
      }
    } finally {
      callback.succeeded();
    }
  }

  @Override
  public CompletionStage<Void> sendText(TextFrame frame) {
    CompletableFuture<Void> write = state.beginWrite();
    if (!write.isDone()) {
      // The frame's shared bytes, in a view of this socket's own: Jetty's flusher moves its position.
      core.sendFrame(
          new Frame(OpCode.TEXT, true, frame.bytes()),
          Callback.from(() -> state.written(write), failure -> state.failed(write, failure)),
          false);
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
    core.close(code.value(), reason, Callback.NOOP);
  }

  @Override
  public void disconnect() {
    CoreSession session = core;
    if (session != null) {
      session.abort();
    }
  }

  private Runnable schedule(Runnable task, long delayMillis) {
    var scheduled = server.scheduler().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    return scheduled::cancel;
  }
}
