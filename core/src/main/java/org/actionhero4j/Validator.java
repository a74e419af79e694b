package org.actionhero4j;

/** Checks an input's (formatted) value. */
@FunctionalInterface
public interface Validator {

  /**
   * Returns {@code true} (or nothing, i.e. {@code null}) to accept, {@code false} for the standard
   * "failed validation" error, or a {@code String} that becomes the error. A throw becomes the error
   * too. Called only for values that are present; a required input is still checked for presence.
   */
  Object validate(Object value, ActionContext ctx) throws Exception;

  /** A validator with a fixed error text. */
  static Validator of(java.util.function.Predicate<Object> accept, String error) {
    return (value, ctx) -> accept.test(value) ? Boolean.TRUE : error;
  }
}
