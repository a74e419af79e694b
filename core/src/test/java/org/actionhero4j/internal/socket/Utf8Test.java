package org.actionhero4j.internal.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void lengthIsTheEncodedSize() {
    for (String text : new String[] {"", "ascii", "é", "€ and more", "😀 emoji", "mixed é€😀"}) {
      assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text), text);
    }
  }
}
