package io.carmint.unixfs.unpack;

import io.carmint.block.BlockSource;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.exporter.Exporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

/**
 * Extracts a UnixFS tree from a {@link BlockSource} (a CAR file, say) into a directory, safely: whatever the DAG
 * says, nothing is written outside the target, no existing file is replaced, no symlink is written through, and the
 * work done is bounded.
 *
 * <pre>{@code
 * try (CarFile car = CarFile.open(Path.of("site.car"))) {
 *   UnpackResult r = Unpacker.builder()
 *       .maxTotalBytes(100L << 30)                          // allow 100 GiB
 *       .escapingSymlinks(EscapingSymlinkPolicy.SKIP)
 *       .build()
 *       .unpack(car, car.roots().get(0), Path.of("out"));
 * }
 * }</pre>
 *
 * <p><b>What is refused</b>, each with its own exception naming the entry path and the reason:
 * <ul>
 *   <li>names that are empty, {@code .}, {@code ..}, absolute (including drives such as {@code C:}) or contain
 *       {@code /}, {@code \} or NUL: {@link io.carmint.unixfs.exporter.UnsafeNameException};
 *   <li>a name used twice in a directory: {@link io.carmint.unixfs.exporter.DuplicateNameException}; an entry whose
 *       path exists on disk already (a case-insensitive file system folding two names, or, with
 *       {@link TargetPolicy#MERGE}, a pre-existing file or symlink): {@link EntryCollisionException};
 *   <li>a symlink whose target could lead outside the target directory: {@link SymlinkEscapeException} (the rule is
 *       there), unless {@link EscapingSymlinkPolicy#SKIP};
 *   <li>a non-empty target under the default {@link TargetPolicy#REQUIRE_EMPTY}: {@link TargetNotEmptyException};
 *   <li>more entries, file bytes, block reads or directory depth than the limits:
 *       {@link io.carmint.multiformats.LimitExceededException}, whose {@code setting()} names the builder method
 *       that raises the limit (e.g. {@code Unpacker.Builder.maxEntries});
 *   <li>from the exporter: a file whose bytes differ from its declared sizes
 *       ({@link io.carmint.unixfs.UnixFsFormatException}), a missing block
 *       ({@link io.carmint.unixfs.exporter.MissingBlockException}, naming the CID), bytes that do not hash to their
 *       CID ({@link io.carmint.block.BlockIntegrityException}) or a CID whose digest is too short to verify them
 *       ({@link io.carmint.block.DigestTooShortException}), malformed nodes.
 * </ul>
 *
 * <p><b>Counted before anything is written.</b> The tree is first counted from its directory blocks: entries,
 * bytes of file content (each file's declared size; raw files' lengths from {@link BlockSource#length}) and
 * directory depth. Each distinct directory is listed once and its totals are kept by CID, so a DAG of a few
 * kilobytes that links one sub-tree from many places (2^48 paths) is refused after a walk of its few blocks,
 * before the target is touched; names are checked on the way (unsafe, repeated), and missing or corrupt directory
 * blocks found. The count costs one more read of each directory block and file root; a source that cannot serve a
 * block twice (a stream of blocks in walk order) turns it off with {@link Builder#countFirst(boolean)}, and is then
 * bounded while writing, the same limits failing the unpack and removing what it wrote.
 *
 * <p><b>How files are written.</b> Every directory on an entry's path was created (or, with {@code MERGE}, found
 * as a real directory, never a symlink) during this unpack, so no write goes through a symlink. A file is streamed
 * into a new temporary file ({@code .carmint-<random>.part}, created exclusively) in its final directory; only when
 * its content is complete and its size equals the declared size is it renamed to its final name, which must not
 * exist. Symlinks are created only if their target provably stays inside (see {@link SymlinkEscapeException}).
 * UnixFS mode and mtime are not applied: files get the process's default permissions.
 *
 * <p><b>All or nothing.</b> If the unpack fails once it has started writing (a corrupt or missing file block, a
 * symlink refused, the block-read limit, a full disk), what it wrote is removed: every entry it created, and the
 * target directory (with missing parents) if it created it. What was there before (with {@code MERGE}) stays.
 *
 * <p><b>Limits</b> (raise them for genuine content):
 * <table>
 * <caption>Limits</caption>
 * <tr><th>limit</th><th>default</th><th>builder</th><th>CLI</th></tr>
 * <tr><td>entries (directories, files, symlinks, the root included)</td><td>{@value #DEFAULT_MAX_ENTRIES}</td>
 *     <td>{@link Builder#maxEntries}</td><td>{@code --max-entries}</td></tr>
 * <tr><td>file bytes in all</td><td>automatic: {@value #DEFAULT_MAX_EXPANSION} times the source's size
 *     ({@link BlockSource#totalBytes()}, a CAR file's size), at least 1 GiB and at most 32 GiB; 32 GiB for a source
 *     of unknown size</td><td>{@link Builder#maxTotalBytes}</td><td>{@code --max-bytes}</td></tr>
 * <tr><td>block reads</td><td>{@value #DEFAULT_MAX_BLOCKS} (2^22)</td><td>{@link Builder#maxBlocks}</td>
 *     <td>{@code --max-blocks}</td></tr>
 * <tr><td>directory depth below the root</td><td>{@value #DEFAULT_MAX_DEPTH}</td><td>{@link Builder#maxDepth}</td>
 *     <td>{@code --max-depth}</td></tr>
 * </table>
 * A DAG of a few kilobytes can declare 2^48 paths or bytes by linking one sub-DAG from many places; the entry and
 * byte limits stop it before anything is written, entries, bytes and depth being counted first. Content more than
 * {@value #DEFAULT_MAX_EXPANSION} times the size of the blocks it comes from is a DAG repeating its blocks, so the
 * automatic byte limit keeps a 1 MB CAR to 1 GiB unless the user asks for more. The block limit, counted while
 * writing, stops DAGs that make the reader work without producing entries or bytes (empty file nodes linked many
 * times).
 *
 * <p><b>Not defended against:</b> other processes changing the target directory while unpacking (the checks and
 * the writes are separate system calls). Unpack into a directory only you can write to.
 *
 * <p>Immutable and thread-safe; each {@link #unpack} call is independent.
 */
