package org.actionhero4j;

/**
 * A chat message on its way to a room's members.
 *
 * @param from the sender's connection id, {@code "0"} for the server
 * @param message any JSON value: string, number, boolean, list or map
 * @param sentAt epoch milliseconds
 */
public record ChatMessage(String room, String from, Object message, long sentAt) {}
