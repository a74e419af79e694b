package org.actionhero4j.internal.web;

import static org.actionhero4j.fuzz.Bounded.assertProportionate;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.actionhero4j.config.WebConfig;
import org.actionhero4j.fuzz.Bounded;
import org.actionhero4j.fuzz.Fuzz;
import org.actionhero4j.testing.Hostile;
import org.actionhero4j.fuzz.Sizes;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the HTTP decoders a client reaches: query strings, cookies and fingerprints,
 * percent-decoding and request targets, and the urlencoded, JSON and multipart bodies. Each
 * answers with a value (or, for a body, its {@link BodyParams.InvalidBodyException}), within a
 * deadline, with an output no larger than its input.
 */
class WebDecodersFuzzTest {

  @Test
  void aQueryStringDecodesToNoMoreThanItHolds() {
    Fuzz.run(
        r -> {
          StringBuilder q = new StringBuilder();
          int pairs = r.nextInt(6);
          for (int i = 0; i < pairs; i++) {
            q.append(i == 0 ? "" : "&").append(Hostile.word(r)).append('=').append(Hostile.text(r, 200));
          }
          return Hostile.structuredOrMutated(r, q.toString());
        },
        queries -> {
          Bounded.each(
              queries,
              Bounded.none(),
              QueryString::parse,
              (query, params) -> {
                long chars = 0;
                for (Map.Entry<String, Object> e : params.entrySet()) {
                  assertFalse(e.getKey().isEmpty(), "an empty key is dropped");
                  chars += e.getKey().length() + String.valueOf(e.getValue()).length();
                }
                assertProportionate(query, query.length(), chars, 1, 0);
              });
        });
  }

  @Test
  void aCookieOrFingerprintIsReadFromWhatTheHeadersHold() {
    Fuzz.run(
        r -> {
          List<String> headers = new ArrayList<>();
          int n = r.nextInt(3) + (r.nextInt(8) == 0 ? 0 : 1);
          for (int i = 0; i < n; i++) {
            String valid =
                (r.nextBoolean() ? "sessionID" : Hostile.word(r)) + "=" + (r.nextBoolean() ? "\"" : "")
                    + Hostile.text(r, 80) + "; " + Hostile.word(r) + "=" + Hostile.text(r, 20);
            headers.add(Hostile.structuredOrMutated(r, valid));
          }
          return headers;
        },
        batch -> {
          WebConfig.FingerprintOptions options = WebConfig.DEFAULTS.fingerprintOptions();
          Bounded.each(
              batch,
              Bounded.none(),
              headers -> QueryString.cookie(headers, options.cookieKey()),
              (headers, cookie) -> {
                int longest = headers.stream().mapToInt(String::length).max().orElse(0);
                if (cookie != null) {
                  assertProportionate(headers, longest, cookie.length(), 1, 0);
                }
              });
          Bounded.each(
              batch,
              Bounded.none(),
              headers -> Fingerprint.of(name -> name.equals("Cookie") ? headers : List.of(), options),
              (headers, fingerprint) -> {
                int longest = headers.stream().mapToInt(String::length).max().orElse(0);
                assertFalse(fingerprint.value().isBlank(), "a fingerprint is never blank");
                assertProportionate(headers, longest, fingerprint.value().length(), 1, 40);
                assertTrue(fingerprint.issued() || fingerprint.setCookie(options, 0, false).isEmpty());
              });
        });
  }

  @Test
  void aPathDecodesToATargetNoLongerThanItself() {
    Fuzz.run(
        r -> {
          StringBuilder p = new StringBuilder(r.nextBoolean() ? "/api" : "/public");
          int segments = r.nextInt(6);
          for (int i = 0; i < segments; i++) {
            p.append('/').append(r.nextInt(4) == 0 ? "%2e%2e" : Hostile.text(r, 60));
          }
          return Hostile.structuredOrMutated(r, p.toString());
        },
        paths -> {
          Bounded.each(
              paths,
              Bounded.none(),
              PercentDecoding::decode,
              (path, decoded) -> decoded.ifPresent(d -> assertProportionate(path, path.length(), d.length(), 1, 0)));
          Bounded.each(
              paths,
              Bounded.none(),
              path -> RequestTarget.of(path, WebConfig.DEFAULTS),
              (path, target) -> {
                assertProportionate(path, path.length(), target.joined().length(), 1, 0);
                for (String segment : target.segments()) {
                  assertFalse(segment.contains("/"), "a segment holds no slash");
                }
              });
        });
  }

  /** A Content-Type and a body for it. */
  record Body(String contentType, byte[] bytes) {
    @Override
    public String toString() {
      return contentType + " | " + new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private static Body body(Random r) {
    String boundary = r.nextInt(5) == 0 ? Hostile.word(r) : "----b" + r.nextInt(1000);
    String contentType;
    String valid;
    switch (r.nextInt(4)) {
      case 0 -> {
        contentType = "application/json; charset=utf-8";
        valid = r.nextInt(4) == 0 ? Hostile.nested(r, r.nextInt(700)) : Hostile.json(r, 4);
      }
      case 1 -> {
        contentType = "application/x-www-form-urlencoded";
        valid = Hostile.word(r) + "=" + Hostile.text(r, 200) + "&" + Hostile.word(r) + "=" + Hostile.number(r);
      }
      case 2 -> {
        contentType = "multipart/form-data; boundary=" + (r.nextBoolean() ? "\"" + boundary + "\"" : boundary);
        StringBuilder b = new StringBuilder();
        int parts = r.nextInt(4);
        for (int i = 0; i < parts; i++) {
          b.append("--").append(boundary).append("\r\n")
              .append("Content-Disposition: form-data; name=\"").append(Hostile.word(r)).append('"')
              .append(r.nextInt(4) == 0 ? "; filename=\"f.txt\"" : "")
              .append("\r\n\r\n").append(Hostile.text(r, 200)).append("\r\n");
        }
        b.append("--").append(boundary).append("--\r\n");
        valid = b.toString();
      }
      default -> {
        contentType = Hostile.text(r, 40);
        valid = Hostile.text(r, 200);
      }
    }
    String text = Hostile.structuredOrMutated(r, valid);
    byte[] bytes = text.getBytes(r.nextInt(4) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    if (r.nextInt(10) == 0 && bytes.length > 0) {
      bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
    }
    return new Body(r.nextInt(10) == 0 ? Hostile.mutate(r, contentType) : contentType, bytes);
  }

  @Test
  void aBodyGivesParamsOrItsOwnError() {
    Fuzz.run(
        WebDecodersFuzzTest::body,
        bodies -> {
          Bounded.each(
              bodies,
              Bounded.only(BodyParams.InvalidBodyException.class),
              body -> BodyParams.parse(body.contentType(), body.bytes()),
              (body, params) -> assertProportionate(body, body.bytes().length, Sizes.of(params), 2, 16));
        });
  }
}
