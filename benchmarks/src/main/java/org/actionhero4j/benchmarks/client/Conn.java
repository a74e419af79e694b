package org.actionhero4j.benchmarks.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A non-blocking client TCP connection owned by one {@link ClientLoop}: an input byte array that
 * grows as needed, an output buffer flushed at the end of each read round (so replies sent while
 * handling one read go out in one write).
 */
public abstract class Conn {

  private static final int MAX_BUFFER = 64 * 1024 * 1024;

  protected final ClientLoop loop;
  protected SocketChannel channel;
  protected SelectionKey key;

  protected byte[] in;
  protected int inLen;
  protected ByteBuffer out;
  private boolean inRead;
  private boolean closed;
  private boolean readPaused;
  private int receiveBuffer;

  protected Conn(ClientLoop loop, int initialBuffer) {
    this.loop = loop;
    this.in = new byte[initialBuffer];
    this.out = ByteBuffer.allocate(initialBuffer);
  }

  /** Starts connecting (call on the loop thread, or through {@link ClientLoop#execute}). */
  public void connect(InetSocketAddress remote, String localIp) {
    try {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      if (receiveBuffer > 0) {
        channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
      }
      if (localIp != null) {
        channel.bind(new InetSocketAddress(localIp, 0));
      }
      loop.added(this);
      if (channel.connect(remote)) {
        key = channel.register(loop.selector(), SelectionKey.OP_READ, this);
        onConnected();
      } else {
        key = channel.register(loop.selector(), SelectionKey.OP_CONNECT, this);
      }
    } catch (IOException | RuntimeException e) {
      fail("connect: " + e);
    }
  }

  /** A small receive buffer (set before {@link #connect}) makes a reader that stops reading felt sooner. */
  public void receiveBuffer(int bytes) {
    this.receiveBuffer = bytes;
  }

  /**
   * Stops or resumes reading (on the loop thread): a paused connection leaves what the server sends
   * in the kernel's buffers, as a slow client would.
   */
  public void pauseReading(boolean paused) {
    readPaused = paused;
    updateInterest();
  }

  public boolean readPaused() {
    return readPaused;
  }

  /** Runs {@code task} on this connection's loop. */
  public void loopExecute(Runnable task) {
    loop.execute(task);
  }

  public boolean isClosed() {
    return closed;
  }

  final void handle(SelectionKey k) {
    try {
      if (!k.isValid()) {
        fail("key cancelled");
        return;
      }
      if (k.isConnectable()) {
        if (channel.finishConnect()) {
          k.interestOps(readPaused ? 0 : SelectionKey.OP_READ);
          onConnected();
          flush();
        }
        return;
      }
      if (k.isWritable()) {
        flush();
      }
      if (k.isReadable() && !readPaused) {
        read();
      }
    } catch (IOException | RuntimeException e) {
      fail(e.toString());
    }
  }

  private void read() throws IOException {
    inRead = true;
    try {
      while (true) {
        if (inLen == in.length) {
          grow(in.length * 2);
        }
        int n = channel.read(ByteBuffer.wrap(in, inLen, in.length - inLen));
        if (n < 0) {
          fail("closed by peer");
          return;
        }
        if (n == 0) {
          break;
        }
        inLen += n;
        int consumed = onData(in, 0, inLen);
        if (closed) {
          return;
        }
        if (consumed > 0) {
          System.arraycopy(in, consumed, in, 0, inLen - consumed);
          inLen -= consumed;
        }
        if (inLen < in.length) {
          break; // the socket had less than we could take: it is drained
        }
      }
    } finally {
      inRead = false;
    }
    flush();
  }

  private void grow(int size) {
    if (size > MAX_BUFFER) {
      throw new IllegalStateException("message larger than " + MAX_BUFFER);
    }
    byte[] bigger = new byte[size];
    System.arraycopy(in, 0, bigger, 0, inLen);
    in = bigger;
  }

  /** Room for {@code bytes} more in the output buffer. */
  protected final ByteBuffer reserve(int bytes) {
    if (out.remaining() < bytes) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
      out.flip();
      bigger.put(out);
      out = bigger;
    }
    return out;
  }

  /** Writes what is buffered unless a read round is in progress (it flushes at its end). */
  protected final void send() {
    if (!inRead) {
      try {
        flush();
      } catch (IOException e) {
        fail(e.toString());
      }
    }
  }

  private void flush() throws IOException {
    if (closed || out.position() == 0 || !channel.isConnected()) {
      return;
    }
    out.flip();
    channel.write(out);
    out.compact();
    updateInterest();
  }

  private void updateInterest() {
    if (key != null && key.isValid() && channel.isConnected()) {
      int ops = (readPaused ? 0 : SelectionKey.OP_READ) | (out.position() > 0 ? SelectionKey.OP_WRITE : 0);
      if (key.interestOps() != ops) {
        key.interestOps(ops);
      }
    }
  }

  protected final void fail(String why) {
    if (closed) {
      return;
    }
    closeQuietly(why);
  }

  final void closeQuietly(String why) {
    if (closed) {
      return;
    }
    closed = true;
    loop.removed(this);
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // closing anyway
    }
    onClosed(why);
  }

  /** Closes this connection (from the loop thread). */
  public void close() {
    closeQuietly("closed by client");
  }

  protected abstract void onConnected() throws IOException;

  /** Handles bytes {@code buf[off, limit)}; returns how many were consumed. */
  protected abstract int onData(byte[] buf, int off, int limit) throws IOException;

  protected abstract void onClosed(String why);
}