public final class Unpacker {
  /** Most entries unpacked: 1,000,000 (a million files and directories). */
  public static final long DEFAULT_MAX_ENTRIES = 1_000_000L;
  /**
   * Most bytes of file content written by default: 32 GiB, above the 31 GiB NFT.Storage accepted for one upload; the
   * ceiling of the automatic limit, and the limit for a source of unknown size.
   */
  public static final long DEFAULT_MAX_TOTAL_BYTES = 32L << 30;
  /**
   * The automatic byte limit's ratio: file content may be 1,024 times the source's size. Content larger than the
   * blocks holding it is made of blocks repeated (identical chunks, identical files); real content rarely repeats
   * that much, and {@link #MIN_AUTOMATIC_TOTAL_BYTES} lets any source expand to 1 GiB (zero-filled files).
   */
  public static final long DEFAULT_MAX_EXPANSION = 1024;
  /** The automatic byte limit's floor: 1 GiB, whatever the source's size. */
  public static final long MIN_AUTOMATIC_TOTAL_BYTES = 1L << 30;
  /**
   * Most block reads: 4,194,304 (2^22). A million entries plus 32 GiB in 256 KiB chunks take about 1.2 million, so
   * only a DAG that makes the reader work without output reaches it.
   */
  public static final long DEFAULT_MAX_BLOCKS = 1L << 22;
  /** Deepest directory nesting below the root: 256 levels. */
  public static final int DEFAULT_MAX_DEPTH = 256;
  /** Largest accepted {@link Builder#maxDepth}: 1024 (the walk recurses once per level). */
  public static final int MAX_DEPTH_LIMIT = Exporter.DEFAULT_MAX_DIRECTORY_DEPTH;

  private final long maxEntries;
  private final long maxTotalBytes;
  private final long maxBlocks;
  private final int maxDepth;
  private final boolean verifyHashes;
  private final boolean countFirst;
  private final EscapingSymlinkPolicy escapingSymlinks;
  private final TargetPolicy targetPolicy;
  private final LongConsumer progress;

