package org.actionhero4j.benchmarks.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.actionhero4j.benchmarks.client.WsFrames;

/**
 * The generator's calibration target: a minimal NIO WebSocket server (one selector per core) that
 * answers what {@link BareProtocol} answers, and broadcasts by encoding the frame once and writing
 * the same bytes to every member from each member's own selector thread. What the generator
 * measures against it is the floor: the generator's own cost plus the least any server can do.
 *
 * <p>{@code java -cp ... SinkServer --port 8084}
 */
public final class SinkServer {

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC11B65";

  private final List<IoLoop> loops = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    int port = ServerArgs.port(args, 8084);
    int threads = Integer.parseInt(ServerArgs.option(args, "threads", String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors()))));
    new SinkServer().run(port, threads);
  }

  private void run(int port, int threads) throws IOException {
    for (int i = 0; i < threads; i++) {
      IoLoop loop = new IoLoop();
      loops.add(loop);
      Thread t = new Thread(loop, "sink-io-" + i);
      t.start();
    }
    ServerSocketChannel server = ServerSocketChannel.open();
    server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    server.bind(new InetSocketAddress("127.0.0.1", port), 1024);
    System.out.println("sink on 127.0.0.1:" + port + " (" + threads + " IO threads)");
    int next = 0;
    while (true) {
      SocketChannel ch = server.accept();
      ch.configureBlocking(false);
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      IoLoop loop = loops.get(next++ % loops.size());
      loop.tasks.add(() -> loop.register(ch));
      loop.selector.wakeup();
    }
  }

  /** Encodes a server text frame once per distinct text (the broadcast frame). */
  private ByteBuffer frameOnce(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer frame = ByteBuffer.allocate(WsFrames.headerSize(bytes.length, false) + bytes.length);
    WsFrames.write(frame, WsFrames.OP_TEXT, bytes, 0, bytes.length, false, 0);
    frame.flip();
    return frame;
  }

  private final class IoLoop implements Runnable {
    final Selector selector;
    final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    final List<Sock> members = new ArrayList<>();

    IoLoop() throws IOException {
      selector = Selector.open();
    }

    void register(SocketChannel ch) {
      try {
        Sock s = new Sock(this, ch);
        s.key = ch.register(selector, SelectionKey.OP_READ, s);
      } catch (IOException e) {
        close(ch);
      }
    }

    @Override
    public void run() {
      while (true) {
        try {
          selector.select();
          Runnable task;
          while ((task = tasks.poll()) != null) {
            task.run();
          }
          Iterator<SelectionKey> it = selector.selectedKeys().iterator();
          while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            Sock s = (Sock) key.attachment();
            try {
              if (key.isValid() && key.isWritable()) {
                s.flush();
              }
              if (key.isValid() && key.isReadable()) {
                s.read();
              }
            } catch (IOException | RuntimeException e) {
              s.close();
            }
          }
        } catch (IOException e) {
          System.err.println("sink loop: " + e);
        }
      }
    }
  }

  private final class Sock {
    final IoLoop loop;
    final SocketChannel ch;
    SelectionKey key;
    byte[] in = new byte[4096];
    int inLen;
    boolean upgraded;
    final Queue<ByteBuffer> out = new ArrayDeque<>();
    final WsFrames.Header header = new WsFrames.Header();

    Sock(IoLoop loop, SocketChannel ch) {
      this.loop = loop;
      this.ch = ch;
    }

    void read() throws IOException {
      if (inLen == in.length) {
        in = java.util.Arrays.copyOf(in, in.length * 2);
      }
      int n = ch.read(ByteBuffer.wrap(in, inLen, in.length - inLen));
      if (n < 0) {
        close();
        return;
      }
      inLen += n;
      int pos = 0;
      if (!upgraded) {
        int end = WsFrames.endOfHeaders(in, 0, inLen);
        if (end < 0) {
          return;
        }
        String request = new String(in, 0, end, StandardCharsets.ISO_8859_1);
        String key = null;
        for (String line : request.split("\r\n")) {
          if (line.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18)) {
            key = line.substring(18).trim();
          }
        }
        if (key == null) {
          close();
          return;
        }
        String accept;
        try {
          accept = Base64.getEncoder().encodeToString(
              MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
        write(ByteBuffer.wrap(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
            + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        write(frameOnce(BareProtocol.WELCOME));
        upgraded = true;
        pos = end;
      }
      while (WsFrames.parse(in, pos, inLen, 16 * 1024 * 1024, header)) {
        if (header.masked) {
          WsFrames.unmask(in, header.payloadOffset, header.payloadLength, header.maskKey);
        }
        if (header.opcode == WsFrames.OP_TEXT) {
          onText(new String(in, header.payloadOffset, header.payloadLength, StandardCharsets.UTF_8));
        } else if (header.opcode == WsFrames.OP_CLOSE) {
          close();
          return;
        }
        pos = header.end();
      }
      System.arraycopy(in, pos, in, 0, inLen - pos);
      inLen -= pos;
    }

    void onText(String text) {
      if (text.startsWith("\"primus::")) {
        return;
      }
      String id = BareProtocol.messageId(text);
      if (text.contains("\"event\":\"action\"")) {
        String message = BareProtocol.stringField(text, "message");
        write(frameOnce("{\"message\":\"" + message + "\",\"context\":\"response\",\"messageId\":" + id + "}"));
      } else if (text.contains("\"event\":\"roomAdd\"")) {
        loop.members.add(this);
        write(frameOnce("{\"status\":\"OK\",\"context\":\"response\",\"data\":true,\"messageId\":" + id + "}"));
      } else if (text.contains("\"event\":\"say\"")) {
        write(frameOnce("{\"status\":\"OK\",\"context\":\"response\",\"messageId\":" + id + "}"));
        String message = BareProtocol.stringField(text, "message");
        ByteBuffer frame = frameOnce("{\"message\":\"" + message + "\",\"room\":\"defaultRoom\",\"from\":\"sink\",\"context\":\"user\",\"sentAt\":"
            + System.currentTimeMillis() + "}");
        for (IoLoop l : loops) {
          Runnable fanOut = () -> {
            for (Sock m : l.members) {
              m.write(frame.duplicate());
            }
          };
          if (l == loop) {
            fanOut.run();
          } else {
            l.tasks.add(fanOut);
            l.selector.wakeup();
          }
        }
      }
    }

    void write(ByteBuffer buf) {
      if (!ch.isOpen()) {
        return;
      }
      try {
        if (out.isEmpty()) {
          ch.write(buf);
          if (!buf.hasRemaining()) {
            return;
          }
        }
        out.add(buf);
        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
      } catch (IOException e) {
        close();
      }
    }

    void flush() throws IOException {
      while (!out.isEmpty()) {
        ByteBuffer b = out.peek();
        ch.write(b);
        if (b.hasRemaining()) {
          return;
        }
        out.poll();
      }
      key.interestOps(SelectionKey.OP_READ);
    }

    void close() {
      loop.members.remove(this);
      SinkServer.close(ch);
    }
  }

  private static void close(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
