package io.carmint.unixfs.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One entry of an in-memory directory tree for {@link Importer#importEntries}: a file, an explicit (possibly empty)
 * directory, or a symbolic link, at a relative {@code /}-separated path. Parent directories are implied.
 *
 * <pre>{@code
 * List<ImportEntry> entries = List.of(
 *     ImportEntry.file("metadata.json", json),
 *     ImportEntry.file("assets/video.mp4", () -> Files.newInputStream(video)),
 *     ImportEntry.directory("empty"),
 *     ImportEntry.symlink("latest", "assets/video.mp4"));
 * }</pre>
 *
 * <p>Paths are checked when imported (see {@link PathRules}). Entries are immutable; a file's content is opened
 * once, when the importer reaches it.
 */
public sealed interface ImportEntry permits ImportEntry.File, ImportEntry.Directory, ImportEntry.Symlink {
  /** @return the relative path, {@code /}-separated */
  String path();

  /** Opens a file's bytes; called once per import of the entry, on the importing thread. */
  @FunctionalInterface
  interface Content {
    /**
     * @return a fresh stream of the file's bytes; the importer closes it
     * @throws IOException if it cannot be opened
     */
    InputStream open() throws IOException;
  }

  /**
   * @param path relative path
   * @param content opens the bytes
   * @return a file entry whose bytes come from {@code content}
   */
  static ImportEntry file(String path, Content content) {
    return new File(path, content);
  }

  /**
   * @param path relative path
   * @param bytes the file's bytes; copied
   * @return a file entry holding a copy of {@code bytes}
   */
  static ImportEntry file(String path, byte[] bytes) {
    byte[] copy = bytes.clone();
    return new File(path, () -> new ByteArrayInputStream(copy));
  }

  /**
   * @param path relative path
   * @return an explicit directory entry (kept even when empty if the profile keeps empty directories)
   */
  static ImportEntry directory(String path) {
    return new Directory(path);
  }

  /**
   * @param path relative path
   * @param target the link target
   * @return a symbolic link entry whose target is stored verbatim
   */
  static ImportEntry symlink(String path, String target) {
    return new Symlink(path, target);
  }

  /**
   * A file.
   *
   * @param path relative path
   * @param content opens the bytes
   */
  record File(String path, Content content) implements ImportEntry {
    /**
     * @param path relative path
     * @param content opens the bytes
     * @throws NullPointerException if a component is null
     */
    public File {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(content, "content");
    }
  }

  /**
   * An explicit directory.
   *
   * @param path relative path
   */
  record Directory(String path) implements ImportEntry {
    /**
     * @param path relative path
     * @throws NullPointerException if the path is null
     */
    public Directory {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * A symbolic link.
   *
   * @param path relative path
   * @param target the link target, stored as is (relative, absolute or dangling)
   */
  record Symlink(String path, String target) implements ImportEntry {
    /**
     * @param path relative path
     * @param target the link target, stored as is (relative, absolute or dangling)
     * @throws NullPointerException if a component is null
     */
    public Symlink {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(target, "target");
    }
  }
}
