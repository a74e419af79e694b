package org.actionhero4j.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} command-line options. */
public final class Args {

  private final Map<String, String> values = new LinkedHashMap<>();

  public Args(String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("expected --option, got " + a);
      }
      String name = a.substring(2);
      int eq = name.indexOf('=');
      if (eq >= 0) {
        values.put(name.substring(0, eq), name.substring(eq + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        values.put(name, args[++i]);
      } else {
        values.put(name, "true");
      }
    }
  }

  public String get(String name, String def) {
    return values.getOrDefault(name, def);
  }

  public int getInt(String name, int def) {
    String v = values.get(name);
    return v == null ? def : Integer.parseInt(v);
  }

  public long getLong(String name, long def) {
    String v = values.get(name);
    return v == null ? def : Long.parseLong(v);
  }

  public double getDouble(String name, double def) {
    String v = values.get(name);
    return v == null ? def : Double.parseDouble(v);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }
}
