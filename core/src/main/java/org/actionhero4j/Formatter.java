package org.actionhero4j;

/** Turns an input's raw value into the value the action sees, e.g. a string into a number. */
@FunctionalInterface
public interface Formatter {

  /**
   * Called only for values that are present. A throw fails the request with the exception's
   * message.
   */
  Object format(Object value, ActionContext ctx) throws Exception;
}
