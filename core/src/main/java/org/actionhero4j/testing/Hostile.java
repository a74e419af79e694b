package org.actionhero4j.testing;

import java.util.List;
import java.util.Random;

/**
 * Hostile inputs for fuzzing (core's decoder fuzzers and the TCK's network fuzz; an application
 * may fuzz its own actions with them too): odd Unicode (lone surrogates, NUL, BOM, RTL marks),
 * huge and malformed numbers, deep nesting, and mutations of valid inputs (one field changed, a
 * truncation, an insertion, a duplicated slice). Every generator draws only from the
 * {@link Random} it is given, so a failure replays from the seed the fuzzer prints.
 */
public final class Hostile {

  /** The longest text a generator makes, so that every try stays small and fast. */
  public static final int MAX_CHARS = 2_000;

  private static final String[] ODD =
      {"\u0000", "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\uFFFF", "\uFEFF", "\u202E", "\u0301", "\uD83D\uDE00",
       "\u00E9", "\u4E2D", "\r\n", "\t", "\\", "\"", "'", "%", "%00", "%zz", "%C0%AF", "%ED%A0%80", "%F0",
       "+", "&", "=", ";", ",", "/", "..", "{", "}", "[", "]", ":", "\u0085", "\u2028", "\u001F", "\u007F"};

  private static final String[] NUMBERS =
      {"0", "-0", "1e999999999", "-1e999999999", "1e-999999999", "0e999999999", "1E+400", "123456789012345678901234567890",
       "9223372036854775808", "-9223372036854775809", "2147483648", "1.7976931348623157e309", "4.9e-325",
       "NaN", "Infinity", "-Infinity", "0x10", "1.", ".5", "1e", "1e+", "--1", "00012", "1_000", "3.0", "2.50",
       "1" + "0".repeat(399), "0." + "0".repeat(398) + "1", "1" + "0".repeat(1200), "1e2147483647", "1e-2147483648"};

  private static final String[] WORDS =
      {"action", "event", "params", "messageId", "room", "message", "say", "roomAdd", "roomLeave", "roomView",
       "detailsView", "documentation", "file", "quit", "exit", "paramAdd", "paramView", "paramsView",
       "paramDelete", "paramsDelete", "status", "typed", "primus::pong::1", "primus::id::", "primus::ping::1",
       "defaultRoom", "__proto__", "constructor", "null", "true", "false", "apiVersion", "callback"};

  private Hostile() {}

  /** Text made of odd pieces, plain letters, words and numbers; at most {@code maxChars} long. */
  public static String text(Random r, int maxChars) {
    int target = r.nextInt(40) == 0 ? r.nextInt(maxChars + 1) : r.nextInt(Math.min(maxChars, 24) + 1);
    StringBuilder s = new StringBuilder();
    while (s.length() < target) {
      switch (r.nextInt(6)) {
        case 0, 1 -> s.append(ODD[r.nextInt(ODD.length)]);
        case 2 -> s.append((char) ('a' + r.nextInt(26)));
        case 3 -> s.append(WORDS[r.nextInt(WORDS.length)]);
        case 4 -> s.append(NUMBERS[r.nextInt(NUMBERS.length)]);
        default -> s.append((char) r.nextInt(0x10000));
      }
    }
    return s.length() > maxChars ? s.substring(0, maxChars) : s.toString();
  }

  /** A short text, as keys and names are. */
  public static String word(Random r) {
    return r.nextInt(3) == 0 ? WORDS[r.nextInt(WORDS.length)] : text(r, 40);
  }

  /** A number as JSON writes it, from the huge, tiny, exact and malformed ones. */
  public static String number(Random r) {
    return r.nextBoolean() ? NUMBERS[r.nextInt(NUMBERS.length)] : Long.toString(r.nextLong() >> r.nextInt(64));
  }

  /** A valid JSON document of at most {@code depth} levels (strings may hold lone surrogates). */
  public static String json(Random r, int depth) {
    StringBuilder out = new StringBuilder();
    json(r, depth, out);
    return out.toString();
  }

  private static void json(Random r, int depth, StringBuilder out) {
    int kind = depth <= 0 ? r.nextInt(4) : r.nextInt(6);
    switch (kind) {
      case 0 -> quote(text(r, 60), out);
      case 1 -> out.append(validNumber(r));
      case 2 -> out.append(r.nextBoolean());
      case 3 -> out.append("null");
      case 4 -> {
        out.append('[');
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            out.append(',');
          }
          json(r, depth - 1, out);
        }
        out.append(']');
      }
      default -> {
        out.append('{');
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            out.append(',');
          }
          quote(word(r), out);
          out.append(':');
          json(r, depth - 1, out);
        }
        out.append('}');
      }
    }
  }

  private static String validNumber(Random r) {
    String n = number(r);
    return n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?") ? n : "1e999999999";
  }

  /** JSON's quoting, but lone surrogates pass as they are (a client may send them). */
  public static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /** {@code depth} nested arrays or objects around a value. */
  public static String nested(Random r, int depth) {
    StringBuilder s = new StringBuilder();
    List<Character> closers = new java.util.ArrayList<>();
    for (int i = 0; i < depth; i++) {
      if (r.nextBoolean()) {
        s.append('[');
        closers.add(']');
      } else {
        s.append("{\"k\":");
        closers.add('}');
      }
    }
    s.append('1');
    for (int i = closers.size() - 1; i >= 0; i--) {
      s.append(closers.get(i));
    }
    return s.toString();
  }

  /** A valid input with one mutation: a truncation, a deletion, an insertion, a replaced or doubled slice. */
  public static String mutate(Random r, String valid) {
    if (valid.isEmpty()) {
      return text(r, 40);
    }
    int at = r.nextInt(valid.length() + 1);
    String head = valid.substring(0, at);
    String tail = valid.substring(at);
    String out =
        switch (r.nextInt(7)) {
          case 0 -> head;
          case 1 -> tail;
          case 2 -> head + (tail.isEmpty() ? "" : tail.substring(1));
          case 3 -> head + text(r, 12) + tail;
          case 4 -> head + number(r) + tail;
          case 5 -> head + head.substring(r.nextInt(head.length() + 1)) + tail;
          default -> head + ODD[r.nextInt(ODD.length)] + (tail.isEmpty() ? "" : tail.substring(1));
        };
    return out.length() > MAX_CHARS ? out.substring(0, MAX_CHARS) : out;
  }

  /** Either the structured input or a mutation of it (one to three mutations). */
  public static String structuredOrMutated(Random r, String valid) {
    String out = valid;
    if (r.nextInt(3) > 0) {
      int times = 1 + r.nextInt(3);
      for (int i = 0; i < times; i++) {
        out = mutate(r, out);
      }
    }
    return out;
  }
}
