package org.actionhero4j.plugin.redis;

import org.actionhero4j.ActionheroException;

/**
 * Redis did not answer a command in time, but the command was sent and may still run: the caller
 * must not report it as failed. Its message starts with {@code unknown outcome:}.
 */
final class OutcomeUnknownException extends ActionheroException {

  OutcomeUnknownException(String message) {
    super(message);
  }
}
