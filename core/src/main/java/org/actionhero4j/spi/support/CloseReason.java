package org.actionhero4j.spi.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.actionhero4j.spi.CloseCode;

/** Close frame payloads: a status and a reason that fits a control frame. */
public final class CloseReason {

  /** The most reason bytes a close frame holds (125 minus the 2 of the status). */
  public static final int MAX_REASON_BYTES = 123;

  private CloseReason() {}

  /** {@code reason} cut to {@link #MAX_REASON_BYTES} UTF-8 bytes, never inside a character. */
  public static String truncate(String reason) {
    byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_REASON_BYTES) {
      return reason;
    }
    int end = MAX_REASON_BYTES;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--; // back up to the lead byte of the character that does not fit
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  /** The payload of a close frame: empty for a code that cannot be sent, else status and reason. */
  public static ByteBuffer payload(CloseCode code, String reason) {
    if (!code.sendable()) {
      return ByteBuffer.allocate(0);
    }
    byte[] text = truncate(reason).getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(2 + text.length);
    buffer.putShort((short) code.value()).put(text).flip();
    return buffer;
  }

  /** The status and reason of a received close frame payload; no status reads as 1005. */
  public static Received parse(byte[] payload) {
    if (payload.length < 2) {
      return new Received(CloseCode.NO_STATUS, "");
    }
    int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    return new Received(new CloseCode(Math.min(code, 4999)), new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
  }

  /** A status and reason as a peer sent them. */
  public record Received(CloseCode code, String reason) {}
}
