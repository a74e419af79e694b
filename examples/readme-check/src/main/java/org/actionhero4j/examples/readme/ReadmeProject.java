package org.actionhero4j.examples.readme;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the README's sample project: its {@code pom.xml} block (with this build's version) and its
 * Java files, tests under {@code src/test/java}, the others under {@code src/main/java}. The build
 * then builds that project with Maven, as a new user would.
 */
public final class ReadmeProject {

  private ReadmeProject() {}

  /**
   * Writes the project.
   *
   * @param args the README, the project directory to write, this build's version
   */
  public static void main(String[] args) throws Exception {
    Readme readme = Readme.read(Path.of(args[0]));
    Path project = Path.of(args[1]);
    String version = args[2];
    Readme.Block pom =
        readme.file("pom.xml").orElseThrow(() -> new IllegalStateException(readme.file() + " has no <!-- file: pom.xml --> block"));
    String bomVersion = "<artifactId>actionhero4j-bom</artifactId>\n        <version>";
    if (!pom.text().contains(bomVersion)) {
      throw new IllegalStateException(readme.file() + ":" + pom.line() + ": the pom does not import actionhero4j-bom with a <version>");
    }
    Files.createDirectories(project);
    Files.writeString(
        project.resolve("pom.xml"), pom.text().replaceFirst("(?<=" + bomVersion + ")[^<]+", version));
    for (Readme.Block block : readme.blocks("java")) {
      String name = block.fileName().orElseThrow(() -> new IllegalStateException(readme.file() + ":" + block.line() + ": a java block names no file"));
      Path dir = project.resolve(block.isTest() ? "src/test/java" : "src/main/java");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name), block.text());
    }
  }
}
