package org.actionhero4j.benchmarks.servers;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import org.xnio.Options;

/**
 * The ceiling on Undertow: Undertow's own WebSocket and HTTP handlers and {@link BareProtocol}, no
 * framework. Same IO thread count and TCP_NODELAY as actionhero4j's Undertow transport.
 *
 * <p>{@code java -cp ... BareUndertowServer --port 8082}
 */
public final class BareUndertowServer {

  private BareUndertowServer() {}

  public static void main(String[] args) throws Exception {
    int port = ServerArgs.port(args, 8082);
    int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    BareProtocol<WebSocketChannel> protocol =
        new BareProtocol<>((channel, text) -> WebSockets.sendText(text, channel, null));
    Undertow server =
        Undertow.builder()
            .addHttpListener(port, "127.0.0.1")
            .setIoThreads(ioThreads)
            .setWorkerThreads(ioThreads)
            .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
            .setSocketOption(Options.TCP_NODELAY, true)
            .setSocketOption(Options.BACKLOG, 1024)
            .setHandler(
                Handlers.path()
                    .addPrefixPath(
                        "/primus",
                        Handlers.websocket(
                            (exchange, channel) -> {
                              channel.getReceiveSetter().set(new AbstractReceiveListener() {
                                @Override
                                protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                                  protocol.onText(ch, message.getData());
                                }

                                @Override
                                protected void onFullCloseMessage(WebSocketChannel ch, io.undertow.websockets.core.BufferedBinaryMessage message)
                                    throws IOException {
                                  protocol.onClose(ch);
                                  super.onFullCloseMessage(ch, message);
                                }

                                @Override
                                protected void onError(WebSocketChannel ch, Throwable error) {
                                  protocol.onClose(ch);
                                  super.onError(ch, error);
                                }
                              });
                              channel.addCloseTask(protocol::onClose);
                              channel.resumeReceives();
                              protocol.onOpen(channel);
                            }))
                    .addPrefixPath("/api", BareUndertowServer::http))
            .build();
    server.start();
    System.out.println("bare undertow on 127.0.0.1:" + port + " (" + ioThreads + " IO threads)");
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    Thread.currentThread().join();
  }

  private static void http(HttpServerExchange exchange) {
    if (exchange.getRequestPath().equals("/api/heap") && exchange.isInIoThread()) {
      exchange.dispatch(BareUndertowServer::http); // GC off the IO thread
      return;
    }
    String body = BareProtocol.http(exchange.getRequestPath(), exchange.getQueryString());
    if (body == null) {
      exchange.setStatusCode(404);
      body = "{\"error\":\"not found\"}";
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
    exchange.getResponseSender().send(body);
  }

}
