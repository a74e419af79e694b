package org.actionhero4j.internal.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Files under the public directories. A path that escapes its directory, by {@code ..}, an absolute
 * path or a symlink, is not found. Directories resolve to {@code index.html}.
 */
public final class StaticFiles {

  /** A file found, read whole. */
  public record StaticFile(Path path, byte[] content, String mime, long lastModifiedMillis) {
    /** Weak ETag from size and mtime, as Actionhero: {@code W/"<size hex>-<mtime hex>"}. */
    public String etag() {
      return "W/\"" + Long.toHexString(content.length) + "-" + Long.toHexString(lastModifiedMillis) + "\"";
    }

    /** The {@code Content-Type} header: the mime type, with {@code charset=utf-8} for text. */
    public String contentType() {
      return mime.contains(";") || !isText() ? mime : mime + "; charset=utf-8";
    }

    /** Whether the content should travel as text. */
    public boolean isText() {
      return mime.startsWith("text/") || mime.contains("javascript") || mime.contains("json")
          || mime.contains("xml") || mime.contains("svg");
    }
  }

  private static final Map<String, String> MIME =
      Map.ofEntries(
          Map.entry("html", "text/html"),
          Map.entry("htm", "text/html"),
          Map.entry("css", "text/css"),
          Map.entry("js", "application/javascript"),
          Map.entry("mjs", "application/javascript"),
          Map.entry("map", "application/json"),
          Map.entry("json", "application/json"),
          Map.entry("txt", "text/plain"),
          Map.entry("md", "text/markdown"),
          Map.entry("csv", "text/csv"),
          Map.entry("xml", "application/xml"),
          Map.entry("ts", "application/typescript"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("webp", "image/webp"),
          Map.entry("woff", "font/woff"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("ttf", "font/ttf"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("zip", "application/zip"),
          Map.entry("wasm", "application/wasm"));

  private final List<Path> roots;
  private final Map<String, StaticFile> served;

  public StaticFiles(List<Path> roots) {
    this(roots, List.of());
  }

  /**
   * @param served files plugins serve from memory; they shadow files on disk at the same path
   */
  public StaticFiles(List<Path> roots, List<org.actionhero4j.ServedFile> served) {
    this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    long now = System.currentTimeMillis();
    Map<String, StaticFile> byPath = new java.util.HashMap<>();
    for (org.actionhero4j.ServedFile f : served) {
      String path = f.path().startsWith("/") ? f.path().substring(1) : f.path();
      byPath.put(path, new StaticFile(Path.of(path), f.content(), f.contentType(), now));
    }
    this.served = Map.copyOf(byPath);
  }

  /** The mime type of a file name, {@code application/octet-stream} when unknown. */
  public static String mimeOf(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return MIME.getOrDefault(ext, "application/octet-stream");
  }

  /**
   * Finds a file by its path relative to a public directory (already percent-decoded). Empty when
   * absent, unreadable, or outside every root.
   */
  public Optional<StaticFile> find(String relative) throws IOException {
    if (relative == null || relative.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    String cleaned = relative.replace('\\', '/');
    if (cleaned.startsWith("/") && !cleaned.startsWith("//")) {
      cleaned = cleaned.substring(1);
    }
    if (cleaned.startsWith("/") || cleaned.matches("^[A-Za-z]:.*")) {
      return Optional.empty();
    }
    for (String segment : cleaned.split("/")) {
      if (segment.equals("..")) {
        return Optional.empty();
      }
    }
    StaticFile inMemory =
        served.get(cleaned.isEmpty() || cleaned.endsWith("/") ? cleaned + "index.html" : cleaned);
    if (inMemory != null) {
      return Optional.of(inMemory);
    }
    for (Path root : roots) {
      Optional<StaticFile> found = findIn(root, cleaned);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<StaticFile> findIn(Path root, String relative) throws IOException {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    Path candidate;
    try {
      candidate = root.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      // a NUL or a lone surrogate names no file on any file system
      return Optional.empty();
    }
    if (!candidate.startsWith(root)) {
      return Optional.empty();
    }
    if (relative.isEmpty() || relative.endsWith("/") || Files.isDirectory(candidate)) {
      candidate = candidate.resolve("index.html");
    }
    if (!Files.isRegularFile(candidate)) {
      return Optional.empty();
    }
    Path real = candidate.toRealPath();
    if (!real.startsWith(root.toRealPath())) {
      return Optional.empty();
    }
    byte[] content = Files.readAllBytes(real);
    long modified = Files.getLastModifiedTime(real, LinkOption.NOFOLLOW_LINKS).toMillis();
    return Optional.of(new StaticFile(real, content, mimeOf(real.getFileName().toString()), modified));
  }
}
