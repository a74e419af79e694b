package org.actionhero4j;

/**
 * A chat message on its way to a room's members.
 *
 * @param from the sender's connection id, {@code "0"} for the server
 * @param message any JSON value: string, number, boolean, list or map
 * @param sentAt epoch milliseconds
 * @param id the message's id in its room's log, ordered within the room; {@code ""} until the
 *     cluster bus logged it. A client that reconnects asks for the messages after the last id it saw.
 */
public record ChatMessage(String room, String from, Object message, long sentAt, String id) {

  /** A message not logged yet (no id). */
  public ChatMessage(String room, String from, Object message, long sentAt) {
    this(room, from, message, sentAt, "");
  }

  /** This message with its log id. */
  public ChatMessage withId(String logId) {
    return new ChatMessage(room, from, message, sentAt, logId);
  }
}
