package org.actionhero4j;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What an {@link HttpEndpoint} answers: a status, a content type and the body. The framework adds
 * {@code Content-Length} and {@code Cache-Control: no-store}.
 *
 * @param status the HTTP status
 * @param contentType e.g. {@code application/json; charset=utf-8}
 * @param body the bytes (omitted for {@code HEAD})
 */
public record EndpointReply(int status, String contentType, byte[] body) {

  public EndpointReply {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }

  /** A JSON body (already encoded). */
  public static EndpointReply json(int status, String json) {
    return new EndpointReply(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
  }

  /** A text body of this content type, in UTF-8. */
  public static EndpointReply text(int status, String contentType, String text) {
    return new EndpointReply(status, contentType, text.getBytes(StandardCharsets.UTF_8));
  }
}
