package org.actionhero4j;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The version of an action: a number ({@code 1}, {@code 2.5}) or a name ({@code "beta"}). Versions
 * compare numerically when both are numbers (numeric strings count as numbers), numbers before
 * names, names lexically.
 */
public final class ActionVersion implements Comparable<ActionVersion> {

  private final String text;
  private final Optional<BigDecimal> number;
  private final boolean declaredAsNumber;

  private ActionVersion(String text, boolean declaredAsNumber) {
    this.text = Objects.requireNonNull(text, "version");
    this.number = parse(text);
    this.declaredAsNumber = declaredAsNumber && number.isPresent();
  }

  /** A numeric version. */
  public static ActionVersion of(int version) {
    return new ActionVersion(Integer.toString(version), true);
  }

  /** A numeric version. */
  public static ActionVersion of(double version) {
    if (!Double.isFinite(version)) {
      throw new IllegalArgumentException("a version must be a finite number, got " + version);
    }
    return version == Math.rint(version) && Math.abs(version) < 1e15
        ? new ActionVersion(Long.toString((long) version), true)
        : new ActionVersion(Double.toString(version), true);
  }

  /** A named version (numeric strings still compare as numbers). */
  public static ActionVersion of(String version) {
    return new ActionVersion(version, false);
  }

  /** Reads the version a request asks for ({@code apiVersion}): a JSON number or a string. */
  public static Optional<ActionVersion> parseRequested(Object requested) {
    if (requested instanceof Integer || requested instanceof Long) {
      return Optional.of(new ActionVersion(requested.toString(), true));
    }
    if (requested instanceof BigDecimal || requested instanceof java.math.BigInteger) {
      // exact, however large: compared as a number, never turned into an infinite double
      return Optional.of(new ActionVersion(requested.toString(), true));
    }
    if (requested instanceof java.lang.Number n) {
      return Double.isFinite(n.doubleValue()) ? Optional.of(of(n.doubleValue())) : Optional.empty();
    }
    if (requested instanceof String s && !s.isBlank()) {
      return Optional.of(of(s.trim()));
    }
    return Optional.empty();
  }

  private static Optional<BigDecimal> parse(String text) {
    try {
      return Optional.of(new BigDecimal(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The version as written. */
  public String text() {
    return text;
  }

  /** The numeric value, when the version is a number or a numeric string. */
  public Optional<BigDecimal> number() {
    return number;
  }

  /** The JSON value: a number when declared as one, else the string. */
  @JsonValue
  public Object jsonValue() {
    if (!declaredAsNumber) {
      return text;
    }
    BigDecimal n = number.orElseThrow();
    if (n.scale() <= 0) {
      try {
        return n.intValueExact();
      } catch (ArithmeticException e) {
        return n.longValue();
      }
    }
    return n.doubleValue();
  }

  @Override
  public int compareTo(ActionVersion other) {
    if (number.isPresent() && other.number.isPresent()) {
      return number.get().compareTo(other.number.get());
    }
    if (number.isPresent()) {
      return -1;
    }
    if (other.number.isPresent()) {
      return 1;
    }
    return text.compareTo(other.text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActionVersion v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return number.map(n -> n.stripTrailingZeros().hashCode()).orElse(text.hashCode());
  }

  @Override
  public String toString() {
    return text;
  }
}
