package org.actionhero4j.clientgen;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ExternalToolsTest {

  @Test
  void missingToolFailsUnderCi() {
    assertThrows(AssertionFailedError.class, () -> ExternalTools.require(false, "chromium", true));
  }

  @Test
  void missingToolSkipsOutsideCi() {
    assertThrows(TestAbortedException.class, () -> ExternalTools.require(false, "chromium", false));
  }

  @Test
  void presentToolPasses() {
    assertDoesNotThrow(() -> ExternalTools.require(true, "chromium", true));
  }
}
