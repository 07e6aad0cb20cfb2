package io.carmint.pack;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.car.CarV2WriteOptions;
import io.carmint.car.CarV2Writer;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.importer.ImportEntry;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportResult;
import io.carmint.unixfs.importer.Importer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;

/**
 * Packs files and directories into a CAR: the UnixFS importer's blocks stream into a {@link CarWriter} (or
 * {@link CarV2Writer}) as they are made, in the importer's order (children before parents, the root last), and the
 * placeholder root in the header is patched at the end. The importer hashes on its threads while the calling
 * thread reads and writes; the writer takes each block synchronously (it does not retain blocks), so the importer
 * recycles its few chunk buffers and memory does not grow with the input.
 *
 * <pre>{@code
 * PackResult r = CarPacker.builder().importer(Importer.of(ImportProfile.IPFS_CAR)).build()
 *     .pack(Path.of("site"), Path.of("site.car"));
 * System.out.println(r.root());
 * }</pre>
 *
 * <p>With the {@code ipfs-car} profile the CAR is byte-identical to {@code ipfs-car pack PATH --output OUT.car},
 * except that a block occurring several times is written once (see {@link CarWriteOptions#deduplicate()}).
 * Immutable and thread-safe; each call packs independently.
 */
public final class CarPacker {
  private final Importer importer;
  private final int carVersion;
  private final CarWriteOptions writeOptions;
  private final CarV2WriteOptions v2Options;
  private final LongConsumer progress;

  private CarPacker(Builder b) {
    this.importer = b.importer;
    this.carVersion = b.carVersion;
    this.writeOptions = b.writeOptions;
    this.v2Options = b.v2Options.toBuilder().car(b.writeOptions).build();
    this.progress = b.progress;
  }

  /**
   * The packer for the common case, for one-liners such as {@code CarPacker.of().pack(folder, car)}: the default
   * profile ({@link ImportProfile#DEFAULT}, ipfs-car's), CARv1, de-duplication on; the same as
   * {@code builder().build()}.
   *
   * @return that packer
   */
  public static CarPacker of() {
    return builder().build();
  }

  /**
   * @param profile how to import, e.g. {@link ImportProfile#KUBO}
   * @return a packer with an importer of {@code profile}, CARv1, de-duplication on
   */
  public static CarPacker of(ImportProfile profile) {
    return builder().importer(Importer.of(profile)).build();
  }

