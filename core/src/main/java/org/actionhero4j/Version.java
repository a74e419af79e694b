package org.actionhero4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This framework's version, as the build that produced the jar recorded it. */
public final class Version {

  private static final String RESOURCE = "version.properties";
  private static final String CURRENT = read();

  private Version() {}

  /**
   * The version of Actionhero4j on the classpath, e.g. {@code 0.1.0-SNAPSHOT}.
   *
   * @return the version the build wrote into {@code org/actionhero4j/version.properties}
   */
  public static String current() {
    return CURRENT;
  }

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("org/actionhero4j/" + RESOURCE + " is missing from the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      if (version.isBlank() || version.contains("${")) {
        throw new IllegalStateException(
            "org/actionhero4j/" + RESOURCE + " holds no version (was it copied without Maven's resource filtering?): " + version);
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read org/actionhero4j/" + RESOURCE, e);
    }
  }
}
