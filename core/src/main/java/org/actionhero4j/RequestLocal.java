package org.actionhero4j;

import java.util.Objects;

/**
 * A typed key for per-request state kept by middleware between its {@code preProcessor} and its
 * {@code postProcessor} (see {@link ActionContext#locals()}). Keys compare by identity: keep one in
 * a {@code static final} field.
 *
 * <pre>{@code
 * static final RequestLocal<Long> STARTED = RequestLocal.named("startedAt", Long.class);
 * }</pre>
 *
 * @param <T> the type of the value
 */
public final class RequestLocal<T> {

  private final String name;
  private final Class<T> type;

  private RequestLocal(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** A new key; {@code name} only shows in messages. */
  public static <T> RequestLocal<T> named(String name, Class<T> type) {
    return new RequestLocal<>(name, type);
  }

  /** The name given at creation. */
  public String name() {
    return name;
  }

  /** The type of the values stored under this key. */
  public Class<T> type() {
    return type;
  }

  @Override
  public String toString() {
    return "RequestLocal[" + name + ": " + type.getSimpleName() + "]";
  }
}
