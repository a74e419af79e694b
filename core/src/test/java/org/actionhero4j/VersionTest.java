package org.actionhero4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class VersionTest {

  @Test
  void theRuntimeVersionIsThePomsVersion() {
    String pomVersion = System.getProperty("actionhero4j.pomVersion");
    assertNotNull(pomVersion, "surefire passes the pom's version as actionhero4j.pomVersion");
    assertEquals(pomVersion, Version.current());
    assertEquals(pomVersion, Actionhero.VERSION);
  }
}
