package org.actionhero4j.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where actions, verbs and middleware run: virtual threads when the JVM has them (Java 21+), else a
 * bounded pool. IO threads only hand work over.
 */
public final class WorkerPool {

  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  private WorkerPool() {}

  /** A new executor; {@code poolSize} applies only without virtual threads. */
  public static ExecutorService create(int poolSize) {
    ExecutorService virtual = virtualThreadExecutor();
    if (virtual != null) {
      log.debug("actions run on virtual threads");
      return virtual;
    }
    log.debug("actions run on a pool of {} threads", poolSize);
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "actionhero-worker-" + counter.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            poolSize, poolSize, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Whether {@link #create} gives virtual threads on this JVM. */
  public static boolean virtualThreadsAvailable() {
    return virtualFactoryMethod() != null;
  }

  private static ExecutorService virtualThreadExecutor() {
    Method method = virtualFactoryMethod();
    if (method == null) {
      return null;
    }
    try {
      return (ExecutorService) method.invoke(null);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  private static Method virtualFactoryMethod() {
    try {
      return java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
