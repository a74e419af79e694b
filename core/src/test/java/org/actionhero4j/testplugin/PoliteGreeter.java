package org.actionhero4j.testplugin;

/** The plugin's binding of {@link Greeter}. */
public final class PoliteGreeter implements Greeter {
  @Override
  public String greet(String name) {
    return "Good day, " + name;
  }
}
