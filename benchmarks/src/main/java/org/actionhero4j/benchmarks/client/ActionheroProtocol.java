package org.actionhero4j.benchmarks.client;

/**
 * Actionhero over Primus framing, at {@code /primus}: the first text frame (the welcome) makes a
 * socket ready; {@code "primus::ping::N"} is answered with {@code "primus::pong::N"}. Requests
 * carry a {@code messageId} and their replies echo it: the {@code echo} action, {@code roomAdd},
 * {@code say}; a room's broadcast is a frame with {@code "context":"user"}.
 */
public final class ActionheroProtocol implements WsProtocol {

  private static final byte[] PING_PREFIX = WsFrames.ascii("\"primus::ping::");
  private static final byte[] PONG_PREFIX = WsFrames.ascii("\"primus::pong::");
  private static final byte[] MESSAGE_ID = WsFrames.ascii("\"messageId\":");
  private static final byte[] USER = WsFrames.ascii("\"context\":\"user\"");

  @Override
  public String name() {
    return "actionhero";
  }

  @Override
  public String path() {
    return "/primus";
  }

  @Override
  public Frame onText(WsConn c, boolean ready, byte[] buf, int off, int len) {
    if (WsFrames.startsWith(buf, off, off + len, PING_PREFIX)) {
      int digits = len - PING_PREFIX.length; // includes the closing quote
      byte[] pong = new byte[PONG_PREFIX.length + digits];
      System.arraycopy(PONG_PREFIX, 0, pong, 0, PONG_PREFIX.length);
      System.arraycopy(buf, off + PING_PREFIX.length, pong, PONG_PREFIX.length, digits);
      c.sendText(pong);
      return Frame.HEARTBEAT;
    }
    return ready ? Frame.MESSAGE : Frame.READY;
  }

  @Override
  public Template echo(String message) {
    return new Template(
        "{\"event\":\"action\",\"params\":{\"action\":\"echo\",\"message\":\"" + message + "\"},\"messageId\":", "}");
  }

  @Override
  public Template join(String room) {
    return new Template("{\"event\":\"roomAdd\",\"room\":\"" + room + "\",\"messageId\":", "}");
  }

  @Override
  public byte[] say(String room, String message, long id) {
    return WsFrames.ascii("{\"event\":\"say\",\"room\":\"" + room + "\",\"message\":\"" + message + "\",\"messageId\":" + id + "}");
  }

  @Override
  public long replyId(byte[] buf, int off, int len) {
    int end = off + len;
    int at = WsFrames.lastIndexOf(buf, off, end, MESSAGE_ID);
    return at < 0 ? -1 : WsFrames.parseLong(buf, at + MESSAGE_ID.length, end);
  }

  @Override
  public long broadcastRound(byte[] buf, int off, int len) {
    long r = WsProtocol.round(buf, off, len);
    return r >= 0 && WsFrames.indexOf(buf, off, off + len, USER) >= 0 ? r : -1;
  }
}
