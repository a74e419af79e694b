package org.actionhero4j.transport.undertow;

import org.actionhero4j.spi.support.InFlight;
import org.actionhero4j.spi.support.OpenSockets;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpServerExchange;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.OpenListener;
import io.undertow.server.protocol.http.AlpnOpenListener;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.server.protocol.http2.Http2OpenListener;
import org.actionhero4j.spi.ListenerSecurity;
import org.xnio.Sequence;
import io.undertow.util.SameThreadExecutor;
import io.undertow.websockets.core.WebSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.actionhero4j.spi.RunningServer;
import org.actionhero4j.spi.ServerBinding;
import org.actionhero4j.spi.SocketAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * A started Undertow server. Built from Undertow's own parts (XNIO worker, {@link
 * HttpOpenListener}, accepting channel) rather than {@link Undertow#builder()}, because only that
 * way the listening socket can be closed on its own for {@link #stopAccepting()}.
 */
final class UndertowRunningServer implements RunningServer {

  private static final Logger LOG = LoggerFactory.getLogger(UndertowRunningServer.class);
  private static final String THREAD_NAME = "ah4j-undertow";

  private final ServerBinding binding;
  private final XnioWorker worker;
  private final OpenListener openListener;
  private final AcceptingChannel<? extends StreamConnection> acceptor;
  private final int port;
  /** Handed to Undertow's handshake, which keeps every WebSocket channel it creates in it. */
  private final Set<WebSocketChannel> peerConnections = ConcurrentHashMap.newKeySet();

  private final OpenSockets<UndertowSocketSession> sessions =
      new OpenSockets<>(UndertowSocketSession::state, UndertowSocketSession::abort);
  private final AtomicBoolean accepting = new AtomicBoolean(true);

  private UndertowRunningServer(
      ServerBinding binding,
      XnioWorker worker,
      OpenListener openListener,
      AcceptingChannel<? extends StreamConnection> acceptor) {
    this.binding = binding;
    this.worker = worker;
    this.openListener = openListener;
    this.acceptor = acceptor;
    this.port = acceptor.getLocalAddress(InetSocketAddress.class).getPort();
  }

  static UndertowRunningServer start(ServerBinding binding) throws IOException {
    int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    Xnio xnio = Xnio.getInstance(Undertow.class.getClassLoader());
    XnioWorker worker =
        xnio.createWorker(
            OptionMap.builder()
                .set(Options.WORKER_NAME, THREAD_NAME)
                .set(Options.WORKER_IO_THREADS, ioThreads)
                // Nothing here runs blocking tasks; the task pool only serves XNIO internals.
                .set(Options.WORKER_TASK_CORE_THREADS, ioThreads)
                .set(Options.WORKER_TASK_MAX_THREADS, ioThreads)
                .set(Options.TCP_NODELAY, true)
                .getMap());

    ByteBufferPool buffers = new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 4);
    boolean tls = binding.security() instanceof ListenerSecurity.Tls;
    OptionMap undertowOptions =
        OptionMap.builder()
            .set(UndertowOptions.ALWAYS_SET_DATE, true)
            .set(UndertowOptions.ENABLE_HTTP2, tls)
            // Core bounds bodies (web.maxRequestBodyBytes) and parses the query itself.
            .set(UndertowOptions.MAX_ENTITY_SIZE, -1L)
            .set(UndertowOptions.MAX_PARAMETERS, Integer.MAX_VALUE)
            .getMap();
    HttpOpenListener http = new HttpOpenListener(buffers, undertowOptions);
    OpenListener openListener = http;
    if (tls) {
      // ALPN: h2 when the client offers it, else HTTP/1.1 (which also carries WebSocket upgrades).
      AlpnOpenListener alpn = new AlpnOpenListener(buffers, undertowOptions, "http/1.1", http);
      alpn.addProtocol(Http2OpenListener.HTTP2, new Http2OpenListener(buffers, undertowOptions, "h2"), 10);
      openListener = alpn;
    }

    InetSocketAddress address;
    AcceptingChannel<? extends StreamConnection> acceptor;
    try {
      address = new InetSocketAddress(binding.host(), binding.port());
      if (address.isUnresolved()) {
        throw new IOException("unknown host");
      }
      OptionMap socketOptions =
          OptionMap.builder()
              .set(Options.REUSE_ADDRESSES, true)
              .set(Options.TCP_NODELAY, true)
              .set(Options.BACKLOG, 1024)
              .getMap();
      if (binding.security() instanceof ListenerSecurity.Tls settings) {
        OptionMap.Builder sslOptions =
            OptionMap.builder().set(Options.SSL_ENABLED_PROTOCOLS, Sequence.of(settings.protocols()));
        if (!settings.cipherSuites().isEmpty()) {
          sslOptions.set(Options.SSL_ENABLED_CIPHER_SUITES, Sequence.of(settings.cipherSuites()));
        }
        UndertowXnioSsl ssl = new UndertowXnioSsl(xnio, sslOptions.getMap(), settings.context());
        acceptor =
            ssl.createSslConnectionServer(
                worker, address, ChannelListeners.openListenerAdapter(openListener), socketOptions);
      } else {
        acceptor =
            worker.createStreamConnectionServer(
                address, ChannelListeners.openListenerAdapter(openListener), socketOptions);
      }
    } catch (IOException | RuntimeException e) {
      worker.shutdownNow();
      throw new IOException(
          "undertow: cannot bind " + binding.host() + ":" + binding.port() + ": " + e.getMessage(),
          e);
    }

    UndertowRunningServer server =
        new UndertowRunningServer(binding, worker, openListener, acceptor);
    openListener.setRootHandler(server::handleRequest);
    acceptor.resumeAccepts();
    LOG.debug("undertow listening on {}:{}", binding.host(), server.port);
    return server;
  }

  private void handleRequest(HttpServerExchange exchange) {
    UndertowHttpExchange adapter = new UndertowHttpExchange(exchange, this);
    // Dispatching keeps the exchange open after this method returns: core answers it later, from
    // any thread, with respond() or upgrade(). SameThreadExecutor runs handle() right away on this
    // IO thread, once Undertow has left its own call.
    exchange.dispatch(SameThreadExecutor.INSTANCE, () -> adapter.dispatch(binding.handler()));
  }

  ServerBinding binding() {
    return binding;
  }

  Set<WebSocketChannel> peerConnections() {
    return peerConnections;
  }

  /** Called on the IO thread once the 101 response went out and the connection is a WebSocket. */
  void socketOpened(WebSocketChannel channel, SocketAcceptor socketAcceptor) {
    UndertowSocketSession session = new UndertowSocketSession(channel, this);
    session.start(socketAcceptor);
    sessions.opened(session); // after start, so that a racing close() still reaches onClose
  }

  void socketClosed(UndertowSocketSession session) {
    sessions.closed(session);
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void stopAccepting() {
    if (accepting.compareAndSet(true, false)) {
      acceptor.suspendAccepts();
      IoUtils.safeClose(acceptor);
      // The listening channel is registered with every IO thread's selector; the JDK really closes
      // it only once each selector has dropped its key. Two round trips through every IO thread
      // make sure that happened, so the port refuses connections when this method returns.
      if (!(Thread.currentThread() instanceof XnioIoThread)) {
        passThroughIoThreads();
        passThroughIoThreads();
      }
      LOG.debug("undertow stopped accepting on {}:{}", binding.host(), port);
    }
  }

  private void passThroughIoThreads() {
    int count = worker.getIoThreadCount();
    CountDownLatch passed = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      try {
        worker.getIoThread(i).execute(passed::countDown);
      } catch (RuntimeException e) {
        passed.countDown(); // thread already gone
      }
    }
    try {
      if (!passed.await(5, TimeUnit.SECONDS)) {
        LOG.warn("undertow IO threads did not answer within 5 s while closing the listener");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stopAccepting();
    sessions.shutDown(Thread.currentThread() instanceof XnioIoThread, THREAD_NAME + "-closer", this::stop);
  }

  /** Drops what the drain left and stops the worker, which releases the port. */
  private void stop() {
    for (WebSocketChannel channel : List.copyOf(peerConnections)) {
      IoUtils.safeClose(channel);
    }
    openListener.closeConnections();
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
    LOG.debug("undertow closed on {}:{}", binding.host(), port);
  }

  InFlight responses() {
    return sessions.responses();
  }
}
