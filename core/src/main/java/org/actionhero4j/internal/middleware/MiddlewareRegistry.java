package org.actionhero4j.internal.middleware;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.actionhero4j.ActionMiddleware;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.ConnectionMiddleware;

/** The three kinds of middleware, each kept sorted by priority (ties: registration order). */
public final class MiddlewareRegistry {

  private final Map<String, ActionMiddleware> actionByName = new ConcurrentHashMap<>();
  private final List<ActionMiddleware> globalAction = new CopyOnWriteArrayList<>();
  private final List<ConnectionMiddleware> connection = new CopyOnWriteArrayList<>();
  private final List<ChatMiddleware> chat = new CopyOnWriteArrayList<>();

  public synchronized void add(ActionMiddleware m) {
    if (actionByName.putIfAbsent(m.name(), m) != null) {
      throw new IllegalStateException("action middleware '" + m.name() + "' is registered twice");
    }
    if (m.global()) {
      insertSorted(globalAction, m, Comparator.comparingInt(ActionMiddleware::priority));
    }
  }

  public synchronized void add(ConnectionMiddleware m) {
    insertSorted(connection, m, Comparator.comparingInt(ConnectionMiddleware::priority));
  }

  public synchronized void add(ChatMiddleware m) {
    insertSorted(chat, m, Comparator.comparingInt(ChatMiddleware::priority));
  }

  /** Stable: a new element goes after every element of equal priority. */
  private static <T> void insertSorted(List<T> list, T item, Comparator<T> order) {
    List<T> copy = new ArrayList<>(list);
    int at = copy.size();
    for (int i = 0; i < copy.size(); i++) {
      if (order.compare(copy.get(i), item) > 0) {
        at = i;
        break;
      }
    }
    list.add(at, item);
  }

  public List<ActionMiddleware> globalActionMiddleware() {
    return globalAction;
  }

  public Optional<ActionMiddleware> actionMiddleware(String name) {
    return Optional.ofNullable(actionByName.get(name));
  }

  public List<ConnectionMiddleware> connectionMiddleware() {
    return connection;
  }

  public List<ChatMiddleware> chatMiddleware() {
    return chat;
  }
}
