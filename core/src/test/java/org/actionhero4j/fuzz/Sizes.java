package org.actionhero4j.fuzz;

import java.util.List;
import java.util.Map;

/** How much a decoded value holds, in characters, to check it against the input it came from. */
public final class Sizes {

  private Sizes() {}

  /** Characters of every string, key and number, plus one per container entry. */
  public static long of(Object value) {
    if (value == null) {
      return 1;
    }
    if (value instanceof Map<?, ?> map) {
      long n = 2;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        n += 1 + of(e.getKey()) + of(e.getValue());
      }
      return n;
    }
    if (value instanceof List<?> list) {
      long n = 2;
      for (Object item : list) {
        n += 1 + of(item);
      }
      return n;
    }
    return String.valueOf(value).length();
  }
}
