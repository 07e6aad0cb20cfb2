package io.carmint.unixfs.unpack;

import io.carmint.block.BlockSource;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.exporter.DirectoryCursor;
import io.carmint.unixfs.exporter.DirectoryEntry;
import io.carmint.unixfs.exporter.EntryNames;
import io.carmint.unixfs.exporter.Exporter;
import io.carmint.unixfs.exporter.MissingBlockException;
import io.carmint.unixfs.exporter.UnixFsEntry;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts, before anything is written, what unpacking the tree under a root would produce: its entries, its bytes of
 * file content and its deepest directory level, and refuses it if a limit would be crossed. Each distinct directory
 * is listed once and its totals are kept by CID, so a DAG that links one sub-tree from many places (2^48 paths in
 * a few kilobytes) costs a walk of its distinct directories and their links, not of its paths. File contents are not
 * read: a raw file's length comes from the source, a file node's size from its root, as declared (the unpack then
 * holds each file to its declared size). Names are checked on the way (unsafe or repeated names), so those refusals
 * come before anything is written too. Not thread-safe; one per unpack.
 */
final class Preflight {
  private final Exporter exporter;
  private final BlockSource source;
  private final long maxEntries;
  private final long maxBytes;
  private final String bytesLimit;
  private final int maxDepth;
  private final String refusal;
  private final Map<Cid, Subtree> directories = new HashMap<>();

  /**
   * What a sub-tree holds.
   *
   * @param entries entries, itself included
   * @param bytes bytes of file content
   * @param levels directory levels below it (0 for a file, or a directory without sub-directories)
   * @param directory whether it is a directory
   */
  record Subtree(long entries, long bytes, int levels, boolean directory) {
  }

  /** A directory being counted: its listing and the totals of the entries read so far. */
  private static final class Frame {
    final Cid cid;
    final DirectoryCursor cursor;
    final int level;
    final String path;
    long entries = 1;
    long bytes;
    int levels;

    Frame(Cid cid, DirectoryCursor cursor, int level, String path) {
      this.cid = cid;
      this.cursor = cursor;
      this.level = level;
      this.path = path;
    }
  }

  /**
   * @param bytesLimit how the byte limit came about, for the message (e.g. {@code the automatic limit: …}), or null
   * @param refusal how a refusal's message begins, e.g. {@code Unpacking refused before writing anything}
   */
  Preflight(Exporter exporter, BlockSource source, Unpacker options, long maxBytes, String bytesLimit,
      String refusal) {
    this.exporter = exporter;
    this.source = source;
    this.maxEntries = options.maxEntries();
    this.maxBytes = maxBytes;
    this.bytesLimit = bytesLimit;
    this.maxDepth = options.maxDepth();
    this.refusal = refusal;
  }

  /**
   * @return what the tree under {@code root} holds
   * @throws LimitExceededException if it holds more entries or bytes, or deeper directories, than the limits
   * @throws IOException as the exporter's {@code stat} and directory listing (missing or corrupt blocks, malformed
   *     nodes, unsafe or repeated names)
   */
  Subtree run(Cid root) throws IOException {
    Subtree leaf = leaf(root, "");
    if (leaf != null) {
      check(new Frame(root, null, 0, ""), leaf);
      return leaf;
    }
    ArrayDeque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root, exporter.openDirectory(root, ""), 0, ""));
    while (true) {
      Frame f = stack.peek();
      Optional<DirectoryEntry> next = f.cursor.next();
      if (next.isEmpty()) {
        stack.pop();
        Subtree done = new Subtree(f.entries, f.bytes, f.levels, true);
        directories.put(f.cid, done);
        if (stack.isEmpty()) {
          return done;
        }
        add(stack.peek(), done);
        continue;
      }
      DirectoryEntry e = next.get();
      EntryNames.check(e.name(), f.path, "directory " + f.cid);
      String path = f.path.isEmpty() ? e.name() : f.path + "/" + e.name();
      Subtree known = directories.get(e.cid());
      if (known != null) {
        checkDepth(path, f.level + 1 + known.levels());
        add(f, known);
        continue;
      }
      Subtree child = leaf(e.cid(), path);
      if (child != null) {
        add(f, child);
      } else {
        checkDepth(path, f.level + 1);
        stack.push(new Frame(e.cid(), exporter.openDirectory(e.cid(), path), f.level + 1, path));
      }
    }
  }

  /** @return the file or symlink at {@code cid} (at {@code path}), or null for a directory */
  private Subtree leaf(Cid cid, String path) throws IOException {
    if (cid.codecCode() == Multicodec.RAW.code()) {
      long length = source.length(cid).orElseThrow(() -> new MissingBlockException(cid,
          path.isEmpty() ? "the walked root" : EntryNames.quote(path)));
      return new Subtree(1, length, 0, false);
    }
    UnixFsEntry s = exporter.stat(cid, path);
    return switch (s.kind()) {
      case FILE -> new Subtree(1, s.size(), 0, false);
      case SYMLINK -> new Subtree(1, 0, 0, false);
      case DIRECTORY -> null;
    };
  }

  private void add(Frame parent, Subtree child) throws LimitExceededException {
    parent.entries = saturatedAdd(parent.entries, child.entries());
    parent.bytes = saturatedAdd(parent.bytes, child.bytes());
    if (child.directory()) {
      parent.levels = Math.max(parent.levels, child.levels() + 1);
    }
    // What is counted so far only grows: refuse as soon as it is over, without counting the rest.
    check(parent, new Subtree(parent.entries, parent.bytes, 0, false));
  }

  private void check(Frame at, Subtree counted) throws LimitExceededException {
    if (counted.entries() > maxEntries) {
      throw refused(at, fmt(counted.entries()) + " entries", "maxEntries", maxEntries, counted.entries());
    }
    if (counted.bytes() > maxBytes) {
      throw refused(at, fmt(counted.bytes()) + " bytes of file content"
          + (bytesLimit == null ? "" : " (" + bytesLimit + ")"), "maxTotalBytes", maxBytes, counted.bytes());
    }
  }

  private void checkDepth(String path, int level) throws LimitExceededException {
    if (level > maxDepth) {
      throw new LimitExceededException(refusal + ": directories nest " + level
          + " levels deep at " + EntryNames.quote(path), "Unpacker.Builder.maxDepth", maxDepth, level, -1);
    }
  }

  private LimitExceededException refused(Frame at, String what, String setting, long limit, long actual) {
    return new LimitExceededException(refusal + ": "
        + (at.path.isEmpty() ? "the tree" : "the sub-tree " + EntryNames.quote(at.path)) + " (" + at.cid
        + ") holds at least " + what + ", counting each path to a block linked from several places",
        "Unpacker.Builder." + setting, limit, actual, -1);
  }

  static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  private static String fmt(long n) {
    return n == Long.MAX_VALUE ? "2^63-1 or more" : String.format(Locale.ROOT, "%,d", n);
  }
}
