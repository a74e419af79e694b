package org.actionhero4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One declared input of an action: whether it is required, its default, formatters, validators and
 * an optional nested schema (whose missing keys are reported as {@code parent.child}).
 */
public final class Input {

  private final String name;
  private final String description;
  private final boolean required;
  private final Supplier<Object> defaultValue;
  private final List<Formatter> formatters;
  private final List<Validator> validators;
  private final List<Input> schema;

  private Input(Builder b) {
    this.name = b.name;
    this.description = b.description;
    this.required = b.required;
    this.defaultValue = b.defaultValue;
    this.formatters = List.copyOf(b.formatters);
    this.validators = List.copyOf(b.validators);
    this.schema = List.copyOf(b.schema);
  }

  /** Starts an input of this name. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public boolean required() {
    return required;
  }

  /** The default's supplier, when the input has one. */
  public Optional<Supplier<Object>> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  public List<Formatter> formatters() {
    return formatters;
  }

  public List<Validator> validators() {
    return validators;
  }

  /** Nested inputs of an object-valued input; empty for a plain one. */
  public List<Input> schema() {
    return schema;
  }

  /** Builds an {@link Input}. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private boolean required;
    private Supplier<Object> defaultValue;
    private final List<Formatter> formatters = new ArrayList<>();
    private final List<Validator> validators = new ArrayList<>();
    private final List<Input> schema = new ArrayList<>();

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an input needs a name");
      }
      this.name = name;
    }

    public Builder required() {
      this.required = true;
      return this;
    }

    public Builder description(String description) {
      this.description = Objects.requireNonNull(description);
      return this;
    }

    /** The value used when the request sends none. */
    public Builder defaultValue(Object value) {
      Objects.requireNonNull(value, "default value");
      this.defaultValue = () -> value;
      return this;
    }

    /** A default computed for each request that sends none. */
    public Builder defaultFrom(Supplier<Object> supplier) {
      this.defaultValue = Objects.requireNonNull(supplier);
      return this;
    }

    /** Adds a formatter; several run in the order added. */
    public Builder formatter(Formatter formatter) {
      formatters.add(Objects.requireNonNull(formatter));
      return this;
    }

    /** Adds a validator; several run in the order added, the first error wins. */
    public Builder validator(Validator validator) {
      validators.add(Objects.requireNonNull(validator));
      return this;
    }

    /** Declares the keys of an object-valued input. */
    public Builder schema(Input... inputs) {
      schema.addAll(List.of(inputs));
      return this;
    }

    public Input build() {
      return new Input(this);
    }
  }
}
