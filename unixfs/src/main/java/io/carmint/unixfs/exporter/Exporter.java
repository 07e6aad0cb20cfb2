package io.carmint.unixfs.exporter;

import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.block.BlockSource;
import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.DagPbFormatException;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNodeView;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.UnixFsFormatException;
import io.carmint.unixfs.UnixFsType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads UnixFS files, directories and symlinks from a {@link BlockSource}.
 *
 * <pre>{@code
 * Exporter exporter = Exporter.of(carFile);               // any BlockSource
 * try (InputStream in = exporter.open(root)) {             // streams, checks sizes as it goes
 *   in.transferTo(out);
 * }
 * for (DirectoryEntry e : exporter.list(dirCid)) {         // basic or HAMT directory
 *   System.out.println(e.name() + " " + e.cid());
 * }
 * exporter.walk(root, visitor);                            // a whole tree, names checked for extraction
 * }</pre>
 *
 * <p>Memory: reading a file holds one node per level of its DAG plus the current leaf, whatever the file size; a
 * node is kept as its block plus 4 bytes per link, each link decoded when reached
 * ({@link io.carmint.dagpb.PbNodeView}). {@link #list} holds the directory's entries; {@link #openDirectory} and
 * {@link #walk} do not. Defaults: block hashes verified, file DAGs at most {@value #DEFAULT_MAX_FILE_DEPTH} levels
 * deep, directory trees at most {@value #DEFAULT_MAX_DIRECTORY_DEPTH}.
 * Immutable and thread-safe if the source is; each stream it opens is not thread-safe.
 */
public final class Exporter {
  /** Deepest file DAG read: 64 levels (a balanced file of width 2 would need 2^64 leaves to go deeper). */
  public static final int DEFAULT_MAX_FILE_DEPTH = 64;
  /** Deepest directory nesting walked: 1024 levels. */
  public static final int DEFAULT_MAX_DIRECTORY_DEPTH = 1024;

  private final BlockSource source;
  private final boolean verifyHashes;
  private final int maxFileDepth;
  private final int maxDirectoryDepth;

  private Exporter(Builder b) {
    this.source = b.source;
    this.verifyHashes = b.verifyHashes;
    this.maxFileDepth = b.maxFileDepth;
    this.maxDirectoryDepth = b.maxDirectoryDepth;
  }

  /**
   * @param source where blocks are read from
   * @return an exporter over {@code source} with the defaults
   */
  public static Exporter of(BlockSource source) {
    return builder(source).build();
  }

  /**
   * @param source where blocks are read from
   * @return a builder over {@code source}
   */
  public static Builder builder(BlockSource source) {
    return new Builder(source);
  }

  // ---------------------------------------------------------------------------------------------- nodes

  /** A loaded node: a raw block, or a dag-pb node with its UnixFS data. */
  record Node(Cid cid, Block block, PbNodeView pb, UnixFsData data) {
    boolean raw() {
      return pb == null;
    }
  }

  Node load(Cid cid, String where) throws IOException {
    Optional<Block> found = source.get(cid);
    if (found.isEmpty()) {
      throw new MissingBlockException(cid, where);
    }
    Block block = found.get();
    if (!block.cid().equals(cid)) {
      throw new BlockIntegrityException(cid, block.cid(), -1, "needed by " + where + "; the block source returned "
          + "another block");
    }
    if (verifyHashes) {
      block.verify(-1, "needed by " + where);
    }
    long codec = cid.codecCode();
    if (codec == Multicodec.RAW.code()) {
      return new Node(cid, block, null, null);
    }
    if (codec != Multicodec.DAG_PB.code()) {
      throw new UnixFsFormatException("Block " + cid + " (" + where + ") has codec " + cid.codec()
          + "; UnixFS nodes are dag-pb or raw");
    }
    PbNodeView pb;
    try {
      pb = DagPb.view(block.data());
    } catch (DagPbFormatException e) {
      throw new UnixFsFormatException("Block " + cid + " (" + where + "): " + e.getMessage(), e);
    }
    if (pb.data().isEmpty()) {
      throw new UnixFsFormatException("Block " + cid + " (" + where + ") is dag-pb without UnixFS data");
    }
    UnixFsData data;
    try {
      data = UnixFsData.decode(pb.data().get());
    } catch (UnixFsFormatException e) {
      throw new UnixFsFormatException("Block " + cid + " (" + where + "): " + e.getMessage(), e);
    }
    return new Node(cid, block, pb, data);
  }

  static EntryKind kind(Node n) throws UnixFsFormatException {
    if (n.raw()) {
      return EntryKind.FILE;
    }
    return switch (n.data.type()) {
      case FILE, RAW -> EntryKind.FILE;
      case DIRECTORY, HAMT_SHARD -> EntryKind.DIRECTORY;
      case SYMLINK -> EntryKind.SYMLINK;
      case METADATA -> throw new UnixFsFormatException("Node " + n.cid + " is a UnixFS Metadata node, which is not "
          + "supported");
    };
  }

  // ---------------------------------------------------------------------------------------------- API

  /**
   * Describes the node at {@code cid} from its own block.
   *
   * @param cid the node's CID
   * @return what the node is: kind, size, CID
   * @throws MissingBlockException if the block is not in the source
   * @throws BlockIntegrityException if its bytes do not match the CID
   * @throws io.carmint.block.DigestTooShortException if the CID's digest is too short to verify
   * @throws UnixFsFormatException if it is not a UnixFS node (or a Metadata node)
   * @throws IOException if the source fails
   */
  public UnixFsEntry stat(Cid cid) throws IOException {
    return stat(load(cid, "the requested entry"));
  }

  /**
   * As {@link #stat(Cid)} for the entry at {@code path} in a tree being walked: messages name it by its path.
   *
   * @param path the entry's path below the walked root, {@code /}-separated ({@code ""} for the root)
   * @param cid the node's CID
   * @return what the node is: kind, size, CID
   * @throws IOException as {@link #stat(Cid)}
   */
  public UnixFsEntry stat(Cid cid, String path) throws IOException {
    return stat(load(cid, where(path)));
  }

  private static String where(String path) {
    return path.isEmpty() ? "the walked root" : EntryNames.quote(path);
  }

  private UnixFsEntry stat(Node n) throws UnixFsFormatException {
    Cid cid = n.cid;
    EntryKind kind = kind(n);
    return switch (kind) {
      case FILE -> new UnixFsEntry(cid, kind, n.raw() ? n.block.length() : declaredFileSize(n), false);
      case SYMLINK -> new UnixFsEntry(cid, kind, n.data.data().map(Bytes::length).orElse(0), false);
      case DIRECTORY -> new UnixFsEntry(cid, kind, -1, n.data.type() == UnixFsType.HAMT_SHARD);
    };
  }

  /** @return the filesize, else the Data length plus the blocksizes; a sum past 2^63-1 bytes is malformed */
  static long declaredFileSize(Node n) throws UnixFsFormatException {
    if (n.data.filesize().isPresent()) {
      return n.data.filesize().getAsLong();
    }
    long total = n.data.data().map(Bytes::length).orElse(0);
    try {
      for (long b : n.data.blocksizes()) {
        total = Math.addExact(total, b);
      }
    } catch (ArithmeticException e) {
      throw new UnixFsFormatException("File node " + n.cid + " declares more than 2^63-1 bytes: its blocksizes "
          + "add up beyond what a size can hold");
    }
    return total;
  }

  /**
   * Opens a file for streaming. Each node's declared sizes are checked against the bytes really found as reading
   * proceeds; a mismatch fails the read at that point.
   *
   * @param file the file's root CID
   * @return the file's bytes, in order; closing it reads nothing more
   * @throws MissingBlockException if the root block is not in the source (later blocks: thrown by {@code read})
   * @throws UnixFsFormatException if the root is not a file
   * @throws IOException if the source fails
   */
  public InputStream open(Cid file) throws IOException {
    Node n = load(file, "the requested file");
    if (kind(n) != EntryKind.FILE) {
      throw new UnixFsFormatException("Node " + file + " is a " + kind(n).name().toLowerCase(java.util.Locale.ROOT)
          + ", not a file");
    }
    return new FileStream(this, n, maxFileDepth);
  }

  /**
   * Copies a whole file to {@code out}.
   *
   * @param file the file's root CID
   * @param out where the bytes go; not closed
   * @return the number of bytes written
   * @throws IOException as {@link #open} and its stream's {@code read}, or if writing fails
   */
  public long readFile(Cid file, OutputStream out) throws IOException {
    try (InputStream in = open(file)) {
      return in.transferTo(out);
    }
  }

  /**
   * Reads a symlink's target.
   *
   * @param symlink the symlink's CID
   * @return its target, as stored
   * @throws UnixFsFormatException if the node is not a symlink, has links, or its target is not UTF-8
   * @throws IOException as {@link #stat}
   */
  public String readSymlink(Cid symlink) throws IOException {
    return symlinkTarget(load(symlink, "the requested symlink"));
  }

  private static String symlinkTarget(Node n) throws UnixFsFormatException {
    if (n.raw() || n.data.type() != UnixFsType.SYMLINK) {
      throw new UnixFsFormatException("Node " + n.cid + " is not a symlink");
    }
    if (n.pb.linkCount() != 0) {
      throw new UnixFsFormatException("Symlink " + n.cid + " has " + n.pb.linkCount() + " links; it must have none");
    }
    ByteBuffer target = n.data.data().map(Bytes::asReadOnlyBuffer).orElse(ByteBuffer.allocate(0));
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(target).toString();
    } catch (CharacterCodingException e) {
      throw new UnixFsFormatException("Symlink " + n.cid + ": target is not valid UTF-8");
    }
  }

  /**
   * Lists a directory: a basic directory's links in block order, or a HAMT's entries in shard order (bucket order,
   * depth first; not sorted by name). The whole listing is held in memory; to read a directory of unknown size
   * entry by entry, use {@link #openDirectory}.
   *
   * @param directory the directory's CID
   * @return its entries
   * @throws DuplicateNameException if a name repeats
   * @throws UnixFsFormatException if the node is not a directory, a link has no name, or a HAMT shard is malformed
   * @throws MissingBlockException if a HAMT shard block is missing
   * @throws IOException as {@link #stat}
   */
  public List<DirectoryEntry> list(Cid directory) throws IOException {
    DirectoryCursor cursor = openDirectory(directory);
    List<DirectoryEntry> out = new ArrayList<>();
    for (Optional<DirectoryEntry> e = cursor.next(); e.isPresent(); e = cursor.next()) {
      out.add(e.get());
    }
    return out;
  }

  /**
   * Opens a directory for reading entry by entry (see {@link DirectoryCursor}): memory stays bounded however many
   * entries it has or declares.
   *
   * @param directory the directory's CID
   * @return a cursor over its entries
   * @throws UnixFsFormatException if the node is not a directory, or a HAMT root is malformed
   * @throws IOException as {@link #stat}
   */
  public DirectoryCursor openDirectory(Cid directory) throws IOException {
    return new DirectoryCursor(this, load(directory, "the requested directory"), "");
  }

  /**
   * As {@link #openDirectory(Cid)} for the directory at {@code path} in a tree being walked: messages (a missing
   * block, a repeated name) name it and its entries by their paths.
   *
   * @param path the directory's path below the walked root, {@code /}-separated ({@code ""} for the root)
   * @param directory the directory's CID
   * @return a cursor over its entries
   * @throws IOException as {@link #openDirectory(Cid)}
   */
  public DirectoryCursor openDirectory(Cid directory, String path) throws IOException {
    return new DirectoryCursor(this, load(directory, where(path)), path);
  }

  /**
   * Finds one entry of a directory by name without listing it: a basic directory's links are scanned; a HAMT is
   * descended along the buckets the name's hash selects, reading one shard per level.
   *
   * @param directory the directory's CID
   * @param name the entry's name
   * @return the entry, or empty if the directory has no entry of that name
   * @throws DuplicateNameException if a basic directory has the name twice
   * @throws UnixFsFormatException if the node is not a directory, or a shard on the way is malformed
   * @throws MissingBlockException if a block on the way is missing
   * @throws IOException as {@link #stat}
   */
  public Optional<DirectoryEntry> lookup(Cid directory, String name) throws IOException {
    Objects.requireNonNull(name, "name");
    return openDirectory(directory).find(name);
  }

  /**
   * Follows a {@code /}-separated path of names from {@code root}, as a gateway resolves {@code /ipfs/root/path}:
   * empty segments (leading, trailing or doubled slashes) are ignored, every other segment is a name looked up with
   * {@link #lookup}; {@code .} and {@code ..} are names like any other (and so normally not found). Symlinks on the
   * way are not followed.
   *
   * @param root where the path starts
   * @param path names separated by {@code /}
   * @return the CID the path leads to ({@code root} itself for an empty path)
   * @throws EntryNotFoundException if a name is missing, or a segment before the last is not a directory
   * @throws IOException as {@link #lookup}
   */
  public Cid resolve(Cid root, String path) throws IOException {
    Cid current = root;
    String walked = "";
    for (String name : path.split("/")) {
      if (name.isEmpty()) {
        continue;
      }
      String at = walked.isEmpty() ? "the root" : EntryNames.quote(walked);
      Node n = load(current, at);
      EntryKind k = kind(n);
      if (k != EntryKind.DIRECTORY) {
        throw new EntryNotFoundException(path, "No entry " + EntryNames.quote(path) + ": " + at + " is a "
            + k.name().toLowerCase(java.util.Locale.ROOT) + ", not a directory");
      }
      Optional<DirectoryEntry> e = new DirectoryCursor(this, n, walked).find(name);
      if (e.isEmpty()) {
        throw new EntryNotFoundException(path, "No entry " + EntryNames.quote(path) + ": " + at + " (" + current
            + ") has no entry " + EntryNames.quote(name));
      }
      current = e.get().cid();
      walked = walked.isEmpty() ? name : walked + "/" + name;
    }
    return current;
  }

  /**
   * Walks the tree under {@code root} depth first, giving every directory, file and symlink to {@code visitor}.
   * Every name is checked to be a safe path segment before it is used (see {@link UnsafeNameException}).
   *
   * <p>Directories are read lazily (see {@link DirectoryCursor}): each entry goes to the visitor as soon as it is
   * read, so a repeated name is detected when its second occurrence is reached, after the first was visited. The
   * walk holds one cursor per directory on the current path; it does not limit how many entries or bytes a DAG
   * declares (one sub-DAG linked many times can declare billions). A visitor that extracts
   * should count and stop by throwing, as {@code io.carmint.unixfs.unpack.Unpacker} does.
   *
   * @param root the tree's root CID
   * @param visitor receives every entry
   * @throws UnsafeNameException if a name is not a safe path segment (see {@link EntryNames#check})
   * @throws DuplicateNameException if a directory has two entries with the same name
   * @throws LimitExceededException if directories nest deeper than the limit
   * @throws IOException as {@link #list}, {@link #open}, or what the visitor throws
   */
  public void walk(Cid root, ExportVisitor visitor) throws IOException {
    walk(load(root, where("")), "", visitor, 0);
  }

  private void walk(Node n, String path, ExportVisitor visitor, int depth) throws IOException {
    switch (kind(n)) {
      case FILE -> {
        try (InputStream in = new FileStream(this, n, maxFileDepth)) {
          visitor.file(path, n.cid, n.raw() ? n.block.length() : declaredFileSize(n), in);
        }
      }
      case SYMLINK -> visitor.symlink(path, n.cid, symlinkTarget(n));
      case DIRECTORY -> {
        if (depth >= maxDirectoryDepth) {
          throw new LimitExceededException("Directories nest " + (depth + 1) + " levels deep at "
              + EntryNames.quote(path), "Exporter.Builder.maxDirectoryDepth", maxDirectoryDepth, depth + 1L, -1);
        }
        DirectoryCursor cursor = new DirectoryCursor(this, n, path);
        visitor.directory(path, n.cid);
        for (Optional<DirectoryEntry> next = cursor.next(); next.isPresent(); next = cursor.next()) {
          DirectoryEntry e = next.get();
          String child = path.isEmpty() ? e.name() : path + "/" + e.name();
          EntryNames.check(e.name(), path, "directory " + n.cid);
          walk(load(e.cid(), EntryNames.quote(child)), child, visitor, depth + 1);
        }
      }
    }
  }

  /** Configures an {@link Exporter}. Not thread-safe. */
  public static final class Builder {
    private final BlockSource source;
    private boolean verifyHashes = true;
    private int maxFileDepth = DEFAULT_MAX_FILE_DEPTH;
    private int maxDirectoryDepth = DEFAULT_MAX_DIRECTORY_DEPTH;

    private Builder(BlockSource source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Whether to check every block's bytes against its CID (default true; turn off only for a trusted source).
     *
     * @param value whether to check
     * @return this builder
     */
    public Builder verifyHashes(boolean value) {
      verifyHashes = value;
      return this;
    }

    /**
     * Deepest file DAG read (default {@value #DEFAULT_MAX_FILE_DEPTH}).
     *
     * @param value the most levels of a file DAG
     * @return this builder
     */
    public Builder maxFileDepth(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxFileDepth must be at least 1, got " + value);
      }
      maxFileDepth = value;
      return this;
    }

    /**
     * Deepest directory nesting walked (default {@value #DEFAULT_MAX_DIRECTORY_DEPTH}).
     *
     * @param value the most levels of directories
     * @return this builder
     */
    public Builder maxDirectoryDepth(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxDirectoryDepth must be at least 1, got " + value);
      }
      maxDirectoryDepth = value;
      return this;
    }

    /** @return the exporter */
    public Exporter build() {
      return new Exporter(this);
    }
  }
}
