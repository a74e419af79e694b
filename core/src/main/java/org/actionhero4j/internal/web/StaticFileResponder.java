package org.actionhero4j.internal.web;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.actionhero4j.config.WebConfig;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.spi.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request for a static file (PROTOCOL B3.6):
 *
 * <ul>
 *   <li>200 with the file, {@code Content-Type} from its extension ({@code ; charset=utf-8} for text),
 *       {@code Cache-Control: max-age=<flatFileCacheDuration>, must-revalidate, public};
 *   <li>with {@code enableEtag}: a weak {@code ETag}, and 304 when {@code If-None-Match} lists it
 *       (or {@code *}) and the request has no {@code Cache-Control: no-cache}; without it:
 *       {@code Last-Modified};
 *   <li>when the request has no {@code If-None-Match}: 304 when {@code If-Modified-Since} is at or
 *       after the file's modification time (whole seconds);
 *   <li>404 {@code text/html} with the {@code fileNotFound} text for a missing, unreadable or
 *       escaping path (StaticFiles refuses {@code ..}, absolute paths and symlinks leading out).
 * </ul>
 */
final class StaticFileResponder {

  private static final Logger log = LoggerFactory.getLogger(StaticFileResponder.class);

  private final WebConfig web;
  private final ErrorTexts errors;

  StaticFileResponder(WebConfig web, ErrorTexts errors) {
    this.web = web;
    this.errors = errors;
  }

  /**
   * @param relative the path below the public directory, percent-decoded; empty when it could not
   *     be decoded
   * @param requestHeaders the request's headers by name
   * @param base the response headers decided so far (httpHeaders, cookie, CORS)
   */
  HttpResponse respond(
      StaticFiles files,
      Optional<String> relative,
      Function<String, List<String>> requestHeaders,
      Responses base) {
    Optional<StaticFiles.StaticFile> found = Optional.empty();
    if (relative.isPresent()) {
      try {
        found = files.find(relative.get());
      } catch (IOException | RuntimeException e) {
        log.warn("cannot read static file '{}': {}", relative.get(), e.toString());
      }
    }
    if (found.isEmpty()) {
      return notFound(base);
    }
    StaticFiles.StaticFile file = found.get();
    Responses response = base.withStatus(200);
    response.header("Content-Type", file.contentType());
    response.header(
        "Cache-Control", "max-age=" + web.flatFileCacheDuration() + ", must-revalidate, public");
    String noneMatch = first(requestHeaders.apply("If-None-Match"));
    boolean notModified;
    if (web.enableEtag()) {
      response.header("ETag", file.etag());
      notModified = noneMatch != null && etagMatches(noneMatch, file.etag()) && !noCache(requestHeaders);
    } else {
      response.header("Last-Modified", Responses.httpDate(file.lastModifiedMillis()));
      notModified = false;
    }
    if (noneMatch == null) {
      notModified = notModifiedSince(first(requestHeaders.apply("If-Modified-Since")), file.lastModifiedMillis());
    }
    if (notModified) {
      return response.withStatus(304).empty();
    }
    if (file.isText() && file.content().length >= GZIP_THRESHOLD && acceptsGzip(requestHeaders)) {
      response.header("Content-Encoding", "gzip");
      response.addHeader("Vary", "Accept-Encoding");
      return response.body(gzip(file.content()));
    }
    return response.body(file.content());
  }

  /** Text smaller than this travels uncompressed: gzip would save next to nothing. */
  static final int GZIP_THRESHOLD = 1024;

  private static boolean acceptsGzip(Function<String, List<String>> requestHeaders) {
    return requestHeaders.apply("Accept-Encoding").stream()
        .anyMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains("gzip"));
  }

  private static byte[] gzip(byte[] content) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length / 3 + 64);
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  HttpResponse notFound(Responses base) {
    return base.withStatus(404).text("text/html", errors.fileNotFound());
  }

  private static boolean etagMatches(String header, String etag) {
    for (String candidate : header.split("\\s*,\\s*")) {
      String c = candidate.trim();
      if (c.equals("*") || c.equals(etag) || ("W/" + c).equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static boolean noCache(Function<String, List<String>> requestHeaders) {
    return requestHeaders.apply("Cache-Control").stream().anyMatch(v -> v.contains("no-cache"));
  }

  private static boolean notModifiedSince(String header, long lastModifiedMillis) {
    if (header == null) {
      return false;
    }
    try {
      ZonedDateTime since = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
      return lastModifiedMillis / 1000 <= since.toEpochSecond();
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
