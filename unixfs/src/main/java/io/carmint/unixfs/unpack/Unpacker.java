package io.carmint.unixfs.unpack;

import io.carmint.block.BlockSource;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.exporter.Exporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

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
 *       CID ({@link io.carmint.block.BlockIntegrityException}), malformed nodes.
 * </ul>
 *
 * <p><b>How files are written.</b> Every directory on an entry's path was created (or, with {@code MERGE}, found
 * as a real directory, never a symlink) during this unpack, so no write goes through a symlink. A file is streamed
 * into a new temporary file ({@code .carmint-<random>.part}, created exclusively) in its final directory; only when
 * its content is complete and its size equals the declared size is it renamed to its final name, which must not
 * exist. On any failure the temporary file is deleted: a file never appears half-written under its final name.
 * Entries completed before a failure stay. Symlinks are created only if their target provably stays inside (see
 * {@link SymlinkEscapeException}). UnixFS mode and mtime are not applied: files get the process's default
 * permissions.
 *
 * <p><b>Limits</b> (checked while reading, before writing beyond them; raise them for genuine content):
 * <table>
 * <caption>Limits</caption>
 * <tr><th>limit</th><th>default</th><th>builder</th><th>CLI</th></tr>
 * <tr><td>entries (directories, files, symlinks, the root included)</td><td>{@value #DEFAULT_MAX_ENTRIES}</td>
 *     <td>{@link Builder#maxEntries}</td><td>{@code --max-entries}</td></tr>
 * <tr><td>file bytes in all</td><td>{@value #DEFAULT_MAX_TOTAL_BYTES} (32 GiB)</td>
 *     <td>{@link Builder#maxTotalBytes}</td><td>{@code --max-bytes}</td></tr>
 * <tr><td>block reads</td><td>{@value #DEFAULT_MAX_BLOCKS} (2^22)</td><td>{@link Builder#maxBlocks}</td>
 *     <td>{@code --max-blocks}</td></tr>
 * <tr><td>directory depth below the root</td><td>{@value #DEFAULT_MAX_DEPTH}</td><td>{@link Builder#maxDepth}</td>
 *     <td>{@code --max-depth}</td></tr>
 * </table>
 * A DAG of a few kilobytes can declare 2^48 paths or bytes by linking one sub-DAG from many places; the entry and
 * byte limits stop it. The block limit stops DAGs that make the reader work without producing entries or bytes
 * (empty file nodes linked many times).
 *
 * <p><b>Not defended against:</b> other processes changing the target directory while unpacking (the checks and
 * the writes are separate system calls). Unpack into a directory only you can write to.
 *
 * <p>Immutable and thread-safe; each {@link #unpack} call is independent.
 */
public final class Unpacker {
  /** Most entries unpacked: 1,000,000 (a million files and directories). */
  public static final long DEFAULT_MAX_ENTRIES = 1_000_000L;
  /** Most bytes of file content written: 32 GiB, above the 31 GiB NFT.Storage accepted for one upload. */
  public static final long DEFAULT_MAX_TOTAL_BYTES = 32L << 30;
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
  private final EscapingSymlinkPolicy escapingSymlinks;
  private final TargetPolicy targetPolicy;

  private Unpacker(Builder b) {
    this.maxEntries = b.maxEntries;
    this.maxTotalBytes = b.maxTotalBytes;
    this.maxBlocks = b.maxBlocks;
    this.maxDepth = b.maxDepth;
    this.verifyHashes = b.verifyHashes;
    this.escapingSymlinks = b.escapingSymlinks;
    this.targetPolicy = b.targetPolicy;
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
    return new Builder().maxEntries(maxEntries).maxTotalBytes(maxTotalBytes).maxBlocks(maxBlocks)
        .maxDepth(maxDepth).verifyHashes(verifyHashes).escapingSymlinks(escapingSymlinks)
        .targetPolicy(targetPolicy);
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
   * @throws io.carmint.multiformats.LimitExceededException if a limit is reached
   * @throws io.carmint.unixfs.exporter.MissingBlockException if a block is missing
   * @throws io.carmint.block.BlockIntegrityException if a block does not match its CID
   * @throws io.carmint.unixfs.UnixFsFormatException if a node is malformed or a file's sizes are inconsistent
   * @throws IOException if the source or the file system fails
   */
  public UnpackResult unpack(BlockSource source, Cid root, Path target) throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(target, "target");
    Extraction x = new Extraction(this, target);
    BlockSource counting = cid -> {
      x.countBlock();
      return source.get(cid);
    };
    // The exporter's own depth check sits one level beyond ours, so ours (with its clearer message) fires first.
    Exporter exporter = Exporter.builder(counting).verifyHashes(verifyHashes).maxDirectoryDepth(maxDepth + 2)
        .build();
    exporter.walk(root, x);
    return x.result();
  }

  long maxEntries() {
    return maxEntries;
  }

  long maxTotalBytes() {
    return maxTotalBytes;
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

  /** Configures an {@link Unpacker}. Not thread-safe. */
  public static final class Builder {
    private long maxEntries = DEFAULT_MAX_ENTRIES;
    private long maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES;
    private long maxBlocks = DEFAULT_MAX_BLOCKS;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private boolean verifyHashes = true;
    private EscapingSymlinkPolicy escapingSymlinks = EscapingSymlinkPolicy.REFUSE;
    private TargetPolicy targetPolicy = TargetPolicy.REQUIRE_EMPTY;

    private Builder() {}

    /**
     * Most entries to unpack, the root included (default {@value Unpacker#DEFAULT_MAX_ENTRIES}).
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxEntries(long value) {
      maxEntries = atLeast(1, value, "maxEntries");
      return this;
    }

    /**
     * Most bytes of file content to write in all (default {@value Unpacker#DEFAULT_MAX_TOTAL_BYTES}, 32 GiB).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxTotalBytes(long value) {
      maxTotalBytes = atLeast(0, value, "maxTotalBytes");
      return this;
    }

    /**
     * Most block reads (default {@value Unpacker#DEFAULT_MAX_BLOCKS}).
     *
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
     */
    public Builder verifyHashes(boolean value) {
      verifyHashes = value;
      return this;
    }

    /** What to do with symlinks that could escape (default {@link EscapingSymlinkPolicy#REFUSE}). */
    public Builder escapingSymlinks(EscapingSymlinkPolicy value) {
      escapingSymlinks = Objects.requireNonNull(value, "escapingSymlinks");
      return this;
    }

    /** What the target may hold already (default {@link TargetPolicy#REQUIRE_EMPTY}). */
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
