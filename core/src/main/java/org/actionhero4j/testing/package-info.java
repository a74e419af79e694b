/**
 * The test kit: {@link org.actionhero4j.testing.SpecHelper} runs actions and socket verbs against a
 * started server without a network, and {@link org.actionhero4j.testing.TestConnection} records every
 * message the server sends to one connection, so a test can wait (with a bound) for the one it
 * expects. It plays the part of Actionhero's {@code specHelper} and ships in core, so an
 * application's tests need no extra dependency.
 */
@NullMarked
package org.actionhero4j.testing;

import org.jspecify.annotations.NullMarked;
