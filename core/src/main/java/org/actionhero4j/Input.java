package org.actionhero4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One declared input of an action: its type, whether it is required, its default, formatters,
 * validators and, for objects, a nested schema (whose missing keys are reported as
 * {@code parent.child}).
 *
 * <pre>{@code
 * Input.named("times").asInteger().defaultValue(1).validate(t -> t >= 1 && t <= 5, "times must be 1 to 5")
 * }</pre>
 *
 * A value that cannot be converted to the declared type, a refusing formatter and a refusing
 * validator all answer 422 with a text that names the input.
 */
public final class Input {

  private final String name;
  private final String description;
  private final boolean required;
  private final InputType type;
  private final List<String> allowedValues;
  private final Optional<Supplier<?>> defaultValue;
  private final List<Formatter> formatters;
  private final List<Validator> validators;
  private final List<Input> schema;

  private Input(Builder<?> b) {
    this.name = b.name;
    this.description = b.description;
    this.required = b.required;
    this.type = b.type;
    this.allowedValues = List.copyOf(b.allowedValues);
    this.defaultValue = Optional.ofNullable(b.defaultValue);
    this.formatters = List.copyOf(b.formatters);
    this.validators = List.copyOf(b.validators);
    this.schema = List.copyOf(b.schema);
  }

  /** Starts an input of this name, of any JSON value until a type is chosen. */
  public static Builder<Object> named(String name) {
    return new Builder<>(name);
  }

  /** The param name. */
  public String name() {
    return name;
  }

  /** What the input is for ({@code ""} when undocumented). */
  public String description() {
    return description;
  }

  /** Whether a request without it fails with the "required parameter" error. */
  public boolean required() {
    return required;
  }

  /** The declared type. */
  public InputType type() {
    return type;
  }

  /** The names an {@link InputType#ENUM} input accepts; empty for other types. */
  public List<String> allowedValues() {
    return allowedValues;
  }

  /** The default's supplier, when the input has one. */
  public Optional<Supplier<?>> defaultValue() {
    return defaultValue;
  }

  /** The formatters, in the order they run. */
  public List<Formatter> formatters() {
    return formatters;
  }

  /** The validators, in the order they run; the first refusal wins. */
  public List<Validator> validators() {
    return validators;
  }

  /** Nested inputs of an object-valued input; empty for a plain one. */
  public List<Input> schema() {
    return schema;
  }

  @Override
  public String toString() {
    return "input " + name + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  /**
   * Builds an {@link Input}.
   *
   * @param <T> the type the action reads the value as
   */
  public static final class Builder<T> {
    private final String name;
    private String description = "";
    private boolean required;
    private InputType type = InputType.ANY;
    private List<String> allowedValues = List.of();
    private Supplier<?> defaultValue;
    private final List<Formatter> formatters = new ArrayList<>();
    private final List<Validator> validators = new ArrayList<>();
    private final List<Input> schema = new ArrayList<>();

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an input needs a name");
      }
      this.name = name;
    }

    @SuppressWarnings("unchecked")
    private <U> Builder<U> typed(InputType type) {
      if (this.type != InputType.ANY) {
        throw new IllegalStateException("input '" + name + "' already has type " + this.type);
      }
      if (defaultValue != null || !formatters.isEmpty() || !validators.isEmpty()) {
        throw new IllegalStateException(
            "input '" + name + "': choose the type before the default, formatters and validators");
      }
      this.type = type;
      return (Builder<U>) this;
    }

    /** A string. */
    public Builder<String> asString() {
      return typed(InputType.STRING);
    }

    /** A 32-bit integer. */
    public Builder<Integer> asInteger() {
      return typed(InputType.INTEGER);
    }

    /** A 64-bit integer. */
    public Builder<Long> asLong() {
      return typed(InputType.LONG);
    }

    /** A double. */
    public Builder<Double> asDouble() {
      return typed(InputType.DOUBLE);
    }

    /** A boolean. */
    public Builder<Boolean> asBoolean() {
      return typed(InputType.BOOLEAN);
    }

    /** One of an enum's constants, sent by name (case-insensitively). */
    public <E extends Enum<E>> Builder<E> asEnum(Class<E> type) {
      Builder<E> typed = typed(InputType.ENUM);
      typed.allowedValues =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
      typed.formatters.add(new EnumFormatter<>(type));
      return typed;
    }

    /** A list of strings. */
    public Builder<List<String>> asStringList() {
      return typed(InputType.STRING_LIST);
    }

    /** An object with these keys. */
    public Builder<Map<String, Object>> asObject(Input... keys) {
      Builder<Map<String, Object>> typed = typed(InputType.OBJECT);
      typed.schema.addAll(List.of(keys));
      return typed;
    }

    /** Makes the input required. */
    public Builder<T> required() {
      this.required = true;
      return this;
    }

    /** Documents the input. */
    public Builder<T> description(String description) {
      this.description = Objects.requireNonNull(description);
      return this;
    }

    /** The value used when the request sends none. */
    public Builder<T> defaultValue(T value) {
      Objects.requireNonNull(value, "default value");
      this.defaultValue = () -> value;
      return this;
    }

    /** A default computed for each request that sends none. */
    public Builder<T> defaultFrom(Supplier<? extends T> supplier) {
      this.defaultValue = Objects.requireNonNull(supplier);
      return this;
    }

    /** Adds a formatter; several run in the order added, after the type conversion. */
    public Builder<T> formatter(Formatter formatter) {
      formatters.add(Objects.requireNonNull(formatter));
      return this;
    }

    /** Adds a validator; several run in the order added, the first refusal wins. */
    public Builder<T> validator(Validator validator) {
      validators.add(Objects.requireNonNull(validator));
      return this;
    }

    /** Refuses values {@code accept} rejects, with {@code error} as the 422 text. */
    @SuppressWarnings("unchecked")
    public Builder<T> validate(Predicate<? super T> accept, String error) {
      Objects.requireNonNull(accept, "accept");
      return validator(Validator.of(v -> accept.test((T) v), error));
    }

    /** Declares the keys of an object-valued input (for an untyped input; see {@link #asObject}). */
    public Builder<T> schema(Input... inputs) {
      schema.addAll(List.of(inputs));
      return this;
    }

    /** The input. */
    public Input build() {
      return new Input(this);
    }
  }

  /** Turns a name into an enum constant; the conversion to a string ran before. */
  private record EnumFormatter<E extends Enum<E>>(Class<E> type) implements Formatter {
    @Override
    public Object format(Object value, ActionContext ctx) {
      String text = String.valueOf(value).trim();
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(text)) {
          return constant;
        }
      }
      throw new ActionheroException("not one of " + Arrays.toString(type.getEnumConstants()), 422);
    }
  }
}
