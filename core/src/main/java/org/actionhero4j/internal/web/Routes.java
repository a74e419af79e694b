package org.actionhero4j.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.actionhero4j.config.RoutesConfig;
import org.actionhero4j.config.RoutesConfig.Route;

/**
 * The configured HTTP routes, matched against the path below {@code /api} as Actionhero's router
 * does:
 *
 * <ul>
 *   <li>{@code :name} captures a segment and {@code :name(regex)} also requires the regex to be
 *       found in it (not a whole match: anchor it with {@code ^...$});
 *   <li>literal segments compare case-insensitively;
 *   <li>the segment count must match, unless {@code matchTrailingPathParts}: then the last route
 *       segment takes the rest of the path (a literal last segment compares only its own segment);
 *   <li>an empty path segment never matches;
 *   <li>captured values are URI-decoded with {@code +} as a space; a value that does not decode is
 *       left out;
 *   <li>the first match wins. The routes of a method are its own list followed by the {@code all}
 *       list, each in config order; HEAD uses only {@code head} and {@code all} routes; OPTIONS and
 *       TRACE have none.
 * </ul>
 */
final class Routes {

  /** The methods routes are registered for ({@code all} adds to each). */
  static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete", "head");

  /**
   * A matched route.
   *
   * @param route the route as configured
   * @param params the captured params, decoded
   * @param remainder the raw path segments after the route's leading literal segments: the file
   *     path of a {@code dir} route
   */
  record Match(Route route, Map<String, String> params, List<String> remainder) {}

  private sealed interface Segment permits Literal, Param {}

  private record Literal(String text) implements Segment {}

  private record Param(String name, Pattern pattern) implements Segment {}

  private record Compiled(Route route, List<Segment> segments, int literalPrefix) {}

  private final Map<String, List<Compiled>> byMethod;

  private Routes(Map<String, List<Compiled>> byMethod) {
    this.byMethod = byMethod;
  }

  /**
   * Compiles the routes of a config.
   *
   * @throws IllegalStateException naming the route when one has neither action nor dir, or an
   *     invalid regex
   */
  static Routes of(RoutesConfig config) {
    Map<String, List<Compiled>> byMethod = new LinkedHashMap<>();
    List<Compiled> all = compile("all", config.all());
    byMethod.put("get", with(compile("get", config.get()), all));
    byMethod.put("post", with(compile("post", config.post()), all));
    byMethod.put("put", with(compile("put", config.put()), all));
    byMethod.put("patch", with(compile("patch", config.patch()), all));
    byMethod.put("delete", with(compile("delete", config.delete()), all));
    byMethod.put("head", with(compile("head", config.head()), all));
    return new Routes(byMethod);
  }

  private static List<Compiled> with(List<Compiled> own, List<Compiled> all) {
    List<Compiled> joined = new ArrayList<>(own);
    joined.addAll(all);
    return List.copyOf(joined);
  }

  private static List<Compiled> compile(String method, List<Route> routes) {
    List<Compiled> compiled = new ArrayList<>();
    if (routes == null) {
      return compiled;
    }
    for (int i = 0; i < routes.size(); i++) {
      Route route = routes.get(i);
      String where = "routes." + method + "[" + i + "]";
      if (route == null || route.path() == null) {
        throw new IllegalStateException(where + ": a route needs a path");
      }
      if (isBlank(route.action()) && isBlank(route.dir())) {
        throw new IllegalStateException(
            where + " (" + route.path() + "): a route needs an action or a dir");
      }
      List<Segment> segments = new ArrayList<>();
      int literalPrefix = 0;
      boolean inPrefix = true;
      for (String part : RequestTarget.split(route.path())) {
        Segment segment = segment(part, where, route.path());
        segments.add(segment);
        if (inPrefix && segment instanceof Literal) {
          literalPrefix++;
        } else {
          inPrefix = false;
        }
      }
      compiled.add(new Compiled(route, List.copyOf(segments), literalPrefix));
    }
    return compiled;
  }

  private static Segment segment(String part, String where, String path) {
    if (!part.startsWith(":")) {
      return new Literal(part);
    }
    int open = part.indexOf('(');
    if (open < 0) {
      return new Param(part.substring(1), null);
    }
    String name = part.substring(1, open);
    String regex = part.substring(open + 1, part.endsWith(")") ? part.length() - 1 : part.length());
    try {
      return new Param(name, Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException(
          where + " (" + path + "): param '" + name + "' has an invalid regex: " + e.getDescription(), e);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** The first route of this method (any case) that matches the segments below {@code /api}. */
  Optional<Match> match(String method, List<String> path) {
    List<Compiled> candidates = byMethod.get(method.toLowerCase(Locale.ROOT));
    if (candidates == null) {
      return Optional.empty();
    }
    for (Compiled route : candidates) {
      Optional<Match> match = match(route, path);
      if (match.isPresent()) {
        return match;
      }
    }
    return Optional.empty();
  }

  private static Optional<Match> match(Compiled route, List<String> path) {
    boolean trailing = route.route().matchTrailingPathParts();
    List<Segment> segments = route.segments();
    if (segments.size() > path.size() || (segments.size() != path.size() && !trailing)) {
      return Optional.empty();
    }
    Map<String, String> captured = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String part = path.get(i);
      if (part.isEmpty()) {
        return Optional.empty();
      }
      Segment segment = segments.get(i);
      if (segment instanceof Literal literal) {
        if (!part.equalsIgnoreCase(literal.text())) {
          return Optional.empty();
        }
        continue;
      }
      Param param = (Param) segment;
      String value = trailing && i == segments.size() - 1 ? String.join("/", path.subList(i, path.size())) : part;
      if (param.pattern() != null && !param.pattern().matcher(value).find()) {
        return Optional.empty();
      }
      PercentDecoding.decode(value.replace('+', ' ')).ifPresent(v -> captured.put(param.name(), v));
    }
    List<String> remainder = List.copyOf(path.subList(route.literalPrefix(), path.size()));
    return Optional.of(new Match(route.route(), captured, remainder));
  }
}
