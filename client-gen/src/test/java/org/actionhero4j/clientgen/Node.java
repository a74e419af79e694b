package org.actionhero4j.clientgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Node.js on files; the result carries the exit code and both outputs. */
final class Node {

  record Result(int exitCode, String stdout, String stderr) {}

  private Node() {}

  static Result run(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ExternalTools.node().toString());
    command.addAll(List.of(args));
    Path out = workDir.resolve("node-" + System.nanoTime() + ".out");
    Path err = workDir.resolve("node-" + System.nanoTime() + ".err");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("node " + String.join(" ", args) + " did not finish within 60 s");
    }
    return new Result(
        process.exitValue(),
        java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
        java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
  }
}
