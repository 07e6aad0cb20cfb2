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
 *
 * <p>Repair. A block may be held in several CARs (the same content sent again in another CAR): the index reads it
 * from one and remembers the others. A copy that no longer hashes to its CID, or ends early, is read from another
 * sound copy if there is one (from then on), and the CAR holding the damaged one is remembered as damaged. A CAR
 * received that brings a block already held has the stored copy checked once (its hash; the CAR's own copy was
 * verified on receipt), unless it is in a CAR known damaged: a damaged copy is replaced by the new one in the index.
 * The same CAR sent again is compared whole with the file of its name (one read, hashed); a file no longer
 * matching is replaced by the bytes received, written like a new CAR (tmp, fsync, atomic rename over it, directory
 * fsync). A damaged CAR from which no block is read any more, every block of it having a sound copy elsewhere, is
 * deleted. A crash in the middle leaves the old files or the new ones, and since reads fall back to a sound copy,
 * either way a block with a sound copy on disk is served sound. Files replaced or deleted while the service runs
 * stay open until it stops (a read under way finishes on the old bytes).
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
  /** Block → the CAR it is read from. */
  private final Map<Multihash, Held> index = new ConcurrentHashMap<>();
  /** Block → the other CARs holding it, for blocks held more than once. */
  private final Map<Multihash, List<Held>> copies = new ConcurrentHashMap<>();
  /** CAR file → its open reader. */
  private final Map<Path, Held> files = new ConcurrentHashMap<>();
  /** CAR files found to hold a damaged block. */
  private final Set<Path> damagedFiles = ConcurrentHashMap.newKeySet();
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
    files.put(car, held);
    Set<Multihash> added = new HashSet<>();
    for (BlockLocation loc : file.locations()) {
      Multihash mh = loc.cid().multihash();
      Held first = index.putIfAbsent(mh, held);
      if (first == null) {
        added.add(mh);
      } else if (!first.path().equals(car)) {
        addCopy(mh, held);
      }
    }
    return added;
  }

  /** Remembers that {@code held} holds a copy of the block too (replacing a copy of the same file). */
  private void addCopy(Multihash mh, Held held) {
    List<Held> list = copies.computeIfAbsent(mh, m -> new CopyOnWriteArrayList<>());
    list.removeIf(h -> h.path().equals(held.path()));
    list.add(held);
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
  public Stored addCar(Path verifiedCar, Cid carCid) throws IOException {
    Path target = cars.resolve(carCid + ".car");
    synchronized (this) {
      Set<Multihash> added = new HashSet<>();
      Held held = files.get(target);
      if (held != null && Files.exists(target) && FileTree.carCid(target).equals(carCid)) {
        Files.deleteIfExists(verifiedCar); // the same bytes are kept, sound
      } else {
        if (held != null) {
          copies.values().forEach(list -> list.removeIf(h -> h.path().equals(target)));
        }
        // new, or kept but altered since: the bytes received take its place
        FileTree.fsync(verifiedCar);
        Files.move(verifiedCar, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        FileTree.fsyncDirectory(cars);
        damagedFiles.remove(target);
        CarFile file = CarFile.open(target);
        open.add(file);
        held = new Held(file, target);
        files.put(target, held);
      }
      Set<Multihash> repaired = new HashSet<>();
      Set<Path> superseded = new HashSet<>();
      for (BlockLocation loc : held.file().locations()) {
        Multihash mh = loc.cid().multihash();
        Held current = index.putIfAbsent(mh, held);
        if (current == null) {
          added.add(mh);
        } else if (current.path().equals(target)) {
          if (current != held) {  // the file was replaced
            index.put(mh, held);
            repaired.add(mh);
          }
        } else if (damagedFiles.contains(current.path()) || !sound(current, loc.cid())) {
          damagedFiles.add(current.path());
          index.put(mh, held);
          addCopy(mh, current);
          repaired.add(mh);
          superseded.add(current.path());
        } else {
          addCopy(mh, held);
        }
      }
      for (Path p : superseded) {
        removeIfSuperseded(p);
      }
      return new Stored(added, repaired);
    }
  }

  /** @return whether the block's copy in {@code held} reads whole and hashes to its CID */
  private static boolean sound(Held held, Cid cid) throws IOException {
    try {
      return held.file().get(cid).isPresent();
    } catch (DataException | EOFException e) {
      return false;
    }
  }

  /**
   * Deletes a damaged CAR from which no block is read any more, unless it holds the only sound copy of a block.
   * Guarded by this.
   */
  private void removeIfSuperseded(Path car) throws IOException {
    Held held = files.get(car);
    if (held == null || index.values().stream().anyMatch(h -> h.path().equals(car))) {
      return;
    }
    for (BlockLocation loc : held.file().locations()) {
      if (!sound(index.get(loc.cid().multihash()), loc.cid()) && sound(held, loc.cid())) {
        return;
      }
    }
    Files.delete(car);
    FileTree.fsyncDirectory(cars);
    files.remove(car);
    damagedFiles.remove(car);
    copies.values().forEach(list -> list.removeIf(h -> h.path().equals(car)));
    copies.values().removeIf(List::isEmpty);
    problems.accept("removed " + data.relativize(car) + ": it was damaged, and every block of it is now read "
        + "from another CAR");
  }

  /**
   * Reads the block from the CAR the index names; if that copy is damaged, from another CAR holding a sound copy,
   * which is read from then on.
   */
  @Override
  public Optional<Block> get(Cid cid) throws IOException {
    Multihash mh = cid.multihash();
    Held held = index.get(mh);
    if (held == null) {
      return Optional.empty();
    }
    try {
      return held.file().get(cid);
    } catch (DataException | EOFException e) {
      synchronized (this) {
        damagedFiles.add(held.path());
        Held now = index.get(mh);
        for (Held other : copies.getOrDefault(mh, List.of())) {
          if (other.path().equals(held.path()) || !sound(other, cid)) {
            continue;
          }
          if (now == held) {
            index.put(mh, other);
            addCopy(mh, held);
            copies.get(mh).remove(other);
            if (!inspecting) {
              problems.accept("block " + cid + " is damaged in " + data.relativize(held.path()) + "; read from "
                  + data.relativize(other.path()) + " instead");
            }
          }
          return other.file().get(cid);
        }
      }
      throw e;
    }
  }

  @Override
  public boolean has(Cid cid) {
    return index.containsKey(cid.multihash());
  }

  /**
   * @return whether a sound copy of the block is held: one that reads whole and hashes to its CID, in the CAR the
   *     index names or, failing that, another
   */
  boolean holdsSound(Cid cid) throws IOException {
    try {
      return get(cid).isPresent();
    } catch (DataException | EOFException e) {
      return false;
    }
  }

  /** @return the CAR files indexed (those that could be opened), in no particular order */
  List<Path> carFiles() {
    return new ArrayList<>(files.keySet());
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
