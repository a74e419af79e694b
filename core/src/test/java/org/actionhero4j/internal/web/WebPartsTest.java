package org.actionhero4j.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actionhero4j.config.WebConfig;
import org.actionhero4j.config.WebConfig.FingerprintOptions;
import org.junit.jupiter.api.Test;

/** The small pieces of the HTTP side, one behaviour each. */
class WebPartsTest {

  private static WebConfig withPaths(String actions, String files, String root) {
    WebConfig d = WebConfig.DEFAULTS;
    return new WebConfig(d.enabled(), d.transport(), d.port(), d.bindIp(), actions, files, root, d.queryRouting(),
        d.httpHeaders(), d.defaultErrorStatusCode(), d.returnErrorCodes(), d.flatFileCacheDuration(), d.enableEtag(),
        d.fingerprintOptions(), d.padding(), d.metadataOptions(), d.allowedOrigins(), d.maxRequestBodyBytes(),
        d.maxConnections(), d.allowedRequestHosts(), d.secure());
  }

  @Test
  void requestModesFollowThePrefixesThenTheRootType() {
    WebConfig web = WebConfig.DEFAULTS;
    assertEquals(new RequestTarget(RequestTarget.Mode.API, List.of("users", "1")), RequestTarget.of("/api/users/1/", web));
    assertEquals(new RequestTarget(RequestTarget.Mode.API, List.of()), RequestTarget.of("/api", web));
    assertEquals(new RequestTarget(RequestTarget.Mode.FILE, List.of("a.css")), RequestTarget.of("/public/a.css", web));
    assertEquals(new RequestTarget(RequestTarget.Mode.FILE, List.of("apix")), RequestTarget.of("/apix", web));
    assertEquals(new RequestTarget(RequestTarget.Mode.FILE, List.of()), RequestTarget.of("/", web));
    assertEquals(RequestTarget.Mode.API, RequestTarget.of("/x", withPaths("api", "public", "api")).mode());
    assertEquals(
        new RequestTarget(RequestTarget.Mode.API, List.of("s")), RequestTarget.of("/v1/api/s", withPaths("/v1/api", "public", "file")));
  }

  @Test
  void percentDecodingRefusesMalformedInput() {
    assertEquals(Optional.of("a b+c/é"), PercentDecoding.decode("a%20b+c%2F%C3%A9"));
    assertEquals(Optional.empty(), PercentDecoding.decode("%zz"));
    assertEquals(Optional.empty(), PercentDecoding.decode("abc%4"));
    assertEquals(Optional.empty(), PercentDecoding.decode("%C3"), "truncated UTF-8");
    assertEquals(Optional.of(".."), PercentDecoding.decode("%2e%2E"));
  }

