package org.actionhero4j.fuzz;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a fuzz property: generates inputs in batches from one seed and hands each batch to a check.
 * The seed is random unless {@code -Dfuzz.seed=N} is given; a failure names the seed and the
 * batch, and the same seed replays the same inputs.
 */
public final class Fuzz {

  /** Inputs per property and build: at least 100,000 (override with {@code -Dfuzz.inputs=N}). */
  public static final int INPUTS = Integer.getInteger("fuzz.inputs", 100_000);

  /** Inputs a batch holds; one batch is one call to the check, under one deadline. */
  public static final int BATCH = 10;

  private Fuzz() {}

  /** Generates {@link #INPUTS} inputs in batches of {@link #BATCH} and checks each batch. */
  public static <T> void run(Function<Random, T> generator, Consumer<List<T>> check) {
    run(INPUTS, generator, check);
  }

  /** Generates {@code count} inputs (for a decoder too slow for {@link #INPUTS} in the build). */
  public static <T> void run(int count, Function<Random, T> generator, Consumer<List<T>> check) {
    Long given = Long.getLong("fuzz.seed");
    long seed = given != null ? given : new SecureRandom().nextLong();
    int batches = Math.max(1, count / BATCH);
    for (int b = 0; b < batches; b++) {
      Random random = new Random(seed + b);
      List<T> inputs = new ArrayList<>(BATCH);
      for (int i = 0; i < BATCH; i++) {
        inputs.add(generator.apply(random));
      }
      try {
        check.accept(inputs);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "fuzz failed in batch " + b + " of seed " + seed + " (replay: -Dfuzz.seed=" + seed + "): "
                + e.getMessage(),
            e);
      }
    }
  }
}
