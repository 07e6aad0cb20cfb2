package io.carmint.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Test helper: what a directory holds on disk, read without following symlinks: relative path ({@code /}-separated)
 * → {@code "dir"}, {@code "-> target"}, or what {@code file} makes of a file's bytes. The root itself is not listed.
 */
final class DiskTree {
  private DiskTree() {}

  static Map<String, Object> read(Path root, Function<byte[], ?> file) throws IOException {
    Map<String, Object> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.equals(root)) {
          continue;
        }
        String rel = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        if (Files.isSymbolicLink(p)) {
          out.put(rel, "-> " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          out.put(rel, "dir");
        } else {
          out.put(rel, file.apply(Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }
}
