package org.actionhero4j.internal.socket.engineio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import org.actionhero4j.internal.Json;
import org.actionhero4j.internal.web.FakeExchange;
import org.junit.jupiter.api.Test;

/** The defect the network fuzz found in the Engine.IO server, pinned by name. */
class EngineIoFuzzRegressionTest {

  @Test
  void eachPacketOfASessionDoesNotLeaveACancelledTimeoutQueuedUntilItWouldHaveRun() throws Exception {
    EngineIoServer server = EngineIoFuzzTest.newServer(new EngineIoSettings(25_000, 20_000, 1_000_000, true, true));
    server.start();
    try {
      FakeExchange handshake = FakeExchange.get("/primus/?EIO=4&transport=polling");
      server.handle(handshake, false);
      String open = handshake.answer().text();
      String sid = String.valueOf(((Map<?, ?>) Json.decode(open.substring(1))).get("sid"));
      String noops = String.join(String.valueOf(PacketCodec.SEPARATOR), Collections.nCopies(10_000, "6"));
      FakeExchange post =
          FakeExchange.request("POST", "/primus/?EIO=4&transport=polling&sid=" + sid)
              .body(null, noops.getBytes(StandardCharsets.UTF_8));

      server.handle(post, false);

      assertEquals(200, post.answer().status());
      // the session's ping and its timeout; before the fix, one cancelled timeout per packet too
      assertTrue(server.scheduledTasks() <= 2, "timer tasks queued: " + server.scheduledTasks());
    } finally {
      server.stop();
    }
  }
}
