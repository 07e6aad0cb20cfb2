package io.carmint.unixfs.importer;

import io.carmint.unixfs.WrittenNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree to import, as nodes: files, directories and symlinks by name. A directory keeps its children in
 * insertion order, which decides block order (never CIDs). {@link TreeBuilder} builds a tree (names already
 * checked by {@link EntryPaths}); the import then tells each node what it was written as ({@link Node#written}),
 * children before parents, and a written directory lets go of its children (their links are in its block). Not
 * thread-safe: built and written on the calling thread.
 */
final class Tree {
  private Tree() {}

  /** A node of the tree. */
  abstract static sealed class Node permits FileNode, DirNode, SymlinkNode {
    final String name;
    private WrittenNode result;

    Node(String name) {
      this.name = name;
    }

    /** Records what this node was written as. */
    void written(WrittenNode r) {
      result = r;
    }

    /**
     * @return what this node was written as
     * @throws IllegalStateException if it has not been written yet
     */
    WrittenNode result() {
      if (result == null) {
        throw new IllegalStateException("'" + name + "' has not been written yet");
      }
      return result;
    }
  }

  /** A file: its content, and where it is on disk when it comes from the file system. */
  static final class FileNode extends Node {
    private final ImportEntry.Content content;
    final long sizeHint; // -1 when unknown
    final Path path; // the file on disk (content opens it), or null: the importer may read it through a channel

    FileNode(String name, ImportEntry.Content content, long sizeHint, Path path) {
      super(name);
      this.content = content;
      this.sizeHint = sizeHint;
      this.path = path;
    }

    /** @return a fresh stream of the file's bytes */
    InputStream open() throws IOException {
      return content.open();
    }
  }

  /** A symbolic link, its target stored as is. */
  static final class SymlinkNode extends Node {
    final String target;

    SymlinkNode(String name, String target) {
      super(name);
      this.target = target;
    }
  }

  /** A directory: its children by name, until it is written. */
  static final class DirNode extends Node {
    private Map<String, Node> children = new LinkedHashMap<>();
    private boolean hadChildren;

    DirNode(String name) {
      super(name);
    }

    /** @return a nameless directory holding {@code child} under {@code childName}: the wrapping directory */
    static DirNode wrapping(String childName, Node child) {
      DirNode d = new DirNode("");
      d.children.put(childName, child);
      return d;
    }

    /** @return the children by name, in insertion order (empty once written); a read-only view */
    Map<String, Node> children() {
      return Collections.unmodifiableMap(children);
    }

    /** @return whether the directory had children when it was written */
    boolean hadChildren() {
      return hadChildren;
    }

    /** Records what the directory was written as and lets go of its children. */
    @Override
    void written(WrittenNode r) {
      hadChildren = !children.isEmpty();
      children = Map.of();
      super.written(r);
    }

    /**
     * @return the directory at the first {@code count} {@code segments} below this one, made where missing;
     *     with {@code replace} a file or symlink in the way is replaced by a directory
     * @throws InvalidEntryNameException if, without {@code replace}, a file or symlink is in the way
     */
    DirNode directory(List<String> segments, int count, String path, boolean replace) {
      DirNode dir = this;
      for (int i = 0; i < count; i++) {
        String s = segments.get(i);
        Node child = dir.children.get(s);
        if (child == null || (replace && !(child instanceof DirNode))) {
          child = new DirNode(s);
          dir.children.put(s, child);
        } else if (!(child instanceof DirNode)) {
          throw new InvalidEntryNameException("Path '" + path + "' uses '"
              + String.join("/", segments.subList(0, i + 1)) + "' as a directory, but it is already a "
              + kind(child));
        }
        dir = (DirNode) child;
      }
      return dir;
    }

    /**
     * Adds {@code node} under its name; with {@code replace} it replaces a child of that name.
     *
     * @throws InvalidEntryNameException if, without {@code replace}, the name is taken
     */
    void put(Node node, String path, boolean replace) {
      Node old = children.get(node.name);
      if (old != null && !replace) {
        throw new InvalidEntryNameException("Path '" + path + "' is given twice"
            + (old instanceof DirNode ? " (it is already a directory)" : ""));
      }
      children.put(node.name, node);
    }

    /** Removes the directories below this one that hold nothing, bottom up; this one stays. */
    void pruneEmpty() {
      Deque<DirNode> stack = new ArrayDeque<>();
      List<DirNode> order = new ArrayList<>();
      stack.push(this);
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
          if (it.next() instanceof DirNode cd && cd.children.isEmpty()) {
            it.remove();
          }
        }
      }
    }

    /** @return the deepest directory reached from this one through directories that hold only a directory */
    DirNode belowCommonPrefix() {
      DirNode r = this;
      while (r.children.size() == 1 && r.children.values().iterator().next() instanceof DirNode only) {
        r = only;
      }
      return r;
    }

    private static String kind(Node n) {
      return n instanceof FileNode ? "file" : n instanceof SymlinkNode ? "symlink" : "directory";
    }
  }
}
