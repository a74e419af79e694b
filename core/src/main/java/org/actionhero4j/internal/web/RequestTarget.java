package org.actionhero4j.internal.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.actionhero4j.config.WebConfig;

/**
 * What a request path points at, as Actionhero decides it: a path under {@code urlPathForActions}
 * is in api mode, one under {@code urlPathForFiles} in file mode, anything else follows
 * {@code rootEndpointType}. The prefixes compare case-sensitively, segment by segment.
 *
 * @param mode api or file
 * @param segments the raw (still percent-encoded) path segments below the matched prefix; leading
 *     empty segments and one trailing empty segment are dropped, as Actionhero does
 */
record RequestTarget(Mode mode, List<String> segments) {

  enum Mode {
    API,
    FILE
  }

  static RequestTarget of(String rawPath, WebConfig web) {
    List<String> parts = split(rawPath);
    List<String> actions = split(web.urlPathForActions());
    List<String> files = split(web.urlPathForFiles());
    if (!parts.isEmpty() && startsWith(parts, actions)) {
      return new RequestTarget(Mode.API, List.copyOf(parts.subList(actions.size(), parts.size())));
    }
    if (!parts.isEmpty() && startsWith(parts, files)) {
      return new RequestTarget(Mode.FILE, List.copyOf(parts.subList(files.size(), parts.size())));
    }
    Mode root = "api".equalsIgnoreCase(web.rootEndpointType()) ? Mode.API : Mode.FILE;
    return new RequestTarget(root, List.copyOf(parts));
  }

  /** The segments joined with {@code /}, still raw. */
  String joined() {
    return String.join("/", segments);
  }

  static List<String> split(String path) {
    if (path == null || path.isEmpty()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>(Arrays.asList(path.split("/", -1)));
    while (!parts.isEmpty() && parts.get(0).isEmpty()) {
      parts.remove(0);
    }
    if (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return parts;
  }

  private static boolean startsWith(List<String> parts, List<String> prefix) {
    return !prefix.isEmpty() && parts.size() >= prefix.size() && parts.subList(0, prefix.size()).equals(prefix);
  }
}
