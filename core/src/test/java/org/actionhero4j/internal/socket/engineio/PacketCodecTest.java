package org.actionhero4j.internal.socket.engineio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketCodecTest {

  @Test
  void aPayloadSplitsOnTheRecordSeparatorIntoTypedPackets() {
    List<Packet> packets = PacketCodec.decodePayload("4\"primus::pong::1\"\u001e3\u001e4{\"a\":1}").orElseThrow();
    assertEquals(
        List.of(
            new Packet.Text(Packet.Type.MESSAGE, "\"primus::pong::1\""),
            new Packet.Text(Packet.Type.PONG, ""),
            new Packet.Text(Packet.Type.MESSAGE, "{\"a\":1}")),
        packets);
  }

  @Test
  void binaryTravelsAsBase64AfterB() {
    Packet packet = PacketCodec.decode("baGVsbG8=").orElseThrow();
    assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), ((Packet.Binary) packet).data());
    assertEquals("baGVsbG8=", PacketCodec.encode(packet));
  }

  @Test
  void anUnknownTypeOrBadBase64MakesThePayloadInvalid() {
    assertTrue(PacketCodec.decodePayload("4ok\u001e9nope").isEmpty());
    assertTrue(PacketCodec.decodePayload("b!!!").isEmpty());
    assertTrue(PacketCodec.decodePayload("").isEmpty());
  }

  @Test
  void packetsEncodeAsTheirDigitThenTheirData() {
    assertEquals("2probe", PacketCodec.encode(new Packet.Text(Packet.Type.PING, "probe")));
    assertEquals("6", PacketCodec.encode(new Packet.Text(Packet.Type.NOOP, "")));
    assertEquals("4a\u001e1", PacketCodec.payload(List.of("4a", "1")));
  }
}
