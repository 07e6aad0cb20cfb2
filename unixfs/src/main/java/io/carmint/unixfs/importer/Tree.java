package io.carmint.unixfs.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree to import: files, directories and symlinks by name, built from in-memory entries or a file system
 * path, with the profile's filters (hidden entries, symlinks, empty directories, path rules) applied.
 * Children keep their insertion order, which decides block order (never CIDs).
 */
final class Tree {
  private Tree() {}

  /** A node of the tree; {@code result} is set by the import once the node is written. */
  abstract static class Node {
    final String name;
    io.carmint.unixfs.WrittenNode result;

    Node(String name) {
      this.name = name;
    }
  }

  static final class FileNode extends Node {
    final ImportEntry.Content content;
    final long sizeHint; // -1 when unknown
    final Path path; // the file on disk (content opens it), or null: the importer may read it through a channel

    FileNode(String name, ImportEntry.Content content, long sizeHint) {
      this(name, content, sizeHint, null);
    }

    FileNode(String name, ImportEntry.Content content, long sizeHint, Path path) {
      super(name);
      this.content = content;
      this.sizeHint = sizeHint;
      this.path = path;
    }
  }

  static final class DirNode extends Node {
    Map<String, Node> children = new LinkedHashMap<>();
    boolean nonEmpty; // set when written (the children are dropped then)

    DirNode(String name) {
      super(name);
    }
  }

  static final class SymlinkNode extends Node {
    final String target;

    SymlinkNode(String name, String target) {
      super(name);
      this.target = target;
    }
  }

  // ---------------------------------------------------------------------------------------------- entries

  /**
   * Builds the directory holding {@code entries}: in the order of their paths compared as strings (as ipfs-car's
   * files-from-path sorts a tree), except under {@link PathRules#NFT_STORAGE_CLIENT}, where the given order decides
   * which of two colliding paths wins and is kept.
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
    List<String> segments = segments(e.path(), p.pathRules());
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
      directory(root, segments, segments.size(), e.path(), replace);
    } else if (e instanceof ImportEntry.File f) {
      DirNode parent = directory(root, segments, segments.size() - 1, e.path(), replace);
      put(parent, new FileNode(last, f.content(), -1), e.path(), replace);
    } else if (e instanceof ImportEntry.Symlink s) {
      if (p.symlinks() == SymlinkPolicy.SKIP) {
        return;
      }
      DirNode parent = directory(root, segments, segments.size() - 1, e.path(), replace);
      put(parent, new SymlinkNode(last, s.target()), e.path(), replace);
    }
  }

  private static DirNode directory(DirNode root, List<String> segments, int count, String path, boolean replace) {
    DirNode dir = root;
    for (int i = 0; i < count; i++) {
      String s = segments.get(i);
      Node child = dir.children.get(s);
      if (child == null || (replace && !(child instanceof DirNode))) {
        child = new DirNode(s);
        dir.children.put(s, child);
      } else if (!(child instanceof DirNode)) {
        throw new InvalidEntryNameException("Path '" + path + "' uses '" + String.join("/", segments.subList(0, i + 1))
            + "' as a directory, but it is already a " + kind(child));
      }
      dir = (DirNode) child;
    }
    return dir;
  }

  private static void put(DirNode parent, Node node, String path, boolean replace) {
    Node old = parent.children.get(node.name);
    if (old != null && !replace) {
      throw new InvalidEntryNameException("Path '" + path + "' is given twice"
          + (old instanceof DirNode ? " (it is already a directory)" : ""));
    }
    parent.children.put(node.name, node);
  }

  private static String kind(Node n) {
    return n instanceof FileNode ? "file" : n instanceof SymlinkNode ? "symlink" : "directory";
  }

  /** Applies the empty-directory and common-prefix rules to a built tree. */
  private static DirNode finish(DirNode root, ImportProfile p) {
    if (!p.includeEmptyDirectories()) {
      prune(root);
    }
    DirNode r = root;
    if (p.stripCommonPrefix()) {
      while (r.children.size() == 1 && r.children.values().iterator().next() instanceof DirNode only) {
        r = only;
      }
    }
    return r;
  }

