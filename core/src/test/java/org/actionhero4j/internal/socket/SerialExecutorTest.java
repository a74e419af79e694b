package org.actionhero4j.internal.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

  @Test
  void anIdleExecutorRunsTheTaskOnTheCallingThread() {
    List<Runnable> pool = new ArrayList<>();
    SerialExecutor mailbox = new SerialExecutor(pool::add);
    Thread[] ranOn = new Thread[1];
    assertTrue(mailbox.runHereIfIdle(() -> ranOn[0] = Thread.currentThread()));
    assertEquals(Thread.currentThread(), ranOn[0]);
    assertTrue(pool.isEmpty(), "nothing went to the pool");
  }

  @Test
  void aQueuedTaskKeepsItsTurn() {
    List<Runnable> pool = new ArrayList<>();
    SerialExecutor mailbox = new SerialExecutor(pool::add);
    List<String> order = new ArrayList<>();
    mailbox.execute(() -> order.add("queued"));
    assertFalse(mailbox.runHereIfIdle(() -> order.add("inline")), "a task waits: run nothing here");
    assertTrue(order.isEmpty());
    pool.remove(0).run();
    assertEquals(List.of("queued"), order);
  }

  @Test
  void tasksSubmittedWhileTheInlineTaskRunsWaitForItAndThenRun() {
    List<Runnable> pool = new ArrayList<>();
    SerialExecutor mailbox = new SerialExecutor(pool::add);
    List<String> order = new ArrayList<>();
    assertTrue(mailbox.runHereIfIdle(() -> {
      mailbox.execute(() -> order.add("later"));
      assertTrue(pool.isEmpty(), "the later task does not start while the inline one runs");
      order.add("inline");
    }));
    assertEquals(1, pool.size(), "the later task is scheduled once the inline one is done");
    pool.remove(0).run();
    assertEquals(List.of("inline", "later"), order);
  }

  @Test
  void inlineAndQueuedTasksNeverOverlap() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      SerialExecutor mailbox = new SerialExecutor(pool);
      int[] running = {0};
      ConcurrentLinkedQueue<String> overlaps = new ConcurrentLinkedQueue<>();
      Runnable task = () -> {
        if (++running[0] != 1) {
          overlaps.add("overlap");
        }
        Thread.onSpinWait();
        running[0]--;
      };
      int n = 20_000;
      CountDownLatch done = new CountDownLatch(2 * n);
      Runnable counted = () -> {
        task.run();
        done.countDown();
      };
      Thread inline = new Thread(() -> {
        for (int i = 0; i < n; i++) {
          if (!mailbox.runHereIfIdle(counted)) {
            mailbox.execute(counted);
          }
        }
      });
      inline.start();
      for (int i = 0; i < n; i++) {
        mailbox.execute(counted);
      }
      inline.join();
      assertTrue(done.await(30, TimeUnit.SECONDS), "every task ran");
      assertTrue(overlaps.isEmpty(), overlaps.size() + " overlaps");
    } finally {
      pool.shutdownNow();
    }
  }
}
