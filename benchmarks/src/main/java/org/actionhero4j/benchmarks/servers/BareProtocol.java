package org.actionhero4j.benchmarks.servers;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the bare servers answer, with no framework: string scans instead of a JSON parser, just
 * enough for the generator's frames. {@code action} → {@code {"message":...,"context":"response",
 * "messageId":n}}; {@code roomAdd} → OK and membership of the one room; {@code say} → OK, then one
 * frame, built once, written to every member. Primus pongs are ignored; the bare servers send no
 * heartbeats of their own.
 *
 * @param <S> the transport's socket type
 */
public final class BareProtocol<S> {

  public static final String WELCOME = "{\"welcome\":\"Welcome to the bare api\",\"context\":\"api\"}";

  /** How to write text to a socket. */
  public interface Sender<S> {
    void send(S socket, String text);
  }

  private final Sender<S> sender;
  private final Set<S> members = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong();

  public BareProtocol(Sender<S> sender) {
    this.sender = sender;
  }

  public void onOpen(S socket) {
    sender.send(socket, WELCOME);
  }

  public void onClose(S socket) {
    members.remove(socket);
  }

  public void onText(S socket, String text) {
    if (text.startsWith("\"primus::")) {
      return;
    }
    String id = messageId(text);
    if (text.contains("\"event\":\"action\"")) {
      String message = stringField(text, "message");
      sender.send(
          socket,
          "{\"message\":\"" + (message == null ? "" : message) + "\",\"context\":\"response\",\"messageId\":" + id + "}");
    } else if (text.contains("\"event\":\"roomAdd\"")) {
      members.add(socket);
      sender.send(socket, "{\"status\":\"OK\",\"context\":\"response\",\"data\":true,\"messageId\":" + id + "}");
    } else if (text.contains("\"event\":\"say\"")) {
      sender.send(socket, "{\"status\":\"OK\",\"context\":\"response\",\"messageId\":" + id + "}");
      String message = stringField(text, "message");
      String frame =
          "{\"message\":\"" + message + "\",\"room\":\"defaultRoom\",\"from\":\"bare-" + ids.incrementAndGet()
              + "\",\"context\":\"user\",\"sentAt\":" + System.currentTimeMillis() + "}";
      for (S member : members) {
        sender.send(member, frame);
      }
    } else {
      sender.send(socket, "{\"error\":\"unknown event\",\"context\":\"response\",\"messageId\":" + id + "}");
    }
  }

  /** The HTTP side: {@code /api/echo?message=x} and {@code /api/heap}; null for 404. */
  public static String http(String path, String query) {
    if (path.equals("/api/echo")) {
      String message = "";
      if (query != null) {
        for (String pair : query.split("&")) {
          if (pair.startsWith("message=")) {
            message = java.net.URLDecoder.decode(pair.substring(8), java.nio.charset.StandardCharsets.UTF_8);
          }
        }
      }
      return "{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
    if (path.equals("/api/heap")) {
      return "{\"heapUsed\":" + heapAfterGc() + "}";
    }
    return null;
  }

  /** Runs a full GC and returns the heap then in use. */
  public static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static String messageId(String text) {
    int at = text.lastIndexOf("\"messageId\":");
    if (at < 0) {
      return "null";
    }
    int from = at + 12;
    int to = from;
    while (to < text.length() && text.charAt(to) != ',' && text.charAt(to) != '}') {
      to++;
    }
    return text.substring(from, to);
  }

  /** A string field's raw (still escaped) text; enough for the generator's plain messages. */
  static String stringField(String text, String name) {
    String key = "\"" + name + "\":\"";
    int at = text.indexOf(key);
    if (at < 0) {
      return null;
    }
    int from = at + key.length();
    int to = from;
    while (to < text.length() && !(text.charAt(to) == '"' && text.charAt(to - 1) != '\\')) {
      to++;
    }
    return text.substring(from, to);
  }

}
