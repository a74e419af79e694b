package org.actionhero4j.internal.web;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;
import org.actionhero4j.spi.SocketAcceptor;
import org.actionhero4j.spi.support.InFlight;

/**
 * An exchange counted from arrival until it is answered, so that a graceful stop can wait for every
 * HTTP request already received; answers given once the stop began carry {@code Connection: close}.
 */
public final class TrackedExchange implements HttpExchange {

  private final HttpExchange exchange;
  private final InFlight inFlight;
  private final BooleanSupplier stopping;
  private final AtomicBoolean done = new AtomicBoolean();

  public TrackedExchange(HttpExchange exchange, InFlight inFlight, BooleanSupplier stopping) {
    this.exchange = exchange;
    this.inFlight = inFlight;
    this.stopping = stopping;
    inFlight.begin();
  }

  @Override
  public String method() {
    return exchange.method();
  }

  @Override
  public String rawPath() {
    return exchange.rawPath();
  }

  @Override
  public String rawQuery() {
    return exchange.rawQuery();
  }

  @Override
  public List<String> headers(String name) {
    return exchange.headers(name);
  }

  @Override
  public List<String> headerNames() {
    return exchange.headerNames();
  }

  @Override
  public boolean secure() {
    return exchange.secure();
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return exchange.remoteAddress();
  }

  @Override
  public void readBody(int maxBytes, Consumer<byte[]> onBody, Consumer<Throwable> onError) {
    exchange.readBody(maxBytes, onBody, onError);
  }

  @Override
  public void respond(HttpResponse response) {
    try {
      exchange.respond(stopping.getAsBoolean() ? closing(response) : response);
    } finally {
      finish();
    }
  }

  @Override
  public void upgrade(SocketAcceptor acceptor) {
    try {
      exchange.upgrade(acceptor);
    } finally {
      finish();
    }
  }

  private void finish() {
    if (done.compareAndSet(false, true)) {
      inFlight.end();
    }
  }

  private static HttpResponse closing(HttpResponse response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (response.headers() != null) {
      response.headers().forEach((name, values) -> {
        if (!name.equalsIgnoreCase("Connection")) {
          headers.put(name, values);
        }
      });
    }
    headers.put("Connection", new ArrayList<>(List.of("close")));
    return new HttpResponse(response.status(), headers, response.body());
  }
}