  private Unpacker(Builder b) {
    this.maxEntries = b.maxEntries;
    this.maxTotalBytes = b.maxTotalBytes;
    this.maxBlocks = b.maxBlocks;
    this.maxDepth = b.maxDepth;
    this.verifyHashes = b.verifyHashes;
    this.countFirst = b.countFirst;
    this.escapingSymlinks = b.escapingSymlinks;
    this.targetPolicy = b.targetPolicy;
    this.progress = b.progress;
  }

  /** @return an unpacker with the defaults */
  public static Unpacker of() {
    return builder().build();
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder starting from this unpacker's settings */
  public Builder toBuilder() {
    Builder b = new Builder().maxEntries(maxEntries).maxBlocks(maxBlocks)
        .maxDepth(maxDepth).verifyHashes(verifyHashes).countFirst(countFirst).escapingSymlinks(escapingSymlinks)
        .targetPolicy(targetPolicy).progress(progress);
    b.maxTotalBytes = maxTotalBytes;
    return b;
  }

  /**
   * Unpacks the tree under {@code root} into {@code target}. A directory root becomes {@code target} itself (created
   * with missing parents if absent); a file root is written at the path {@code target}, which must not exist; a
   * symlink root escapes by definition (refused or skipped by the policy).
   *
   * @param source the blocks
   * @param root the root of the tree
   * @param target the target directory (or file path, for a file root); a symlink given here is followed
   * @return what was written
   * @throws io.carmint.unixfs.exporter.UnsafeNameException if an entry name is unsafe
   * @throws io.carmint.unixfs.exporter.DuplicateNameException if a directory names an entry twice
   * @throws EntryCollisionException if an entry's path exists on disk already
   * @throws SymlinkEscapeException if a symlink could lead outside and the policy is to refuse
   * @throws TargetNotEmptyException if the target is not acceptable under the target policy
   * @throws io.carmint.multiformats.LimitExceededException if a limit is reached (entries, bytes and depth: before
   *     anything is written)
   * @throws io.carmint.unixfs.exporter.MissingBlockException if a block is missing
   * @throws io.carmint.block.BlockIntegrityException if a block does not match its CID
   * @throws io.carmint.block.DigestTooShortException if a block's CID has a digest too short to verify
   * @throws io.carmint.unixfs.UnixFsFormatException if a node is malformed or a file's sizes are inconsistent
   * @throws IOException if the source or the file system fails
   */
  public UnpackResult unpack(BlockSource source, Cid root, Path target) throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(target, "target");
    long bytesLimit = maxTotalBytes(source);
    if (countFirst) {
      Exporter counter = Exporter.builder(source).verifyHashes(verifyHashes).build();
      new Preflight(counter, source, this, bytesLimit, maxTotalBytes >= 0 ? null : automaticLimit(source),
          "Unpacking refused before writing anything").run(root);
    }
    Extraction x = new Extraction(this, target, bytesLimit);
    BlockSource counting = cid -> {
      x.countBlock();
      return source.get(cid);
    };
    // The exporter's own depth check sits one level beyond ours, so ours (with its clearer message) fires first.
    Exporter exporter = Exporter.builder(counting).verifyHashes(verifyHashes).maxDirectoryDepth(maxDepth + 2)
        .build();
    try {
      exporter.walk(root, x);
    } catch (IOException | RuntimeException | Error e) {
      x.removeWritten(e);
      throw e;
    }
    return x.result();
  }

