package org.actionhero4j.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.actionhero4j.spi.support.ChunkedDecoder.MalformedChunksException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkedDecoderTest {

  /** Decodes {@code wire} fed {@code step} bytes at a time into an output of {@code room} bytes. */
  private static Decoded decode(String wire, int step, int room) throws MalformedChunksException {
    ChunkedDecoder decoder = new ChunkedDecoder();
    byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    ByteBuffer out = ByteBuffer.allocate(room);
    int at = 0;
    ByteBuffer in = ByteBuffer.allocate(0);
    while (!decoder.finished() && (in.hasRemaining() || at < bytes.length)) {
      if (!in.hasRemaining()) {
        int n = Math.min(step, bytes.length - at);
        in = ByteBuffer.wrap(bytes, at, n);
        at += n;
      }
      decoder.decode(in, out);
      out.flip();
      body.write(out.array(), 0, out.limit());
      out.clear();
    }
    String rest = new String(bytes, in.position(), bytes.length - in.position(), StandardCharsets.ISO_8859_1);
    return new Decoded(decoder.finished(), body.toString(StandardCharsets.ISO_8859_1), in.hasRemaining() || at < bytes.length ? rest : "");
  }

  private record Decoded(boolean finished, String body, String rest) {}

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 1024})
  void decodesChunksExtensionsAndTrailersFedInAnyPieces(int step) throws Exception {
    String wire = "5\r\nhello\r\n6;name=\"x\"\r\n world\r\nA \t;ext\r\n0123456789\r\n0\r\nX-Trailer: 1\r\n\r\n";
    Decoded decoded = decode(wire, step, 3);
    assertTrue(decoded.finished());
    assertEquals("hello world0123456789", decoded.body());
  }

  @Test
  void stopsAtTheEndOfTheBodyAndLeavesWhatFollows() throws Exception {
    ChunkedDecoder decoder = new ChunkedDecoder();
    ByteBuffer in = ByteBuffer.wrap("3\r\nabc\r\n0\r\n\r\nGET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
    ByteBuffer out = ByteBuffer.allocate(64);
    assertEquals(3, decoder.decode(in, out));
    assertTrue(decoder.finished());
    assertEquals("GET / HTTP/1.1\r\n", StandardCharsets.US_ASCII.decode(in).toString());
  }

  @Test
  void acceptsBareLineFeeds() throws Exception {
    Decoded decoded = decode("3\nabc\n0\n\n", 1024, 64);
    assertTrue(decoded.finished());
    assertEquals("abc", decoded.body());
  }

  @Test
  void anUnfinishedBodyIsNotFinished() throws Exception {
    Decoded decoded = decode("5\r\nhel", 1024, 64);
    assertFalse(decoded.finished());
    assertEquals("hel", decoded.body());
  }

  @Test
  void refusesBrokenFramingWithAReason() {
    assertRefused("zz\r\nabc\r\n0\r\n\r\n", "not a hexadecimal number");
    assertRefused("\r\nabc\r\n0\r\n\r\n", "not a hexadecimal number");
    assertRefused("FFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n", "too large");
    assertRefused("3x\r\nabc\r\n0\r\n\r\n", "followed by 'x'");
    assertRefused("3\r\nabcd\r\n0\r\n\r\n", "chunk data is followed by 'd'");
    assertRefused("3\rXabc\r\n0\r\n\r\n", "not followed by LF");
    assertRefused("-3\r\nabc\r\n0\r\n\r\n", "not a hexadecimal number");
    assertRefused("3;" + "e".repeat(ChunkedDecoder.MAX_LINE_BYTES) + "\r\nabc\r\n0\r\n\r\n", "longer than");
  }

  private static void assertRefused(String wire, String reason) {
    MalformedChunksException e = assertThrows(MalformedChunksException.class, () -> decode(wire, 1024, 64));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
