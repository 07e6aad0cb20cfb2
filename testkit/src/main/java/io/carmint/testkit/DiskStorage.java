package io.carmint.testkit;

import io.carmint.block.Block;
import io.carmint.car.BlockLocation;
import io.carmint.car.CarFile;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multihash;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Blocks and records in a data directory, crash-safe:
 *
 * <pre>
 * data/
 *   cars/&lt;car-cid&gt;.car              every verified CAR received, as received (immutable)
 *   records/&lt;owner&gt;/&lt;cid&gt;.json     one upload record per account and root
 *   tmp/                            request bodies and packing; emptied when the storage opens
 * </pre>
 *
 * <p>Everything is written under {@code tmp/}, fsynced, renamed into place atomically, and the directory fsynced,
 * before the service answers. A crash (even {@code kill -9}) therefore leaves each CAR and record either whole or
 * absent: an upload that was acknowledged is kept; one cut short leaves only scratch files, removed at the next
 * start. A CAR kept whose record was not yet written (a crash between the two) is harmless: it only holds blocks.
 * Blocks are found through an in-memory index of the CARs, rebuilt when the storage opens.
 */
final class DiskStorage implements Storage {
  private final Path cars;
  private final Path records;
  private final Path tmp;
  private final Map<Multihash, CarFile> index = new ConcurrentHashMap<>();
  private final List<CarFile> open = new CopyOnWriteArrayList<>();

  DiskStorage(Path data) throws IOException {
    this.cars = Files.createDirectories(data.resolve("cars"));
    this.records = Files.createDirectories(data.resolve("records"));
    this.tmp = Files.createDirectories(data.resolve("tmp"));
    FileTree.fsyncDirectory(data);
    FileTree.empty(tmp);
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(cars, "*.car")) {
      for (Path car : ds) {
        indexCar(car);
      }
    }
  }

  /** @return the multihashes the CAR adds to the index */
  private Set<Multihash> indexCar(Path car) throws IOException {
    CarFile file;
    try {
      file = CarFile.open(car);
    } catch (IOException e) {
      throw new IOException("Stored CAR " + car + " cannot be read: " + e.getMessage(), e);
    }
    open.add(file);
    Set<Multihash> added = new HashSet<>();
    for (BlockLocation loc : file.locations()) {
      if (index.putIfAbsent(loc.cid().multihash(), file) == null) {
        added.add(loc.cid().multihash());
      }
    }
    return added;
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
    CarFile file = index.get(cid.multihash());
    return file == null ? Optional.empty() : file.get(cid);
  }

  @Override
  public boolean has(Cid cid) {
    return index.containsKey(cid.multihash());
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
    Files.move(staged, dir.resolve(record.contentCid() + ".json"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    FileTree.fsyncDirectory(dir);
  }

  @Override
  public void deleteRecord(UploadRecord record) throws IOException {
    Path dir = records.resolve(record.owner());
    if (Files.deleteIfExists(dir.resolve(record.contentCid() + ".json"))) {
      FileTree.fsyncDirectory(dir);
    }
  }

  @Override
  public Collection<UploadRecord> loadRecords() throws IOException {
    List<UploadRecord> out = new ArrayList<>();
    try (DirectoryStream<Path> owners = Files.newDirectoryStream(records)) {
      for (Path owner : owners) {
        if (!Files.isDirectory(owner)) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(owner, "*.json")) {
          for (Path f : files) {
            try {
              out.add(RecordCodec.decode(Files.readAllBytes(f)));
            } catch (IOException | IllegalArgumentException e) {
              throw new IOException("Upload record " + f + " cannot be read: " + e.getMessage(), e);
            }
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
