package org.actionhero4j.testplugin;

/** What the plugin's own Guice module binds. */
public interface Greeter {
  String greet(String name);
}
