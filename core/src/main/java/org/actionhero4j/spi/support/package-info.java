/**
 * Small concurrency building blocks for transport authors: running tasks one at a time in
 * submission order without blocking a submitter ({@link org.actionhero4j.spi.support.Trampoline}),
 * invoking a write callback exactly once ({@link org.actionhero4j.spi.support.WriteOnce}), and
 * counting responses being written so that a shutdown can wait for them
 * ({@link org.actionhero4j.spi.support.InFlight}). No protocol logic lives here.
 */
@NullMarked
package org.actionhero4j.spi.support;

import org.jspecify.annotations.NullMarked;
