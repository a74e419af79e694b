package org.actionhero4j.internal.socket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.web.StaticFiles;

/**
 * The socket's {@code file} verb: a public file's content (text as a string, binary as base64
 * with {@code "encoding":"base64"}), mime, length and modification time; or Actionhero's error.
 */
final class FileVerb {

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final StaticFiles files;
  private final ErrorTexts errors;

  FileVerb(StaticFiles files, ErrorTexts errors) {
    this.files = files;
    this.errors = errors;
  }

  Map<String, Object> answer(Object file) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      Optional<StaticFiles.StaticFile> found =
          file == null ? Optional.empty() : files.find(String.valueOf(file));
      if (found.isPresent()) {
        StaticFiles.StaticFile f = found.get();
        if (f.isText()) {
          out.put("content", new String(f.content(), StandardCharsets.UTF_8));
        } else {
          out.put("content", Base64.getEncoder().encodeToString(f.content()));
          out.put("encoding", "base64");
        }
        out.put("mime", f.mime());
        out.put("length", f.content().length);
        out.put("lastModified", ISO_MILLIS.format(Instant.ofEpochMilli(f.lastModifiedMillis())));
        return out;
      }
      return error(errors.fileNotFound());
    } catch (IOException e) {
      return error(errors.fileReadError(e.getMessage()));
    }
  }

  private static Map<String, Object> error(String error) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("error", error);
    out.put("content", null);
    out.put("mime", "text/html");
    out.put("length", error.length());
    return out;
  }
}
