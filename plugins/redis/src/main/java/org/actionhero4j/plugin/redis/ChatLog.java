package org.actionhero4j.plugin.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded log of each room's chat (a Redis stream, trimmed by length and age), so that nothing
 * is lost between a node and Redis. Publishing appends to the log and publishes the message with
 * its log id and the id before it; a node that sees a message whose predecessor it did not deliver
 * (its subscription dropped, or it lagged) reads the gap from the log first. After every
 * resubscription it reads what it missed in each room it delivers to. The same log answers a
 * client that asks, after a reconnect, for what it missed.
 *
 * <p>{@link #received} and {@link #catchUp} run on the node's one chat delivery thread.
 */
final class ChatLog {

  private static final Logger log = LoggerFactory.getLogger(ChatLog.class);

  /** How many messages a room's log keeps at least (trimmed approximately, so a few more). */
  static final int LENGTH = 1000;
  /** Messages older than this leave the log; a room silent for this long loses its log. */
  static final long MAX_AGE_MILLIS = 10 * 60_000;
  /** How many entries one catch-up read takes at a time. */
  private static final int PAGE = 500;

  private final RedisLink link;
  private final ClusterKeys keys;
  private final BusMessages messages;
  /** The last log id delivered per room this node has members in (chat thread only). */
  private final Map<String, StreamId> delivered = new HashMap<>();

  ChatLog(RedisLink link, ClusterKeys keys, BusMessages messages) {
    this.link = link;
    this.keys = keys;
    this.messages = messages;
  }

  /** Appends a chat message to its room's log and publishes it; returns its log id. */
  String append(String room, Map<String, Object> message) {
    return link.eval(
        ClusterScripts.APPEND_CHAT,
        ScriptOutputType.VALUE,
        new String[] {keys.chatLog(room)},
        String.valueOf(LENGTH),
        String.valueOf(MAX_AGE_MILLIS),
        keys.chatChannel(),
        BusMessages.encode(message),
        link.sharded() ? "SPUBLISH" : "PUBLISH");
  }

  /**
   * A live chat message: delivered when it follows what this node delivered; a gap before it is
   * read from the log first; a message already delivered is dropped.
   *
   * @param tracked whether this node has members in the room (only those rooms are followed)
   */
  void received(Map<String, Object> message, boolean tracked, Consumer<Map<String, Object>> deliver) {
    String room = String.valueOf(message.get("room"));
    Optional<StreamId> id = StreamId.parse(message.get("logId"));
    if (!tracked || id.isEmpty()) {
      delivered.remove(room);
      deliver.accept(message);
      return;
    }
    StreamId last = delivered.get(room);
    if (last != null && id.get().compareTo(last) <= 0) {
      return;
    }
    Optional<StreamId> prev = StreamId.parse(message.get("logPrev"));
    if (last != null && prev.isPresent() && prev.get().compareTo(last) > 0) {
      try {
        readGap(room, last, id.get(), deliver);
      } catch (RuntimeException e) {
        log.warn("chat messages of room {} before {} are lost for this node: the log cannot be read ({})",
            room, id.get(), e.getMessage());
      }
    }
    delivered.put(room, id.get());
    deliver.accept(message);
  }

  /** Reads and delivers what each followed room logged after this node's last delivery there. */
  void catchUp(Predicate<String> stillTracked, Consumer<Map<String, Object>> deliver) {
    for (Map.Entry<String, StreamId> e : List.copyOf(delivered.entrySet())) {
      if (!stillTracked.test(e.getKey())) {
        delivered.remove(e.getKey());
        continue;
      }
      readGap(e.getKey(), e.getValue(), null, deliver);
    }
  }

  /** Delivers the entries after {@code after}, up to but excluding {@code before} (null: to the end). */
  private void readGap(String room, StreamId after, StreamId before, Consumer<Map<String, Object>> deliver) {
    StreamId cursor = after;
    int caughtUp = 0;
    while (true) {
      List<StreamMessage<String, String>> page = read(room, cursor, before);
      for (StreamMessage<String, String> entry : page) {
        StreamId id = StreamId.parse(entry.getId()).orElseThrow();
        cursor = id;
        delivered.put(room, id);
        entryMessage(entry).ifPresent(m -> {
          m.put("logId", entry.getId());
          deliver.accept(m);
        });
        caughtUp++;
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    if (caughtUp > 0) {
      log.info("caught up with {} chat messages of room {} from its log", caughtUp, room);
    }
  }

  private List<StreamMessage<String, String>> read(String room, StreamId after, StreamId before) {
    Range.Boundary<String> upper =
        before == null ? Range.Boundary.unbounded() : Range.Boundary.excluding(before.toString());
    return link.call(c -> c.xrange(
        keys.chatLog(room),
        Range.from(Range.Boundary.excluding(after.toString()), upper),
        Limit.from(PAGE)));
  }

  /**
   * At most {@code limit} of the most recent messages of a room's log after {@code afterId}, oldest
   * first, each with its {@code logId}.
   */
  List<Map<String, Object>> since(String room, String afterId, int limit) {
    Optional<StreamId> after = StreamId.parse(afterId);
    if (after.isEmpty() || limit <= 0) {
      return List.of();
    }
    List<StreamMessage<String, String>> newestFirst =
        link.call(c -> c.xrevrange(
            keys.chatLog(room),
            Range.from(Range.Boundary.excluding(after.get().toString()), Range.Boundary.unbounded()),
            Limit.from(limit)));
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      StreamMessage<String, String> entry = newestFirst.get(i);
      entryMessage(entry).ifPresent(m -> {
        m.put("logId", entry.getId());
        out.add(m);
      });
    }
    return out;
  }

  /** The logged message, if it is this cluster's (a node with another token may share the log). */
  private Optional<Map<String, Object>> entryMessage(StreamMessage<String, String> entry) {
    String text = entry.getBody().get("m");
    if (text == null) {
      return Optional.empty();
    }
    return messages.accept(keys.chatChannel(), text)
        .filter(BusMessages.Received::trusted)
        .map(r -> new java.util.LinkedHashMap<>(r.message()));
  }

  /** A Redis stream id, {@code <ms>-<seq>}, in log order. */
  record StreamId(long millis, long sequence) implements Comparable<StreamId> {

    static Optional<StreamId> parse(Object text) {
      if (!(text instanceof String s)) {
        return Optional.empty();
      }
      int dash = s.indexOf('-');
      try {
        return dash < 0
            ? Optional.empty()
            : Optional.of(new StreamId(Long.parseLong(s.substring(0, dash)), Long.parseLong(s.substring(dash + 1))));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    @Override
    public int compareTo(StreamId o) {
      int c = Long.compare(millis, o.millis);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }

    @Override
    public String toString() {
      return millis + "-" + sequence;
    }
  }
}
