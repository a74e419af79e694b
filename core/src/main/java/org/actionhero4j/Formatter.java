package org.actionhero4j;

/**
 * Turns an input's value into the value the action sees, after the input's type conversion (so an
 * {@code asInteger()} input's formatter receives an {@code Integer}).
 */
@FunctionalInterface
public interface Formatter {

  /**
   * Called only for values that are present. An {@link ActionheroException} refuses the request
   * with its message; any other exception with the standard "failed validation" text naming the
   * input (status 422).
   */
  Object format(Object value, ActionContext ctx) throws Exception;
}
