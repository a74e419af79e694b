package org.actionhero4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.actionhero4j.Actionhero;
import org.actionhero4j.TestApps;
import org.actionhero4j.fuzz.TypedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The input-conversion defect the fuzzers found, pinned by name. */
class FuzzFoundInputsTest {

  private Actionhero app;

  @AfterEach
  void stop() {
    TestApps.stop(app);
  }

  @Test
  void aHugeExponentGivenToAStringInputIsNotWrittenOutAsABillionDigits() throws Exception {
    app = TypedApp.start();
    SpecHelper spec = SpecHelper.of(app);

    Map<String, Object> response =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> spec.runAction(TypedApp.ACTION, Map.of("s", new BigDecimal("1e999999999"))));

    assertEquals("1E+999999999", ((Map<?, ?>) response.get("params")).get("s"));
  }

  @Test
  void anApiVersionTooLargeForADoubleIsAnUnknownVersionNotAnInternalError() throws Exception {
    app = TypedApp.start();
    SpecHelper spec = SpecHelper.of(app);

    Map<String, Object> response =
        spec.runAction(TypedApp.ACTION, Map.of("apiVersion", new BigDecimal("1.7976931348623157E+309")));

    assertEquals("unknown action or invalid apiVersion", response.get("error"));
  }

  @Test
  void aTinyExponentGivenToAStringInputKeepsItsExponentForm() throws Exception {
    app = TypedApp.start();

    Map<String, Object> response =
        SpecHelper.of(app).runAction(TypedApp.ACTION, Map.of("s", new BigDecimal("1E-399")));

    assertEquals("1E-399", ((Map<?, ?>) response.get("params")).get("s"));
  }
}