  @Test
  void paddedJsonIsLaidOutLikeJsonStringify() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("a", 1);
    value.put("list", List.of(1, "two"));
    value.put("empty", Map.of());
    value.put("none", List.of());
    value.put("nested", Map.of("x", true));
    value.put("nothing", null);
    assertEquals(
        "{\n  \"a\": 1,\n  \"list\": [\n    1,\n    \"two\"\n  ],\n  \"empty\": {},\n  \"none\": [],\n"
            + "  \"nested\": {\n    \"x\": true\n  },\n  \"nothing\": null\n}",
        PaddedJson.write(value, 2));
    assertEquals("{\n    \"a\": \"q\\\"\"\n}", PaddedJson.write(Map.of("a", "q\""), 4));
    assertEquals("{\"a\":1}", PaddedJson.write(Map.of("a", 1), 0));
  }

  @Test
  void aFingerprintComesFromTheCookieThenTheHeaderElseIsIssued() {
    FingerprintOptions options = WebConfig.DEFAULTS.fingerprintOptions();
    Map<String, List<String>> cookie = Map.of("Cookie", List.of("a=b; sessionID=abc"), "x-sessionid", List.of("hdr"));
    assertEquals(new Fingerprint("abc", false), Fingerprint.of(n -> cookie.getOrDefault(n, List.of()), options));
    Map<String, List<String>> header = Map.of("x-sessionID", List.of("hdr"));
    assertEquals(new Fingerprint("hdr", false), Fingerprint.of(n -> header.getOrDefault(n, List.of()), options));
    Fingerprint issued = Fingerprint.of(n -> List.of(), options);
    assertTrue(issued.issued());
    assertTrue(issued.value().matches("[0-9a-f]{40}"), issued.value());
  }

  @Test
  void anIssuedFingerprintIsSetAsActionheroWritesTheCookie() {
    FingerprintOptions options = WebConfig.DEFAULTS.fingerprintOptions();
    // 2025-06-04T07:00:00Z minus the hour the cookie lives
    long now = 1_749_020_400_000L - 3_600_000L;
    assertEquals(
        Optional.of("sessionID=f00;path=/;expires=Wed, 04 Jun 2025 07:00:00 GMT;"),
        new Fingerprint("f00", true).setCookie(options, now, false));
    assertEquals(Optional.empty(), new Fingerprint("f00", false).setCookie(options, now, false));
    assertEquals(
        Optional.empty(), new Fingerprint("f00", true).setCookie(new FingerprintOptions("sessionID", false, "/", 1), now, false));
  }

  @Test
  void jsonBodiesKeepTheirTypesAndArraysBecomePayload() throws Exception {
    Map<String, Object> object = BodyParams.parse("application/json; charset=utf-8", bytes("{\"n\":3,\"b\":true,\"o\":{\"k\":[1]}}"));
    assertEquals(3, object.get("n"));
    assertEquals(true, object.get("b"));
    assertEquals(Map.of("k", List.of(1)), object.get("o"));
    assertEquals(Map.of("payload", List.of(1, 2)), BodyParams.parse("application/json", bytes("[1,2]")));
    assertEquals(Map.of(), BodyParams.parse("application/json", bytes("  ")));
    assertEquals(Map.of(), BodyParams.parse("text/plain", bytes("a=1")));
    assertEquals(Map.of(), BodyParams.parse(null, bytes("{\"a\":1}")));
  }

  @Test
  void invalidJsonBodiesAreRefusedWithAClearMessage() {
    BodyParams.InvalidBodyException e =
        assertThrows(BodyParams.InvalidBodyException.class, () -> BodyParams.parse("application/json", bytes("{nope")));
    assertTrue(e.getMessage().startsWith("the request body is not valid JSON"), e.getMessage());
    assertThrows(BodyParams.InvalidBodyException.class, () -> BodyParams.parse("application/json", bytes("42")));
  }

  @Test
  void formBodiesGiveStringFields() throws Exception {
    assertEquals(
        Map.of("a", "1", "b", "x y"), BodyParams.parse("application/x-www-form-urlencoded", bytes("a=1&b=x+y")));
    String multipart =
        "--XyZ\r\nContent-Disposition: form-data; name=\"first\"\r\n\r\nvalue one\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nfile body\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"second\"\r\n\r\n\r\n--XyZ--\r\n";
    assertEquals(
        Map.of("first", "value one", "second", ""),
        BodyParams.parse("multipart/form-data; boundary=XyZ", bytes(multipart)));
    assertThrows(
        BodyParams.InvalidBodyException.class,
        () -> BodyParams.parse("multipart/form-data; boundary=XyZ", bytes("no delimiter here")));
  }

  @Test
  void crossOriginVerdicts() {
    CrossOrigin none = new CrossOrigin(List.of(), new RequestHosts(List.of()));
    assertEquals(CrossOrigin.Verdict.SAME_ORIGIN, none.check(null, "example.com"));
    assertEquals(CrossOrigin.Verdict.REFUSED, none.check("http://example.com", "example.com:80"),
        "a name nobody configured is not trusted as same-origin (DNS rebinding)");
    assertEquals(CrossOrigin.Verdict.SAME_ORIGIN, none.check("http://127.0.0.1:8080", "127.0.0.1:8080"));
    CrossOrigin configured = new CrossOrigin(List.of(), new RequestHosts(List.of("http://example.com")));
    assertEquals(CrossOrigin.Verdict.SAME_ORIGIN, configured.check("http://example.com", "example.com:80"));
    assertEquals(CrossOrigin.Verdict.REFUSED, configured.check("http://evil.test:80", "evil.test:80"));
    assertEquals(CrossOrigin.Verdict.SAME_ORIGIN, none.check("http://localhost:8080", "localhost:8080"));
    assertEquals(CrossOrigin.Verdict.REFUSED, none.check("http://evil.test", "example.com"));
    assertEquals(CrossOrigin.Verdict.REFUSED, none.check("null", "example.com"));
    assertEquals(CrossOrigin.Verdict.ALLOWED, new CrossOrigin(List.of("*"), new RequestHosts(List.of())).check("http://any.test", "example.com"));
    assertEquals(
        CrossOrigin.Verdict.ALLOWED, new CrossOrigin(List.of("http://App.test"), new RequestHosts(List.of())).check("http://app.test", "example.com"));
  }

  @Test
  void listedOriginsAreEchoedWithCredentialsWhileAStarKeepsTheConfiguredHeader() {
    Responses listed = Responses.status(200).headers(WebConfig.DEFAULTS.httpHeaders());
    new CrossOrigin(List.of("http://app.test"), new RequestHosts(List.of())).apply(CrossOrigin.Verdict.ALLOWED, "http://app.test", listed);
    Map<String, List<String>> h = listed.empty().headers();
    assertEquals(List.of("http://app.test"), h.get("Access-Control-Allow-Origin"));
    assertEquals(List.of("Origin"), h.get("Vary"));
    assertEquals(List.of("true"), h.get("Access-Control-Allow-Credentials"));

    Responses sameOrigin = Responses.status(200).headers(WebConfig.DEFAULTS.httpHeaders());
    new CrossOrigin(List.of("http://app.test"), new RequestHosts(List.of())).apply(CrossOrigin.Verdict.SAME_ORIGIN, null, sameOrigin);
    assertFalse(sameOrigin.empty().headers().containsKey("Access-Control-Allow-Origin"));
    assertEquals(List.of("Origin"), sameOrigin.empty().headers().get("Vary"));

    Responses star = Responses.status(200).headers(WebConfig.DEFAULTS.httpHeaders());
    new CrossOrigin(List.of("*"), new RequestHosts(List.of())).apply(CrossOrigin.Verdict.ALLOWED, "http://app.test", star);
    assertEquals(List.of("*"), star.empty().headers().get("Access-Control-Allow-Origin"));

    Responses refused = Responses.status(200).headers(WebConfig.DEFAULTS.httpHeaders());
    new CrossOrigin(List.of(), new RequestHosts(List.of())).apply(CrossOrigin.Verdict.REFUSED, "http://evil.test", refused);
    assertFalse(refused.empty().headers().containsKey("Access-Control-Allow-Origin"));
  }

  @Test
  void jsonpCallbackNamesAreEscapedAndLoseParentheses() {
    assertEquals("cb&lt;x&gt;&amp;&quot;&#39;alert1", Envelope.callbackName("cb<x>&\"'alert(1)"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
