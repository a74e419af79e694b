package org.actionhero4j.spi.support;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on whichever submitting thread finds it idle (a
 * trampoline). Never blocks a submitter: a task submitted while another thread drains is run by
 * that thread. A task submitted from inside a running task runs after it, never nested.
 */
public final class Trampoline implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(Trampoline.class);

  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    if (pending.getAndIncrement() != 0) {
      return;
    }
    do {
      Runnable next = tasks.poll();
      try {
        next.run();
      } catch (Throwable t) {
        LOG.warn("socket task failed", t);
      }
    } while (pending.decrementAndGet() != 0);
  }
}
