package org.actionhero4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an action declares about itself. Several versions of one name may coexist; versions compare
 * numerically when both are numbers, and the newest serves requests that name no version.
 */
public final class ActionDefinition {

  private final String name;
  private final String description;
  private final Object version;
  private final List<Input> inputs;
  private final Map<String, Object> outputExample;
  private final List<String> middleware;
  private final Set<String> blockedConnectionTypes;
  private final boolean toDocument;

  private ActionDefinition(Builder b) {
    this.name = b.name;
    this.description = b.description == null ? b.name : b.description;
    this.version = b.version;
    this.inputs = List.copyOf(b.inputs);
    this.outputExample = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.outputExample));
    this.middleware = List.copyOf(b.middleware);
    this.blockedConnectionTypes = Set.copyOf(b.blockedConnectionTypes);
    this.toDocument = b.toDocument;
  }

  /** Starts a definition of an action with this name. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** The version as declared: an {@code Integer}, a {@code Double} or a {@code String}. */
  public Object version() {
    return version;
  }

  public List<Input> inputs() {
    return inputs;
  }

  public Map<String, Object> outputExample() {
    return outputExample;
  }

  /** Names of non-global action middleware this action runs, in order. */
  public List<String> middleware() {
    return middleware;
  }

  /** Connection types ({@code "web"}, {@code "websocket"}, ...) that may not call this action. */
  public Set<String> blockedConnectionTypes() {
    return blockedConnectionTypes;
  }

  /** Whether the {@code documentation} verb lists this action. */
  public boolean toDocument() {
    return toDocument;
  }

  @Override
  public String toString() {
    return "action " + name + " v" + version;
  }

  /** Builds an {@link ActionDefinition}. */
  public static final class Builder {
    private final String name;
    private String description;
    private Object version = 1;
    private final List<Input> inputs = new ArrayList<>();
    private final Map<String, Object> outputExample = new LinkedHashMap<>();
    private final List<String> middleware = new ArrayList<>();
    private final Set<String> blockedConnectionTypes = new LinkedHashSet<>();
    private boolean toDocument = true;

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an action needs a name");
      }
      this.name = name;
    }

    public Builder description(String description) {
      this.description = Objects.requireNonNull(description);
      return this;
    }

    public Builder version(int version) {
      this.version = version;
      return this;
    }

    public Builder version(double version) {
      this.version = version;
      return this;
    }

    public Builder version(String version) {
      this.version = Objects.requireNonNull(version);
      return this;
    }

    public Builder input(Input input) {
      inputs.add(Objects.requireNonNull(input));
      return this;
    }

    public Builder input(Input.Builder input) {
      return input(input.build());
    }

    public Builder outputExample(Map<String, Object> example) {
      outputExample.putAll(example);
      return this;
    }

    /** Runs these (non-global) action middleware for this action, after the global ones. */
    public Builder middleware(String... names) {
      middleware.addAll(List.of(names));
      return this;
    }

    public Builder blockConnectionTypes(String... types) {
      blockedConnectionTypes.addAll(List.of(types));
      return this;
    }

    public Builder toDocument(boolean toDocument) {
      this.toDocument = toDocument;
      return this;
    }

    public ActionDefinition build() {
      return new ActionDefinition(this);
    }
  }
}
