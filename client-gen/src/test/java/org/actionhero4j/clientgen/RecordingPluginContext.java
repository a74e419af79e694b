package org.actionhero4j.clientgen;

import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import org.actionhero4j.Action;
import org.actionhero4j.ActionMiddleware;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.ConnectionMiddleware;
import org.actionhero4j.HttpEndpoint;
import org.actionhero4j.Initializer;
import org.actionhero4j.PluginContext;
import org.actionhero4j.ServedFile;
import org.actionhero4j.config.Config;

/** A plugin context that keeps the files served and refuses everything else this plugin must not use. */
final class RecordingPluginContext implements PluginContext {

  private final Config config;
  final List<ServedFile> publicFiles = new ArrayList<>();
  final List<Initializer> initializers = new ArrayList<>();
  final List<HttpEndpoint> endpoints = new ArrayList<>();

  RecordingPluginContext(Config config) {
    this.config = config;
  }

  @Override
  public Config config() {
    return config;
  }

  @Override
  public PluginContext publicFile(ServedFile file) {
    publicFiles.add(file);
    return this;
  }

  private static PluginContext unexpected() {
    throw new AssertionError("client-gen registers only public files, initializers and endpoints");
  }

  @Override
  public PluginContext action(Class<? extends Action> action) {
    return unexpected();
  }

  @Override
  public PluginContext action(Action action) {
    return unexpected();
  }

  @Override
  public PluginContext actionMiddleware(Class<? extends ActionMiddleware> middleware) {
    return unexpected();
  }

  @Override
  public PluginContext actionMiddleware(ActionMiddleware middleware) {
    return unexpected();
  }

  @Override
  public PluginContext connectionMiddleware(Class<? extends ConnectionMiddleware> middleware) {
    return unexpected();
  }

  @Override
  public PluginContext connectionMiddleware(ConnectionMiddleware middleware) {
    return unexpected();
  }

  @Override
  public PluginContext chatMiddleware(Class<? extends ChatMiddleware> middleware) {
    return unexpected();
  }

  @Override
  public PluginContext chatMiddleware(ChatMiddleware middleware) {
    return unexpected();
  }

  @Override
  public PluginContext initializer(Class<? extends Initializer> initializer) {
    return unexpected();
  }

  @Override
  public PluginContext initializer(Initializer initializer) {
    initializers.add(initializer);
    return this;
  }

  @Override
  public PluginContext endpoint(Class<? extends HttpEndpoint> endpoint) {
    return unexpected();
  }

  @Override
  public PluginContext endpoint(HttpEndpoint endpoint) {
    endpoints.add(endpoint);
    return this;
  }

  @Override
  public PluginContext module(Module module) {
    return unexpected();
  }

  @Override
  public <T> PluginContext provide(Class<T> service, T implementation) {
    return unexpected();
  }
}
