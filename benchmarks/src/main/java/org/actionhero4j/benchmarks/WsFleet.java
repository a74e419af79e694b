package org.actionhero4j.benchmarks;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.actionhero4j.benchmarks.client.ClientLoop;
import org.actionhero4j.benchmarks.client.WsConn;
import org.actionhero4j.benchmarks.client.WsProtocol;

/**
 * Many WebSockets speaking one {@link WsProtocol} over a few {@link ClientLoop}s, opened with a
 * bounded number of handshakes in flight, each bound to a local address from {@code 127.0.0.0/8}
 * when asked.
 */
public final class WsFleet implements WsConn.Handler {

  /** What the benchmark does with text frames; called on loop threads. */
  public interface Listener {
    default void onReady(WsConn c) {}

    void onText(WsConn c, byte[] buf, int off, int len);

    default void onClose(WsConn c, String why) {}
  }

  private final List<ClientLoop> loops = new ArrayList<>();
  private final List<WsConn> conns = new ArrayList<>();
  private final InetSocketAddress remote;
  private final String host;
  private final int port;
  private final String path;
  private final WsProtocol protocol;
  private final Listener listener;
  private final AtomicInteger ready = new AtomicInteger();
  private final AtomicInteger failedBeforeReady = new AtomicInteger();
  private final AtomicInteger closedAfterReady = new AtomicInteger();
  private final AtomicLong firstFailureLogged = new AtomicLong();
  private final Semaphore handshakes;
  private final int initialBuffer;

  public WsFleet(
      String host, int port, String path, WsProtocol protocol, int threads, int maxHandshakes, int initialBuffer,
      Listener listener) {
    this.host = host;
    this.port = port;
    this.path = path;
    this.protocol = protocol;
    this.remote = new InetSocketAddress(host, port);
    this.listener = listener;
    this.handshakes = new Semaphore(maxHandshakes);
    this.initialBuffer = initialBuffer;
    for (int i = 0; i < threads; i++) {
      loops.add(new ClientLoop("ws-client-" + i).start());
    }
  }

  /**
   * A fleet from the common options: {@code --host}, {@code --port}, {@code --protocol
   * actionhero|socketio} (default actionhero), {@code --path} (default the protocol's), {@code
   * --threads}.
   */
  public static WsFleet from(Args a, int maxHandshakes, int initialBuffer, Listener listener) {
    WsProtocol protocol = WsProtocol.named(a.get("protocol", "actionhero"));
    return new WsFleet(
        a.get("host", "127.0.0.1"),
        a.getInt("port", 8080),
        a.get("path", protocol.path()),
        protocol,
        a.getInt("threads", 1),
        maxHandshakes,
        initialBuffer,
        listener);
  }

  public WsProtocol protocol() {
    return protocol;
  }

  /**
   * Opens {@code count} sockets; socket i binds to local address {@code localIps[i / perIp]} when
   * {@code localIps} is not empty. Returns when every one is ready or failed, or at the deadline.
   */
  public void open(int count, List<String> localIps, int perIp, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    int base = conns.size();
    for (int i = 0; i < count; i++) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !handshakes.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        System.err.println("ramp: deadline reached after " + i + " of " + count + " sockets");
        break;
      }
      int index = base + i;
      ClientLoop loop = loops.get(index % loops.size());
      String localIp = localIps.isEmpty() ? null : localIps.get(Math.min(localIps.size() - 1, i / perIp));
      WsConn c = new WsConn(loop, index, host, port, path, protocol, this, initialBuffer);
      conns.add(c);
      loop.execute(() -> c.connect(remote, localIp));
    }
    // wait for the last handshakes
    while (ready.get() + failedBeforeReady.get() < conns.size() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  public List<WsConn> conns() {
    return conns;
  }

  public List<ClientLoop> loops() {
    return loops;
  }

  public int ready() {
    return ready.get();
  }

  public int failedBeforeReady() {
    return failedBeforeReady.get();
  }

  public int closedAfterReady() {
    return closedAfterReady.get();
  }

  /** How many sockets are ready and still open. */
  public int open() {
    return ready.get() - closedAfterReady.get();
  }

  /** Runs {@code task} on each loop and waits for all (bounded). */
  public void onEachLoop(java.util.function.Consumer<ClientLoop> task) throws InterruptedException {
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(loops.size());
    for (ClientLoop loop : loops) {
      loop.execute(
          () -> {
            try {
              task.accept(loop);
            } finally {
              done.countDown();
            }
          });
    }
    done.await(30, TimeUnit.SECONDS);
  }

  /** Sum of the protocol's heartbeats answered by every socket (read on the loops). */
  public long pingsAnswered() throws InterruptedException {
    AtomicLong sum = new AtomicLong();
    onEachLoop(
        loop -> {
          for (WsConn c : conns) {
            if (c.loopIs(loop)) {
              sum.addAndGet(c.pingsAnswered());
            }
          }
        });
    return sum.get();
  }

  public void close() {
    for (ClientLoop loop : loops) {
      loop.stop();
    }
  }

  // ------------------------------------------------------------------ WsConn.Handler

  @Override
  public void onReady(WsConn c) {
    ready.incrementAndGet();
    handshakes.release();
    listener.onReady(c);
  }

  @Override
  public void onText(WsConn c, byte[] buf, int off, int len) {
    listener.onText(c, buf, off, len);
  }

  @Override
  public void onClose(WsConn c, String why) {
    if (c.isReadyOnce()) {
      closedAfterReady.incrementAndGet();
    } else {
      failedBeforeReady.incrementAndGet();
      handshakes.release();
    }
    if (firstFailureLogged.getAndIncrement() < 3 && !"loop stopped".equals(why)) {
      System.err.println("socket " + c.index + " closed: " + why);
    }
    listener.onClose(c, why);
  }
}
