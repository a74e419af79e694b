package org.actionhero4j.internal.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Input;
import org.actionhero4j.InputType;

/** The {@code documentation} verb's answer: every documented action by name and version. */
public final class Documentation {

  private Documentation() {}

  /** Every documented action of the registry, by name, then by version. */
  public static Map<String, Object> of(ActionRegistry actions) {
    Map<String, Object> docs = new LinkedHashMap<>();
    for (ActionRegistry.Registered r : actions.all()) {
      ActionDefinition d = r.definition();
      if (!d.toDocument()) {
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", d.name());
      entry.put("version", d.version().jsonValue());
      entry.put("description", d.description());
      entry.put("inputs", inputs(d.inputs()));
      entry.put("outputExample", d.outputExample());
      @SuppressWarnings("unchecked")
      Map<String, Object> versions =
          (Map<String, Object>) docs.computeIfAbsent(d.name(), n -> new LinkedHashMap<>());
      versions.put(d.version().text(), entry);
    }
    return docs;
  }

  private static Map<String, Object> inputs(java.util.List<Input> inputs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Input input : inputs) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("required", input.required());
      if (input.type() != InputType.ANY) {
        doc.put("type", input.type().name().toLowerCase(java.util.Locale.ROOT));
      }
      if (!input.allowedValues().isEmpty()) {
        doc.put("allowedValues", input.allowedValues());
      }
      if (!input.description().isEmpty()) {
        doc.put("description", input.description());
      }
      input.defaultValue().ifPresent(supplier -> {
        try {
          doc.put("default", supplier.get());
        } catch (RuntimeException e) {
          doc.put("default", "(computed)");
        }
      });
      if (!input.schema().isEmpty()) {
        doc.put("schema", inputs(input.schema()));
      }
      out.put(input.name(), doc);
    }
    return out;
  }
}
