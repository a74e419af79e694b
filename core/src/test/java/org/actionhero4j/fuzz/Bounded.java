package org.actionhero4j.fuzz;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Runs one fuzz try (a batch of inputs) on a worker thread with a deadline: a decoder that hangs
 * fails the try, naming the input it was on, instead of hanging the build. The worker is reused
 * between tries, so a try costs a hand-off, not a thread; one that timed out leaves its thread
 * behind and the next try gets a fresh one.
 */
public final class Bounded {

  /** The longest one try may take. Generous: a 2-core machine is shared by the whole build. */
  public static final long DEADLINE_MILLIS = 10_000;

  private static ExecutorService worker = newWorker();
  private static volatile Object current;

  private Bounded() {}

  /** A decoder call that may throw. */
  @FunctionalInterface
  public interface Decoder<T, R> {
    R decode(T input) throws Exception;
  }

  /** What must hold of a decoded value. */
  @FunctionalInterface
  public interface Check<T, R> {
    void check(T input, R output) throws Exception;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread t = new Thread(task, "fuzz-try");
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Decodes each input and checks its value; an exception {@code expected} accepts is the
   * decoder's own answer and is not checked further.
   *
   * @throws AssertionError on a hang, an error, an exception {@code expected} does not accept, or
   *     a failed check, naming the input
   */
  public static synchronized <T, R> void each(
      List<T> inputs, Predicate<Throwable> expected, Decoder<T, R> decoder, Check<T, R> check) {
    Future<?> future =
        worker.submit(
            () -> {
              for (T input : inputs) {
                current = input;
                R output;
                try {
                  output = decoder.decode(input);
                } catch (Exception e) {
                  if (expected.test(e)) {
                    continue;
                  }
                  throw new AssertionError("unexpected " + e + " for " + describe(input), e);
                } catch (StackOverflowError | OutOfMemoryError e) {
                  throw new AssertionError(e + " for " + describe(input), e);
                }
                try {
                  check.check(input, output);
                } catch (Exception e) {
                  throw new AssertionError("check failed with " + e + " for " + describe(input), e);
                }
              }
              return null;
            });
    try {
      future.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      throw new AssertionError("no answer within " + DEADLINE_MILLIS + " ms for " + describe(current));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AssertionError failure) {
        throw failure;
      }
      throw new AssertionError(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The accepted exceptions: only these types (subtypes included). */
  @SafeVarargs
  public static Predicate<Throwable> only(Class<? extends Throwable>... types) {
    return t -> {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return true;
        }
      }
      return false;
    };
  }

  /** No exception is accepted. */
  public static Predicate<Throwable> none() {
    return t -> false;
  }

  /** An input as a failure names it: escaped, and cut to a readable length. */
  public static String describe(Object input) {
    String s = String.valueOf(input);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < 600; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return "<" + out + (s.length() > 300 ? "...> (" + s.length() + " chars)" : ">");
  }

  /** Fails when an output is larger than {@code factor} times its input plus {@code slack}. */
  public static void assertProportionate(Object input, long inputSize, long outputSize, int factor, int slack) {
    if (outputSize > (long) factor * inputSize + slack) {
      throw new AssertionError(
          "output of " + outputSize + " for an input of " + inputSize + ": " + describe(input));
    }
  }
}
