package io.carmint.testkit;

import io.carmint.block.Block;
import io.carmint.car.BlockLocation;
import io.carmint.car.CarFile;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.DataException;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multihash;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Blocks and records in a data directory, crash-safe:
 *
 * <pre>
 * data/
 *   cars/&lt;car-cid&gt;.car              every verified CAR received, as received (immutable)
 *   records/&lt;owner&gt;/&lt;name&gt;.json    one upload record per account and root
 *   tmp/                            request bodies and packing; emptied when the storage opens
 *   quarantine/                     CARs and records that could not be read at a start, set aside
 * </pre>
 *
 * <p>A record's file is named after its root ({@code <cid>.json}); a root whose text is longer than
 * {@value #MAX_CID_NAME} characters (an identity CID holds its block's bytes) is named by the SHA-256 of its bytes
 * instead ({@code cid-sha256-<hex>.json}), since file names are limited to 255 bytes. Either way the record's
 * content names its root.
 *
 * <p>Everything is written under {@code tmp/}, fsynced, renamed into place atomically, and the directory fsynced,
 * before the service answers. A crash (even {@code kill -9}) therefore leaves each CAR and record either whole or
 * absent: an upload that was acknowledged is kept; one cut short leaves only scratch files, removed at the next
 * start. A CAR kept whose record was not yet written (a crash between the two) is harmless: it only holds blocks.
 * Blocks are found through an in-memory index of the CARs, rebuilt when the storage opens.
 *
 * <p>Damage found when the storage opens does not stop it: a CAR whose structure cannot be read, or a record that
 * does not parse, is moved to {@code quarantine/} (keeping its path below the data directory) and reported in one
 * line. Opened {@linkplain #inspect for inspection}, the storage changes nothing and reports such files instead.
 */
final class DiskStorage implements Storage {
  /** Longest root CID text used as a record's file name: 128 characters (a SHA-256 CIDv1 in base32 has 59). */
  static final int MAX_CID_NAME = 128;

  private final Path data;
  private final Path cars;
  private final Path records;
  private final Path tmp;
  private final boolean inspecting;
  private final Consumer<String> problems;
  private final Map<Multihash, Held> index = new ConcurrentHashMap<>();
  private final List<CarFile> open = new CopyOnWriteArrayList<>();

  /** The CAR a block is read from, and that file's name. */
  private record Held(CarFile file, Path path) {
  }

  private DiskStorage(Path data, boolean inspecting, Consumer<String> problems) throws IOException {
    this.data = data;
    this.cars = data.resolve("cars");
    this.records = data.resolve("records");
    this.tmp = data.resolve("tmp");
    this.inspecting = inspecting;
    this.problems = problems;
  }

  /**
   * Opens a data directory to serve from: creates it if needed, removes scratch files of an interrupted run,
   * indexes the CARs and sets aside those that cannot be read.
   *
   * @param warnings receives one line per file set aside
   */
  static DiskStorage open(Path data, Consumer<String> warnings) throws IOException {
    DiskStorage s = new DiskStorage(data, false, warnings);
    Files.createDirectories(s.cars);
    Files.createDirectories(s.records);
    Files.createDirectories(s.tmp);
    FileTree.fsyncDirectory(data);
    FileTree.empty(s.tmp);
    s.indexCars();
    return s;
  }

  /**
   * Opens a data directory read-only, to check it: nothing is created, removed or moved.
   *
   * @param problems receives one line per CAR or record that cannot be read
   * @throws java.nio.file.NoSuchFileException if {@code data} has no {@code cars/} or {@code records/} directory
   */
  static DiskStorage inspect(Path data, Consumer<String> problems) throws IOException {
    DiskStorage s = new DiskStorage(data, true, problems);
    for (Path dir : List.of(s.cars, s.records)) {
      if (!Files.isDirectory(dir)) {
        throw new java.nio.file.NoSuchFileException(dir.toString(), null, "not a data directory of carmint serve");
      }
    }
    s.indexCars();
    return s;
  }

  private void indexCars() throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(cars, "*.car")) {
      ds.forEach(found::add);  // listed first: an unreadable one is moved out of the directory
    }
    for (Path car : found) {
      indexCar(car);
    }
  }

  /** @return the multihashes the CAR adds to the index */
  private Set<Multihash> indexCar(Path car) throws IOException {
    CarFile file;
    try {
      file = CarFile.open(car);
    } catch (DataException | EOFException e) {
      unreadable(car, "it cannot be read as a CAR: " + e.getMessage());
      return Set.of();
    }
    open.add(file);
    Held held = new Held(file, car);
    Set<Multihash> added = new HashSet<>();
    for (BlockLocation loc : file.locations()) {
      if (index.putIfAbsent(loc.cid().multihash(), held) == null) {
        added.add(loc.cid().multihash());
      }
    }
    return added;
  }

  /** A file that cannot be read: set aside (serving) or reported (inspecting). */
  private void unreadable(Path file, String why) throws IOException {
    Path relative = data.relativize(file);
    if (inspecting) {
      problems.accept(relative + ": " + why);
      return;
    }
    Path target = data.resolve("quarantine").resolve(relative);
    Files.createDirectories(target.getParent());
    for (int i = 1; Files.exists(target); i++) {
      target = target.resolveSibling(file.getFileName() + "." + i);
    }
    Files.move(file, target);
    FileTree.fsyncDirectory(target.getParent());
    FileTree.fsyncDirectory(file.getParent());
    problems.accept("set aside " + relative + " in " + data.relativize(target) + ": " + why);
  }

  @Override
  public Set<Multihash> addCar(Path verifiedCar, Cid carCid) throws IOException {
    Path target = cars.resolve(carCid + ".car");
    synchronized (this) {
      if (Files.exists(target)) {
        Files.deleteIfExists(verifiedCar); // the same bytes are already kept
        return Set.of();
      }
      FileTree.fsync(verifiedCar);
      Files.move(verifiedCar, target, StandardCopyOption.ATOMIC_MOVE);
      FileTree.fsyncDirectory(cars);
      return indexCar(target);
    }
  }

  @Override
  public Optional<Block> get(Cid cid) throws IOException {
    Held held = index.get(cid.multihash());
    return held == null ? Optional.empty() : held.file().get(cid);
  }

  @Override
  public boolean has(Cid cid) {
    return index.containsKey(cid.multihash());
  }

  /** @return the CAR file the block with {@code cid}'s multihash is read from, or empty if not held */
  Optional<Path> carHolding(Cid cid) {
    return Optional.ofNullable(index.get(cid.multihash())).map(Held::path);
  }

  /** @return the CAR files indexed (those that could be opened), in no particular order */
  List<Path> carFiles() {
    List<Path> out = new ArrayList<>();
    index.values().stream().map(Held::path).distinct().forEach(out::add);
    return out;
  }

  @Override
  public void putRecord(UploadRecord record) throws IOException {
    Path dir = records.resolve(record.owner());
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      FileTree.fsyncDirectory(records);
    }
    Path staged = tmp.resolve(UUID.randomUUID() + ".json");
    Files.write(staged, RecordCodec.encode(record));
    FileTree.fsync(staged);
    Files.move(staged, dir.resolve(fileName(record.contentCid())), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    FileTree.fsyncDirectory(dir);
  }

  /** @return the name of the file holding the record of {@code root} */
  static String fileName(Cid root) {
    String text = root.toString();
    if (text.length() <= MAX_CID_NAME) {
      return text + ".json";
    }
    return "cid-sha256-" + HexFormat.of().formatHex(HashFunction.SHA2_256.digest(root.toBytes()).digest()) + ".json";
  }

  @Override
  public void deleteRecord(UploadRecord record) throws IOException {
    Path dir = records.resolve(record.owner());
    if (Files.deleteIfExists(dir.resolve(fileName(record.contentCid())))) {
      FileTree.fsyncDirectory(dir);
    }
  }

  /** Records that do not parse are set aside (serving) or reported (inspecting), not returned. */
  @Override
  public Collection<UploadRecord> loadRecords() throws IOException {
    List<UploadRecord> out = new ArrayList<>();
    try (DirectoryStream<Path> owners = Files.newDirectoryStream(records)) {
      for (Path owner : owners) {
        if (!Files.isDirectory(owner)) {
          continue;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(owner, "*.json")) {
          ds.forEach(files::add);
        }
        for (Path f : files) {
          try {
            out.add(RecordCodec.decode(Files.readAllBytes(f)));
          } catch (RecordCodec.MalformedRecordException e) {
            unreadable(f, "it cannot be read as an upload record: " + e.getMessage());
          }
        }
      }
    }
    return out;
  }

  @Override
  public Path scratch() {
    return tmp;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (CarFile f : open) {
      try {
        f.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    open.clear();
    index.clear();
    if (first != null) {
      throw first;
    }
  }
}
