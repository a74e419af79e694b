package org.actionhero4j.benchmarks.client;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An Engine.IO v4 long-polling client on two keep-alive {@link HttpConn}s owned by one
 * {@link ClientLoop}: one carries the handshake and then one long-poll {@code GET} after another,
 * the other carries the {@code POST}s (queued packets go out together, separated by {@code 0x1e}).
 * It answers Engine.IO pings ({@code 2} with {@code 3}) and Primus heartbeats ({@code
 * "primus::ping::N"} with {@code "primus::pong::N"}) by itself; the first message (the server's
 * welcome) marks it ready. Every call must come on the loop thread.
 */
public final class EnginePolling {

  /** What a benchmark does with a session; every call comes on the loop thread. */
  public interface Handler {
    void onReady(EnginePolling c);

    /** A message packet's Primus value (JSON text), heartbeats excepted. */
    void onMessage(EnginePolling c, String json);

    void onClose(EnginePolling c, String why);
  }

  public static final char SEPARATOR = '\u001e';
  private static final String PING = "\"primus::ping::";
  private static final String PONG = "\"primus::pong::";

  private final ClientLoop loop;
  private final InetSocketAddress remote;
  private final String host;
  private final String path;
  private final String headers;
  private final Handler handler;
  private final Deque<String> outbox = new ArrayDeque<>();
  private HttpConn get;
  private HttpConn post;
  private boolean postConnected;
  private boolean postInFlight;
  private String sid;
  private boolean ready;
  private boolean closing;
  private boolean closed;
  public final int index;
  /** Free for the benchmark's own per-session state. */
  public Object attachment;

  /**
   * @param path where Engine.IO answers, e.g. {@code /primus/}
   * @param headers extra request header lines, each ending in CRLF (e.g. a cookie), or ""
   */
  public EnginePolling(ClientLoop loop, int index, String host, int port, String path, String headers, Handler handler) {
    this.loop = loop;
    this.index = index;
    this.remote = new InetSocketAddress(host, port);
    this.host = host + ":" + port;
    this.path = path;
    this.headers = headers;
    this.handler = handler;
  }

  public boolean isReady() {
    return ready && !closed;
  }

  public boolean isClosed() {
    return closed;
  }

  /** Whether {@link #close} was called (a session that ends after it ended as asked). */
  public boolean closing() {
    return closing;
  }

  public String sid() {
    return sid;
  }

  /** Starts the handshake. */
  public void connect() {
    get = new HttpConn(loop, index, new GetSide());
    get.connect(remote, null);
  }

  /** Sends one Primus value (JSON text) in a message packet. */
  public void send(String json) {
    queue("4" + json);
  }

  /** Sends the Engine.IO close packet; the session ends when the server has taken it. */
  public void close() {
    if (closed || closing) {
      return;
    }
    closing = true;
    if (sid == null) {
      abort("closed before the handshake");
      return;
    }
    queue("1");
  }

  /** Drops both connections without telling the server (it times the session out). */
  public void abort(String why) {
    if (closed) {
      return;
    }
    closed = true;
    if (get != null) {
      get.close();
    }
    if (post != null) {
      post.close();
    }
    handler.onClose(this, why);
  }

  private void queue(String packet) {
    if (closed) {
      return;
    }
    outbox.add(packet);
    pump();
  }

  private void pump() {
    if (closed || post == null || !postConnected || postInFlight || outbox.isEmpty()) {
      return;
    }
    StringBuilder payload = new StringBuilder();
    while (!outbox.isEmpty()) {
      if (payload.length() > 0) {
        payload.append(SEPARATOR);
      }
      payload.append(outbox.poll());
    }
    byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("POST " + query() + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers
                + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    postInFlight = true;
    post.sendRequest(request);
  }

  private String query() {
    return path + "?EIO=4&transport=polling" + (sid == null ? "" : "&sid=" + sid);
  }

  private void poll() {
    if (closed) {
      return;
    }
    get.sendRequest(
        ("GET " + query() + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
  }

  private void packets(String payload) {
    int from = 0;
    while (from <= payload.length() && !closed) {
      int sep = payload.indexOf(SEPARATOR, from);
      int to = sep < 0 ? payload.length() : sep;
      packet(payload.substring(from, to));
      from = to + 1;
    }
  }

  private void packet(String p) {
    if (p.isEmpty()) {
      return;
    }
    switch (p.charAt(0)) {
      case '2' -> queue("3" + p.substring(1));
      case '1' -> abort("close packet from server");
      case '4' -> {
        String json = p.substring(1);
        if (json.startsWith(PING)) {
          queue("4" + PONG + json.substring(PING.length()));
        } else if (!ready) {
          ready = true;
          handler.onReady(this);
        } else {
          handler.onMessage(this, json);
        }
      }
      default -> {} // 6 (noop) and anything else carry nothing for us
    }
  }

  /** The handshake, then the long-polls. */
  private final class GetSide implements HttpConn.Handler {
    @Override
    public void onConnected(HttpConn c) {
      poll();
    }

    @Override
    public void onResponse(HttpConn c, int status, byte[] buf, int off, int len) {
      String body = new String(buf, off, len, StandardCharsets.UTF_8);
      if (status != 200) {
        abort(closing ? "closed" : "poll answered " + status + ": " + body);
        return;
      }
      if (sid == null) {
        int at = body.indexOf("\"sid\":\"");
        if (!body.startsWith("0") || at < 0) {
          abort("bad handshake: " + body);
          return;
        }
        sid = body.substring(at + 7, body.indexOf('"', at + 7));
        post = new HttpConn(loop, index, new PostSide());
        post.connect(remote, null);
      } else {
        packets(body);
      }
      if (!closing) {
        poll();
      }
    }

    @Override
    public void onClose(HttpConn c, String why) {
      if (!closed) {
        abort(closing ? "closed" : "poll connection lost: " + why);
      }
    }
  }

  /** The posts; the close packet's answer ends the session. */
  private final class PostSide implements HttpConn.Handler {
    @Override
    public void onConnected(HttpConn c) {
      postConnected = true;
      pump();
    }

    @Override
    public void onResponse(HttpConn c, int status, byte[] buf, int off, int len) {
      postInFlight = false;
      if (status != 200) {
        abort("post answered " + status + ": " + new String(buf, off, len, StandardCharsets.UTF_8));
        return;
      }
      if (closing && outbox.isEmpty()) {
        abort("closed");
        return;
      }
      pump();
    }

    @Override
    public void onClose(HttpConn c, String why) {
      if (!closed) {
        abort("post connection lost: " + why);
      }
    }
  }
}