  /**
   * Counts what the tree under {@code root} holds, as {@link #unpack} counts it before writing anything, and writes
   * nothing: for a caller that walks the tree itself (a recursive listing, an archive writer) and wants a tree too
   * large for these limits refused before it starts. Each distinct directory is listed once and its totals kept by
   * CID, so a DAG that links one sub-tree from many places costs a walk of its distinct directories, not of its
   * paths; file contents are not read (their declared sizes are counted).
   *
   * @param source the blocks
   * @param root the root of the tree
   * @return what the tree holds; the count stops, with an exception, as soon as a limit is crossed
   * @throws io.carmint.multiformats.LimitExceededException if the tree holds more entries than
   *     {@link Builder#maxEntries}, more bytes of file content than {@link #maxTotalBytes(BlockSource)}, or
   *     directories nested deeper than {@link Builder#maxDepth}; the message begins
   *     {@code Refused before walking the tree}
   * @throws io.carmint.unixfs.exporter.UnsafeNameException if an entry name is unsafe
   * @throws io.carmint.unixfs.exporter.DuplicateNameException if a directory names an entry twice
   * @throws io.carmint.unixfs.exporter.MissingBlockException if a directory block or a file's root is missing
   * @throws io.carmint.block.BlockIntegrityException if a block does not match its CID (unless
   *     {@link Builder#verifyHashes} is off)
   * @throws io.carmint.unixfs.UnixFsFormatException if a node is malformed
   * @throws IOException if the source fails
   */
  public TreeSize count(BlockSource source, Cid root) throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(root, "root");
    Exporter counter = Exporter.builder(source).verifyHashes(verifyHashes).build();
    Preflight.Subtree tree = new Preflight(counter, source, this, maxTotalBytes(source),
        maxTotalBytes >= 0 ? null : automaticLimit(source), "Refused before walking the tree").run(root);
    return new TreeSize(tree.entries(), tree.bytes(), tree.levels());
  }

  /**
   * The most bytes of file content this unpacker writes from {@code source}: the configured
   * {@link Builder#maxTotalBytes}, or else the automatic limit ({@value #DEFAULT_MAX_EXPANSION} times the source's
   * {@link BlockSource#totalBytes()}, at least 1 GiB and at most 32 GiB; 32 GiB for a source of unknown size). For
   * callers that stream one file elsewhere and want the same limit.
   *
   * @param source the blocks to be unpacked
   * @return the limit in bytes
   */
  public long maxTotalBytes(BlockSource source) {
    if (maxTotalBytes >= 0) {
      return maxTotalBytes;
    }
    OptionalLong size = source.totalBytes();
    if (size.isEmpty()) {
      return DEFAULT_MAX_TOTAL_BYTES;
    }
    long expanded = size.getAsLong() > Long.MAX_VALUE / DEFAULT_MAX_EXPANSION ? Long.MAX_VALUE
        : size.getAsLong() * DEFAULT_MAX_EXPANSION;
    return Math.min(DEFAULT_MAX_TOTAL_BYTES, Math.max(MIN_AUTOMATIC_TOTAL_BYTES, expanded));
  }

  private static String automaticLimit(BlockSource source) {
    OptionalLong size = source.totalBytes();
    return size.isEmpty() ? "the default limit for a source of unknown size"
        : String.format(Locale.ROOT, "the automatic limit: %,d times the source's %,d bytes, at least 1 GiB and at "
            + "most 32 GiB", DEFAULT_MAX_EXPANSION, size.getAsLong());
  }

  long maxEntries() {
    return maxEntries;
  }

  long maxBlocks() {
    return maxBlocks;
  }

  int maxDepth() {
    return maxDepth;
  }

  EscapingSymlinkPolicy escapingSymlinks() {
    return escapingSymlinks;
  }

  TargetPolicy targetPolicy() {
    return targetPolicy;
  }

  LongConsumer progress() {
    return progress;
  }

  /** Configures an {@link Unpacker}. Not thread-safe. */
  public static final class Builder {
    private long maxEntries = DEFAULT_MAX_ENTRIES;
    private long maxTotalBytes = -1; // automatic
    private long maxBlocks = DEFAULT_MAX_BLOCKS;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private boolean verifyHashes = true;
    private boolean countFirst = true;
    private EscapingSymlinkPolicy escapingSymlinks = EscapingSymlinkPolicy.REFUSE;
    private TargetPolicy targetPolicy = TargetPolicy.REQUIRE_EMPTY;
    private LongConsumer progress = bytes -> { };

    private Builder() {}

    /**
     * Who is told how an unpack advances, for a progress display: the bytes of file content written so far in this
     * {@link Unpacker#unpack unpack} call, after each buffer is written to a file (at most 64 KiB apart). It reaches
     * {@link TreeSize#bytes()} of {@link Unpacker#count} for the same tree when the unpack succeeds. Calls come on
     * the thread running {@code unpack}, one at a time (an unpacker shared by unpacks running at once calls it from
     * each of their threads); one that throws stops the unpack, which removes what it wrote. Default: no one.
     *
     * @param value told the bytes written
     * @return this builder
     */
    public Builder progress(LongConsumer value) {
      progress = Objects.requireNonNull(value, "progress");
      return this;
    }

    /**
     * Most entries to unpack, the root included (default {@value Unpacker#DEFAULT_MAX_ENTRIES}).
     *
     * @param value the most entries
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxEntries(long value) {
      maxEntries = atLeast(1, value, "maxEntries");
      return this;
    }

    /**
     * Most bytes of file content to write in all. Default: automatic, {@value Unpacker#DEFAULT_MAX_EXPANSION} times
     * the source's size ({@link BlockSource#totalBytes()}), at least {@link Unpacker#MIN_AUTOMATIC_TOTAL_BYTES}
     * (1 GiB) and at most {@link Unpacker#DEFAULT_MAX_TOTAL_BYTES} (32 GiB), which is also the limit when the
     * source does not know its size. A value set here is used as it is.
     *
     * @param value the most bytes
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxTotalBytes(long value) {
      maxTotalBytes = atLeast(0, value, "maxTotalBytes");
      return this;
    }

    /**
     * Most block reads (default {@value Unpacker#DEFAULT_MAX_BLOCKS}).
     *
     * @param value the most block reads
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxBlocks(long value) {
      maxBlocks = atLeast(1, value, "maxBlocks");
      return this;
    }

    /**
     * Deepest directory nesting below the root (default {@value Unpacker#DEFAULT_MAX_DEPTH}; the root is level 0,
     * its subdirectories level 1).
     *
     * @param value the deepest level
     * @return this builder
     * @throws IllegalArgumentException if below 0 or above {@value Unpacker#MAX_DEPTH_LIMIT}
     */
    public Builder maxDepth(int value) {
      if (value < 0 || value > MAX_DEPTH_LIMIT) {
        throw new IllegalArgumentException("maxDepth must be from 0 to " + MAX_DEPTH_LIMIT + ", got " + value);
      }
      maxDepth = value;
      return this;
    }

    /**
     * Whether to hash every block against its CID (default true). Turn off only when the source checks already,
     * as a {@code CarFile} opened with hash verification does.
     *
     * @param value whether to hash
     * @return this builder
     */
    public Builder verifyHashes(boolean value) {
      verifyHashes = value;
      return this;
    }

    /**
     * Whether to count the tree's entries, bytes and depth before writing anything (default true), reading each
     * directory block and file root once more. Turn off only for a source that cannot serve a block twice (blocks
     * streamed in walk order): the limits are then checked while writing, and what was written is removed when one
     * is reached.
     *
     * @param value whether to count first
     * @return this builder
     */
    public Builder countFirst(boolean value) {
      countFirst = value;
      return this;
    }

    /**
     * What to do with symlinks that could escape (default {@link EscapingSymlinkPolicy#REFUSE}).
     *
     * @param value the policy
     * @return this builder
     */
    public Builder escapingSymlinks(EscapingSymlinkPolicy value) {
      escapingSymlinks = Objects.requireNonNull(value, "escapingSymlinks");
      return this;
    }

    /**
     * What the target may hold already (default {@link TargetPolicy#REQUIRE_EMPTY}).
     *
     * @param value the policy
     * @return this builder
     */
    public Builder targetPolicy(TargetPolicy value) {
      targetPolicy = Objects.requireNonNull(value, "targetPolicy");
      return this;
    }

    /** @return the unpacker */
    public Unpacker build() {
      return new Unpacker(this);
    }

    private static long atLeast(long min, long value, String name) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
      }
      return value;
    }
  }
}
