package io.carmint.unixfs.importer;

import io.carmint.unixfs.importer.Tree.DirNode;
import io.carmint.unixfs.importer.Tree.FileNode;
import io.carmint.unixfs.importer.Tree.Node;
import io.carmint.unixfs.importer.Tree.SymlinkNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Builds the {@link Tree} to import from in-memory entries or a file system path, with the profile's filters
 * applied (hidden entries, symlinks, empty directories, the common prefix) and every name checked by
 * {@link EntryPaths}. Stateless and thread-safe; each call builds a tree of its own.
 */
final class TreeBuilder {
  private TreeBuilder() {}

  /**
   * Builds the directory holding {@code entries}: in the order of their paths compared as strings (as ipfs-car's
   * files-from-path sorts a tree), except under {@link PathRules#NFT_STORAGE_CLIENT}, where the given order decides
   * which of two colliding paths wins and is kept.
   *
   * @throws InvalidEntryNameException if a path is invalid, given twice, or used as both a file and a directory
   */
  static DirNode fromEntries(Collection<? extends ImportEntry> entries, ImportProfile p) {
    List<ImportEntry> ordered = new ArrayList<>(entries);
    if (p.pathRules() == PathRules.STRICT) {
      ordered.sort((a, b) -> a.path().compareTo(b.path()));
    }
    DirNode root = new DirNode("");
    for (ImportEntry e : ordered) {
      add(root, e, p);
    }
    return finish(root, p);
  }

  private static void add(DirNode root, ImportEntry e, ImportProfile p) {
    List<String> segments = EntryPaths.segments(e.path(), p.pathRules());
    if (!p.includeHidden()) {
      for (String s : segments) {
        if (s.startsWith(".")) {
          return;
        }
      }
    }
    boolean replace = p.pathRules() == PathRules.NFT_STORAGE_CLIENT;
    String last = segments.get(segments.size() - 1);
    if (e instanceof ImportEntry.Directory) {
      root.directory(segments, segments.size(), e.path(), replace);
    } else if (e instanceof ImportEntry.File f) {
      DirNode parent = root.directory(segments, segments.size() - 1, e.path(), replace);
      parent.put(new FileNode(last, f.content(), -1, null), e.path(), replace);
    } else if (e instanceof ImportEntry.Symlink s) {
      if (p.symlinks() == SymlinkPolicy.SKIP) {
        return;
      }
      DirNode parent = root.directory(segments, segments.size() - 1, e.path(), replace);
      parent.put(new SymlinkNode(last, s.target()), e.path(), replace);
    }
  }

  /** Applies the empty-directory and common-prefix rules to a built tree. */
  private static DirNode finish(DirNode root, ImportProfile p) {
    if (!p.includeEmptyDirectories()) {
      root.pruneEmpty();
    }
    return p.stripCommonPrefix() ? root.belowCommonPrefix() : root;
  }

  /**
   * Builds the node for a file system path: a file, a directory tree (entries inserted in the order of their
   * relative paths compared as Java/JavaScript strings, as ipfs-car's files-from-path sorts them), or a symlink.
   *
   * @throws IOException if the path cannot be read, holds an unsupported file type, or a name is not UTF-8
   */
  static Node fromPath(Path path, ImportProfile p) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    String name = baseName(path);
    if (attrs.isSymbolicLink()) {
      if (p.symlinks() == SymlinkPolicy.STORE) {
        return new SymlinkNode(name, Files.readSymbolicLink(path).toString());
      }
      attrs = Files.readAttributes(path, BasicFileAttributes.class);
    }
    if (attrs.isRegularFile()) {
      return new FileNode(name, () -> Files.newInputStream(path), attrs.size(), path);
    }
    if (attrs.isDirectory()) {
      DirNode root = new DirNode(name);
      List<Found> found = new ArrayList<>();
      scan(path, "", p, found);
      found.sort((a, b) -> a.relative.compareTo(b.relative));
      boolean replace = p.pathRules() == PathRules.NFT_STORAGE_CLIENT;
      for (Found f : found) {
        List<String> segments = EntryPaths.segments(f.relative, p.pathRules());
        String last = segments.get(segments.size() - 1);
        if (f.kind == Kind.DIRECTORY) {
          root.directory(segments, segments.size(), f.relative, replace);
        } else {
          DirNode parent = root.directory(segments, segments.size() - 1, f.relative, replace);
          Node node = f.kind == Kind.FILE
              ? new FileNode(last, () -> Files.newInputStream(f.path), f.size, f.path)
              : new SymlinkNode(last, f.target);
          parent.put(node, f.relative, replace);
        }
      }
      return finish(root, p);
    }
    throw new UnsupportedFileTypeException(path + " is not a regular file, directory or symbolic link");
  }

  private static String baseName(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path file = abs.getFileName();
    return file == null ? "" : file.toString();
  }

  private enum Kind { FILE, DIRECTORY, SYMLINK }

  private record Found(String relative, Kind kind, Path path, long size, String target) {}

  private static void scan(Path dir, String prefix, ImportProfile p, List<Found> out) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path c : ds) {
        children.add(c);
      }
    }
    boolean any = false;
    for (Path c : children) {
      String name = c.getFileName().toString();
      EntryPaths.checkDiskName(dir, name);
      if (!p.includeHidden() && name.startsWith(".")) {
        continue;
      }
      String rel = prefix.isEmpty() ? name : prefix + "/" + name;
      BasicFileAttributes a = Files.readAttributes(c, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isSymbolicLink()) {
        if (p.symlinks() == SymlinkPolicy.STORE) {
          out.add(new Found(rel, Kind.SYMLINK, c, 0, Files.readSymbolicLink(c).toString()));
          any = true;
        }
      } else if (a.isRegularFile()) {
        out.add(new Found(rel, Kind.FILE, c, a.size(), null));
        any = true;
      } else if (a.isDirectory()) {
        scan(c, rel, p, out);
        any = true;
      } else {
        throw new UnsupportedFileTypeException(c + " is not a regular file, directory or symbolic link");
      }
    }
    if (!any && !prefix.isEmpty() && p.includeEmptyDirectories()) {
      out.add(new Found(prefix, Kind.DIRECTORY, dir, 0, null));
    }
  }
}
