package org.actionhero4j.internal.actions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.actionhero4j.Action;
import org.actionhero4j.ActionCatalog;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.ActionVersion;
import org.actionhero4j.Input;

/** Every registered action by name and version. Versions sort numerically where they are numbers. */
public final class ActionRegistry implements ActionCatalog {

  /** Names an action may not take: the connection verbs. */
  public static final Set<String> VERB_NAMES =
      Set.of(
          "quit", "exit", "documentation", "paramAdd", "paramDelete", "paramView", "paramsView",
          "paramsDelete", "roomAdd", "roomLeave", "roomView", "detailsView", "say");

  /** Params every action accepts without declaring them. */
  public static final Set<String> GLOBALLY_SAFE_PARAMS =
      Set.of("file", "apiVersion", "callback", "action", "messageId");

  /** One action with its definition, read once. */
  public record Registered(Action action, ActionDefinition definition) {}

  private final Map<String, TreeMap<ActionVersion, Registered>> byName = new ConcurrentHashMap<>();
  /** {@link #allInputNames()} as of the last registration; null until asked for after one. */
  private volatile Set<String> inputNames;

  /** Adds an action; refuses verb names, globally safe input names and duplicate versions. */
  public void register(Action action) {
    ActionDefinition d = action.definition();
    if (d == null) {
      throw new IllegalStateException(action.getClass().getName() + " returned no definition");
    }
    if (VERB_NAMES.contains(d.name())) {
      throw new IllegalStateException(
          "action '" + d.name() + "' (" + action.getClass().getName()
              + ") is named like a connection verb; choose another name");
    }
    for (Input input : d.inputs()) {
      if (GLOBALLY_SAFE_PARAMS.contains(input.name())) {
        throw new IllegalStateException(
            "action '" + d.name() + "' declares input '" + input.name()
                + "', which is a globally safe param " + GLOBALLY_SAFE_PARAMS + "; rename it");
      }
    }
    TreeMap<ActionVersion, Registered> versions =
        byName.computeIfAbsent(d.name(), n -> new TreeMap<>());
    synchronized (versions) {
      if (versions.containsKey(d.version())) {
        throw new IllegalStateException(
            "action '" + d.name() + "' version " + d.version() + " is registered twice ("
                + versions.get(d.version()).action().getClass().getName() + " and "
                + action.getClass().getName() + ")");
      }
      versions.put(d.version(), new Registered(action, d));
    }
    synchronized (this) {
      inputNames = null; // after the put: a later allInputNames() sees the new action
    }
  }

  /** The newest version of an action. */
  public Optional<Registered> resolve(String name) {
    TreeMap<ActionVersion, Registered> versions = byName.get(name);
    if (versions == null) {
      return Optional.empty();
    }
    synchronized (versions) {
      return versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }
  }

  /** One version of an action. */
  public Optional<Registered> resolve(String name, ActionVersion version) {
    TreeMap<ActionVersion, Registered> versions = byName.get(name);
    if (versions == null) {
      return Optional.empty();
    }
    synchronized (versions) {
      return Optional.ofNullable(versions.get(version));
    }
  }

  /**
   * The action a request names ({@code params.action}, a string) in the version it asks for
   * ({@code params.apiVersion}, a number or a string; the newest when absent or empty).
   */
  public Optional<Registered> resolveRequested(Object name, Object apiVersion) {
    if (!(name instanceof String s)) {
      return Optional.empty();
    }
    Optional<ActionVersion> version = ActionVersion.parseRequested(apiVersion);
    return version.isPresent() ? resolve(s, version.get()) : resolve(s);
  }

  /** Every action, every version, by name then version. */
  public List<Registered> all() {
    List<Registered> all = new ArrayList<>();
    byName.keySet().stream()
        .sorted()
        .forEach(
            name -> {
              TreeMap<ActionVersion, Registered> versions = byName.get(name);
              synchronized (versions) {
                all.addAll(versions.values());
              }
            });
    return all;
  }

  @Override
  public List<ActionDefinition> definitions() {
    return all().stream().map(Registered::definition).toList();
  }

  /**
   * Every input name of every action (the params that survive scrubbing), in action order. Asked
   * for by every request, so it is computed once per registration, not per call.
   */
  public Set<String> allInputNames() {
    Set<String> names = inputNames;
    if (names != null) {
      return names;
    }
    synchronized (this) {
      if (inputNames == null) {
        LinkedHashSet<String> collected = new LinkedHashSet<>();
        all().forEach(r -> r.definition().inputs().forEach(input -> collected.add(input.name())));
        inputNames = Collections.unmodifiableSet(collected);
      }
      return inputNames;
    }
  }
}
