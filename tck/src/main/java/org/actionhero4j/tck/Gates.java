package org.actionhero4j.tck;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Latches by name that TCK actions wait on, so tests order completions without sleeping. */
public final class Gates {

  private static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();
  private static final Map<String, CountDownLatch> ENTERED = new ConcurrentHashMap<>();

  private Gates() {}

  static void enterAndWait(String name) throws InterruptedException {
    ENTERED.computeIfAbsent(name, n -> new CountDownLatch(1)).countDown();
    if (!GATES.computeIfAbsent(name, n -> new CountDownLatch(1)).await(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("gate " + name + " was never opened");
    }
  }

  /** Lets every action waiting on this gate finish. */
  public static void open(String name) {
    GATES.computeIfAbsent(name, n -> new CountDownLatch(1)).countDown();
  }

  /** Forgets every gate (opened or entered), for the next test. */
  static void reset() {
    GATES.values().forEach(CountDownLatch::countDown);
    GATES.clear();
    ENTERED.clear();
  }

  /** Waits until an action is waiting on this gate. */
  public static void awaitEntered(String name) throws InterruptedException {
    if (!ENTERED.computeIfAbsent(name, n -> new CountDownLatch(1)).await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("no action reached gate " + name);
    }
  }
}
