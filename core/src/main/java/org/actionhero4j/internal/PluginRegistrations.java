package org.actionhero4j.internal;

import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import org.actionhero4j.Action;
import org.actionhero4j.ActionMiddleware;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.ConnectionMiddleware;
import org.actionhero4j.Initializer;
import org.actionhero4j.PluginContext;
import org.actionhero4j.config.Config;
import org.actionhero4j.spi.ClusterBus;
import org.actionhero4j.spi.ServedFile;

/**
 * What plugins registered, kept as classes or instances until the injector exists. Each entry is an
 * instance or a class to be created by Guice.
 */
public final class PluginRegistrations implements PluginContext {

  private final Config config;
  public final List<Object> actions = new ArrayList<>();
  public final List<Object> actionMiddleware = new ArrayList<>();
  public final List<Object> connectionMiddleware = new ArrayList<>();
  public final List<Object> chatMiddleware = new ArrayList<>();
  public final List<Object> initializers = new ArrayList<>();
  public final List<Module> modules = new ArrayList<>();
  public final List<ServedFile> publicFiles = new ArrayList<>();
  private ClusterBus clusterBus;
  private String currentPlugin = "(core)";
  private String clusterBusPlugin;

  public PluginRegistrations(Config config) {
    this.config = config;
  }

  void currentPlugin(String name) {
    this.currentPlugin = name;
  }

  @Override
  public Config config() {
    return config;
  }

  @Override
  public PluginContext action(Class<? extends Action> action) {
    actions.add(action);
    return this;
  }

  @Override
  public PluginContext action(Action action) {
    actions.add(action);
    return this;
  }

  @Override
  public PluginContext actionMiddleware(Class<? extends ActionMiddleware> middleware) {
    actionMiddleware.add(middleware);
    return this;
  }

  @Override
  public PluginContext actionMiddleware(ActionMiddleware middleware) {
    actionMiddleware.add(middleware);
    return this;
  }

  @Override
  public PluginContext connectionMiddleware(Class<? extends ConnectionMiddleware> middleware) {
    connectionMiddleware.add(middleware);
    return this;
  }

  @Override
  public PluginContext connectionMiddleware(ConnectionMiddleware middleware) {
    connectionMiddleware.add(middleware);
    return this;
  }

  @Override
  public PluginContext chatMiddleware(Class<? extends ChatMiddleware> middleware) {
    chatMiddleware.add(middleware);
    return this;
  }

  @Override
  public PluginContext chatMiddleware(ChatMiddleware middleware) {
    chatMiddleware.add(middleware);
    return this;
  }

  @Override
  public PluginContext initializer(Class<? extends Initializer> initializer) {
    initializers.add(initializer);
    return this;
  }

  @Override
  public PluginContext initializer(Initializer initializer) {
    initializers.add(initializer);
    return this;
  }

  @Override
  public PluginContext module(Module module) {
    modules.add(module);
    return this;
  }

  @Override
  public PluginContext publicFile(ServedFile file) {
    publicFiles.add(file);
    return this;
  }

  @Override
  public PluginContext clusterBus(ClusterBus bus) {
    if (clusterBus != null) {
      throw new IllegalStateException(
          "plugins " + clusterBusPlugin + " and " + currentPlugin + " both provide a cluster bus");
    }
    clusterBus = bus;
    clusterBusPlugin = currentPlugin;
    return this;
  }

  ClusterBus clusterBus() {
    return clusterBus;
  }
}
