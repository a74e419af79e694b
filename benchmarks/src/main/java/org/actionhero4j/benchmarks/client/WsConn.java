package org.actionhero4j.benchmarks.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client connection. Its {@link WsProtocol} takes every text frame first: it answers
 * the handshake and the heartbeats (Primus pings, Engine.IO pings) and says when the socket is
 * ready; the rest goes to the {@link Handler}. WebSocket pings are answered here.
 */
public final class WsConn extends Conn {

  /** What a benchmark does with a socket; every call comes on the loop thread. */
  public interface Handler {
    /** The protocol's handshake is over (e.g. the server's welcome arrived): the socket is ready. */
    void onReady(WsConn c);

    /** A text frame other than a heartbeat or handshake; {@code buf[off, off+len)} is only valid now. */
    void onText(WsConn c, byte[] buf, int off, int len);

    void onClose(WsConn c, String why);
  }

  private static final int MAX_FRAME = 64 * 1024 * 1024;

  private final Handler handler;
  private final WsProtocol protocol;
  private final String host;
  private final int port;
  private final String path;
  private final WsFrames.Header header = new WsFrames.Header();
  private boolean upgraded;
  private boolean ready;
  private int pingsAnswered;
  private byte[] fragments;
  private int fragmentsLen;
  public final int index;
  /** Free for the benchmark's own per-socket state. */
  public Object attachment;
  private String extraHeaders = "";

  public WsConn(
      ClientLoop loop, int index, String host, int port, String path, WsProtocol protocol, Handler handler, int initialBuffer) {
    super(loop, initialBuffer);
    this.index = index;
    this.handler = handler;
    this.protocol = protocol;
    this.host = host;
    this.port = port;
    this.path = path;
  }

  /** Header lines for the upgrade request (each ending in CRLF), e.g. a cookie; set before connecting. */
  public void upgradeHeaders(String lines) {
    this.extraHeaders = lines;
  }

  /** Sends a close frame with {@code code}; the server's close frame then closes the socket. */
  public void sendClose(int code) {
    if (isClosed()) {
      return;
    }
    byte[] payload = {(byte) (code >>> 8), (byte) code};
    ByteBuffer out = reserve(WsFrames.headerSize(payload.length, true) + payload.length);
    WsFrames.write(out, WsFrames.OP_CLOSE, payload, 0, payload.length, true, loop.nextMask());
    send();
  }

  public boolean isReady() {
    return ready && !isClosed();
  }

  /** Whether the socket was ever ready (even if closed since). */
  public boolean isReadyOnce() {
    return ready;
  }

  public boolean loopIs(ClientLoop l) {
    return loop == l;
  }

  public int pingsAnswered() {
    return pingsAnswered;
  }

  @Override
  protected void onConnected() {
    byte[] key = new byte[16];
    for (int i = 0; i < 16; i += 4) {
      int m = loop.nextMask();
      key[i] = (byte) m;
      key[i + 1] = (byte) (m >>> 8);
      key[i + 2] = (byte) (m >>> 16);
      key[i + 3] = (byte) (m >>> 24);
    }
    byte[] request = WsFrames.upgradeRequest(host, port, path, key, extraHeaders);
    reserve(request.length).put(request);
  }

  /** Sends one text frame (masked). */
  public void sendText(byte[] payload, int off, int len) {
    if (isClosed()) {
      return;
    }
    ByteBuffer out = reserve(WsFrames.headerSize(len, true) + len);
    WsFrames.write(out, WsFrames.OP_TEXT, payload, off, len, true, loop.nextMask());
    send();
  }

  public void sendText(byte[] payload) {
    sendText(payload, 0, payload.length);
  }

  @Override
  protected int onData(byte[] buf, int off, int limit) {
    int pos = off;
    if (!upgraded) {
      int end = WsFrames.endOfHeaders(buf, pos, limit);
      if (end < 0) {
        if (limit - off > 16 * 1024) {
          fail("upgrade response too large");
        }
        return 0;
      }
      String status = new String(buf, pos, Math.min(32, end - pos), StandardCharsets.ISO_8859_1);
      if (!status.startsWith("HTTP/1.1 101")) {
        fail("upgrade refused: " + status.split("\r\n")[0]);
        return end;
      }
      upgraded = true;
      pos = end;
    }
    while (pos < limit) {
      if (!WsFrames.parse(buf, pos, limit, MAX_FRAME, header)) {
        break;
      }
      int pOff = header.payloadOffset;
      int pLen = header.payloadLength;
      if (header.masked) {
        WsFrames.unmask(buf, pOff, pLen, header.maskKey);
      }
      pos = header.end();
      switch (header.opcode) {
        case WsFrames.OP_TEXT, WsFrames.OP_BINARY -> {
          if (header.fin) {
            text(buf, pOff, pLen);
          } else {
            fragmentsLen = 0;
            appendFragment(buf, pOff, pLen);
          }
        }
        case WsFrames.OP_CONTINUATION -> {
          appendFragment(buf, pOff, pLen);
          if (header.fin) {
            byte[] whole = fragments;
            int wholeLen = fragmentsLen;
            fragments = null;
            fragmentsLen = 0;
            text(whole, 0, wholeLen);
          }
        }
        case WsFrames.OP_PING -> {
          ByteBuffer out = reserve(WsFrames.headerSize(pLen, true) + pLen);
          WsFrames.write(out, WsFrames.OP_PONG, buf, pOff, pLen, true, loop.nextMask());
        }
        case WsFrames.OP_PONG -> {}
        case WsFrames.OP_CLOSE -> {
          int code = pLen >= 2 ? ((buf[pOff] & 0xff) << 8) | (buf[pOff + 1] & 0xff) : 1005;
          fail("close frame from server " + code);
          return pos - off;
        }
        default -> {
          fail("unexpected opcode " + header.opcode);
          return pos - off;
        }
      }
      if (isClosed()) {
        return pos - off;
      }
    }
    return pos - off;
  }

  private void appendFragment(byte[] buf, int off, int len) {
    if (fragments == null) {
      fragments = new byte[Math.max(256, len * 2)];
    } else if (fragments.length < fragmentsLen + len) {
      byte[] bigger = new byte[Math.max(fragments.length * 2, fragmentsLen + len)];
      System.arraycopy(fragments, 0, bigger, 0, fragmentsLen);
      fragments = bigger;
    }
    System.arraycopy(buf, off, fragments, fragmentsLen, len);
    fragmentsLen += len;
  }

  private void text(byte[] buf, int off, int len) {
    switch (protocol.onText(this, ready, buf, off, len)) {
      case HEARTBEAT -> pingsAnswered++;
      case CONTROL -> {}
      case READY -> {
        ready = true;
        handler.onReady(this);
      }
      case REFUSED -> fail("ended by the server: " + new String(buf, off, Math.min(len, 200), StandardCharsets.UTF_8));
      case MESSAGE -> handler.onText(this, buf, off, len);
    }
  }

  @Override
  protected void onClosed(String why) {
    handler.onClose(this, why);
  }
}
