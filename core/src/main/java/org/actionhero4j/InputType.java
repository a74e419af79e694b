package org.actionhero4j;

/** The value type an {@link Input} declares; params are converted to it before validation. */
public enum InputType {
  /** Any JSON value, unconverted. */
  ANY("any value"),
  /** A string; numbers and booleans are turned into their text. */
  STRING("a string"),
  /** A 32-bit integer, from a JSON number or a decimal string. */
  INTEGER("an integer"),
  /** A 64-bit integer, from a JSON number or a decimal string. */
  LONG("an integer"),
  /** A double, from a JSON number or a numeric string. */
  DOUBLE("a number"),
  /** {@code true}/{@code false}, from JSON booleans or the strings {@code true}/{@code false}. */
  BOOLEAN("true or false"),
  /** One of an enum's constants, by name. */
  ENUM("one of the allowed values"),
  /** A list of strings, from a JSON array or a comma-separated string. */
  STRING_LIST("a list of strings"),
  /** A JSON object, checked against the input's schema. */
  OBJECT("an object");

  private final String expected;

  InputType(String expected) {
    this.expected = expected;
  }

  /** How an error names what was expected, e.g. "an integer". */
  public String expected() {
    return expected;
  }
}