  /** @return a builder: ipfs-car profile, CARv1, de-duplication on */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Packs {@code input} (a file or a directory tree) into the file {@code car} (created or replaced). The CAR is
   * written under a temporary name in the same directory and renamed to {@code car} only when complete, so on
   * failure an existing {@code car} is untouched and no partial CAR (or placeholder root) is left behind.
   *
   * <p>When {@code car} is a symbolic link, or exists and is neither a regular file nor a directory (a device such
   * as {@code /dev/null}, a named pipe), it is written through, never replaced: the CAR is built in a temporary
   * file as for {@link #pack(Path, OutputStream)} and then copied into {@code car}, opened for writing. A failed
   * import still leaves it untouched; a failure while copying can leave part of the CAR in it.
   *
   * @return the root and counts
   * @throws IOException if reading the input or writing the CAR fails (the importer's exceptions for bad names or
   *     unsupported file types)
   */
  public PackResult pack(Path input, Path car) throws IOException {
    Objects.requireNonNull(input, "input");
    return write(car, sink -> importer.importPath(input, sink));
  }

  /**
   * Packs the bytes of a stream as one file into {@code car}, written as {@link #pack(Path, Path)} writes it.
   *
   * @param name the file's name if the profile wraps, else null
   * @throws IOException if reading or writing fails
   */
  public PackResult pack(InputStream in, String name, Path car) throws IOException {
    Objects.requireNonNull(in, "in");
    return write(car, sink -> importer.importStream(in, name, sink));
  }

  /**
   * Packs a directory whose entries are given in memory (see {@link ImportEntry}) into {@code car}, written as
   * {@link #pack(Path, Path)} writes it. The root is that directory.
   *
   * @throws IllegalArgumentException if the importer's profile wraps (the entries have no name to wrap under)
   * @throws IOException if reading an entry or writing fails, or an entry's name cannot be a UnixFS path
   *     ({@link io.carmint.unixfs.importer.InvalidEntryNameException})
   */
  public PackResult pack(Collection<? extends ImportEntry> entries, Path car) throws IOException {
    Objects.requireNonNull(entries, "entries");
    return write(car, sink -> importer.importEntries(entries, sink));
  }

  /**
   * Packs {@code input} into a CAR written to {@code out} (a pipe, standard output): the CAR is built in a
   * temporary file first, so the header holds the real root (never zero roots), then copied. The stream is not
   * closed.
   *
   * @throws IOException if reading, writing or the temporary file fails
   */
  public PackResult pack(Path input, OutputStream out) throws IOException {
    Objects.requireNonNull(input, "input");
    return viaTemporaryFile(sink -> importer.importPath(input, sink), car -> {
      Files.copy(car, out);
      out.flush();
    });
  }

  /** An import into a sink. */
  @FunctionalInterface
  private interface Import {
    ImportResult into(BlockSink sink) throws IOException;
  }

  /** Where a complete CAR, built in a temporary file, is copied to. */
  @FunctionalInterface
  private interface Delivery {
    void copy(Path car) throws IOException;
  }

  private PackResult write(Path car, Import run) throws IOException {
    if (writtenThrough(car)) {
      return viaTemporaryFile(run, complete -> {
        try (OutputStream out = Files.newOutputStream(car)) { // opened only now: a failed import leaves it as it was
          Files.copy(complete, out);
        }
      });
    }
    Path dir = car.toAbsolutePath().getParent();
    // The temporary file is created exclusively (never through an existing file or symlink), so its name needs no
    // unpredictability: ThreadLocalRandom spares a tiny run SecureRandom's start-up.
    Path tmp = dir.resolve("." + car.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
        + ".part");
    Files.createFile(tmp);
    try {
      PackResult r = writeComplete(tmp, run);
      Files.move(tmp, car, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return r;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Whether {@code car} must be written through rather than replaced by a rename: a symbolic link (the link stays,
   * its target gets the CAR, as a shell redirection or ipfs-car would do), or an existing device, named pipe or
   * socket, which a rename would replace with a regular file.
   */
  private static boolean writtenThrough(Path car) {
    if (Files.isSymbolicLink(car)) {
      return true;
    }
    return Files.exists(car) && !Files.isRegularFile(car) && !Files.isDirectory(car);
  }

  /** Builds the CAR in a temporary file, so its header holds the real root, then hands it to {@code delivery}. */
  private PackResult viaTemporaryFile(Import run, Delivery delivery) throws IOException {
    Path tmp = Files.createTempFile("carmint-pack-", ".car");
    try {
      PackResult r = writeComplete(tmp, run);
      delivery.copy(tmp);
      return r;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Writes the whole CAR into the file {@code car}. The import goes straight into the writer, on this thread: a
   * writer on a thread of its own would have to keep every queued block, so the importer could not reuse its chunk
   * buffers.
   */
  private PackResult writeComplete(Path car, Import run) throws IOException {
    Cid placeholder = placeholder(importer.profile());
    if (carVersion == 2) {
      try (CarV2Writer w = CarV2Writer.createFile(car, placeholder, v2Options)) {
        ImportResult r = run.into(counted(w));
        w.finish(r.root());
        return new PackResult(r.root(), Files.size(car), w.blockCount(), w.duplicateCount(), r);
      }
    }
    try (CarWriter w = CarWriter.createFile(car, placeholder, writeOptions)) {
      ImportResult r = run.into(counted(w));
      w.finish(r.root());
      return new PackResult(r.root(), w.size(), w.blockCount(), w.duplicateCount(), r);
    }
  }

  /** @return {@code sink}, telling {@link Builder#progress} the block bytes put into it */
  private BlockSink counted(BlockSink sink) {
    long[] bytes = {0};
    return new BlockSink() {
      @Override
      public void put(Block block) throws IOException {
        sink.put(block);
        bytes[0] += block.length();
        progress.accept(bytes[0]);
      }

      @Override
      public boolean retainsBlocks() {
        return sink.retainsBlocks();
      }
    };
  }

  /**
   * @return a placeholder of the length the profile's root CID will have: CIDv1 (raw or dag-pb, one-byte codec)
   *     with the profile's hash, or a CIDv0 when the length depends on the input (then the payload is moved if the
   *     root turns out longer)
   */
  static Cid placeholder(ImportProfile profile) {
    if (profile.cidVersion() == 1) {
      return CarWriter.placeholder(1, Multicodec.DAG_PB, profile.hashFunction());
    }
    return CarWriter.placeholder(0, Multicodec.DAG_PB, HashFunction.SHA2_256);
  }

  /** Builds a {@link CarPacker}; not thread-safe. */
  public static final class Builder {
    private Importer importer = Importer.of(ImportProfile.IPFS_CAR);
    private int carVersion = 1;
    private CarWriteOptions writeOptions = CarWriteOptions.DEFAULTS;
    private CarV2WriteOptions v2Options = CarV2WriteOptions.DEFAULTS;
    private LongConsumer progress = bytes -> { };

    private Builder() {}

    /**
     * @param progress told, on the packing thread after each block is handed to the CAR writer, the bytes of block
     *     data packed so far (a repeated block counted each time; section headers and the CAR header not counted).
     *     For a progress display: with raw leaves it tracks the bytes of input read. Default: nothing.
     */
    public Builder progress(LongConsumer progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /** @param importer the importer, holding the DAG profile (default: ipfs-car profile) */
    public Builder importer(Importer importer) {
      this.importer = Objects.requireNonNull(importer, "importer");
      return this;
    }

    /** @param version 1 (default) or 2 (CARv2 with a go-car index) */
    public Builder carVersion(int version) {
      if (version != 1 && version != 2) {
        throw new IllegalArgumentException("CAR version must be 1 or 2, got " + version);
      }
      this.carVersion = version;
      return this;
    }

    /** @param options how sections are written (default {@link CarWriteOptions#DEFAULTS}: de-duplicated) */
    public Builder writeOptions(CarWriteOptions options) {
      this.writeOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /** @param options CARv2 layout for version 2 (default go-car's) */
    public Builder v2Options(CarV2WriteOptions options) {
      this.v2Options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** @return the packer */
    public CarPacker build() {
      return new CarPacker(this);
    }
  }
}
