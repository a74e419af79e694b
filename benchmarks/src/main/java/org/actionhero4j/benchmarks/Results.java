package org.actionhero4j.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where a run's figures go: printed as {@code RESULT <label> <metric> <value>} and, with a file,
 * appended there for {@link Report}.
 */
public final class Results {

  private final String label;
  private final Path file;

  public Results(String label, String file) {
    this.label = label;
    this.file = file == null ? null : Path.of(file);
  }

  public void put(String metric, double value) {
    String line = String.format(Locale.ROOT, "RESULT %s %s %s", label, metric, format(value));
    System.out.println(line);
    if (file != null) {
      try {
        Files.writeString(
            file,
            line + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
