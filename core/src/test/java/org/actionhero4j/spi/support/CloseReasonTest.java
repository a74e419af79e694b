package org.actionhero4j.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.actionhero4j.spi.CloseCode;
import org.junit.jupiter.api.Test;

class CloseReasonTest {

  @Test
  void aLongReasonIsCutTo123BytesOnACharacterBoundary() {
    String reason = "é".repeat(100); // 200 bytes, 2 per character
    String cut = CloseReason.truncate(reason);
    assertEquals(122, cut.getBytes(StandardCharsets.UTF_8).length);
    assertEquals("é".repeat(61), cut);
    assertEquals("short", CloseReason.truncate("short"));
  }

  @Test
  void aPayloadCarriesTheCodeAndTheCutReason() {
    ByteBuffer payload = CloseReason.payload(CloseCode.GOING_AWAY, "x".repeat(200));
    assertEquals(125, payload.remaining());
    assertEquals(1001, payload.getShort());
    assertEquals(0, CloseReason.payload(CloseCode.NO_STATUS, "ignored").remaining());
  }

  @Test
  void aPayloadWithoutStatusReadsAsNoStatus() {
    assertEquals(CloseCode.NO_STATUS, CloseReason.parse(new byte[0]).code());
    CloseReason.Received received = CloseReason.parse(new byte[] {0x0F, (byte) 0xA1, 'o', 'k'});
    assertEquals(new CloseCode(4001), received.code());
    assertEquals("ok", received.reason());
  }

  @Test
  void onlyAssignedCodesAreSendable() {
    assertTrue(CloseCode.NORMAL.sendable());
    assertTrue(new CloseCode(4999).sendable());
    assertFalse(CloseCode.NO_STATUS.sendable());
    assertFalse(CloseCode.ABNORMAL.sendable());
    assertFalse(new CloseCode(1015).sendable());
    assertThrows(IllegalArgumentException.class, () -> new CloseCode(5000));
  }
}
