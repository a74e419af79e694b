package org.actionhero4j.spi.support;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A strict decoder of HTTP/1.1 chunked request bodies (RFC 9112 section 7.1), for a transport
 * whose server decodes chunks too leniently or gives up on broken framing by closing the
 * connection: with this one the transport can fail the read and let core answer 400 with a reason.
 *
 * <p>Chunk sizes must be hexadecimal and fit a {@code long}; a chunk's data must be followed by a
 * line end; extensions are skipped and trailer fields read and dropped, each line within {@link
 * #MAX_LINE_BYTES}. A bare LF is taken as a line end (RFC 9112 allows it), a CR not followed by LF
 * is not. One instance decodes one body and is not thread-safe.
 */
public final class ChunkedDecoder {

  /** The most bytes of a chunk-size line (with its extensions) or of one trailer line. */
  public static final int MAX_LINE_BYTES = 8192;

  /** The chunk framing of a request body is broken; the message says how. */
  public static final class MalformedChunksException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedChunksException(String message) {
      super(message);
    }
  }

  private enum Step { SIZE_FIRST, SIZE, SIZE_SPACE, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER, TRAILER_LINE, TRAILER_LF, LAST_LF, DONE }

  private Step step = Step.SIZE_FIRST;
  private long size;
  private int lineBytes;

  /** Whether the last chunk and the trailer section have been read: the body is complete. */
  public boolean finished() {
    return step == Step.DONE;
  }

  /**
   * Consumes framing from {@code in} and copies chunk data into {@code out}, until {@code in} is
   * empty, {@code out} is full or the body is complete ({@code in} then holds what follows it).
   *
   * @return the number of body bytes copied into {@code out}
   * @throws MalformedChunksException when the framing is broken
   */
  public int decode(ByteBuffer in, ByteBuffer out) throws MalformedChunksException {
    int copied = 0;
    while (in.hasRemaining() && step != Step.DONE) {
      if (step == Step.DATA) {
        int n = (int) Math.min(size, Math.min(in.remaining(), out.remaining()));
        if (n == 0) {
          break; // out is full
        }
        ByteBuffer slice = in.slice();
        slice.limit(n);
        out.put(slice);
        in.position(in.position() + n);
        copied += n;
        size -= n;
        if (size == 0) {
          step = Step.DATA_CR;
        }
        continue;
      }
      byte b = in.get();
      if (++lineBytes > MAX_LINE_BYTES) {
        throw new MalformedChunksException("a chunk or trailer line is longer than " + MAX_LINE_BYTES + " bytes");
      }
      step = next(step, b);
    }
    return copied;
  }

  private Step next(Step at, byte b) throws MalformedChunksException {
    return switch (at) {
      case SIZE_FIRST, SIZE -> size(at, b);
      case SIZE_SPACE -> b == ' ' || b == '\t' ? Step.SIZE_SPACE : b == ';' ? Step.EXTENSION : lineEnd(b, Step.SIZE_LF, "chunk size");
      case EXTENSION -> b == '\r' ? Step.SIZE_LF : b == '\n' ? sizeRead() : Step.EXTENSION;
      case SIZE_LF -> {
        requireLf(b, "chunk size");
        yield sizeRead();
      }
      case DATA_CR -> lineEnd(b, Step.DATA_LF, "chunk data");
      case DATA_LF -> {
        requireLf(b, "chunk data");
        yield line(Step.SIZE_FIRST);
      }
      case TRAILER -> b == '\r' ? Step.LAST_LF : b == '\n' ? Step.DONE : Step.TRAILER_LINE;
      case TRAILER_LINE -> b == '\r' ? Step.TRAILER_LF : b == '\n' ? line(Step.TRAILER) : Step.TRAILER_LINE;
      case TRAILER_LF -> {
        requireLf(b, "trailer field");
        yield line(Step.TRAILER);
      }
      case LAST_LF -> {
        requireLf(b, "trailer section");
        yield Step.DONE;
      }
      case DATA, DONE -> throw new IllegalStateException(at.name());
    };
  }

  private Step size(Step at, byte b) throws MalformedChunksException {
    int digit = Character.digit(b, 16);
    if (digit >= 0) {
      if (size > (Long.MAX_VALUE >> 4)) {
        throw new MalformedChunksException("a chunk size is too large");
      }
      size = (size << 4) | digit;
      return Step.SIZE;
    }
    if (at == Step.SIZE_FIRST) {
      throw new MalformedChunksException("a chunk size is not a hexadecimal number");
    }
    return switch (b) {
      case ' ', '\t' -> Step.SIZE_SPACE;
      case ';' -> Step.EXTENSION;
      default -> lineEnd(b, Step.SIZE_LF, "chunk size");
    };
  }

  /** CR leads to {@code afterCr}; a bare LF ends the line at once; anything else is an error. */
  private Step lineEnd(byte b, Step afterCr, String what) throws MalformedChunksException {
    if (b == '\r') {
      return afterCr;
    }
    if (b == '\n') {
      return afterCr == Step.SIZE_LF ? sizeRead() : line(Step.SIZE_FIRST);
    }
    throw new MalformedChunksException("a " + what + " is followed by '" + printable(b) + "', not a line end");
  }

  private static void requireLf(byte b, String what) throws MalformedChunksException {
    if (b != '\n') {
      throw new MalformedChunksException("a CR after the " + what + " is not followed by LF");
    }
  }

  private Step sizeRead() {
    lineBytes = 0;
    return size == 0 ? Step.TRAILER : Step.DATA;
  }

  private Step line(Step start) {
    lineBytes = 0;
    size = 0;
    return start;
  }

  private static String printable(byte b) {
    return b >= 0x21 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b & 0xFF);
  }
}
