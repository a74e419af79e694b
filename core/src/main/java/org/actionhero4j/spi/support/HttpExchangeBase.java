package org.actionhero4j.spi.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpHandler;
import org.actionhero4j.spi.HttpResponse;
import org.actionhero4j.spi.SocketAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of {@link HttpExchange} that do not depend on the server, kept once: one answer (a
 * second {@link #respond} or {@link #upgrade} throws), one body read, a declared length over the
 * limit refused before anything is read, HEAD answered without a body, a handler that throws
 * before answering turned into a 500. A transport implements the {@code protected} parts.
 */
public abstract class HttpExchangeBase implements HttpExchange {

  private static final Logger LOG = LoggerFactory.getLogger(HttpExchangeBase.class);
  private static final byte[] EMPTY = new byte[0];

  private final AtomicBoolean answered = new AtomicBoolean();
  private final AtomicBoolean bodyRead = new AtomicBoolean();

  /** Runs core's handler on this exchange; if it throws before answering, the answer is a 500. */
  public final void dispatch(HttpHandler handler) {
    try {
      handler.handle(this);
    } catch (Throwable t) {
      LOG.error("HTTP handler failed for {} {}", method(), rawPath(), t);
      if (answered.compareAndSet(false, true)) {
        send(500, Map.of(), EMPTY, false);
      }
    }
  }

  @Override
  public final void readBody(int maxBytes, Consumer<byte[]> onBody, Consumer<Throwable> onError) {
    if (!bodyRead.compareAndSet(false, true)) {
      onError.accept(new IllegalStateException("request body already read"));
      return;
    }
    long declared = declaredLength();
    if (declared > maxBytes) {
      onError.accept(new BodyTooLargeException(maxBytes));
      return;
    }
    try {
      readBody(maxBytes, declared, onBody, onError);
    } catch (RuntimeException e) {
      onError.accept(e);
    }
  }

  @Override
  public final void respond(HttpResponse response) {
    claim();
    byte[] body = response.body() == null ? EMPTY : response.body();
    send(response.status(), response.headers() == null ? Map.of() : response.headers(), body, method().equals("HEAD"));
  }

  @Override
  public final void upgrade(SocketAcceptor acceptor) {
    claim();
    startUpgrade(acceptor);
  }

  private void claim() {
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException("exchange already answered");
    }
  }

  /** Calls {@code header} for every name and value of a response, in order. */
  protected static void forEachHeader(Map<String, List<String>> headers, BiConsumer<String, String> header) {
    headers.forEach((name, values) -> {
      if (values != null) {
        values.forEach(value -> header.accept(name, value));
      }
    });
  }

  /** The request's {@code Content-Length}, or -1 when the body is chunked or absent. */
  protected abstract long declaredLength();

  /** Reads the body (at most {@code maxBytes}; more fails with {@link BodyTooLargeException}). */
  protected abstract void readBody(int maxBytes, long declared, Consumer<byte[]> onBody, Consumer<Throwable> onError);

  /**
   * Writes the response with {@code Content-Length: body.length}; the body is not sent when
   * {@code head}.
   */
  protected abstract void send(int status, Map<String, List<String>> headers, byte[] body, boolean head);

  /** Completes the WebSocket upgrade, or answers 400 when the request cannot be upgraded. */
  protected abstract void startUpgrade(SocketAcceptor acceptor);
}
