package org.actionhero4j.internal.socket.engineio;

/** One Engine.IO v4 packet: a typed text packet, or a binary message. */
sealed interface Packet {

  /** The packet types of Engine.IO v4, each written as its digit. */
  enum Type {
    OPEN,
    CLOSE,
    PING,
    PONG,
    MESSAGE,
    UPGRADE,
    NOOP;

    char digit() {
      return (char) ('0' + ordinal());
    }
  }

  /** A packet whose data (possibly empty) is text. */
  record Text(Type type, String data) implements Packet {}

  /** A binary message ({@code b<base64>} in a polling payload, a binary frame over WebSocket). */
  record Binary(byte[] data) implements Packet {}
}
