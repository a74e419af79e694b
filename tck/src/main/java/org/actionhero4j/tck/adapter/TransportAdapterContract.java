package org.actionhero4j.tck.adapter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.actionhero4j.spi.CloseCode;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpExchange.BodyTooLargeException;
import org.actionhero4j.spi.HttpHandler;
import org.actionhero4j.spi.HttpResponse;
import org.actionhero4j.spi.RunningServer;
import org.actionhero4j.spi.ServerBinding;
import org.actionhero4j.spi.SocketAcceptor;
import org.actionhero4j.spi.SocketListener;
import org.actionhero4j.spi.SocketSession;
import org.actionhero4j.spi.Transport;
import org.actionhero4j.tck.ServerUnderTestProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link Transport} must show, checked over real loopback sockets with the
 * JDK's own HTTP and WebSocket clients. A transport module runs it with the other TCK suites; the
 * adapter comes from its {@link ServerUnderTestProvider#newAdapter()}. Depends on JUnit 5, the JDK
 * and the SPI only.
 *
 * <p>All waits are bounded ({@link #WAIT} seconds, generous for a loaded 2-core CI machine);
 * nothing sleeps and nothing asserts timings.
 */
@Timeout(value = 60, unit = SECONDS)
public class TransportAdapterContract {

  /** The transport under test: a new adapter instance from the module's provider. */
  protected Transport transport() {
    return ServerUnderTestProvider.find().newAdapter();
  }

  /** The address every server under test binds. */
  protected static final String HOST = "127.0.0.1";
  /** The inbound WebSocket message limit of the default binding. */
  protected static final int MAX_MESSAGE_BYTES = 1024;
  /** The body limit the test handler reads with. */
  protected static final int MAX_BODY_BYTES = 4096;
  /** A body limit small enough to exceed with a short body. */
  protected static final int SMALL_BODY_LIMIT = 16;
  /** The idle timeout of the default binding, far longer than any test. */
  protected static final long IDLE_MILLIS = 30_000;
  private static final long WAIT = 10;

  private static HttpClient http;
  private static ScheduledExecutorService scheduler;

  private final List<RunningServer> servers = new CopyOnWriteArrayList<>();
  private final List<WebSocket> clients = new CopyOnWriteArrayList<>();
  /** The handler of the current test's server: it records what it saw. */
  protected TestHandler handler;
  /** The current test's server, started on port 0 before each test. */
  protected RunningServer server;

  @BeforeAll
  static void startClients() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(WAIT))
            .build();
    scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "contract-scheduler");
              t.setDaemon(true);
              return t;
            });
  }

  @AfterAll
  static void stopClients() {
    scheduler.shutdownNow();
  }

  @BeforeEach
  void startServer() throws Exception {
    handler = new TestHandler();
    server = start(binding(0, IDLE_MILLIS));
  }

  @AfterEach
  void stopServers() {
    for (WebSocket ws : clients) {
      ws.abort();
    }
    for (RunningServer s : servers) {
      s.close();
    }
  }

  /** A binding to the test handler on this port with this idle timeout. */
  protected ServerBinding binding(int port, long idleMillis) {
    return new ServerBinding(HOST, port, MAX_MESSAGE_BYTES, idleMillis, handler);
  }

  /** Starts a server that is closed after the test. */
  protected RunningServer start(ServerBinding binding) throws Exception {
    RunningServer s = transport().start(binding);
    servers.add(s);
    return s;
  }

  // =================================================================== HTTP

  @Test
  void getPassesRequestLineHeadersAndPeerThrough() throws Exception {
    HttpRequest request =
        request(uri("/echo/a%20b?x=1&y=%20z&x=2"))
            .header("X-Multi", "first")
            .header("X-Multi", "second")
            .GET()
            .build();
    java.net.http.HttpResponse<String> response = http.send(request, BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("GET", header(response, "x-method"));
    assertEquals("/echo/a%20b", header(response, "x-path"));
    assertEquals("x=1&y=%20z&x=2", header(response, "x-query"));
    assertEquals(List.of("first", "second"), response.headers().allValues("x-multi"));
    assertEquals("2", header(response, "x-multi-any-case"));
    assertEquals("0", header(response, "x-absent"));
    List<String> names = List.of(header(response, "x-header-names").split(","));
    assertTrue(names.contains("x-multi"), "header names: " + names);
    assertTrue(names.contains("host"), "header names: " + names);
    assertEquals(1, names.stream().filter("x-multi"::equals).count(), "names listed once");
    assertTrue(header(response, "x-remote").startsWith("127.0.0.1:"), header(response, "x-remote"));
    assertEquals("", response.body());
    assertEquals("0", header(response, "content-length"));
  }

  @Test
  void getWithoutQueryHasEmptyRawQuery() throws Exception {
    java.net.http.HttpResponse<String> response =
        http.send(request(uri("/echo")).build(), BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("", header(response, "x-query"));
    assertEquals("/echo", header(response, "x-path"));
  }

  @Test
  void rawPathKeepsPercentEncoding() throws Exception {
    java.net.http.HttpResponse<String> response =
        http.send(
            request(uri("/echo/caf%C3%A9/a%2Fb")).build(), BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("/echo/caf%C3%A9/a%2Fb", header(response, "x-path"));
  }

  @Test
  void rawPathKeepsDotSegmentsForCoreToJudge() throws Exception {
    // Targets that climb above the root (/../x) are not covered: Jetty's URI parser answers them
    // with 400 itself, before any handler runs.
    for (String path : List.of("/echo/./a/../b", "/echo/a/%2e%2e/b", "/echo//double")) {
      java.net.http.HttpResponse<String> response =
          http.send(request(uri(path)).build(), BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), path);
      assertEquals(path, header(response, "x-path"));
    }
  }

  @Test
  void postEchoesBodyStatusAndContentLength() throws Exception {
    byte[] body = "héllo body \u2603 ".repeat(40).getBytes(UTF_8);
    java.net.http.HttpResponse<byte[]> response =
        http.send(
            request(uri("/echo?post=1"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            BodyHandlers.ofByteArray());

    assertEquals(201, response.statusCode());
    assertEquals("POST", header(response, "x-method"));
    assertEquals("post=1", header(response, "x-query"));
    assertEquals(new String(body, UTF_8), new String(response.body(), UTF_8));
    assertEquals(String.valueOf(body.length), header(response, "content-length"));
  }

  @Test
  void chunkedPostBodyIsReadWhole() throws Exception {
    byte[] body = "chunk-".repeat(300).getBytes(UTF_8);
    java.net.http.HttpResponse<byte[]> response =
        http.send(
            request(uri("/echo"))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(),
            BodyHandlers.ofByteArray());
    assertEquals(201, response.statusCode());
    assertEquals(new String(body, UTF_8), new String(response.body(), UTF_8));
  }

  @Test
  void expectContinueBodyIsRead() throws Exception {
    byte[] body = "continue me".getBytes(UTF_8);
    java.net.http.HttpResponse<byte[]> response =
        http.send(
            request(uri("/echo"))
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            BodyHandlers.ofByteArray());
    assertEquals(201, response.statusCode());
    assertEquals("continue me", new String(response.body(), UTF_8));
  }

  @Test
  void bodyMayBeReadLaterFromAnotherThread() throws Exception {
    byte[] body = "read me later".repeat(100).getBytes(UTF_8);
    java.net.http.HttpResponse<byte[]> response =
        http.send(
            request(uri("/echo-later"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            BodyHandlers.ofByteArray());
    assertEquals(201, response.statusCode());
    assertEquals(new String(body, UTF_8), new String(response.body(), UTF_8));
  }

  @Test
  void headKeepsHeadersButSendsNoBody() throws Exception {
    java.net.http.HttpResponse<String> response =
        http.send(
            request(uri("/fixed"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("", response.body());
    assertEquals("yes", header(response, "x-fixed"));
    assertEquals(String.valueOf(TestHandler.FIXED_BODY.length), header(response, "content-length"));

    // the connection stays usable: a GET on it gets the body
    java.net.http.HttpResponse<String> get =
        http.send(request(uri("/fixed")).build(), BodyHandlers.ofString());
    assertEquals(new String(TestHandler.FIXED_BODY, UTF_8), get.body());
  }

  @Test
  void noContentResponseHasNoBodyAndNoContentLength() throws Exception {
    java.net.http.HttpResponse<String> response =
        http.send(request(uri("/nocontent")).build(), BodyHandlers.ofString());
    assertEquals(204, response.statusCode());
    assertEquals("", response.body());
    assertEquals("yes", header(response, "x-nocontent"));
    assertNull(header(response, "content-length"));
  }

  @Test
  void respondMayComeLaterFromAnotherThread() throws Exception {
    java.net.http.HttpResponse<String> response =
        http.send(request(uri("/async")).build(), BodyHandlers.ofString());
    assertEquals(202, response.statusCode());
    assertEquals("late", response.body());
    assertEquals("contract-scheduler", header(response, "x-responder"));
    assertFalse(header(response, "x-handler").equals("contract-scheduler"));
  }

  @Test
  void bodyOverTheLimitFailsWithBodyTooLarge() throws Exception {
    java.net.http.HttpResponse<String> declared =
        http.send(
            request(uri("/limit"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(SMALL_BODY_LIMIT + 1)))
                .build(),
            BodyHandlers.ofString());
    assertEquals(413, declared.statusCode());
    assertInstanceOf(BodyTooLargeException.class, handler.bodyErrors.poll(WAIT, SECONDS));

    byte[] chunked = "y".repeat(SMALL_BODY_LIMIT * 8).getBytes(UTF_8);
    java.net.http.HttpResponse<String> streamed =
        http.send(
            request(uri("/limit"))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(chunked)))
                .build(),
            BodyHandlers.ofString());
    assertEquals(413, streamed.statusCode());
    assertInstanceOf(BodyTooLargeException.class, handler.bodyErrors.poll(WAIT, SECONDS));
  }

  @Test
  void bodyAtTheLimitIsAccepted() throws Exception {
    java.net.http.HttpResponse<String> response =
        http.send(
            request(uri("/limit"))
                .POST(HttpRequest.BodyPublishers.ofString("z".repeat(SMALL_BODY_LIMIT)))
                .build(),
            BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals(String.valueOf(SMALL_BODY_LIMIT), response.body());
  }

  // =================================================================== WebSocket

  @Test
  void upgradeEchoesTextBothWaysInOrder() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();

    int count = 1000;
    for (int i = 0; i < count; i++) {
      client.ws.sendText("m" + i, true).get(WAIT, SECONDS);
    }
    for (int i = 0; i < count; i++) {
      assertEquals("m" + i, socket.texts.poll(WAIT, SECONDS), "server received in order");
    }
    for (int i = 0; i < count; i++) {
      assertEquals("m" + i, client.texts.poll(WAIT, SECONDS), "client received echo in order");
    }
    assertTrue(socket.echoCallbacks.await(WAIT, SECONDS), "every echo write completed");
    assertEquals(0, socket.echoFailures.get());
    socket.assertWellBehaved();
  }

  @Test
  void sendTextIsThreadSafeKeepsPerThreadOrderAndCallsBackOnce() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    SocketSession session = socket.session();

    int threads = 4;
    int perThread = 250;
    AtomicIntegerArray calls = new AtomicIntegerArray(threads * perThread);
    AtomicInteger failures = new AtomicInteger();
    CountDownLatch written = new CountDownLatch(threads * perThread);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> senders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread sender =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < perThread; i++) {
                  int index = thread * perThread + i;
                  session.sendText(thread + ":" + i).whenComplete((ok, failure) -> {
                        calls.incrementAndGet(index);
                        if (failure != null) {
                          failures.incrementAndGet();
                        }
                        written.countDown();
                      });
                }
              },
              "sender-" + t);
      senders.add(sender);
      sender.start();
    }
    go.countDown();
    assertTrue(written.await(WAIT, SECONDS), "all callbacks fired");
    assertEquals(0, failures.get());

    int[] next = new int[threads];
    for (int n = 0; n < threads * perThread; n++) {
      String text = client.texts.poll(WAIT, SECONDS);
      assertNotNull(text, "message " + n + " arrived");
      String[] parts = text.split(":");
      int thread = Integer.parseInt(parts[0]);
      assertEquals(next[thread]++, Integer.parseInt(parts[1]), "per-thread order for " + thread);
    }
    for (Thread sender : senders) {
      sender.join(SECONDS.toMillis(WAIT));
    }
    for (int i = 0; i < calls.length(); i++) {
      assertEquals(1, calls.get(i), "callback " + i + " fired once");
    }
    socket.assertWellBehaved();
  }

  @Test
  void fragmentedTextArrivesAsOneMessage() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    client.ws.sendText("hello ", false).get(WAIT, SECONDS);
    client.ws.sendText("frag", false).get(WAIT, SECONDS);
    client.ws.sendText("mented", true).get(WAIT, SECONDS);
    assertEquals("hello fragmented", socket.texts.poll(WAIT, SECONDS));
    assertEquals("hello fragmented", client.texts.poll(WAIT, SECONDS));
    socket.assertWellBehaved();
  }

  @Test
  void binaryMessagesGoToOnBinary() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    byte[] data = {0, 1, 2, (byte) 0xFF, 42};
    client.ws.sendBinary(ByteBuffer.wrap(data), true).get(WAIT, SECONDS);
    byte[] received = socket.binaries.poll(WAIT, SECONDS);
    assertNotNull(received);
    assertEquals(ByteBuffer.wrap(data), ByteBuffer.wrap(received));
    // still alive afterwards
    client.ws.sendText("after", true).get(WAIT, SECONDS);
    assertEquals("after", socket.texts.poll(WAIT, SECONDS));
    socket.assertWellBehaved();
  }

  @Test
  void pingReachesOnPingAndTransportAnswersPong() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    client.ws.sendPing(ByteBuffer.wrap("are you there".getBytes(UTF_8))).get(WAIT, SECONDS);
    assertTrue(socket.pinged.await(WAIT, SECONDS), "onPing called");
    ByteBuffer pong = client.pongs.poll(WAIT, SECONDS);
    assertNotNull(pong, "pong received");
    assertEquals("are you there", UTF_8.decode(pong).toString());
    socket.assertWellBehaved();
  }

  @Test
  void textAtTheLimitPassesAndOverTheLimitClosesWith1009() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    String atLimit = "a".repeat(MAX_MESSAGE_BYTES);
    client.ws.sendText(atLimit, true).get(WAIT, SECONDS);
    assertEquals(atLimit, socket.texts.poll(WAIT, SECONDS));

    client.ws.sendText("b".repeat(MAX_MESSAGE_BYTES + 1), true).get(WAIT, SECONDS);
    assertEquals(1009, client.closed.get(WAIT, SECONDS).code());
    assertEquals(1009, socket.closed.get(WAIT, SECONDS).code());
    assertNull(socket.texts.poll(), "the oversized text never reached the listener");
    socket.assertWellBehavedAfter(server);
  }

  @Test
  void oversizedFragmentedTextClosesWith1009() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    String part = "c".repeat(MAX_MESSAGE_BYTES / 2 + 10);
    client.ws.sendText(part, false).get(WAIT, SECONDS);
    client.ws.sendText(part, false);
    assertEquals(1009, client.closed.get(WAIT, SECONDS).code());
    assertEquals(1009, socket.closed.get(WAIT, SECONDS).code());
    assertNull(socket.texts.poll());
    socket.assertWellBehavedAfter(server);
  }

  @Test
  void binaryOverTheLimitClosesWith1009Too() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    client.ws.sendBinary(ByteBuffer.wrap(new byte[MAX_MESSAGE_BYTES + 1]), true).get(WAIT, SECONDS);
    assertEquals(1009, client.closed.get(WAIT, SECONDS).code());
    assertEquals(1009, socket.closed.get(WAIT, SECONDS).code());
    assertNull(socket.binaries.poll());
    socket.assertWellBehavedAfter(server);
  }

  @Test
  void outboundTextIsNotLimitedByMaxMessageBytes() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    String big = "d".repeat(MAX_MESSAGE_BYTES * 40);
    CompletableFuture<Throwable> written = new CompletableFuture<>();
    socket.session().sendText(big).whenComplete((ok, failure) -> written.complete(failure));
    assertNull(written.get(WAIT, SECONDS));
    assertEquals(big, client.texts.poll(WAIT, SECONDS));
  }

  @Test
  void serverCloseSendsCodeAndReason() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    socket.session().close(CloseCode.GOING_AWAY, "bye");
    Close seen = client.closed.get(WAIT, SECONDS);
    assertEquals(1001, seen.code());
    assertEquals("bye", seen.reason());
    Close reported = socket.closed.get(WAIT, SECONDS);
    assertEquals(1001, reported.code());
    assertEquals("bye", reported.reason());

    CompletableFuture<Throwable> late = new CompletableFuture<>();
    socket.session().sendText("too late").whenComplete((ok, failure) -> late.complete(failure));
    assertNotNull(late.get(WAIT, SECONDS), "sendText after close fails");
    socket.assertWellBehavedAfter(server);
  }

  @Test
  void clientCloseReachesOnCloseOnce() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    client.ws.sendClose(1000, "done").get(WAIT, SECONDS);
    Close reported = socket.closed.get(WAIT, SECONDS);
    assertEquals(1000, reported.code());
    assertEquals("done", reported.reason());
    assertEquals(1000, client.closed.get(WAIT, SECONDS).code(), "close handshake echoed");
    socket.assertWellBehavedAfter(server);
  }

  @Test
  void abortDropsTheConnectionWithoutCloseFrame() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    socket.session().abort();
    Close reported = socket.closed.get(WAIT, SECONDS);
    assertEquals(1006, reported.code());
    // The JDK client reports a drop without close frame as onError or as onClose(1006), a code
    // that never travels in a close frame.
    CompletableFuture.anyOf(client.closed, client.error).get(WAIT, SECONDS);
    if (client.closed.isDone()) {
      assertEquals(1006, client.closed.get().code(), "no close frame was sent");
    }

    CompletableFuture<Throwable> late = new CompletableFuture<>();
    socket.session().sendText("too late").whenComplete((ok, failure) -> late.complete(failure));
    assertNotNull(late.get(WAIT, SECONDS));
    socket.assertWellBehavedAfter(server);
  }

  @Test
  void writeCallbacksFireOnceEvenWhenTheSocketDiesWithFramesQueued() throws Exception {
    ClientSide client = connect("/ws", false); // never reads: frames pile up on the server
    ServerSide socket = handler.nextSocket();
    SocketSession session = socket.session();
    int count = 200;
    String big = "q".repeat(64 * 1024);
    AtomicIntegerArray calls = new AtomicIntegerArray(count);
    CountDownLatch all = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      int index = i;
      session.sendText(big).whenComplete((ok, failure) -> {
            calls.incrementAndGet(index);
            all.countDown();
          });
    }
    session.abort();
    assertTrue(all.await(WAIT, SECONDS), "every callback fired");
    socket.closed.get(WAIT, SECONDS);
    socket.assertWellBehavedAfter(server);
    for (int i = 0; i < count; i++) {
      assertEquals(1, calls.get(i), "callback " + i + " fired once");
    }
    assertNotNull(client);
  }

  @Test
  void upgradeMayComeLaterFromAnotherThread() throws Exception {
    ClientSide client = connect("/ws-late");
    ServerSide socket = handler.nextSocket();
    client.ws.sendText("late hello", true).get(WAIT, SECONDS);
    assertEquals("late hello", client.texts.poll(WAIT, SECONDS));
    socket.assertWellBehaved();
  }

  @Test
  void upgradeRequestMayBeAnsweredWithAPlainResponse() throws Exception {
    ClientSide client = new ClientSide(true);
    URI target = URI.create("ws://" + HOST + ":" + server.port() + "/ws-refused");
    java.util.concurrent.ExecutionException failure =
        assertThrows(
            java.util.concurrent.ExecutionException.class,
            () -> http.newWebSocketBuilder().buildAsync(target, client).get(WAIT, SECONDS));
    java.net.http.WebSocketHandshakeException refused =
        assertInstanceOf(java.net.http.WebSocketHandshakeException.class, failure.getCause());
    assertEquals(503, refused.getResponse().statusCode());
  }

  @Test
  void handshakeSelectsNoSubprotocolAndNoCompression() throws Exception {
    try (Socket raw = new Socket(HOST, server.port())) {
      raw.setSoTimeout((int) SECONDS.toMillis(WAIT));
      String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(UTF_8));
      String request =
          "GET /ws HTTP/1.1\r\n"
              + "Host: "
              + HOST
              + ":"
              + server.port()
              + "\r\n"
              + "Upgrade: websocket\r\n"
              + "Connection: Upgrade\r\n"
              + "Sec-WebSocket-Key: "
              + key
              + "\r\n"
              + "Sec-WebSocket-Version: 13\r\n"
              + "Sec-WebSocket-Protocol: chat, superchat\r\n"
              + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
              + "\r\n";
      OutputStream out = raw.getOutputStream();
      out.write(request.getBytes(UTF_8));
      out.flush();
      Map<String, String> headers = new LinkedHashMap<>();
      String status = readHead(raw.getInputStream(), headers);
      assertTrue(status.startsWith("HTTP/1.1 101"), status);
      String expectedAccept =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-1")
                      .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(UTF_8)));
      assertEquals(expectedAccept, headers.get("sec-websocket-accept"));
      assertNull(headers.get("sec-websocket-protocol"), "no subprotocol: " + headers);
      assertNull(headers.get("sec-websocket-extensions"), "no extension: " + headers);
      assertNotNull(handler.nextSocket().session());
    }
  }

  @Test
  void idleSocketIsClosedByTheTransport() throws Exception {
    RunningServer idle = start(binding(0, 300));
    ClientSide client = connect(idle, "/ws", true);
    ServerSide socket = handler.nextSocket();
    Close seen = client.closed.get(WAIT, SECONDS);
    assertEquals(1001, seen.code());
    socket.closed.get(WAIT, SECONDS);
    socket.assertWellBehavedAfter(idle);
  }

  // =================================================================== lifecycle

  @Test
  void stopAcceptingRefusesNewConnectionsWhileOpenSocketsLiveOn() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    client.ws.sendText("before", true).get(WAIT, SECONDS);
    assertEquals("before", client.texts.poll(WAIT, SECONDS));

    server.stopAccepting();
    server.stopAccepting(); // idempotent

    assertThrows(
        ConnectException.class,
        () -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, server.port()), (int) SECONDS.toMillis(WAIT));
          }
        });

    client.ws.sendText("after", true).get(WAIT, SECONDS);
    assertEquals("after", client.texts.poll(WAIT, SECONDS));
    CompletableFuture<Throwable> pushed = new CompletableFuture<>();
    socket.session().sendText("push").whenComplete((ok, failure) -> pushed.complete(failure));
    assertNull(pushed.get(WAIT, SECONDS));
    assertEquals("push", client.texts.poll(WAIT, SECONDS));
    socket.assertWellBehaved();
  }

  @Test
  void stopAcceptingHasTakenEffectWhenItReturns() throws Exception {
    for (int round = 0; round < 20; round++) {
      RunningServer fresh = start(binding(0, IDLE_MILLIS));
      java.net.http.HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + fresh.port() + "/echo"))
                  .timeout(Duration.ofSeconds(WAIT))
                  .build(),
              BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      fresh.stopAccepting();
      assertThrows(
          ConnectException.class,
          () -> {
            try (Socket s = new Socket()) {
              s.connect(new InetSocketAddress(HOST, fresh.port()), (int) SECONDS.toMillis(WAIT));
            }
          },
          "round " + round);
      fresh.close();
    }
  }

  @Test
  void closeEndsSocketsReleasesThePortAndIsIdempotent() throws Exception {
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    int port = server.port();
    assertTrue(port > 0);

    server.close();
    socket.closed.get(WAIT, SECONDS);
    CompletableFuture.anyOf(client.closed, client.error).get(WAIT, SECONDS);
    server.close(); // idempotent
    socket.assertWellBehaved();
    assertEquals(1, socket.closeCount.get());

    RunningServer again = start(binding(port, IDLE_MILLIS));
    assertEquals(port, again.port());
    java.net.http.HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + "/echo"))
                .timeout(Duration.ofSeconds(WAIT)).build(),
            BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
  }

  @Test
  void closeDeliversWhatCoreSentBeforeClosingASocket() throws Exception {
    // Core's graceful stop: last frames, close(1001), then RunningServer.close() right away.
    ClientSide client = connect("/ws");
    ServerSide socket = handler.nextSocket();
    SocketSession session = socket.session();
    String last = "last words ".repeat(2000);
    session.sendText(last).whenComplete((ok, failure) -> {});
    session.close(CloseCode.GOING_AWAY, "going away");
    server.close();

    assertEquals(last, client.texts.poll(WAIT, SECONDS));
    Close seen = client.closed.get(WAIT, SECONDS);
    assertEquals(1001, seen.code());
    assertEquals("going away", seen.reason());
    socket.closed.get(WAIT, SECONDS);
    socket.assertWellBehaved();
    assertEquals(1, socket.closeCount.get());
  }

  @Test
  void closeLetsAResponseBeingWrittenFinish() throws Exception {
    CompletableFuture<java.net.http.HttpResponse<byte[]>> pending =
        http.sendAsync(request(uri("/large")).build(), BodyHandlers.ofByteArray());
    assertTrue(handler.largeResponded.await(WAIT, SECONDS), "core answered");
    server.close();
    java.net.http.HttpResponse<byte[]> response = pending.get(WAIT, SECONDS);
    assertEquals(200, response.statusCode());
    assertEquals(TestHandler.LARGE_BODY.length, response.body().length);
  }

  @Test
  void bindFailureNamesHostAndPort() {
    int taken = server.port();
    Exception failure = assertThrows(Exception.class, () -> start(binding(taken, IDLE_MILLIS)));
    assertTrue(
        String.valueOf(failure.getMessage()).contains(HOST + ":" + taken),
        "message names host:port: " + failure.getMessage());
  }

  @Test
  void transportHasAName() {
    assertNotNull(transport().name());
    assertFalse(transport().name().isBlank());
  }

  // =================================================================== helpers

  /** A request with a bounded response time. */
  protected HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(WAIT));
  }

  /** An HTTP URI on the current server. */
  protected URI uri(String pathAndQuery) {
    return URI.create("http://" + HOST + ":" + server.port() + pathAndQuery);
  }

  private static String header(java.net.http.HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** Opens a reading WebSocket client on the current server. */
  protected ClientSide connect(String path) throws Exception {
    return connect(server, path, true);
  }

  /** Opens a WebSocket client on the current server that reads or not. */
  protected ClientSide connect(String path, boolean reading) throws Exception {
    return connect(server, path, reading);
  }

  /** Opens a WebSocket client on that server; it is aborted after the test. */
  protected ClientSide connect(RunningServer target, String path, boolean reading)
      throws Exception {
    ClientSide client = new ClientSide(reading);
    URI uri = URI.create("ws://" + HOST + ":" + target.port() + path);
    client.ws = http.newWebSocketBuilder().buildAsync(uri, client).get(WAIT, SECONDS);
    clients.add(client.ws);
    return client;
  }

  /** Reads an HTTP response head; header names lower-cased into {@code headers}. */
  private static String readHead(InputStream in, Map<String, String> headers) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(UTF_8).split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    return lines[0];
  }

  /** A close as one side saw it. */
  public record Close(int code, String reason) {}

  /** The JDK WebSocket client side of one socket. */
  protected static final class ClientSide implements WebSocket.Listener {
    final boolean reading;
    WebSocket ws;
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    final CompletableFuture<Close> closed = new CompletableFuture<>();
    final CompletableFuture<Throwable> error = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    ClientSide(boolean reading) {
      this.reading = reading;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      if (reading) {
        webSocket.request(1);
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        texts.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      ByteBuffer copy = ByteBuffer.allocate(message.remaining());
      copy.put(message).flip();
      pongs.add(copy);
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new Close(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      this.error.complete(error);
    }
  }

  /**
   * The server side of one socket as core would see it: records every listener call and checks the
   * SPI's rules (one call at a time, nothing after onClose, onClose once). Echoes text by default.
   */
  protected static final class ServerSide implements SocketListener {
    final CompletableFuture<SocketSession> sessionFuture = new CompletableFuture<>();
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
    final CountDownLatch pinged = new CountDownLatch(1);
    final CompletableFuture<Close> closed = new CompletableFuture<>();
    final AtomicInteger closeCount = new AtomicInteger();
    final CountDownLatch echoCallbacks = new CountDownLatch(1000);
    final AtomicInteger echoFailures = new AtomicInteger();
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean inCall = new AtomicBoolean();
    private volatile boolean closedSeen;

    SocketSession session() throws Exception {
      return sessionFuture.get(WAIT, SECONDS);
    }

    private void enter(String what) {
      if (!inCall.compareAndSet(false, true)) {
        violations.add("concurrent call: " + what);
      }
      if (closedSeen) {
        violations.add("call after onClose: " + what);
      }
    }

    private void exit() {
      inCall.set(false);
    }

    @Override
    public void onText(String text) {
      enter("onText");
      try {
        texts.add(text);
        SocketSession session = sessionFuture.getNow(null);
        if (session == null) {
          violations.add("onText before accept returned");
          return;
        }
        session.sendText(text).whenComplete((ok, failure) -> {
              if (failure != null) {
                echoFailures.incrementAndGet();
              }
              echoCallbacks.countDown();
            });
      } finally {
        exit();
      }
    }

    @Override
    public void onBinary(byte[] data) {
      enter("onBinary");
      try {
        binaries.add(data);
      } finally {
        exit();
      }
    }

    @Override
    public void onPing() {
      enter("onPing");
      try {
        pinged.countDown();
      } finally {
        exit();
      }
    }

    @Override
    public void onClose(CloseCode code, String reason) {
      enter("onClose");
      try {
        closedSeen = true;
        closeCount.incrementAndGet();
        closed.complete(new Close(code.value(), reason));
      } finally {
        exit();
      }
    }

    void assertWellBehaved() {
      assertEquals(List.of(), violations, "SPI listener rules");
      assertTrue(closeCount.get() <= 1, "onClose at most once");
    }

    /** Closes the server too (which would expose a second onClose) and checks the rules. */
    void assertWellBehavedAfter(RunningServer running) {
      running.close();
      assertWellBehaved();
      assertEquals(1, closeCount.get(), "onClose exactly once");
    }
  }

  /** Core's stand-in: routes by raw path. */
  protected final class TestHandler implements HttpHandler {
    static final byte[] FIXED_BODY = "fixed body".getBytes(UTF_8);

    static final byte[] LARGE_BODY = "0123456789abcdef".repeat(256 * 1024).getBytes(UTF_8);

    final BlockingQueue<Throwable> bodyErrors = new LinkedBlockingQueue<>();
    final CountDownLatch largeResponded = new CountDownLatch(1);
    final BlockingQueue<ServerSide> sockets = new LinkedBlockingQueue<>();

    final SocketAcceptor acceptor =
        session -> {
          ServerSide side = new ServerSide();
          side.sessionFuture.complete(session);
          sockets.add(side);
          return side;
        };

    ServerSide nextSocket() throws InterruptedException, TimeoutException {
      ServerSide side = sockets.poll(WAIT, SECONDS);
      if (side == null) {
        throw new TimeoutException("no socket accepted");
      }
      return side;
    }

    @Override
    public void handle(HttpExchange exchange) {
      String path = exchange.rawPath();
      if (path.equals("/echo") || path.startsWith("/echo/")) {
        exchange.readBody(
            MAX_BODY_BYTES,
            body -> exchange.respond(echo(exchange, body)),
            error -> exchange.respond(text(500, error.toString())));
      } else if (path.equals("/echo-later")) {
        scheduler.schedule(
            () ->
                exchange.readBody(
                    MAX_BODY_BYTES,
                    body -> exchange.respond(echo(exchange, body)),
                    error -> exchange.respond(text(500, error.toString()))),
            20,
            MILLISECONDS);
      } else if (path.equals("/large")) {
        exchange.respond(new HttpResponse(200, Map.of(), LARGE_BODY));
        largeResponded.countDown();
      } else if (path.equals("/nocontent")) {
        exchange.respond(new HttpResponse(204, Map.of("X-NoContent", List.of("yes")), new byte[0]));
      } else if (path.equals("/fixed")) {
        exchange.respond(
            new HttpResponse(
                200,
                Map.of("Content-Type", List.of("text/plain"), "X-Fixed", List.of("yes")),
                FIXED_BODY));
      } else if (path.equals("/async")) {
        String handlerThread = Thread.currentThread().getName();
        scheduler.schedule(
            () ->
                exchange.respond(
                    new HttpResponse(
                        202,
                        Map.of(
                            "X-Handler", List.of(handlerThread),
                            "X-Responder", List.of(Thread.currentThread().getName())),
                        "late".getBytes(UTF_8))),
            20,
            MILLISECONDS);
      } else if (path.equals("/limit")) {
        exchange.readBody(
            SMALL_BODY_LIMIT,
            body -> exchange.respond(text(200, String.valueOf(body.length))),
            error -> {
              bodyErrors.add(error);
              exchange.respond(text(413, error.getClass().getSimpleName()));
            });
      } else if (path.equals("/ws")) {
        exchange.upgrade(acceptor);
      } else if (path.equals("/ws-refused")) {
        exchange.respond(text(503, "too many connections"));
      } else if (path.equals("/ws-late")) {
        scheduler.schedule(() -> exchange.upgrade(acceptor), 20, MILLISECONDS);
      } else {
        exchange.respond(
            new HttpResponse(404, Map.of("X-Path", List.of(path)), "not found".getBytes(UTF_8)));
      }
    }

    private HttpResponse echo(HttpExchange exchange, byte[] body) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("X-Method", List.of(exchange.method()));
      headers.put("X-Path", List.of(exchange.rawPath()));
      headers.put("X-Query", List.of(exchange.rawQuery()));
      headers.put("X-Multi", exchange.headers("X-Multi"));
      headers.put("X-Multi-Any-Case", List.of(String.valueOf(exchange.headers("x-mULTI").size())));
      headers.put("X-Absent", List.of(String.valueOf(exchange.headers("X-Absent").size())));
      List<String> names = new ArrayList<>();
      for (String name : exchange.headerNames()) {
        names.add(name.toLowerCase(Locale.ROOT));
      }
      headers.put("X-Header-Names", List.of(String.join(",", names)));
      InetSocketAddress remote = exchange.remoteAddress();
      headers.put(
          "X-Remote", List.of(remote.getAddress().getHostAddress() + ":" + remote.getPort()));
      return new HttpResponse(exchange.method().equals("POST") ? 201 : 200, headers, body);
    }

    private HttpResponse text(int status, String text) {
      return new HttpResponse(
          status, Map.of("Content-Type", List.of("text/plain")), text.getBytes(UTF_8));
    }
  }
}
