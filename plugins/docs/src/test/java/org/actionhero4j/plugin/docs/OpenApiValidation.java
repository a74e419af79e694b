package org.actionhero4j.plugin.docs;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;

/** Validates OpenAPI documents with swagger-parser, the reference parser of the OpenAPI tooling. */
public final class OpenApiValidation {

  private OpenApiValidation() {}

  /** What the validator reports about a document (empty when it is valid). */
  public static List<String> problems(String json) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
    if (result.getOpenAPI() == null) {
      return result.getMessages() == null || result.getMessages().isEmpty()
          ? List.of("not an OpenAPI document")
          : result.getMessages();
    }
    return result.getMessages() == null ? List.of() : result.getMessages();
  }
}