  /** Removes directories that hold nothing, bottom up; the root stays. */
  private static void prune(DirNode dir) {
    Deque<DirNode> stack = new ArrayDeque<>();
    List<DirNode> order = new ArrayList<>();
    stack.push(dir);
    while (!stack.isEmpty()) {
      DirNode d = stack.pop();
      order.add(d);
      for (Node c : d.children.values()) {
        if (c instanceof DirNode cd) {
          stack.push(cd);
        }
      }
    }
    for (int i = order.size() - 1; i >= 0; i--) {
      for (Iterator<Node> it = order.get(i).children.values().iterator(); it.hasNext(); ) {
        Node c = it.next();
        if (c instanceof DirNode cd && cd.children.isEmpty()) {
          it.remove();
        }
      }
    }
  }

  /** Splits and checks a path under the given rules. */
  static List<String> segments(String path, PathRules rules) {
    List<String> out = new ArrayList<>();
    if (rules == PathRules.NFT_STORAGE_CLIENT) {
      String p = jsTrim(path);
      StringBuilder cur = new StringBuilder();
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (c == '\\' && i + 1 < p.length() && p.charAt(i + 1) == '/') {
          cur.append("\\/");
          i++;
        } else if (c == '/' || c == '\\') {
          if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
          }
        } else {
          cur.append(c);
        }
      }
      if (cur.length() > 0) {
        out.add(cur.toString());
      }
    } else {
      int start = 0;
      for (int i = 0; i <= path.length(); i++) {
        if (i == path.length() || path.charAt(i) == '/') {
          String s = path.substring(start, i);
          if (s.isEmpty()) {
            throw new InvalidEntryNameException("Path '" + path + "' has an empty segment"
                + (path.isEmpty() ? "" : " (leading, trailing or double '/')"));
          }
          out.add(s);
          start = i + 1;
        }
      }
    }
    if (out.isEmpty()) {
      throw new InvalidEntryNameException("Path '" + path + "' names nothing");
    }
    for (String s : out) {
      checkName(s, path);
    }
    return out;
  }

  /** Checks one UnixFS name: not {@code .}/{@code ..}, no {@code /} or NUL, valid UTF-16 (so valid UTF-8). */
  static void checkName(String name, String path) {
    if (name.isEmpty()) {
      throw new InvalidEntryNameException("Path '" + path + "' has an empty name");
    }
    if (name.equals(".") || name.equals("..")) {
      throw new InvalidEntryNameException("Path '" + path + "' has a '" + name + "' segment; names cannot be . or ..");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == 0) {
        throw new InvalidEntryNameException("Name '" + name.replace("\0", "\\0") + "' in path '"
            + path.replace("\0", "\\0") + "' contains " + (c == 0 ? "NUL" : "'/'"));
      }
      if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidEntryNameException("Name in path '" + path + "' is not valid Unicode (unpaired surrogate "
            + String.format("U+%04X", (int) c) + "), so it has no UTF-8 form");
      }
    }
  }

  /** JavaScript's {@code String.prototype.trim()}: strips WhiteSpace and LineTerminator code points. */
  static String jsTrim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isJsWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isJsWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isJsWhitespace(char c) {
    return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0xA0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000
        || c == 0xFEFF;
  }

  // ---------------------------------------------------------------------------------------------- file system

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
        List<String> segments = segments(f.relative, p.pathRules());
        String last = segments.get(segments.size() - 1);
        if (f.kind == Kind.DIRECTORY) {
          directory(root, segments, segments.size(), f.relative, replace);
        } else {
          DirNode parent = directory(root, segments, segments.size() - 1, f.relative, replace);
          Node node = f.kind == Kind.FILE
              ? new FileNode(last, () -> Files.newInputStream(f.path), f.size, f.path)
              : new SymlinkNode(last, f.target);
          put(parent, node, f.relative, replace);
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
      checkDiskName(dir, name);
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

  /**
   * A name the JVM could not decode holds U+FFFD; it then does not round-trip to the same path. (A real U+FFFD in a
   * UTF-8 name does.)
   */
  private static void checkDiskName(Path dir, String name) throws IOException {
    if (name.indexOf('\uFFFD') >= 0 && !Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidEntryNameException("A file name in " + dir + " is not valid UTF-8 (or not decodable with "
          + "the JVM's file name encoding " + System.getProperty("sun.jnu.encoding") + "; run with a UTF-8 locale, "
          + "e.g. LC_ALL=C.UTF-8): " + new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
  }

  /** Opens a file node's stream. */
  static InputStream open(FileNode f) throws IOException {
    return f.content.open();
  }
}
