package org.actionhero4j.internal.web;

import java.util.Iterator;
import java.util.Map;
import org.actionhero4j.internal.Json;
import tools.jackson.databind.JsonNode;

/**
 * JSON text laid out as JavaScript's {@code JSON.stringify(value, null, padding)}: each member on
 * its own line indented by {@code padding} spaces (at most 10), {@code "key": value}, empty objects
 * and arrays as {@code {}} and {@code []}; compact when padding is 0 or less. Jackson's own pretty
 * printer differs ({@code "key" : value}, arrays on one line), which clients diffing against
 * Actionhero would notice.
 */
final class PaddedJson {

  private PaddedJson() {}

  static String write(Object value, int padding) {
    if (padding <= 0) {
      return Json.encode(value);
    }
    JsonNode tree = Json.mapper().valueToTree(value);
    StringBuilder out = new StringBuilder();
    write(tree, " ".repeat(Math.min(padding, 10)), "", out);
    return out.toString();
  }

  private static void write(JsonNode node, String unit, String indent, StringBuilder out) {
    if (node == null) {
      out.append("null");
    } else if (node.isObject() && node.size() > 0) {
      String inner = indent + unit;
      out.append("{\n");
      Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        out.append(inner).append(Json.encode(member.getKey())).append(": ");
        write(member.getValue(), unit, inner, out);
        out.append(members.hasNext() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (node.isArray() && node.size() > 0) {
      String inner = indent + unit;
      out.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        out.append(inner);
        write(node.get(i), unit, inner, out);
        out.append(i < node.size() - 1 ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else {
      out.append(Json.encode(node));
    }
  }
}
