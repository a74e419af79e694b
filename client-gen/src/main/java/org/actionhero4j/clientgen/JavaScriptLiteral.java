package org.actionhero4j.clientgen;

/**
 * Values written into generated JavaScript source. Strings come out as double-quoted literals that
 * are also safe inside an HTML {@code <script>} element and inside a comment-free line.
 */
final class JavaScriptLiteral {

  private JavaScriptLiteral() {}

  /** A double-quoted JavaScript string literal. */
  static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        // '<', '>' and '&' keep "</script>" and "<!--" from ending or hiding an inline script;
        // U+2028/U+2029 end a line in older JavaScript engines.
        case '<', '>', '&', '\u2028', '\u2029', '\'' -> unicodeEscape(out, c);
        default -> {
          if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !isPairedSurrogate(value, i)) {
            unicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A number literal; integral values without a fraction, infinities as {@code Infinity}. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("NaN has no place in the client's defaults");
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** Text for a documentation comment: cannot close the comment it sits in. */
  static String inComment(String value) {
    return value.replace("*/", "*\\/").replace('\n', ' ').replace('\r', ' ');
  }

  private static boolean isPairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append(String.format("\\u%04x", (int) c));
  }
}
