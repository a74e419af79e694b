package org.actionhero4j;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks an input's converted and formatted value. A refusal answers 422 with its text.
 */
@FunctionalInterface
public interface Validator {

  /**
   * Returns empty to accept, or the error text to refuse. Called only for values that are present.
   * An {@link ActionheroException} refuses with its message; any other exception refuses with the
   * standard "failed validation" text (its message is logged, not sent).
   */
  Optional<String> validate(Object value, ActionContext ctx) throws Exception;

  /**
   * Accepts the values {@code accept} accepts, refuses the others with the standard text
   * ({@code errors.invalidParam}: {@code Input for parameter "x" failed validation!}).
   */
  static Validator that(Predicate<Object> accept) {
    Objects.requireNonNull(accept, "accept");
    return (value, ctx) -> {
      if (!accept.test(value)) {
        throw new IllegalArgumentException("refused by a validator");
      }
      return Optional.empty();
    };
  }

  /** Accepts the values {@code accept} accepts, refuses the others with {@code error}. */
  static Validator of(Predicate<Object> accept, String error) {
    Objects.requireNonNull(accept, "accept");
    Objects.requireNonNull(error, "error");
    return (value, ctx) -> accept.test(value) ? Optional.empty() : Optional.of(error);
  }
}
