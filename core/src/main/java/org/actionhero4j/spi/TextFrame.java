package org.actionhero4j.spi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One text message on its way out, the unit of encode-once fan-out: a broadcast makes one frame
 * and hands the same frame to the {@link SocketSession} of every receiver, so its text is encoded
 * to UTF-8 once, however many receivers there are, and each transport writes the shared bytes.
 *
 * <p>Immutable and safe to share between threads. The bytes are encoded when first asked for
 * ({@link #bytes()} or {@link #byteLength()}), without a lock: threads that ask at the same time
 * may each encode the text, and one of their equal results is kept. The encoded buffer is held in
 * a volatile field, so whichever thread sees it also sees its content.
 */
public final class TextFrame {

  private final String text;

  /** The encoded text, never handed out (only its duplicates are), so its position stays 0. */
  private volatile ByteBuffer utf8;

  private TextFrame(String text) {
    this.text = text;
  }

  /** A frame of this text; nothing is encoded yet. */
  public static TextFrame of(String text) {
    return new TextFrame(Objects.requireNonNull(text, "text"));
  }

  /** The frame's text. */
  public String text() {
    return text;
  }

  /** How many bytes the text takes in UTF-8 (encodes it, once, if that has not happened yet). */
  public int byteLength() {
    return encoded().capacity();
  }

  /**
   * The text in UTF-8: a fresh read-only buffer at position 0 over bytes shared by every caller.
   * A transport may consume it (move its position) freely; other receivers are not affected.
   */
  public ByteBuffer bytes() {
    return encoded().duplicate();
  }

  private ByteBuffer encoded() {
    ByteBuffer encoded = utf8;
    if (encoded == null) {
      encoded = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
      utf8 = encoded;
    }
    return encoded;
  }

  @Override
  public String toString() {
    return "TextFrame[" + text.length() + " chars]";
  }
}
