package org.actionhero4j.internal.boot;

import com.google.inject.Module;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actionhero4j.Action;
import org.actionhero4j.ActionMiddleware;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.ConnectionMiddleware;
import org.actionhero4j.HttpEndpoint;
import org.actionhero4j.Initializer;
import org.actionhero4j.PluginContext;
import org.actionhero4j.ServedFile;
import org.actionhero4j.config.Config;

/**
 * What plugins registered, kept as classes or instances until the injector exists. Each entry is an
 * instance or a class to be created by Guice.
 */
final class PluginRegistrations implements PluginContext {

  private final Config config;
  final List<Object> actions = new ArrayList<>();
  final List<Object> actionMiddleware = new ArrayList<>();
  final List<Object> connectionMiddleware = new ArrayList<>();
  final List<Object> chatMiddleware = new ArrayList<>();
  final List<Object> initializers = new ArrayList<>();
  final List<Object> endpoints = new ArrayList<>();
  final List<Module> modules = new ArrayList<>();
  final List<ServedFile> publicFiles = new ArrayList<>();
  private final Map<Class<?>, Object> provided = new LinkedHashMap<>();
  private final Map<Class<?>, String> providedBy = new LinkedHashMap<>();
  private String currentPlugin = "(core)";

  PluginRegistrations(Config config) {
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
  public PluginContext endpoint(Class<? extends HttpEndpoint> endpoint) {
    endpoints.add(endpoint);
    return this;
  }

  @Override
  public PluginContext endpoint(HttpEndpoint endpoint) {
    endpoints.add(endpoint);
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
  public <T> PluginContext provide(Class<T> service, T implementation) {
    if (provided.containsKey(service)) {
      throw new IllegalStateException(
          "plugins " + providedBy.get(service) + " and " + currentPlugin + " both provide a "
              + service.getName());
    }
    provided.put(service, service.cast(implementation));
    providedBy.put(service, currentPlugin);
    return this;
  }

  /** What a plugin provided for a service interface, if any. */
  <T> Optional<T> provided(Class<T> service) {
    return Optional.ofNullable(provided.get(service)).map(service::cast);
  }
}
