package org.actionhero4j.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.actionhero4j.config.RoutesConfig;
import org.actionhero4j.config.RoutesConfig.Route;
import org.junit.jupiter.api.Test;

class RoutesTest {

  private static Route route(String path, String action) {
    return new Route(path, action, null, false, null);
  }

  private static Routes get(Route... routes) {
    return Routes.of(new RoutesConfig(List.of(routes), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
  }

  private static List<String> path(String raw) {
    return RequestTarget.split(raw);
  }

  @Test
  void aParamCapturesItsSegment() {
    Routes.Match m = get(route("/users/:id", "showUser")).match("GET", path("/users/42")).orElseThrow();
    assertEquals("showUser", m.route().action());
    assertEquals(Map.of("id", "42"), m.params());
  }

  @Test
  void literalSegmentsMatchIgnoringCase() {
    assertTrue(get(route("/status", "status")).match("GET", path("/STATUS")).isPresent());
    assertTrue(get(route("/Users/:id", "u")).match("get", path("/users/1")).isPresent());
  }

  @Test
  void theSegmentCountMustMatchWithoutTrailingParts() {
    Routes routes = get(route("/users/:id", "u"));
    assertTrue(routes.match("GET", path("/users")).isEmpty());
    assertTrue(routes.match("GET", path("/users/1/extra")).isEmpty());
  }

  @Test
  void trailingPartsGoToTheLastParam() {
    Routes routes = get(new Route("/files/:path", "f", null, true, null));
    assertEquals(Map.of("path", "a/b/c.txt"), routes.match("GET", path("/files/a/b/c.txt")).orElseThrow().params());
    assertTrue(routes.match("GET", path("/files")).isEmpty(), "a missing segment never matches");
  }

  @Test
  void aRegexMustBeFoundInTheSegment() {
    Routes routes = get(route("/users/:id(^\\d+$)", "byId"), route("/users/:name", "byName"));
    assertEquals("byId", routes.match("GET", path("/users/42")).orElseThrow().route().action());
    Routes.Match byName = routes.match("GET", path("/users/bob")).orElseThrow();
    assertEquals("byName", byName.route().action());
    assertEquals(Map.of("name", "bob"), byName.params());
    // like JavaScript's String.match: found anywhere unless anchored
    assertTrue(get(route("/x/:v(\\d)", "x")).match("GET", path("/x/ab1c")).isPresent());
  }

  @Test
  void theFirstMatchInConfigOrderWins() {
    Routes routes = get(route("/a/:x", "first"), route("/a/b", "second"));
    assertEquals("first", routes.match("GET", path("/a/b")).orElseThrow().route().action());
  }

  @Test
  void capturedValuesAreDecodedWithPlusAsSpace() {
    Routes routes = get(route("/say/:words", "say"));
    assertEquals(Map.of("words", "hello big world/é"), routes.match("GET", path("/say/hello+big%20world%2F%C3%A9")).orElseThrow().params());
    assertEquals(Map.of(), routes.match("GET", path("/say/%E0%A4")).orElseThrow().params(), "undecodable values are left out");
  }

  @Test
  void allRoutesServeEveryMethodAfterTheMethodsOwn() {
    Routes routes =
        Routes.of(
            new RoutesConfig(
                List.of(route("/thing", "getThing")),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(route("/thing", "anyThing"))));
    assertEquals("getThing", routes.match("GET", path("/thing")).orElseThrow().route().action());
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "HEAD")) {
      assertEquals("anyThing", routes.match(method, path("/thing")).orElseThrow().route().action(), method);
    }
    assertTrue(routes.match("OPTIONS", path("/thing")).isEmpty());
    assertTrue(routes.match("TRACE", path("/thing")).isEmpty());
  }

  @Test
  void headMatchesOnlyHeadRoutes() {
    assertFalse(get(route("/status", "status")).match("HEAD", path("/status")).isPresent());
  }

  @Test
  void emptySegmentsNeverMatchAParam() {
    assertTrue(get(route("/a/:x/b", "r")).match("GET", path("/a//b")).isEmpty());
  }

  @Test
  void theRemainderIsThePathAfterTheLiteralPrefix() {
    Routes routes = get(new Route("/assets", null, null, true, "/srv/assets"));
    assertEquals(List.of("css", "site.css"), routes.match("GET", path("/assets/css/site.css")).orElseThrow().remainder());
  }

  @Test
  void badRoutesFailAtStartNamingTheRoute() {
    IllegalStateException regex =
        assertThrows(IllegalStateException.class, () -> get(route("/ok", "a"), route("/x/:id([)", "b")));
    assertTrue(regex.getMessage().contains("routes.get[1]"), regex.getMessage());
    assertTrue(regex.getMessage().contains("id"), regex.getMessage());
    IllegalStateException empty = assertThrows(IllegalStateException.class, () -> get(route("/x", null)));
    assertTrue(empty.getMessage().contains("an action or a dir"), empty.getMessage());
  }
}
