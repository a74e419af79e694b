package org.actionhero4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an action declares about itself. Several versions of one name may coexist; versions compare
 * numerically when both are numbers, and the newest serves requests that name no version.
 */
public final class ActionDefinition {

  private static final JsonMapper EXAMPLES = JsonMapper.builder().build();

  private final String name;
  private final String description;
  private final ActionVersion version;
  private final List<Input> inputs;
  private final Map<String, Object> outputExample;
  private final Optional<Class<?>> outputType;
  private final List<String> middleware;
  private final Set<String> blockedConnectionTypes;
  private final boolean toDocument;
  private final boolean nonBlocking;

  private ActionDefinition(Builder b) {
    this.name = b.name;
    this.description = b.description.orElse(b.name);
    this.version = b.version;
    this.inputs = List.copyOf(b.inputs);
    this.outputExample = Collections.unmodifiableMap(new LinkedHashMap<>(b.outputExample));
    this.outputType = b.outputType;
    this.middleware = List.copyOf(b.middleware);
    this.blockedConnectionTypes = Set.copyOf(b.blockedConnectionTypes);
    this.toDocument = b.toDocument;
    this.nonBlocking = b.nonBlocking;
  }

  /** Starts a definition of an action with this name. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** The name requests call it by. */
  public String name() {
    return name;
  }

  /** What it does (its name when undocumented). */
  public String description() {
    return description;
  }

  /** The version as declared (1 by default). */
  public ActionVersion version() {
    return version;
  }

  /** The declared inputs, in the order they are checked. */
  public List<Input> inputs() {
    return inputs;
  }

  /** An example response as JSON values; empty when none was given. */
  public Map<String, Object> outputExample() {
    return outputExample;
  }

  /** The class of the response, when the example was a record or POJO. */
  public Optional<Class<?>> outputType() {
    return outputType;
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

  /**
   * Whether the action promised never to block ({@link Builder#nonBlocking()}): over HTTP it may then
   * run on the thread that read the request instead of the worker pool.
   */
  public boolean nonBlocking() {
    return nonBlocking;
  }

  @Override
  public String toString() {
    return "action " + name + " v" + version;
  }

  /** Builds an {@link ActionDefinition}. */
  public static final class Builder {
    private final String name;
    private Optional<String> description = Optional.empty();
    private ActionVersion version = ActionVersion.of(1);
    private final List<Input> inputs = new ArrayList<>();
    private final Map<String, Object> outputExample = new LinkedHashMap<>();
    private Optional<Class<?>> outputType = Optional.empty();
    private final List<String> middleware = new ArrayList<>();
    private final Set<String> blockedConnectionTypes = new LinkedHashSet<>();
    private boolean nonBlocking;
    private boolean toDocument = true;

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an action needs a name");
      }
      this.name = name;
    }

    /** Documents the action. */
    public Builder description(String description) {
      this.description = Optional.of(description);
      return this;
    }

    /** A numeric version (default 1). */
    public Builder version(int version) {
      this.version = ActionVersion.of(version);
      return this;
    }

    /** A numeric version. */
    public Builder version(double version) {
      this.version = ActionVersion.of(version);
      return this;
    }

    /** A named version. */
    public Builder version(String version) {
      this.version = ActionVersion.of(version);
      return this;
    }

    /** Declares an input; inputs are checked in declaration order. */
    public Builder input(Input input) {
      inputs.add(Objects.requireNonNull(input));
      return this;
    }

    /** Declares an input from its builder. */
    public Builder input(Input.Builder<?> input) {
      return input(input.build());
    }

    /**
     * An example response: a map, or a record or POJO (whose class then documents the response
     * type).
     */
    @SuppressWarnings("unchecked")
    public Builder outputExample(Object example) {
      Objects.requireNonNull(example, "example");
      if (!(example instanceof Map<?, ?>)) {
        outputType = Optional.of(example.getClass());
      }
      Map<String, Object> plain = EXAMPLES.convertValue(example, Map.class);
      outputExample.putAll(plain);
      return this;
    }

    /** Runs these (non-global) action middleware for this action, after the global ones. */
    public Builder middleware(String... names) {
      middleware.addAll(List.of(names));
      return this;
    }

    /** Refuses calls from these connection types with "unsupported connection type". */
    public Builder blockConnectionTypes(String... types) {
      blockedConnectionTypes.addAll(List.of(types));
      return this;
    }

    /** Whether {@code documentation} lists the action (default true). */
    public Builder toDocument(boolean toDocument) {
      this.toDocument = toDocument;
      return this;
    }

    /**
     * Promises that the action never blocks: it does no I/O, takes no lock it may wait on, does
     * not sleep and returns within microseconds (echo, status, arithmetic, reading memory). Over
     * HTTP such an action runs on the thread that read the request (a transport IO thread), saving
     * the hand-off to the worker pool and back, when every middleware on its chain promises the
     * same ({@link ActionMiddleware#nonBlocking()}) and every connection middleware does too
     * ({@link ConnectionMiddleware#nonBlocking()}). Over a socket it runs on the worker pool like
     * every action. An action that breaks the promise stalls every connection of that IO thread.
     */
    public Builder nonBlocking() {
      this.nonBlocking = true;
      return this;
    }

    /** The definition. */
    public ActionDefinition build() {
      return new ActionDefinition(this);
    }
  }
}
