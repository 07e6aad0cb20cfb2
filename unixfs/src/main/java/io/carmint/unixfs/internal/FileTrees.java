package io.carmint.unixfs.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Removes trees carmint wrote: what a failed unpack wrote, the client's upload pieces and packed CARs, content a
 * fetch staged. Stateless and thread-safe. Public only for carmint's own modules: the module exports this package
 * to the client alone.
 */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Deletes {@code root} and everything under it, if it exists, without following symbolic links (an unpacked or
   * fetched tree may hold some): a link is deleted, not its target.
   *
   * @param root a file or directory
   * @throws IOException if an entry cannot be deleted
   */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
