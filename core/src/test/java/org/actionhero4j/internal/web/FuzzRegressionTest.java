package org.actionhero4j.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defects the decoder fuzzers found in the HTTP decoders, each pinned by name. */
class FuzzRegressionTest {

  /** Far above what the fixed parser needs, far below what the quadratic one took on 10 MB. */
  private static final Duration HANG = Duration.ofSeconds(30);

  @Test
  void aMultipartBodyOfManyPartsWithoutHeadersDoesNotScanTheRestOfTheBodyForEachPart() {
    StringBuilder body = new StringBuilder();
    while (body.length() < 10 * 1024 * 1024 - 100) {
      body.append("--b\r\nx\r\n");
    }
    body.append("--b--\r\n");
    byte[] bytes = body.toString().getBytes(StandardCharsets.ISO_8859_1);

    Map<String, Object> fields =
        assertTimeoutPreemptively(HANG, () -> BodyParams.parse("multipart/form-data; boundary=b", bytes));

    assertTrue(fields.isEmpty());
  }

  @Test
  void aMultipartBoundaryLongerThanRfc2046AllowsIsRefused() {
    String boundary = "a".repeat(71);
    byte[] body = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);

    BodyParams.InvalidBodyException e =
        assertThrows(
            BodyParams.InvalidBodyException.class,
            () -> BodyParams.parse("multipart/form-data; boundary=" + boundary, body));

    assertEquals("a multipart/form-data boundary has at most 70 characters", e.getMessage());
  }

  @Test
  void aMultipartBoundaryOfSeventyCharactersIsAccepted() throws Exception {
    String boundary = "a".repeat(70);
    byte[] body =
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\nv\r\n--" + boundary + "--\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    assertEquals(Map.of("k", "v"), BodyParams.parse("multipart/form-data; boundary=" + boundary, body));
  }

  @Test
  void aFileNameWithANulOrALoneSurrogateIsNotFoundInsteadOfThrowing(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("index.html"), "hi");
    StaticFiles files = new StaticFiles(List.of(dir));

    assertTrue(files.find("a\u0000b.html").isEmpty());
    assertTrue(files.find("room\uD800.html").isEmpty());
    assertTrue(files.find("index.html").isPresent());
  }
}
