package org.actionhero4j.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The string fields of a {@code multipart/form-data} body (RFC 7578). File parts (those with a
 * {@code filename}) are skipped: uploads are not supported yet. A repeated field keeps its last
 * value, as in query strings.
 */
final class MultipartForm {

  private static final Logger log = LoggerFactory.getLogger(MultipartForm.class);
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};
  private static final int MAX_BOUNDARY_CHARS = 70;

  private MultipartForm() {}

  static Map<String, Object> fields(String contentType, byte[] body) throws BodyParams.InvalidBodyException {
    String boundary = parameter(contentType, "boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw new BodyParams.InvalidBodyException("a multipart/form-data body needs a boundary");
    }
    if (boundary.length() > MAX_BOUNDARY_CHARS) {
      // RFC 2046's limit; a longer one would make every search cost its length at every byte
      throw new BodyParams.InvalidBodyException(
          "a multipart/form-data boundary has at most " + MAX_BOUNDARY_CHARS + " characters");
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, Object> fields = new LinkedHashMap<>();
    int at = indexOf(body, delimiter, 0, body.length);
    if (at < 0) {
      throw malformed();
    }
    while (true) {
      int afterDelimiter = at + delimiter.length;
      if (startsWith(body, afterDelimiter, new byte[] {'-', '-'})) {
        return fields;
      }
      int partStart = indexOf(body, CRLF, afterDelimiter, body.length);
      if (partStart < 0) {
        throw malformed();
      }
      partStart += CRLF.length;
      int next = indexOf(body, concat(CRLF, delimiter), partStart, body.length);
      if (next < 0) {
        throw malformed();
      }
      part(body, partStart, next, fields);
      at = next + CRLF.length;
    }
  }

  private static void part(byte[] body, int start, int end, Map<String, Object> fields) {
    // searched within the part only (it may start up to its end, as before): a part without
    // headers must not cost the rest of the body
    int headersEnd = indexOf(body, HEADERS_END, start, Math.min(end + HEADERS_END.length, body.length));
    if (headersEnd < 0) {
      return;
    }
    String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
    String disposition = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-disposition")) {
        disposition = line.substring(colon + 1);
      }
    }
    String name = disposition == null ? null : parameter(disposition, "name");
    if (name == null || name.isEmpty()) {
      return;
    }
    if (parameter(disposition, "filename") != null) {
      log.debug("skipped the file part '{}' of a multipart body: uploads are not supported", name);
      return;
    }
    int valueStart = Math.min(headersEnd + HEADERS_END.length, end);
    fields.put(name, new String(body, valueStart, end - valueStart, StandardCharsets.UTF_8));
  }

  /** A {@code key=value} or {@code key="value"} parameter of a header value, or null. */
  static String parameter(String headerValue, String key) {
    for (String piece : headerValue.split(";")) {
      int eq = piece.indexOf('=');
      if (eq > 0 && piece.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals(key)) {
        String value = piece.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    return null;
  }

  private static BodyParams.InvalidBodyException malformed() {
    return new BodyParams.InvalidBodyException("the multipart/form-data body is malformed");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  private static boolean startsWith(byte[] body, int from, byte[] prefix) {
    if (from + prefix.length > body.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The first index of {@code needle} at or after {@code from}, ending at or before {@code to}; else -1. */
  private static int indexOf(byte[] body, byte[] needle, int from, int to) {
    for (int i = Math.max(from, 0); i + needle.length <= to; i++) {
      if (startsWith(body, i, needle)) {
        return i;
      }
    }
    return -1;
  }
}
