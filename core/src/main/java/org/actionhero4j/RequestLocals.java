package org.actionhero4j;

import java.util.Optional;

/** Per-request state of one action run, keyed by {@link RequestLocal}; thread-safe. */
public interface RequestLocals {

  /** Stores a value under a key, replacing any earlier one. */
  <T> void put(RequestLocal<T> key, T value);

  /** The value stored under a key, if any. */
  <T> Optional<T> get(RequestLocal<T> key);

  /** Removes and returns the value stored under a key, if any. */
  <T> Optional<T> remove(RequestLocal<T> key);
}
