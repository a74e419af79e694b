package org.actionhero4j.config;

import java.util.List;

/** The {@code routes} namespace: HTTP routes by method, relative to {@code /api}. */
public record RoutesConfig(
    List<Route> get,
    List<Route> post,
    List<Route> put,
    List<Route> patch,
    List<Route> delete,
    List<Route> head,
    List<Route> all) {

  /** The built-in defaults. */
  public static final RoutesConfig DEFAULTS =
      new RoutesConfig(
          List.of(new Route("/status", "status", null, false, null)),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of());

  /**
   * One route.
   *
   * @param path e.g. {@code /users/:id} or {@code /files/:name(^\w+$)}
   * @param action the action to run
   * @param apiVersion the version used when the request names none
   * @param matchTrailingPathParts whether the last param also takes any further segments
   * @param dir when set, the route serves files from this directory instead of an action
   */
  public record Route(
      String path, String action, String apiVersion, boolean matchTrailingPathParts, String dir) {}
}
