package org.actionhero4j.tck;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket client written byte by byte (RFC 6455), for frames no well-behaved client sends:
 * invalid UTF-8, reserved bits and opcodes, unmasked or fragmented control frames, lengths beyond
 * the limit. A reader thread drains what the server sends, so the server never sees a slow
 * consumer, and remembers only whether a text frame matching what the test waits for arrived.
 */
public final class RawWebSocket implements AutoCloseable {

  public static final int CONTINUATION = 0x0;
  public static final int TEXT = 0x1;
  public static final int BINARY = 0x2;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;
  public static final int PONG = 0xA;

  private final Socket socket;
  private final OutputStream out;
  private final Thread reader;
  private volatile boolean closed;
  private volatile Predicate<String> awaited;
  private volatile boolean matched;
  private volatile Predicate<String> flag = t -> false;
  private volatile String flagged;
  private volatile Predicate<String> counted = t -> false;
  private int count;

  private RawWebSocket(Socket socket, InputStream in) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.reader = new Thread(() -> read(new DataInputStream(in)), "raw-websocket-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens a socket to the app and completes the upgrade at {@code pathAndQuery}. */
  public static RawWebSocket open(TckApp app, String pathAndQuery) throws IOException {
    Socket socket = RawHttp.connect(app);
    try {
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String request =
          "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + app.port() + "\r\nUpgrade: websocket\r\n"
              + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
              + "Sec-WebSocket-Version: 13\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String status = headLine(in);
      if (!status.startsWith("HTTP/1.1 101")) {
        socket.setSoTimeout(1_000);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        try {
          for (int b = in.read(); b >= 0 && rest.size() < 600; b = in.read()) {
            rest.write(b);
          }
        } catch (IOException endOfWhatWasSent) {
          // what came is enough to say why
        }
        throw new IOException("upgrade to " + pathAndQuery + " refused: " + status + " "
            + rest.toString(StandardCharsets.ISO_8859_1).replace("\r\n", " | "));
      }
      while (!headLine(in).isEmpty()) {
        // the response headers
      }
      socket.setSoTimeout(0);
      return new RawWebSocket(socket, in);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static String headLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new EOFException("the connection closed during the upgrade");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * One frame as a client writes it: FIN and RSV bits, opcode, masked (or not) payload, and a
   * length field that says {@code declaredLength} (normally the payload's length).
   */
  public static byte[] frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload, long declaredLength) {
    ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
    f.write((fin ? 0x80 : 0) | (rsv & 0x7) << 4 | (opcode & 0xF));
    int maskBit = masked ? 0x80 : 0;
    if (declaredLength < 126) {
      f.write(maskBit | (int) declaredLength);
    } else if (declaredLength <= 0xFFFF) {
      f.write(maskBit | 126);
      f.write((int) (declaredLength >>> 8));
      f.write((int) declaredLength);
    } else {
      f.write(maskBit | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        f.write((int) (declaredLength >>> shift));
      }
    }
    if (!masked) {
      f.writeBytes(payload);
      return f.toByteArray();
    }
    byte[] key = new byte[4];
    ThreadLocalRandom.current().nextBytes(key);
    f.writeBytes(key);
    for (int i = 0; i < payload.length; i++) {
      f.write(payload[i] ^ key[i & 3]);
    }
    return f.toByteArray();
  }

  /** A well-formed, final, masked frame. */
  public static byte[] frame(int opcode, byte[] payload) {
    return frame(true, 0, opcode, true, payload, payload.length);
  }

  /** A well-formed text frame holding {@code text} in UTF-8. */
  public static byte[] text(String text) {
    return frame(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes as they are. */
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /**
   * Stops writing (a TCP half-close): a server waiting for more of a frame reads the end instead.
   * Nothing to do when the connection is already closed.
   */
  public void shutdownOutput() {
    try {
      socket.shutdownOutput();
    } catch (IOException alreadyClosed) {
      // the server closed first
    }
  }

  /** Remembers the first text frame from now on that matches (see {@link #flagged}). */
  public void flag(Predicate<String> match) {
    flag = match;
  }

  /** The first text frame that matched {@link #flag}, if any did. */
  public String flagged() {
    return flagged;
  }

  /** Counts the text frames from now on that match (see {@link #awaitCount}). */
  public void count(Predicate<String> match) {
    counted = match;
  }

  /**
   * Waits until {@code n} text frames have matched {@link #count}, or the server has closed the
   * connection; false when neither happens within {@code timeoutMillis}.
   */
  public synchronized boolean awaitCount(int n, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (count < n && !closed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** How many text frames have matched {@link #count} so far. */
  public synchronized int counted() {
    return count;
  }

  /** Whether the server has closed the connection (a close frame, or the end of the stream). */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Writes a text frame, then waits until a text frame from the server matches or the server closes
   * the connection (or resets it while the frame is written); true when it matched.
   *
   * @throws AssertionError when neither happens within {@code timeoutMillis}
   */
  public boolean writeAndAwait(byte[] frame, Predicate<String> match, long timeoutMillis)
      throws IOException, InterruptedException {
    synchronized (this) {
      matched = false;
      awaited = match;
    }
    try {
      write(frame);
    } catch (IOException closedByTheServer) {
      // a reset: the server has closed the connection, which the reader may not have seen yet
      close();
      return false;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (this) {
      while (!matched && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("the server neither answered nor closed within " + timeoutMillis + " ms");
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      awaited = null;
      return matched;
    }
  }

  /** Waits until the server has closed the connection; false when it has not within the time. */
  public synchronized boolean awaitClosed(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (!closed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private void read(DataInputStream in) {
    try {
      while (true) {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long length = b1 & 0x7F;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        if ((b1 & 0x80) != 0) {
          in.readInt();
        }
        int opcode = b0 & 0xF;
        if (opcode == CLOSE) {
          break;
        }
        if (length > Integer.MAX_VALUE - 8) {
          break;
        }
        if (opcode == TEXT || opcode == CONTINUATION) {
          byte[] payload = in.readNBytes((int) length);
          if (payload.length < length) {
            break;
          }
          String text = new String(payload, StandardCharsets.UTF_8);
          if (flagged == null && flag.test(text)) {
            flagged = text;
          }
          if (counted.test(text)) {
            synchronized (this) {
              count++;
              notifyAll();
            }
          }
          Predicate<String> match = awaited;
          if (match != null && match.test(text)) {
            synchronized (this) {
              matched = true;
              notifyAll();
            }
          }
        } else {
          in.skipNBytes(length);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the connection ended
    } finally {
      synchronized (this) {
        closed = true;
        notifyAll();
      }
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** Drops the connection (no close handshake). */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
