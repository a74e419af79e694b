package org.actionhero4j.testplugin;

import com.google.inject.AbstractModule;

/** The plugin's Guice bindings. */
public final class GreetingModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(Greeter.class).to(PoliteGreeter.class);
  }
}
