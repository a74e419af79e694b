package org.actionhero4j.benchmarks.client;

import java.nio.charset.StandardCharsets;

/**
 * What the generator speaks over a WebSocket, in two layers. The connection layer ({@link #onText})
 * takes the handshake and the heartbeats and says when a socket is ready; {@link WsConn} hands it
 * every text frame. The message layer builds the benchmarks' requests (an echo, a room join, a
 * say to the room) and reads the replies and the room's broadcasts, so that {@code rpc}, {@code
 * broadcast} and {@code idle} run the same way against every server.
 *
 * <p>{@link ActionheroProtocol} (Primus framing, {@code /primus}) and {@link SocketIoProtocol}
 * (Socket.IO over Engine.IO 4, {@code /socket.io/?EIO=4&transport=websocket}).
 */
public interface WsProtocol {

  /** What a text frame was to the connection layer. */
  enum Frame {
    /** A heartbeat, answered. */
    HEARTBEAT,
    /** Part of the handshake, handled. */
    CONTROL,
    /** The handshake is over: the socket is ready. */
    READY,
    /** The server refused or ended the session. */
    REFUSED,
    /** Anything else: for the benchmark. */
    MESSAGE
  }

  /** A request with its id spliced in: {@code before + id + after}, built once per message text. */
  record Template(byte[] before, byte[] after) {

    Template(String before, String after) {
      this(before.getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] with(long id) {
      byte[] digits = Long.toString(id).getBytes(StandardCharsets.ISO_8859_1);
      byte[] frame = new byte[before.length + digits.length + after.length];
      System.arraycopy(before, 0, frame, 0, before.length);
      System.arraycopy(digits, 0, frame, before.length, digits.length);
      System.arraycopy(after, 0, frame, before.length + digits.length, after.length);
      return frame;
    }
  }

  byte[] ERROR = WsFrames.ascii("\"error\"");
  byte[] OK = WsFrames.ascii("\"status\":\"OK\"");
  byte[] ROUND = WsFrames.ascii("\"message\":\"round-");

  /** {@code actionhero} (the default) or {@code socketio}. */
  static WsProtocol named(String name) {
    return switch (name) {
      case "actionhero", "primus" -> new ActionheroProtocol();
      case "socketio", "socket.io" -> new SocketIoProtocol();
      default -> throw new IllegalArgumentException("unknown protocol " + name + " (actionhero|socketio)");
    };
  }

  String name();

  /** The upgrade path and query. */
  String path();

  /**
   * The connection layer: one text frame {@code buf[off, off+len)} on {@code c}, which is {@code
   * ready} or not yet. Heartbeats and handshake steps are answered here, through {@link
   * WsConn#sendText}.
   */
  Frame onText(WsConn c, boolean ready, byte[] buf, int off, int len);

  /** An echo request of {@code message} with a request id. */
  Template echo(String message);

  /** A request to join {@code room}, with a request id. */
  Template join(String room);

  /** Socket 0's request that {@code room} get {@code message}, with request id {@code id}. */
  byte[] say(String room, String message, long id);

  /** The request id this frame answers, or -1 if it answers none. */
  long replyId(byte[] buf, int off, int len);

  /** The round number of a room broadcast {@code "round-N"}, or -1 if the frame is not one. */
  long broadcastRound(byte[] buf, int off, int len);

  /** Whether a reply is an error. */
  default boolean isError(byte[] buf, int off, int len) {
    return WsFrames.indexOf(buf, off, off + len, ERROR) >= 0;
  }

  /** Whether a reply says OK. */
  default boolean isOk(byte[] buf, int off, int len) {
    return WsFrames.indexOf(buf, off, off + len, OK) >= 0;
  }

  /** The N of {@code "message":"round-N"} in the frame, or -1. */
  static long round(byte[] buf, int off, int len) {
    int end = off + len;
    int mark = WsFrames.indexOf(buf, off, end, ROUND);
    return mark < 0 ? -1 : WsFrames.parseLong(buf, mark + ROUND.length, end);
  }
}
