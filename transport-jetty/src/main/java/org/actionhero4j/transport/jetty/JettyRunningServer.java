package org.actionhero4j.transport.jetty;

import org.actionhero4j.spi.support.InFlight;
import org.actionhero4j.spi.support.OpenSockets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.actionhero4j.spi.RunningServer;
import org.actionhero4j.spi.ServerBinding;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.actionhero4j.spi.ListenerSecurity;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IO;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started Jetty server: one {@link ServerConnector} whose listening channel this class opens
 * itself (so a bind failure names host:port, and {@link #stopAccepting()} can close it), and one
 * core {@link Handler} that hands every request to core.
 */
final class JettyRunningServer implements RunningServer {

  private static final Logger LOG = LoggerFactory.getLogger(JettyRunningServer.class);
  static final String THREAD_NAME = "ah4j-jetty";

  private final ServerBinding binding;
  private final Server server;
  private final Connector connector;
  private final ServerSocketChannel listening;
  private final int port;
  private final OpenSockets<JettySocketSession> sessions =
      new OpenSockets<>(JettySocketSession::state, JettySocketSession::abort);
  private final AtomicBoolean accepting = new AtomicBoolean(true);
  private WebSocketComponents components;

  private JettyRunningServer(
      ServerBinding binding, Server server, Connector connector, ServerSocketChannel listening) {
    this.binding = binding;
    this.server = server;
    this.connector = connector;
    this.listening = listening;
    this.port = listening.socket().getLocalPort();
  }

  static JettyRunningServer start(ServerBinding binding) throws Exception {
    ServerSocketChannel listening = ServerSocketChannel.open();
    try {
      InetSocketAddress address = new InetSocketAddress(binding.host(), binding.port());
      if (address.isUnresolved()) {
        throw new IOException("unknown host");
      }
      listening.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      listening.bind(address, 1024);
    } catch (IOException | RuntimeException e) {
      IO.close(listening);
      throw new IOException(
          "jetty: cannot bind " + binding.host() + ":" + binding.port() + ": " + e.getMessage(), e);
    }

    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName(THREAD_NAME);
    Scheduler scheduler = new ScheduledExecutorScheduler(THREAD_NAME + "-scheduler", false);
    // No buffer pool: with Jetty 12.1.14's pooled buffers, a connection that sends a request Jetty
    // cannot parse, next to others, now and then has its buffers reused by another connection while
    // still in use, so one client gets another's answer, or its request is read with another's
    // bytes (NetworkFuzzTck found it; a plain Jetty server shows it too, and not without the pool).
    // Heap buffers, so that a buffer per read costs an allocation, not native memory freed by GC.
    Server server = new Server(threads, scheduler, new ByteBufferPool.NonPooling());
    server.setStopTimeout(0);
    // Requests Jetty refuses itself (bad framing, 431, 414) get a few lines of text, as on Undertow,
    // not an HTML page.
    ErrorHandler errors = new ErrorHandler();
    errors.setDefaultResponseMimeType("text/plain");
    errors.setShowStacks(false);
    errors.setShowOrigin(false);
    server.setErrorHandler(errors);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setSendDateHeader(true);
    http.setUseInputDirectByteBuffers(false);
    http.setUseOutputDirectByteBuffers(false);
    // Core gets the raw path and decides what it means; do not reject encoded '/' or '%' here.
    http.setUriCompliance(UriCompliance.LEGACY);
    // Core answers oversized headers (431) and targets (414) itself, below this bound.
    http.setRequestHeaderSize(64 * 1024);
    Connector connector = new Connector(server, connectionFactories(http, binding.security()));
    connector.setHost(binding.host());
    connector.setPort(listening.socket().getLocalPort());
    connector.open(listening);
    server.addConnector(connector);

    JettyRunningServer running = new JettyRunningServer(binding, server, connector, listening);
    server.setHandler(running.new CoreHandler());
    running.components = WebSocketServerComponents.ensureWebSocketComponents(server);
    try {
      server.start();
    } catch (Exception e) {
      try {
        server.stop();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      IO.close(listening);
      throw new IOException(
          "jetty: cannot start on " + binding.host() + ":" + binding.port() + ": " + e.getMessage(),
          e);
    }
    LOG.debug("jetty listening on {}:{}", binding.host(), running.port);
    return running;
  }

  /**
   * Plain: HTTP/1.1. TLS: ALPN choosing h2 or HTTP/1.1 (WebSocket upgrades stay on HTTP/1.1), with
   * the context, protocols and cipher suites core built.
   */
  private static ConnectionFactory[] connectionFactories(HttpConfiguration http, ListenerSecurity security) {
    if (!(security instanceof ListenerSecurity.Tls tls)) {
      return new ConnectionFactory[] {new HttpConnectionFactory(http)};
    }
    HttpConfiguration https = new HttpConfiguration(http);
    // Core checks hosts itself (web.allowedRequestHosts); do not refuse a Host the SNI did not name.
    https.addCustomizer(new SecureRequestCustomizer(false));
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(tls.context());
    ssl.setIncludeProtocols(tls.protocols().toArray(String[]::new));
    if (!tls.cipherSuites().isEmpty()) {
      ssl.setIncludeCipherSuites(tls.cipherSuites().toArray(String[]::new));
    }
    HttpConnectionFactory http1 = new HttpConnectionFactory(https);
    HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(https);
    // No WebSocket over HTTP/2 (RFC 8441): browsers then open wss:// with the HTTP/1.1 upgrade
    // core expects, as they do against Undertow.
    http2.setConnectProtocolEnabled(false);
    // ALPN offers what the factories after it speak (h2, http/1.1); clients without ALPN get HTTP/1.1.
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol(http1.getProtocol());
    return new ConnectionFactory[] {new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, http2, http1};
  }

  /**
   * One acceptor thread blocked in {@code accept()} on the (blocking, never selector-registered)
   * listening channel. {@link #stopAccepting()} closes the channel and then waits for that thread
   * to leave {@code accept()}: only then has the kernel really dropped the listening socket, so the
   * port refuses connections as soon as it returns. (A selector-registered channel would only close
   * at the selector's next wake-up.)
   */
  private static final class Connector extends ServerConnector {
    private final Object lock = new Object();
    private int threadsInAccept;

    Connector(Server server, ConnectionFactory... factories) {
      super(server, 1, -1, factories);
    }

    @Override
    public void accept(int acceptorId) throws IOException {
      synchronized (lock) {
        threadsInAccept++;
      }
      try {
        super.accept(acceptorId);
      } catch (ClosedChannelException e) {
        if (isAccepting()) {
          throw e;
        }
        // closed by stopAccepting(): the acceptor now parks until the server stops
      } finally {
        synchronized (lock) {
          threadsInAccept--;
          lock.notifyAll();
        }
      }
    }

    void stopAccepting() {
      setAccepting(false);
      close();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      synchronized (lock) {
        long left;
        while (threadsInAccept > 0 && (left = deadline - System.nanoTime()) > 0) {
          try {
            TimeUnit.NANOSECONDS.timedWait(lock, left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /** Every request goes to core; the exchange completes Jetty's callback later. */
  private final class CoreHandler extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      new JettyHttpExchange(request, response, callback, JettyRunningServer.this)
          .dispatch(binding.handler());
      return true;
    }
  }

  ServerBinding binding() {
    return binding;
  }

  WebSocketComponents components() {
    return components;
  }

  Scheduler scheduler() {
    return server.getScheduler();
  }

  void socketOpened(JettySocketSession session) {
    sessions.opened(session);
  }

  void socketClosed(JettySocketSession session) {
    sessions.closed(session);
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void stopAccepting() {
    if (accepting.compareAndSet(true, false)) {
      // Only the listening channel closes; open connections are untouched.
      connector.stopAccepting();
      IO.close(listening);
      LOG.debug("jetty stopped accepting on {}:{}", binding.host(), port);
    }
  }

  @Override
  public void close() {
    stopAccepting();
    sessions.shutDown(Thread.currentThread().getName().startsWith(THREAD_NAME), THREAD_NAME + "-closer", this::stop);
  }

  /** Stops Jetty, which releases the port. */
  private void stop() {
    try {
      server.stop();
      LOG.debug("jetty closed on {}:{}", binding.host(), port);
    } catch (Exception e) {
      LOG.warn("jetty did not stop cleanly on {}:{}", binding.host(), port, e);
    }
  }

  InFlight responses() {
    return sessions.responses();
  }
}
