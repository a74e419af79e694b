package org.actionhero4j.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static files over HTTP: where they come from, their headers, caching, and what is not found. */
class StaticFilesOverHttpTest {

  @TempDir Path root;

  private Path publicDir;
  private WebHarness web;

  @BeforeEach
  void files() throws Exception {
    publicDir = Files.createDirectories(root.resolve("public"));
    Files.writeString(publicDir.resolve("index.html"), "<h1>home</h1>");
    Files.createDirectories(publicDir.resolve("docs"));
    Files.writeString(publicDir.resolve("docs/index.html"), "<h1>docs</h1>");
    Files.writeString(publicDir.resolve("site.css"), "body{}");
    Files.write(publicDir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.setLastModifiedTime(publicDir.resolve("site.css"), FileTime.fromMillis(1_700_000_000_000L));
    Files.writeString(root.resolve("secret.txt"), "secret");
  }

  @AfterEach
  void stop() {
    if (web != null) {
      web.close();
    }
  }

  private WebHarness start(UnaryOperator<Actionhero.Builder> customize) throws Exception {
    web = WebHarness.start(publicDir, c -> {}, customize);
    return web;
  }

  private WebHarness start() throws Exception {
    return start(b -> b);
  }

  @Test
  void theRootThePublicPrefixAndDirectoriesServeIndexHtml() throws Exception {
    start();
    for (String path : List.of("/", "/public", "/public/", "/index.html", "/public/index.html")) {
      FakeExchange.Answer a = web.send(FakeExchange.get(path));
      assertEquals(200, a.status(), path);
      assertEquals("<h1>home</h1>", a.text(), path);
      assertEquals("text/html; charset=utf-8", a.header("Content-Type"), path);
    }
    assertEquals("<h1>docs</h1>", web.send(FakeExchange.get("/public/docs/")).text());
    assertEquals("<h1>docs</h1>", web.send(FakeExchange.get("/docs")).text());
  }

  @Test
  void filesCarryTheirMimeTypeCacheControlAndAWeakEtag() throws Exception {
    start();
    FakeExchange.Answer css = web.send(FakeExchange.get("/public/site.css"));
    assertEquals(200, css.status());
    assertEquals("body{}", css.text());
    assertEquals("text/css; charset=utf-8", css.header("Content-Type"));
    assertEquals("max-age=60, must-revalidate, public", css.header("Cache-Control"));
    assertEquals("W/\"6-" + Long.toHexString(1_700_000_000_000L) + "\"", css.header("ETag"));
    assertNull(css.header("Last-Modified"), "Last-Modified only without ETags");
    assertEquals("actionhero4j", css.header("X-Powered-By"));
    assertEquals("image/png", web.send(FakeExchange.get("/logo.png")).header("Content-Type"));
  }

  @Test
  void aMatchingIfNoneMatchGets304() throws Exception {
    start();
    String etag = web.send(FakeExchange.get("/site.css")).header("ETag");
    FakeExchange.Answer cached = web.send(FakeExchange.get("/site.css").header("If-None-Match", etag));
    assertEquals(304, cached.status());
    assertEquals(0, cached.response().body().length);
    assertEquals(etag, cached.header("ETag"));
    assertEquals(304, web.send(FakeExchange.get("/site.css").header("If-None-Match", "\"other\", " + etag)).status());
    assertEquals(200, web.send(FakeExchange.get("/site.css").header("If-None-Match", "W/\"1-1\"")).status());
    assertEquals(
        200,
        web.send(FakeExchange.get("/site.css").header("If-None-Match", etag).header("Cache-Control", "no-cache")).status());
  }

  @Test
  void withoutEtagsLastModifiedAndIfModifiedSinceDecide() throws Exception {
    start(b -> b.set("web.enableEtag", false));
    FakeExchange.Answer css = web.send(FakeExchange.get("/site.css"));
    assertNull(css.header("ETag"));
    assertEquals("Tue, 14 Nov 2023 22:13:20 GMT", css.header("Last-Modified"));
    assertEquals(
        304, web.send(FakeExchange.get("/site.css").header("If-Modified-Since", "Tue, 14 Nov 2023 22:13:20 GMT")).status());
    assertEquals(
        200, web.send(FakeExchange.get("/site.css").header("If-Modified-Since", "Tue, 14 Nov 2023 22:13:19 GMT")).status());
    assertEquals(200, web.send(FakeExchange.get("/site.css").header("If-Modified-Since", "yesterday")).status());
  }

  @Test
  void missingFilesAreNotFoundAsHtml() throws Exception {
    FakeExchange.Answer a = start().send(FakeExchange.get("/public/nope.txt"));
    assertEquals(404, a.status());
    assertEquals("text/html", a.header("Content-Type"));
    assertEquals("that file is not found", a.text());
  }

  @Test
  void escapingPathsAreNotFound() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("x.txt"), "secret");
    Files.createSymbolicLink(publicDir.resolve("link.txt"), root.resolve("secret.txt"));
    Files.createSymbolicLink(publicDir.resolve("linkdir"), outside);
    start();
    for (String path :
        List.of(
            "/public/../secret.txt",
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/public/%2E%2E/secret.txt",
            "/public/..%2fsecret.txt",
            "/public/..%5csecret.txt",
            "//" + root.resolve("secret.txt"),
            "/public/%2F" + root.resolve("secret.txt").toString().substring(1).replace("/", "%2F"),
            "/link.txt",
            "/linkdir/x.txt",
            "/public/%zz",
            "/public/secret.txt%00.html")) {
      FakeExchange.Answer a = web.send(FakeExchange.get(path));
      assertEquals(404, a.status(), path);
      assertEquals("that file is not found", a.text(), path);
    }
  }

  @Test
  void headOfAFileHasItsHeaders() throws Exception {
    FakeExchange.Answer a = start().send(FakeExchange.request("HEAD", "/site.css"));
    assertEquals(200, a.status());
    assertEquals("text/css; charset=utf-8", a.header("Content-Type"));
    assertNotNull(a.header("ETag"));
  }

  @Test
  void fileRequestsAlsoIssueTheFingerprintCookie() throws Exception {
    start();
    assertTrue(web.send(FakeExchange.get("/")).header("Set-Cookie").startsWith("sessionID="));
    assertNull(web.send(FakeExchange.get("/").header("Cookie", "sessionID=known")).header("Set-Cookie"));
  }

  @Test
  void filesGoToAnyOriginButOnlyListedOnesMayReadThem() throws Exception {
    start();
    FakeExchange.Answer a = web.send(FakeExchange.get("/site.css").header("Origin", "http://evil.test").header("Host", "h"));
    assertEquals(200, a.status());
    assertNull(a.header("Access-Control-Allow-Origin"));
  }

  @Test
  void aRootEndpointOfTypeApiSendsOtherPathsToActions() throws Exception {
    start(b -> b.set("web.rootEndpointType", "api"));
    assertEquals(200, web.send(FakeExchange.get("/status")).status());
    assertEquals("<h1>home</h1>", web.send(FakeExchange.get("/public/index.html")).text());
  }
}
