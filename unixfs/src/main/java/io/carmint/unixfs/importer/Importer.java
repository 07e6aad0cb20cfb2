package io.carmint.unixfs.importer;

import io.carmint.block.BlockSink;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.importer.Tree.DirNode;
import io.carmint.unixfs.importer.Tree.FileNode;
import io.carmint.unixfs.importer.Tree.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports files, directory trees, streams and in-memory entries into UnixFS DAGs, writing every block to a
 * {@link BlockSink} as soon as it is made: children before parents, the root last.
 *
 * <pre>{@code
 * Importer importer = Importer.of(ImportProfile.forName("kubo"));
 * ImportResult r = importer.importPath(Path.of("site"), carWriter::put);
 * System.out.println(r.root());
 * }</pre>
 *
 * <p><b>Block order.</b> Blocks come out in the order ipfs-car 3.x writes them, for every profile: a file's leaves
 * in file order with each branch node right after the leaf that completes it (ipfs-car's
 * {@code @ipld/unixfs} order), a directory's entries before it (post-order), a directory tree's entries in the
 * order of their relative paths compared as strings (UTF-16 code units, as files-from-path sorts them; in-memory
 * entries too, except under {@link PathRules#NFT_STORAGE_CLIENT}, where the given order decides collisions), HAMT
 * sub-shards before their parent. A block that occurs several times (two equal
 * files, repeated chunks) is written each time; de-duplicate in the sink if needed.
 *
 * <p><b>Memory.</b> Chunks are read on the calling thread and hashed on {@code parallelism} threads while the
 * results are consumed in order; at most {@code 2 × parallelism + 2} chunks are in flight. Memory is bounded by
 * chunk size × that, plus the links of the file and directory nodes still open, whatever the input size. With
 * {@code parallelism(1)} everything runs on the calling thread; the blocks are identical either way. If the sink
 * does not {@linkplain BlockSink#retainsBlocks() retain blocks} (a CAR writer, {@link BlockSink#discard()}), a
 * leaf's buffer is reused for a later chunk once {@code put} has returned, so an import allocates a handful of
 * chunk buffers in all instead of one per chunk; such a sink must not keep a block it was given.
 *
 * <p><b>Names.</b> A directory tree's names are the file system's (decoded as UTF-8); in-memory entry paths are
 * split and checked by the profile's {@link PathRules}. Hidden entries, symlinks and empty directories follow the
 * profile (see {@link ImportProfile}). Symlinks inside a tree are never followed.
 *
 * <p>An {@code Importer} is immutable and may be shared; each import call uses its own threads (or the executor
 * given to the builder) and calls the sink from the calling thread only.
 */
public final class Importer {
  private final ImportProfile profile;
  private final int parallelism;
  private final ExecutorService executor;

  private Importer(Builder b) {
    this.profile = b.profile;
    this.parallelism = b.parallelism;
    this.executor = b.executor;
  }

  /** @return an importer for {@code profile} hashing on all available processors */
  public static Importer of(ImportProfile profile) {
    return builder().profile(profile).build();
  }

  /**
   * The root CID of a file or directory tree with the default profile ({@link ImportProfile#DEFAULT},
   * ipfs-car's): {@code cid(path, ImportProfile.DEFAULT)}.
   *
   * @throws IOException as {@link #cid(Path, ImportProfile)}
   */
  public static Cid cid(Path path) throws IOException {
    return cid(path, ImportProfile.DEFAULT);
  }

  /**
   * The root CID of a file or directory tree, as {@code profile}'s reference tool computes it: the import streams,
   * and every block is dropped once hashed, so nothing is stored and memory does not grow with the input. The same
   * root {@link #importPath} gives, and that a CAR packed with this profile names.
   *
   * @param path a file, a directory tree or a symlink
   * @param profile e.g. {@link ImportProfile#KUBO} for {@code ipfs add}
   * @return the root CID
   * @throws IOException as {@link #importPath(Path, BlockSink)}
   * @throws InvalidEntryNameException as {@link #importPath(Path, BlockSink)}
   */
  public static Cid cid(Path path, ImportProfile profile) throws IOException {
    Objects.requireNonNull(path, "path");
    return of(profile).importPath(path, BlockSink.discard()).root();
  }

  /** @return a builder: profile {@link ImportProfile#DEFAULT}, parallelism = available processors */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the profile */
  public ImportProfile profile() {
    return profile;
  }

  /**
   * Imports a file, a directory tree or a symlink from the file system.
   *
   * @param path what to import; a directory's own name is not part of the DAG unless the profile wraps
   * @param sink receives every block, root last
   * @return the root and sizes
   * @throws IOException if reading fails or the sink fails; {@link UnsupportedFileTypeException} for a FIFO,
   *     socket or device in the tree; {@link FileChangedException} if a file's size changes during the import
   * @throws InvalidEntryNameException if a file name cannot be a UnixFS name (not UTF-8)
   */
  public ImportResult importPath(Path path, BlockSink sink) throws IOException {
    Node root = TreeBuilder.fromPath(path, profile);
    return run(root, root.name, sink);
  }

  /**
   * Imports the bytes of a stream as one file. The stream is read to its end but not closed.
   *
   * @param name the file's name, used only when the profile wraps (may be null otherwise)
   * @throws IOException if reading or the sink fails
   * @throws IllegalArgumentException if the profile wraps and {@code name} is null or not a valid name
   */
  public ImportResult importStream(InputStream in, String name, BlockSink sink) throws IOException {
    Objects.requireNonNull(in, "in");
    InputStream unclosable = new java.io.FilterInputStream(in) {
      @Override
      public void close() {
        // the caller owns the stream
      }
    };
    FileNode f = new FileNode(name == null ? "" : name, () -> unclosable, -1, null);
    return run(f, name, sink);
  }

  /** As {@link #importStream(InputStream, String, BlockSink)} without a name (the profile must not wrap). */
  public ImportResult importStream(InputStream in, BlockSink sink) throws IOException {
    return importStream(in, null, sink);
  }

  /**
   * Imports a directory whose entries are given in memory (see {@link ImportEntry}). The root is that directory,
   * or, if the profile wraps, a directory holding it under the name {@code wrapName}.
   *
   * @throws InvalidEntryNameException if a path is invalid under the profile's {@link PathRules}, given twice, or
   *     used as both a file and a directory
   * @throws IOException if opening or reading an entry's content fails, or the sink fails
   */
  public ImportResult importEntries(Collection<? extends ImportEntry> entries, String wrapName, BlockSink sink)
      throws IOException {
    DirNode root = TreeBuilder.fromEntries(entries, profile);
    return run(root, wrapName, sink);
  }

  /** As {@link #importEntries(Collection, String, BlockSink)} for a profile that does not wrap. */
  public ImportResult importEntries(Collection<? extends ImportEntry> entries, BlockSink sink) throws IOException {
    return importEntries(entries, null, sink);
  }

  private ImportResult run(Node root, String wrapName, BlockSink sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    ExecutorService pool = executor;
    boolean own = false;
    if (pool == null && parallelism > 1) {
      pool = Executors.newFixedThreadPool(parallelism, new HashThreads());
      own = true;
    }
    try {
      return new ImportRun(profile, sink, parallelism > 1 || executor != null ? pool : null, 2 * parallelism + 2)
          .run(root, wrapName);
    } finally {
      if (own) {
        pool.shutdownNow();
      }
    }
  }

  /** Daemon threads named {@code carmint-hash-N}. */
  private static final class HashThreads implements ThreadFactory {
    private static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "carmint-hash-" + COUNT.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }

  /** Configures an {@link Importer}. Not thread-safe. */
  public static final class Builder {
    private ImportProfile profile = ImportProfile.DEFAULT;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private ExecutorService executor;

    private Builder() {}

    /** Sets the profile (default {@link ImportProfile#DEFAULT}). */
    public Builder profile(ImportProfile value) {
      profile = Objects.requireNonNull(value, "profile");
      return this;
    }

    /**
     * Sets how many threads hash chunks (default: available processors). 1 hashes on the calling thread.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder parallelism(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, got " + value);
      }
      parallelism = value;
      return this;
    }

    /**
     * Hashes on this executor instead of threads of the importer's own (it is not shut down by the importer).
     * {@link #parallelism} then only sizes the number of chunks in flight.
     */
    public Builder executor(ExecutorService value) {
      executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /** @return the importer */
    public Importer build() {
      return new Importer(this);
    }
  }
}
