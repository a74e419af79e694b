package org.actionhero4j.internal.socket.engineio;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The Engine.IO v4 encodings: one packet is its type digit followed by its data; a polling payload
 * is packets separated by the record separator {@code \x1e}; binary travels as {@code b<base64>}.
 */
final class PacketCodec {

  static final char SEPARATOR = '\u001e';

  private PacketCodec() {}

  /** The text form of a packet (binary as {@code b<base64>}). */
  static String encode(Packet packet) {
    if (packet instanceof Packet.Binary b) {
      return "b" + Base64.getEncoder().encodeToString(b.data());
    }
    Packet.Text t = (Packet.Text) packet;
    return t.type().digit() + t.data();
  }

  /** A payload of already encoded packets. */
  static String payload(List<String> encoded) {
    return String.join(String.valueOf(SEPARATOR), encoded);
  }

  /** Decodes one packet; empty when the text is not a valid packet. */
  static Optional<Packet> decode(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    char first = text.charAt(0);
    if (first == 'b') {
      try {
        return Optional.of(new Packet.Binary(Base64.getDecoder().decode(text.substring(1))));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    int index = first - '0';
    if (index < 0 || index >= Packet.Type.values().length) {
      return Optional.empty();
    }
    return Optional.of(new Packet.Text(Packet.Type.values()[index], text.substring(1)));
  }

  /** Decodes a polling payload; empty when any packet in it is invalid. */
  static Optional<List<Packet>> decodePayload(String payload) {
    List<Packet> packets = new ArrayList<>();
    int start = 0;
    while (start <= payload.length()) {
      int end = payload.indexOf(SEPARATOR, start);
      if (end < 0) {
        end = payload.length();
      }
      Optional<Packet> packet = decode(payload.substring(start, end));
      if (packet.isEmpty()) {
        return Optional.empty();
      }
      packets.add(packet.get());
      start = end + 1;
    }
    return Optional.of(packets);
  }
}
