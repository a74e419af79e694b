package org.actionhero4j.spi.support;

import java.util.concurrent.TimeUnit;

/** Counts work in progress (responses being written) so that a shutdown can wait for it. */
public final class InFlight {

  private int count;

  public synchronized void begin() {
    count++;
  }

  public synchronized void end() {
    if (--count <= 0) {
      count = 0;
      notifyAll();
    }
  }

  /** Waits until nothing is in flight or the time is up; true when nothing is left. */
  public synchronized boolean awaitZero(long nanos) {
    long deadline = System.nanoTime() + nanos;
    long left = nanos;
    while (count > 0 && left > 0) {
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      left = deadline - System.nanoTime();
    }
    return count == 0;
  }
}
