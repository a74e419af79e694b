package org.actionhero4j.benchmarks.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * RFC 6455 framing, just what a load generator and a sink server need: encode a text frame
 * (masked from a client, plain from a server), and parse one frame header out of a buffer.
 */
public final class WsFrames {

  public static final int OP_CONTINUATION = 0x0;
  public static final int OP_TEXT = 0x1;
  public static final int OP_BINARY = 0x2;
  public static final int OP_CLOSE = 0x8;
  public static final int OP_PING = 0x9;
  public static final int OP_PONG = 0xA;

  private WsFrames() {}

  /** Size of a frame header for a payload of {@code length} bytes. */
  public static int headerSize(int length, boolean masked) {
    int size = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    return masked ? size + 4 : size;
  }

  /**
   * Writes one final frame into {@code out}: opcode, payload from {@code payload[off, off+len)},
   * masked with {@code maskKey} when {@code masked} (a client must mask; a server must not).
   * {@code out} must have {@link #headerSize} + len bytes free.
   */
  public static void write(
      ByteBuffer out, int opcode, byte[] payload, int off, int len, boolean masked, int maskKey) {
    out.put((byte) (0x80 | opcode));
    int maskBit = masked ? 0x80 : 0;
    if (len < 126) {
      out.put((byte) (maskBit | len));
    } else if (len <= 0xFFFF) {
      out.put((byte) (maskBit | 126));
      out.putShort((short) len);
    } else {
      out.put((byte) (maskBit | 127));
      out.putLong(len);
    }
    if (!masked) {
      out.put(payload, off, len);
      return;
    }
    out.putInt(maskKey);
    byte m0 = (byte) (maskKey >>> 24);
    byte m1 = (byte) (maskKey >>> 16);
    byte m2 = (byte) (maskKey >>> 8);
    byte m3 = (byte) maskKey;
    int i = 0;
    for (; i + 4 <= len; i += 4) {
      out.put((byte) (payload[off + i] ^ m0));
      out.put((byte) (payload[off + i + 1] ^ m1));
      out.put((byte) (payload[off + i + 2] ^ m2));
      out.put((byte) (payload[off + i + 3] ^ m3));
    }
    for (; i < len; i++) {
      byte m = switch (i & 3) {
        case 0 -> m0;
        case 1 -> m1;
        case 2 -> m2;
        default -> m3;
      };
      out.put((byte) (payload[off + i] ^ m));
    }
  }

  /** A parsed frame header: where the payload lies in the buffer it was parsed from. */
  public static final class Header {
    public boolean fin;
    public int opcode;
    public boolean masked;
    public int maskKey;
    public int payloadOffset;
    public int payloadLength;

    /** Offset just past this frame. */
    public int end() {
      return payloadOffset + payloadLength;
    }
  }

  /**
   * Parses the frame that starts at {@code buf[pos]}, with {@code limit} the end of valid data.
   * Returns false when the whole frame (header and payload) is not there yet.
   *
   * @throws IllegalStateException on a frame larger than {@code maxPayload}
   */
  public static boolean parse(byte[] buf, int pos, int limit, int maxPayload, Header h) {
    if (limit - pos < 2) {
      return false;
    }
    int b0 = buf[pos] & 0xFF;
    int b1 = buf[pos + 1] & 0xFF;
    h.fin = (b0 & 0x80) != 0;
    h.opcode = b0 & 0x0F;
    h.masked = (b1 & 0x80) != 0;
    long len = b1 & 0x7F;
    int p = pos + 2;
    if (len == 126) {
      if (limit - p < 2) {
        return false;
      }
      len = ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF);
      p += 2;
    } else if (len == 127) {
      if (limit - p < 8) {
        return false;
      }
      len = 0;
      for (int i = 0; i < 8; i++) {
        len = (len << 8) | (buf[p + i] & 0xFF);
      }
      p += 8;
    }
    if (len > maxPayload) {
      throw new IllegalStateException("frame of " + len + " bytes exceeds " + maxPayload);
    }
    if (h.masked) {
      if (limit - p < 4) {
        return false;
      }
      h.maskKey =
          ((buf[p] & 0xFF) << 24) | ((buf[p + 1] & 0xFF) << 16) | ((buf[p + 2] & 0xFF) << 8) | (buf[p + 3] & 0xFF);
      p += 4;
    }
    if (limit - p < len) {
      return false;
    }
    h.payloadOffset = p;
    h.payloadLength = (int) len;
    return true;
  }

  /** Unmasks a payload in place (what a server does with a client's frame). */
  public static void unmask(byte[] buf, int off, int len, int maskKey) {
    for (int i = 0; i < len; i++) {
      buf[off + i] ^= (byte) (maskKey >>> (24 - 8 * (i & 3)));
    }
  }

  /** The upgrade request a client sends. */
  public static byte[] upgradeRequest(String host, int port, String pathAndQuery, byte[] key16) {
    return upgradeRequest(host, port, pathAndQuery, key16, "");
  }

  /** The upgrade request with {@code extraHeaders} (each line ending in CRLF, e.g. a cookie). */
  public static byte[] upgradeRequest(String host, int port, String pathAndQuery, byte[] key16, String extraHeaders) {
    String key = Base64.getEncoder().encodeToString(key16);
    String request =
        "GET " + pathAndQuery + " HTTP/1.1\r\n"
            + "Host: " + host + ":" + port + "\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: " + key + "\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + extraHeaders
            + "\r\n";
    return request.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Index just past the first {@code \r\n\r\n} in {@code buf[from, limit)}, or -1. */
  public static int endOfHeaders(byte[] buf, int from, int limit) {
    for (int i = Math.max(from, 3); i < limit; i++) {
      if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  // ------------------------------------------------------------------ tiny byte search helpers

  /** First index of {@code pattern} in {@code buf[from, limit)}, or -1. */
  public static int indexOf(byte[] buf, int from, int limit, byte[] pattern) {
    int last = limit - pattern.length;
    byte first = pattern[0];
    outer:
    for (int i = from; i <= last; i++) {
      if (buf[i] != first) {
        continue;
      }
      for (int j = 1; j < pattern.length; j++) {
        if (buf[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Last index of {@code pattern} in {@code buf[from, limit)}, or -1. */
  public static int lastIndexOf(byte[] buf, int from, int limit, byte[] pattern) {
    byte first = pattern[0];
    outer:
    for (int i = limit - pattern.length; i >= from; i--) {
      if (buf[i] != first) {
        continue;
      }
      for (int j = 1; j < pattern.length; j++) {
        if (buf[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Whether {@code buf[off..]} starts with {@code prefix}. */
  public static boolean startsWith(byte[] buf, int off, int limit, byte[] prefix) {
    if (limit - off < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buf[off + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Parses a non-negative decimal at {@code buf[off]}; -1 when there is no digit. */
  public static long parseLong(byte[] buf, int off, int limit) {
    long value = 0;
    int i = off;
    while (i < limit && buf[i] >= '0' && buf[i] <= '9') {
      value = value * 10 + (buf[i] - '0');
      i++;
    }
    return i == off ? -1 : value;
  }

  public static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
