package org.actionhero4j.benchmarks.client;

/**
 * An HTTP/1.1 keep-alive client connection: one request at a time, responses framed by
 * {@code Content-Length} or chunked encoding.
 */
public final class HttpConn extends Conn {

  /** Every call comes on the loop thread. */
  public interface Handler {
    void onConnected(HttpConn c);

    /** One whole response; {@code body} is {@code buf[off, off+len)} and only valid now. */
    void onResponse(HttpConn c, int status, byte[] buf, int off, int len);

    void onClose(HttpConn c, String why);
  }

  private static final byte[] CONTENT_LENGTH = WsFrames.ascii("content-length:");
  private static final byte[] CHUNKED = WsFrames.ascii("chunked");

  private final Handler handler;
  public final int index;
  public Object attachment;

  public HttpConn(ClientLoop loop, int index, Handler handler) {
    super(loop, 4096);
    this.index = index;
    this.handler = handler;
  }

  public void sendRequest(byte[] request) {
    reserve(request.length).put(request);
    send();
  }

  @Override
  protected void onConnected() {
    handler.onConnected(this);
  }

  @Override
  protected int onData(byte[] buf, int off, int limit) {
    int pos = off;
    while (pos < limit && !isClosed()) {
      int used = oneResponse(buf, pos, limit);
      if (used == 0) {
        break;
      }
      pos += used;
    }
    return pos - off;
  }

  /** Bytes used by one complete response at {@code pos}, or 0 if it is not complete. */
  private int oneResponse(byte[] buf, int pos, int limit) {
    int end = WsFrames.endOfHeaders(buf, pos, limit);
    if (end < 0) {
      return 0;
    }
    int status = (int) WsFrames.parseLong(buf, pos + 9, end);
    long contentLength = -1;
    boolean chunked = false;
    int lineStart = pos;
    for (int i = pos; i < end - 1; i++) {
      if (buf[i] == '\r' && buf[i + 1] == '\n') {
        int lineEnd = i;
        if (lineMatches(buf, lineStart, lineEnd, CONTENT_LENGTH)) {
          int v = lineStart + CONTENT_LENGTH.length;
          while (v < lineEnd && buf[v] == ' ') {
            v++;
          }
          contentLength = WsFrames.parseLong(buf, v, lineEnd);
        } else if (lineMatches(buf, lineStart, lineEnd, WsFrames.ascii("transfer-encoding:"))
            && WsFrames.indexOf(buf, lineStart, lineEnd, CHUNKED) >= 0) {
          chunked = true;
        }
        lineStart = i + 2;
      }
    }
    if (chunked) {
      // body: <hex>\r\n<data>\r\n ... 0\r\n\r\n ; the data is not copied out (only its size matters)
      int p = end;
      int bodyStart = end;
      while (true) {
        int crlf = indexOfCrlf(buf, p, limit);
        if (crlf < 0) {
          return 0;
        }
        long size = parseHex(buf, p, crlf);
        if (size < 0) {
          fail("bad chunk size");
          return limit - pos;
        }
        p = crlf + 2;
        if (size == 0) {
          // trailers end with an empty line
          int t = indexOfCrlf(buf, p, limit);
          while (t >= 0 && t != p) {
            p = t + 2;
            t = indexOfCrlf(buf, p, limit);
          }
          if (t < 0) {
            return 0;
          }
          p = t + 2;
          handler.onResponse(this, status, buf, bodyStart, 0);
          return p - pos;
        }
        if (limit - p < size + 2) {
          return 0;
        }
        p += (int) size + 2;
      }
    }
    long length = Math.max(0, contentLength);
    if (limit - end < length) {
      return 0;
    }
    handler.onResponse(this, status, buf, end, (int) length);
    return (int) (end + length - pos);
  }

  private static boolean lineMatches(byte[] buf, int from, int to, byte[] lowerName) {
    if (to - from < lowerName.length) {
      return false;
    }
    for (int i = 0; i < lowerName.length; i++) {
      int b = buf[from + i];
      if (b >= 'A' && b <= 'Z') {
        b += 32;
      }
      if (b != lowerName[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOfCrlf(byte[] buf, int from, int limit) {
    for (int i = from; i < limit - 1; i++) {
      if (buf[i] == '\r' && buf[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static long parseHex(byte[] buf, int from, int to) {
    long v = 0;
    int i = from;
    for (; i < to; i++) {
      int b = buf[i];
      int d;
      if (b >= '0' && b <= '9') {
        d = b - '0';
      } else if (b >= 'a' && b <= 'f') {
        d = b - 'a' + 10;
      } else if (b >= 'A' && b <= 'F') {
        d = b - 'A' + 10;
      } else {
        break; // chunk extensions
      }
      v = v * 16 + d;
    }
    return i == from ? -1 : v;
  }

  @Override
  protected void onClosed(String why) {
    handler.onClose(this, why);
  }
}
