package io.carmint.testkit;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Hasher;
import io.carmint.multiformats.Multicodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/** File helpers: durable writes, recursive deletion, the CID of a CAR file. */
final class FileTree {
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private FileTree() {
  }

  /** @return the CID that names a CAR file: codec {@code car}, the SHA-256 of its bytes */
  static Cid carCid(Path car) throws IOException {
    Hasher hasher = HashFunction.SHA2_256.newHasher();
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(car)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        hasher.update(buf, 0, n);
      }
    }
    return Cid.v1(Multicodec.CAR, hasher.digest());
  }

  /** Flushes a file's content and metadata to the device. */
  static void fsync(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  /** Flushes a directory (its entries: a rename into it) to the device; Windows cannot, and needs not. */
  static void fsyncDirectory(Path dir) throws IOException {
    if (WINDOWS) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  /** Deletes a directory and everything below it; a missing directory is fine. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        try {
          Files.deleteIfExists(d);
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
          // raced with a writer; leave it
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Deletes what is inside {@code dir}, keeping {@code dir}. */
  static void empty(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        if (Files.isDirectory(p)) {
          deleteRecursively(p);
        } else {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
