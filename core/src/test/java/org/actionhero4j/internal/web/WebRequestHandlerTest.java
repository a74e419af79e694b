package org.actionhero4j.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Connection;
import org.actionhero4j.ConnectionMiddleware;
import org.actionhero4j.Input;
import org.actionhero4j.PluginContext;
import org.actionhero4j.TestApps;
import org.actionhero4j.config.RoutesConfig.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Actions over HTTP, driven through {@link WebRequestHandler} with fake exchanges. */
class WebRequestHandlerTest {

  @TempDir Path publicDir;

  private WebHarness web;
  private final List<String> createdConnections = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (web != null) {
      web.close();
    }
  }

  private void register(PluginContext c) {
    c.action(
        TestApps.action(
            ActionDefinition.named("echo")
                .input(Input.named("message"))
                .input(Input.named("count"))
                .input(Input.named("name"))
                .input(Input.named("id"))
                .input(Input.named("payload")),
            ctx -> Map.of("params", new LinkedHashMap<>(ctx.params()))));
    c.action(
        TestApps.action(ActionDefinition.named("requiresKey").input(Input.named("key").required()), ctx -> Map.of()));
    c.action(
        TestApps.action(
            ActionDefinition.named("paymentRequired"),
            ctx -> {
              throw ActionheroException.withStatus(402, "pay first");
            }));
    c.action(
        TestApps.action(
            ActionDefinition.named("boom"),
            ctx -> {
              throw new IllegalStateException("kaboom");
            }));
    c.action(
        TestApps.action(
            ActionDefinition.named("npe"),
            ctx -> {
              String s = null;
              return Map.of("length", s.length());
            }));
    c.action(
        TestApps.action(
            ActionDefinition.named("times")
                .input(
                    Input.named("times")
                        .formatter((v, ctx) -> Integer.parseInt(v.toString()))
                        .validator(org.actionhero4j.Validator.of(v -> (Integer) v <= 5, "times must be 1 to 5"))),
            ctx -> Map.of()));
    c.action(
        TestApps.action(
            ActionDefinition.named("silent"),
            ctx -> {
              ctx.setToRender(false);
              return Map.of();
            }));
    c.action(TestApps.action(ActionDefinition.named("versioned").version(1), ctx -> Map.of("version", 1)));
    c.action(TestApps.action(ActionDefinition.named("versioned").version(2), ctx -> Map.of("version", 2)));
    c.connectionMiddleware(
        new ConnectionMiddleware() {
          @Override
          public String name() {
            return "recorder";
          }

          @Override
          public void create(Connection connection) {
            if (connection.fingerprint().equals("refuse-me")) {
              throw new ActionheroException("not you");
            }
            if (connection.fingerprint().equals("unauthorized")) {
              throw ActionheroException.withStatus(401, "log in first");
            }
            createdConnections.add(connection.type() + " " + connection.id());
          }
        });
  }

  private WebHarness start(UnaryOperator<Actionhero.Builder> customize) throws Exception {
    web =
        WebHarness.start(
            publicDir,
            this::register,
            b ->
                customize.apply(
                    b.set(
                            "routes.get",
                            List.of(
                                new Route("/status", "status", null, false, null),
                                new Route("/users/:id", "echo", null, false, null),
                                new Route("/v/:name", "versioned", "1", false, null)))
                        .set("routes.post", List.of(new Route("/users/:id", "echo", null, false, null)))
                        .set("routes.head", List.of(new Route("/ping", "echo", null, false, null)))
                        .set("web.maxRequestBodyBytes", 1024)));
    return web;
  }

  private WebHarness start() throws Exception {
    return start(b -> b);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static Map<String, Object> params(FakeExchange.Answer answer) {
    return map(answer.json().get("params"));
  }

  @Test
  void aRoutedActionAnswersWithTheEnvelope() throws Exception {
    FakeExchange.Answer a = start().send(FakeExchange.get("/api/users/42?message=hi&junk=1"));
    assertEquals(200, a.status());
    assertEquals("application/json; charset=utf-8", a.header("Content-Type"));
    assertTrue(a.text().startsWith("{\n  \"params\": {\n    "), a.text());
    Map<String, Object> body = a.json();
    assertEquals(List.of("params", "serverInformation", "requesterInformation"), List.copyOf(body.keySet()));
    assertEquals("42", params(a).get("id"));
    assertEquals("hi", params(a).get("message"));
    assertEquals("echo", params(a).get("action"));

    Map<String, Object> server = map(body.get("serverInformation"));
    assertEquals(List.of("serverName", "apiVersion", "requestDuration", "currentTime"), List.copyOf(server.keySet()));
    assertEquals("actionhero4j", server.get("serverName"));
    assertEquals("0.1.0", server.get("apiVersion"));
    assertTrue(server.get("requestDuration") instanceof Number);
    assertTrue(server.get("currentTime") instanceof Number);

    Map<String, Object> requester = map(body.get("requesterInformation"));
    assertEquals(List.of("id", "fingerprint", "messageId", "remoteIP", "receivedParams"), List.copyOf(requester.keySet()));
    assertEquals(requester.get("fingerprint") + "-" + requester.get("messageId"), requester.get("id"));
    assertEquals("127.0.0.1", requester.get("remoteIP"));
    Map<String, Object> received = map(requester.get("receivedParams"));
    assertEquals("hi", received.get("message"));
    assertEquals("42", received.get("id"));
    assertEquals("echo", received.get("action"));
    assertFalse(received.containsKey("junk"), "params no action declares are scrubbed");
  }

  @Test
  void paramsMergeQueryThenBodyThenRouteCaptures() throws Exception {
    FakeExchange.Answer a =
        start()
            .send(
                FakeExchange.request("POST", "/api/users/7?id=fromQuery&message=fromQuery&name=q")
                    .body("application/json", "{\"message\":\"fromBody\",\"count\":3,\"id\":\"fromBody\"}"));
    assertEquals(200, a.status(), a.text());
    Map<String, Object> p = params(a);
    assertEquals("7", p.get("id"));
    assertEquals("fromBody", p.get("message"));
    assertEquals(3, p.get("count"), "JSON body values keep their JSON types");
    assertEquals("q", p.get("name"));
  }

  @Test
  void aTopLevelJsonArrayBecomesPayload() throws Exception {
    FakeExchange.Answer a =
        start().send(FakeExchange.request("POST", "/api?action=echo").body("application/json", "[1,\"two\",{\"x\":null}]"));
    assertEquals(200, a.status(), a.text());
    Map<String, Object> expectedLast = new LinkedHashMap<>();
    expectedLast.put("x", null);
    assertEquals(List.of(1, "two", expectedLast), params(a).get("payload"));
  }

  @Test
  void formBodiesGiveStringParams() throws Exception {
    FakeExchange.Answer a =
        start()
            .send(
                FakeExchange.request("PUT", "/api/echo")
                    .body("application/x-www-form-urlencoded", "message=a+b&count=3"));
    assertEquals("a b", params(a).get("message"));
    assertEquals("3", params(a).get("count"));
  }

  @Test
  void queryRoutingNamesTheActionByParamByBodyOrByTheLastSegment() throws Exception {
    start();
    assertEquals("x", params(web.send(FakeExchange.get("/api?action=echo&message=x"))).get("message"));
    assertEquals("y", params(web.send(FakeExchange.get("/api/echo?message=y"))).get("message"));
    FakeExchange.Answer body =
        web.send(FakeExchange.request("POST", "/api").body("application/json", "{\"action\":\"echo\",\"message\":\"z\"}"));
    assertEquals("z", params(body).get("message"));
    assertEquals(200, web.send(FakeExchange.get("/api/STATUS")).status(), "routes compare literals ignoring case");
  }

  @Test
  void withoutQueryRoutingOnlyRoutesNameActions() throws Exception {
    start(b -> b.set("web.queryRouting", false));
    FakeExchange.Answer byParam = web.send(FakeExchange.get("/api?action=echo"));
    assertEquals(404, byParam.status());
    assertFalse(map(map(byParam.json().get("requesterInformation")).get("receivedParams")).containsKey("action"));
    assertEquals(404, web.send(FakeExchange.get("/api/echo")).status());
    assertEquals(200, web.send(FakeExchange.get("/api/status")).status());
    assertEquals(404, web.send(FakeExchange.request("HEAD", "/api/status")).status(), "HEAD uses only head routes");
    assertEquals(200, web.send(FakeExchange.request("HEAD", "/api/ping")).status());
  }

  @Test
  void aRoutesApiVersionAppliesWhenTheRequestNamesNone() throws Exception {
    start();
    assertEquals(1, web.send(FakeExchange.get("/api/v/any")).json().get("version"));
    assertEquals(2, web.send(FakeExchange.get("/api/v/any?apiVersion=2")).json().get("version"));
    assertEquals(2, web.send(FakeExchange.get("/api/versioned")).json().get("version"), "newest without a route");
  }

  @Test
  void errorsAnswerWithTheirStatus() throws Exception {
    start();
    FakeExchange.Answer unknown = web.send(FakeExchange.get("/api/nope"));
    assertEquals(404, unknown.status());
    assertEquals("unknown action or invalid apiVersion", unknown.json().get("error"));
    assertEquals(404, web.send(FakeExchange.get("/api")).status(), "no action at all");
    FakeExchange.Answer missing = web.send(FakeExchange.get("/api/requiresKey"));
    assertEquals(422, missing.status());
    assertEquals("key is a required parameter for this action", missing.json().get("error"));
    FakeExchange.Answer payment =
        web.send(FakeExchange.request("POST", "/api?action=paymentRequired").body("application/json", "{}"));
    assertEquals(402, payment.status());
    assertEquals("pay first", payment.json().get("error"));
    FakeExchange.Answer boom = web.send(FakeExchange.get("/api/boom"));
    assertEquals(500, boom.status());
    assertEquals("internal error", boom.json().get("error"));
    assertTrue(boom.json().containsKey("serverInformation"));
  }

  @Test
  void aFormatterFailureAndAValidatorRefusalAnswer422NamingTheInput() throws Exception {
    start(b -> b);

    FakeExchange.Answer notANumber = web.send(FakeExchange.get("/api/times?times=abc"));
    assertEquals(422, notANumber.status());
    assertEquals("Input for parameter \"times\" failed validation!", notANumber.json().get("error"));
    FakeExchange.Answer tooMany = web.send(FakeExchange.get("/api/times?times=9"));
    assertEquals(422, tooMany.status());
    assertEquals("times must be 1 to 5", tooMany.json().get("error"));
  }

  @Test
  void aNullPointerExceptionAnswers500InternalErrorWithNothingOfTheJavaMessage() throws Exception {
    start(b -> b);

    FakeExchange.Answer npe = web.send(FakeExchange.get("/api/npe"));

    assertEquals(500, npe.status());
    assertEquals("internal error", npe.json().get("error"));
    assertTrue(!npe.text().contains("Cannot invoke") && !npe.text().contains("NullPointer"), npe.text());
  }

  @Test
  void withoutReturnErrorCodesErrorsAre200() throws Exception {
    start(b -> b.set("web.returnErrorCodes", false).set("web.defaultErrorStatusCode", 503));
    assertEquals(200, web.send(FakeExchange.get("/api/nope")).status());
    assertEquals(200, web.send(FakeExchange.get("/api/paymentRequired")).status());
  }

  @Test
  void createChatRoomIsNotRoutedOverHttpAndItsRefusalIsAClientError() throws Exception {
    start(b -> b);

    FakeExchange.Answer refused = web.send(FakeExchange.get("/api/createChatRoom?name=lobby"));

    assertEquals(403, refused.status());
    assertEquals("this action does not support the web connection type", refused.json().get("error"));
    assertEquals(404, web.send(FakeExchange.get("/createChatRoom?name=lobby")).status());
  }

  @Test
  void theDefaultErrorStatusIsConfigurable() throws Exception {
    start(b -> b.set("web.defaultErrorStatusCode", 503));
    assertEquals(503, web.send(FakeExchange.get("/api/boom")).status());
  }

  @Test
  void aCallbackParamWrapsTheBodyAsJsonp() throws Exception {
    FakeExchange.Answer a = start().send(FakeExchange.get("/api/echo?message=m&callback=my%3Ccb%3E(x)"));
    assertEquals(200, a.status());
    assertEquals("application/javascript", a.header("Content-Type"));
    assertTrue(a.text().startsWith("my&lt;cb&gt;x({\n"), a.text());
    assertTrue(a.text().endsWith("});"), a.text());
  }

  @Test
  void optionsAnswersHeadersOnly() throws Exception {
    FakeExchange.Answer a = start().send(FakeExchange.request("OPTIONS", "/api/anything"));
    assertEquals(200, a.status());
    assertEquals(0, a.response().body().length);
    assertEquals("*", a.header("Access-Control-Allow-Origin"));
    assertEquals("HEAD, GET, POST, PUT, PATCH, DELETE, OPTIONS, TRACE", a.header("Access-Control-Allow-Methods"));
    assertEquals("Content-Type", a.header("Access-Control-Allow-Headers"));
    assertEquals(0, createdConnections.size(), "OPTIONS opens no connection");
  }

  @Test
  void headAnswersWithTheHeadersOfAJsonAnswer() throws Exception {
    FakeExchange.Answer a = start().send(FakeExchange.request("HEAD", "/api/echo"));
    assertEquals(200, a.status());
    assertEquals("application/json; charset=utf-8", a.header("Content-Type"));
  }

  @Test
  void traceAnswersWithTheRequesterInformation() throws Exception {
    FakeExchange.Answer a = start().send(FakeExchange.request("TRACE", "/api/echo?message=t&junk=j"));
    assertEquals(200, a.status());
    Map<String, Object> info = a.json();
    assertEquals(List.of("id", "fingerprint", "messageId", "remoteIP", "receivedParams"), List.copyOf(info.keySet()));
    assertEquals(Map.of("message", "t", "action", "echo"), info.get("receivedParams"));
    assertEquals(0, createdConnections.size(), "TRACE runs no action");
  }

  @Test
  void theFingerprintCookieIsIssuedOnceAndHonouredAfter() throws Exception {
    start();
    FakeExchange.Answer first = web.send(FakeExchange.get("/api/status"));
    String cookie = first.header("Set-Cookie");
    assertNotNull(cookie);
    assertTrue(
        cookie.matches("sessionID=[0-9a-f]{40};path=/;expires=\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT;"),
        cookie);
    String fingerprint = cookie.substring("sessionID=".length(), cookie.indexOf(';'));
    assertEquals(fingerprint, map(first.json().get("requesterInformation")).get("fingerprint"));

    FakeExchange.Answer second = web.send(FakeExchange.get("/api/status").header("Cookie", "sessionID=" + fingerprint));
    assertNull(second.header("Set-Cookie"));
    Map<String, Object> requester = map(second.json().get("requesterInformation"));
    assertEquals(fingerprint, requester.get("fingerprint"));
    assertTrue(((String) requester.get("id")).startsWith(fingerprint + "-"));

    FakeExchange.Answer byHeader = web.send(FakeExchange.get("/api/status").header("x-sessionID", "hdr"));
    assertNull(byHeader.header("Set-Cookie"));
    assertEquals("hdr", map(byHeader.json().get("requesterInformation")).get("fingerprint"));
  }

  @Test
  void aMessageIdParamBecomesTheMessageId() throws Exception {
    Map<String, Object> requester =
        map(start().send(FakeExchange.get("/api/echo?messageId=abc")).json().get("requesterInformation"));
    assertEquals("abc", requester.get("messageId"));
    assertTrue(((String) requester.get("id")).matches("[0-9a-f]{40}-[0-9a-f-]{36}"), (String) requester.get("id"));
  }

  @Test
  void eachActionRequestHasAWebConnectionThatIsDestroyedAfterTheAnswer() throws Exception {
    start();
    FakeExchange.Answer a = web.send(FakeExchange.get("/api/echo"));
    assertEquals(200, a.status());
    String id = (String) map(a.json().get("requesterInformation")).get("id");
    assertEquals(List.of("web " + id), createdConnections);
    TestApps.awaitTrue(
        () -> web.app().connections().local().isEmpty(), Duration.ofSeconds(5), "the web connection to be destroyed");
  }

  @Test
  void aRefusingConnectionMiddlewareGivesAJsonError() throws Exception {
    start();
    FakeExchange.Answer refused = web.send(FakeExchange.get("/api/echo").header("Cookie", "sessionID=refuse-me"));
    assertEquals(500, refused.status());
    assertEquals("not you", refused.json().get("error"));
    FakeExchange.Answer unauthorized =
        web.send(FakeExchange.get("/api/echo").header("Cookie", "sessionID=unauthorized"));
    assertEquals(401, unauthorized.status());
    assertEquals("log in first", unauthorized.json().get("error"));
  }

  @Test
  void anActionThatRendersNothingGetsAnEmpty200() throws Exception {
    FakeExchange.Answer a = start().send(FakeExchange.get("/api/silent"));
    assertEquals(200, a.status());
    assertEquals(0, a.response().body().length);
  }

  @Test
  void aBodyOverTheLimitGets413AndTheServerGoesOn() throws Exception {
    start();
    FakeExchange.Answer a =
        web.send(FakeExchange.request("POST", "/api/echo").body("application/json", "{\"message\":\"" + "x".repeat(2000) + "\"}"));
    assertEquals(413, a.status());
    assertEquals("application/json; charset=utf-8", a.header("Content-Type"));
    assertEquals("request body larger than 1024 bytes", a.json().get("error"));
    assertEquals(200, web.send(FakeExchange.get("/api/status")).status());
  }

  @Test
  void anInvalidJsonBodyGets400AndTheServerGoesOn() throws Exception {
    start();
    FakeExchange.Answer a = web.send(FakeExchange.request("POST", "/api/echo").body("application/json", "{\"message\": nope"));
    assertEquals(400, a.status());
    assertTrue(((String) a.json().get("error")).startsWith("the request body is not valid JSON"), a.text());
    assertTrue(a.json().containsKey("requesterInformation"));
    assertEquals(0, createdConnections.size(), "no action ran");
    assertEquals(200, web.send(FakeExchange.get("/api/status")).status());
  }

  @Test
  void malformedPercentEncodingIsSurvived() throws Exception {
    start();
    FakeExchange.Answer query = web.send(FakeExchange.get("/api/echo?message=%E0%A4%A&name=%zz"));
    assertEquals(200, query.status());
    assertEquals("%zz", params(query).get("name"), "a malformed escape is kept as it was sent");
    FakeExchange.Answer route = web.send(FakeExchange.get("/api/users/%zz"));
    assertEquals(200, route.status());
    assertFalse(params(route).containsKey("id"), "an undecodable capture is left out");
    assertEquals(404, web.send(FakeExchange.get("/api/%zz")).status());
  }

  @Test
  void unknownMethodsGet405() throws Exception {
    FakeExchange.Answer a = start().send(FakeExchange.request("BREW", "/api/status"));
    assertEquals(405, a.status());
    assertEquals("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE", a.header("Allow"));
    assertTrue(((String) a.json().get("error")).contains("BREW"));
  }

  @Test
  void crossOriginApiRequestsFromUnlistedOriginsAreRefused() throws Exception {
    start();
    FakeExchange.Answer refused =
        web.send(FakeExchange.get("/api/status").header("Origin", "http://evil.test").header("Host", "localhost:8080"));
    assertEquals(403, refused.status());
    assertEquals("origin not allowed: http://evil.test", refused.json().get("error"));
    assertNull(refused.header("Access-Control-Allow-Origin"));
    FakeExchange.Answer same =
        web.send(FakeExchange.get("/api/status").header("Origin", "http://localhost:8080").header("Host", "localhost:8080"));
    assertEquals(200, same.status());
    assertEquals("*", same.header("Access-Control-Allow-Origin"));
    assertEquals(200, web.send(FakeExchange.get("/api/status")).status(), "no Origin: not a browser, passes");
  }

  @Test
  void listedOriginsAreEchoedWithCredentials() throws Exception {
    start(b -> b.set("web.allowedOrigins", List.of("http://app.test")));
    FakeExchange.Answer a =
        web.send(FakeExchange.get("/api/status").header("Origin", "http://app.test").header("Host", "api.test"));
    assertEquals(200, a.status());
    assertEquals("http://app.test", a.header("Access-Control-Allow-Origin"));
    assertEquals("Origin", a.header("Vary"));
    assertEquals("true", a.header("Access-Control-Allow-Credentials"));
    FakeExchange.Answer originless = web.send(FakeExchange.get("/api/status"));
    assertEquals(200, originless.status());
    assertNull(originless.header("Access-Control-Allow-Origin"), "a list of origins replaces the configured *");
    assertEquals("Origin", originless.header("Vary"));
    FakeExchange.Answer preflight =
        web.send(FakeExchange.request("OPTIONS", "/api/status").header("Origin", "http://app.test").header("Host", "api.test"));
    assertEquals(200, preflight.status());
    assertEquals("http://app.test", preflight.header("Access-Control-Allow-Origin"));
    assertEquals(
        403,
        web.send(FakeExchange.request("OPTIONS", "/api/status").header("Origin", "http://other.test").header("Host", "api.test"))
            .status());
  }

  @Test
  void everyResponseCarriesTheConfiguredHeaders() throws Exception {
    start();
    for (FakeExchange request :
        List.of(
            FakeExchange.get("/api/status"),
            FakeExchange.get("/api/nope"),
            FakeExchange.get("/missing.html"),
            FakeExchange.request("OPTIONS", "/api"),
            FakeExchange.request("BREW", "/"))) {
      FakeExchange.Answer a = web.send(request);
      assertEquals("actionhero4j", a.header("X-Powered-By"), request.rawPath());
      assertEquals(null, a.header("Strict-Transport-Security"), "no HSTS over plain HTTP: " + request.rawPath());
    }
  }

  @Test
  void hstsAndSecureCookiesAreSentOnlyOverTls() throws Exception {
    start();
    FakeExchange.Answer tls = web.send(FakeExchange.get("/api/status").overTls());
    assertEquals("max-age=31536000; includeSubDomains", tls.header("Strict-Transport-Security"));
    assertTrue(tls.header("Set-Cookie").endsWith(";Secure;"), tls.header("Set-Cookie"));
    FakeExchange.Answer plain = web.send(FakeExchange.get("/api/status"));
    assertFalse(plain.header("Set-Cookie").contains("Secure"), plain.header("Set-Cookie"));
  }

  @Test
  void aDirRouteServesFilesFromItsDirectory(@TempDir Path assets) throws Exception {
    Files.createDirectories(assets.resolve("css"));
    Files.writeString(assets.resolve("css/site.css"), "body{}");
    Files.writeString(publicDir.resolve("outside.txt"), "not in assets");
    start(b -> b.set("routes.all", List.of(new Route("/assets", null, null, true, assets.toString()))));
    FakeExchange.Answer css = web.send(FakeExchange.get("/api/assets/css/site.css"));
    assertEquals(200, css.status());
    assertEquals("body{}", css.text());
    assertEquals("text/css; charset=utf-8", css.header("Content-Type"));
    assertEquals(404, web.send(FakeExchange.get("/api/assets/..%2Foutside.txt")).status());
    assertEquals(404, web.send(FakeExchange.get("/api/assets/nope.css")).status());
  }

  @Test
  void theDefaultRoutesServeStatus() throws Exception {
    web = WebHarness.start(publicDir, this::register, b -> b);
    FakeExchange.Answer a = web.send(FakeExchange.get("/api/status"));
    assertEquals(200, a.status());
    assertEquals("Node Healthy", a.json().get("nodeStatus"));
  }
}
