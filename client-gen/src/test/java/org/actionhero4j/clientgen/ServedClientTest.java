package org.actionhero4j.clientgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The library as a real server serves it over HTTP. */
class ServedClientTest {

  @TempDir Path publicDir;

  @ParameterizedTest
  @FieldSource("org.actionhero4j.clientgen.TestServer#TRANSPORTS")
  void servedLibraryFollowsTheConfigOfEachStart(String transport) throws Exception {
    int port = TestServer.freePort();
    try (TestServer first = TestServer.start(transport, port, publicDir, Map.of("websocket.client.apiPath", "/x"))) {
      HttpResponse<String> js = first.get("/public/javascript/ActionheroWebsocketClient.js");
      assertEquals(200, js.statusCode(), js.body());
      assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"),
          js.headers().map().toString());
      assertTrue(js.body().contains("apiPath: \"/x\","));
    }
    try (TestServer second =
        TestServer.start(transport, port, publicDir, Map.of(
            "websocket.client.apiPath", "/y", "websocket.client.reconnect.max", 4321))) {
      String js = second.get("/public/javascript/ActionheroWebsocketClient.js").body();
      assertTrue(js.contains("apiPath: \"/y\","), "restart with new config serves new defaults");
      assertTrue(js.contains("max: 4321,"));
      assertFalse(js.contains("apiPath: \"/x\","));
    }
  }

  @ParameterizedTest
  @FieldSource("org.actionhero4j.clientgen.TestServer#TRANSPORTS")
  void libraryAndTypesAreServedUnderBothPaths(String transport) throws Exception {
    try (TestServer server = TestServer.start(transport, 0, publicDir, Map.of())) {
      assertEquals(200, server.get("/javascript/ActionheroWebsocketClient.js").statusCode(),
          "the root endpoint serves files too");
      HttpResponse<String> dts = server.get("/public/javascript/ActionheroWebsocketClient.d.ts");
      assertEquals(200, dts.statusCode());
      assertTrue(dts.body().contains("declare class ActionheroWebsocketClient"));
    }
  }
}
