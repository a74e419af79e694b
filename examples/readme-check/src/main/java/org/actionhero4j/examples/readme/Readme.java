package org.actionhero4j.examples.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks and relative links of a Markdown file, as the README check reads them. */
public final class Readme {

  /** One fenced block: its language, the file it names on its first line (if any), its text and where it starts. */
  public record Block(String language, Optional<String> fileName, String text, int line) {

    /** Whether this block is a JUnit 5 test, to be run and not only compiled. */
    public boolean isTest() {
      return text.contains("import org.junit.jupiter.api.Test;");
    }
  }

  private static final Pattern FILE_COMMENT =
      Pattern.compile("^\\s*(?://\\s*file:\\s*(\\S+)|<!--\\s*file:\\s*(\\S+)\\s*-->)\\s*$");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  private final Path file;
  private final List<Block> blocks;
  private final List<String> links;

  private Readme(Path file, List<Block> blocks, List<String> links) {
    this.file = file;
    this.blocks = List.copyOf(blocks);
    this.links = List.copyOf(links);
  }

  /** Reads and splits a Markdown file. */
  public static Readme read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Block> blocks = new ArrayList<>();
    List<String> links = new ArrayList<>();
    String language = null;
    int start = 0;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        if (language == null) {
          language = line.substring(3).trim();
          start = i + 2;
          text.setLength(0);
        } else {
          blocks.add(block(language, text.toString(), start));
          language = null;
        }
      } else if (language != null) {
        text.append(line).append('\n');
      } else {
        Matcher m = LINK.matcher(line);
        while (m.find()) {
          links.add(m.group(1));
        }
      }
    }
    if (language != null) {
      throw new IllegalArgumentException(file + ":" + (start - 1) + ": a code block is never closed");
    }
    return new Readme(file, blocks, links);
  }

  private static Block block(String language, String text, int line) {
    String first = text.lines().findFirst().orElse("");
    Matcher m = FILE_COMMENT.matcher(first);
    Optional<String> name = Optional.empty();
    String body = text;
    if (m.matches()) {
      name = Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
      // The marker line of an XML file is dropped: an XML declaration must come first.
      if (m.group(2) != null) {
        body = text.substring(text.indexOf('\n') + 1);
      }
    }
    return new Block(language, name, body, line);
  }

  /** The Markdown file this was read from. */
  public Path file() {
    return file;
  }

  /** Every fenced block, in order. */
  public List<Block> blocks() {
    return blocks;
  }

  /** The blocks of one language (e.g. {@code java}), in order. */
  public List<Block> blocks(String language) {
    return blocks.stream().filter(b -> b.language().equals(language)).toList();
  }

  /** The block that names this file on its first line. */
  public Optional<Block> file(String name) {
    return blocks.stream().filter(b -> b.fileName().equals(Optional.of(name))).findFirst();
  }

  /** Link targets outside code blocks, as written (e.g. {@code docs/logging.md}, {@code https://...}). */
  public List<String> links() {
    return links;
  }
}
