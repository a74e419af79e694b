package org.actionhero4j.clientgen;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs some tests need from the machine (node, chromium). Missing ones skip those tests on a
 * developer's machine, but fail them under CI ({@code CI=true}), where their absence is a broken
 * set-up rather than a choice.
 */
public final class ExternalTools {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private ExternalTools() {}

  public static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  public static void require(boolean present, String what) {
    require(present, what, underCi());
  }

  public static void require(boolean present, String what, boolean underCi) {
    if (present) {
      return;
    }
    if (underCi) {
      fail(what + " is missing, and CI=true: install it (see the client-gen section of .ci/run)");
    }
    Assumptions.abort(what + " is missing; skipping (it is required when CI=true)");
  }

  public static Path node() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "node");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    require(false, "node (Node.js)");
    throw new AssertionError("unreachable");
  }

  public static void requireChromium() {
    require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
  }
}
