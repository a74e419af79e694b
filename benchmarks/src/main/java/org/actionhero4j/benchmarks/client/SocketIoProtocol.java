package org.actionhero4j.benchmarks.client;

/**
 * Socket.IO 4 over an Engine.IO 4 WebSocket, at {@code /socket.io/?EIO=4&transport=websocket}.
 * Each Engine.IO packet is one text frame (no payload concatenation on this transport). The server
 * opens with {@code 0{"sid":...}}; the client connects to the main namespace with {@code 40} and is
 * ready at {@code 40{"sid":...}}. The server pings ({@code 2}), the client pongs ({@code 3}).
 * Requests are events with an ack id, {@code 42<id>["echo",{"message":m}]}, answered by {@code
 * 43<id>[...]}; {@code join} and {@code say} likewise; a room's broadcast is {@code
 * 42["say",{"message":m,...}]}. {@code 41} (namespace disconnect), {@code 44} (connect error) and
 * {@code 1} (Engine.IO close) end the socket.
 */
public final class SocketIoProtocol implements WsProtocol {

  private static final byte[] CONNECT = WsFrames.ascii("40");
  private static final byte[] PONG = WsFrames.ascii("3");
  private static final byte[] SAY_EVENT = WsFrames.ascii("42[\"say\",");

  @Override
  public String name() {
    return "socketio";
  }

  @Override
  public String path() {
    return "/socket.io/?EIO=4&transport=websocket";
  }

  @Override
  public Frame onText(WsConn c, boolean ready, byte[] buf, int off, int len) {
    if (len == 0) {
      return Frame.CONTROL;
    }
    switch (buf[off]) {
      case '0' -> { // Engine.IO open: connect to the main namespace
        c.sendText(CONNECT);
        return Frame.CONTROL;
      }
      case '2' -> { // Engine.IO ping
        c.sendText(PONG);
        return Frame.HEARTBEAT;
      }
      case '1' -> {
        return Frame.REFUSED;
      }
      case '4' -> {
        byte type = len > 1 ? buf[off + 1] : 0;
        if (type == '0') {
          return ready ? Frame.CONTROL : Frame.READY;
        }
        if (type == '1' || type == '4') {
          return Frame.REFUSED;
        }
        return ready ? Frame.MESSAGE : Frame.CONTROL;
      }
      default -> {
        return Frame.CONTROL; // 6 (noop) and anything else Engine.IO may add
      }
    }
  }

  @Override
  public Template echo(String message) {
    return new Template("42", "[\"echo\",{\"message\":\"" + message + "\"}]");
  }

  @Override
  public Template join(String room) {
    return new Template("42", "[\"join\",\"" + room + "\"]");
  }

  @Override
  public byte[] say(String room, String message, long id) {
    return WsFrames.ascii("42" + id + "[\"say\",{\"room\":\"" + room + "\",\"message\":\"" + message + "\"}]");
  }

  @Override
  public long replyId(byte[] buf, int off, int len) {
    if (len < 3 || buf[off] != '4' || buf[off + 1] != '3') {
      return -1;
    }
    return WsFrames.parseLong(buf, off + 2, off + len);
  }

  @Override
  public long broadcastRound(byte[] buf, int off, int len) {
    return WsFrames.startsWith(buf, off, off + len, SAY_EVENT) ? WsProtocol.round(buf, off, len) : -1;
  }
}
