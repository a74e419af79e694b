package org.actionhero4j.benchmarks.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One selector thread driving many client connections. Everything a connection does happens on
 * this thread; other threads hand work over with {@link #execute}.
 */
public final class ClientLoop implements Runnable {

  private final Selector selector;
  private final Thread thread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  /** The connections still open (a closed one leaves, so churn does not pile them up). */
  private final Set<Conn> conns = new LinkedHashSet<>();
  private volatile boolean stopped;
  private int maskState;

  public ClientLoop(String name) {
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.thread = new Thread(this, name);
    this.thread.setDaemon(true);
    this.maskState = (int) System.nanoTime() | 1;
  }

  public ClientLoop start() {
    thread.start();
    return this;
  }

  public void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  Selector selector() {
    return selector;
  }

  void added(Conn c) {
    conns.add(c);
  }

  void removed(Conn c) {
    conns.remove(c);
  }

  /** A cheap pseudo-random mask key (xorshift); RFC 6455 wants it unpredictable to proxies only. */
  int nextMask() {
    int x = maskState;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    maskState = x;
    return x;
  }

  /** Stops the loop and closes every connection; waits up to 5 s. */
  public void stop() {
    stopped = true;
    selector.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void run() {
    try {
      while (!stopped) {
        selector.select(20);
        Runnable task;
        while ((task = tasks.poll()) != null) {
          runSafely(task);
        }
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
          SelectionKey key = it.next();
          it.remove();
          Conn c = (Conn) key.attachment();
          c.handle(key);
        }
      }
    } catch (IOException e) {
      System.err.println("client loop failed: " + e);
    } finally {
      for (Conn c : new ArrayList<>(conns)) {
        c.closeQuietly("loop stopped");
      }
      try {
        selector.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      System.err.println("client task failed: " + e);
      e.printStackTrace();
    }
  }
}
