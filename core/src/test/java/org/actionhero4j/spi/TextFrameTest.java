package org.actionhero4j.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TextFrameTest {

  private static final String[] TEXTS = {
    "", "ascii", "é", "€ and more", "😀 emoji", "mixed é€😀 𝄞 and 🇫🇷", "{\"message\":\"hi 👋\"}",
    "unpaired \uD83D surrogate", "trailing high \uD83D"
  };

  private static byte[] read(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  @Test
  void bytesAreTheTextInUtf8() {
    for (String text : TEXTS) {
      TextFrame frame = TextFrame.of(text);
      byte[] expected = text.getBytes(StandardCharsets.UTF_8);
      assertSame(text, frame.text());
      assertArrayEquals(expected, read(frame.bytes()), text);
      assertEquals(expected.length, frame.byteLength(), text);
    }
  }

  @Test
  void byteLengthBeforeBytesIsTheSame() {
    for (String text : TEXTS) {
      TextFrame frame = TextFrame.of(text);
      assertEquals(text.getBytes(StandardCharsets.UTF_8).length, frame.byteLength(), text);
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), read(frame.bytes()), text);
    }
  }

  @Test
  void eachCallerGetsItsOwnReadOnlyView() {
    TextFrame frame = TextFrame.of("shared 😀");
    ByteBuffer first = frame.bytes();
    ByteBuffer second = frame.bytes();
    assertTrue(first.isReadOnly());
    assertEquals(0, first.position());
    assertThrows(ReadOnlyBufferException.class, () -> first.put(0, (byte) 'x'));

    read(first); // consumed, as a transport's write consumes it
    assertEquals(0, first.remaining());
    assertEquals(0, second.position());
    assertEquals(frame.byteLength(), second.remaining());
    ByteBuffer third = frame.bytes();
    assertEquals(0, third.position());
    assertArrayEquals("shared 😀".getBytes(StandardCharsets.UTF_8), read(third));
  }

  @Test
  void concurrentFirstUseSeesTheWholeText() throws Exception {
    String text = "broadcast é€😀 ".repeat(200);
    byte[] expected = text.getBytes(StandardCharsets.UTF_8);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 200; round++) {
        TextFrame frame = TextFrame.of(text);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<byte[]>> seen = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          boolean lengthFirst = t % 2 == 0;
          seen.add(
              pool.submit(
                  () -> {
                    go.await();
                    if (lengthFirst) {
                      assertEquals(expected.length, frame.byteLength());
                    }
                    return read(frame.bytes());
                  }));
        }
        go.countDown();
        for (Future<byte[]> bytes : seen) {
          assertArrayEquals(expected, bytes.get());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nullTextIsRefused() {
    assertThrows(NullPointerException.class, () -> TextFrame.of(null));
  }
}
