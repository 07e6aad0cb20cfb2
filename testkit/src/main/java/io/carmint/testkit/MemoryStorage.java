package io.carmint.testkit;

import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.block.DigestTooShortException;
import io.carmint.car.CarReadOptions;
import io.carmint.car.CarReader;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multihash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Blocks and records in memory; request bodies pass through a private temporary directory. */
final class MemoryStorage implements Storage {
  private static final CarReadOptions ALREADY_VERIFIED = CarReadOptions.builder().verifyHashes(false).build();
  private final Map<Multihash, byte[]> blocks = new ConcurrentHashMap<>();
  private final Path scratch;

  MemoryStorage() throws IOException {
    this.scratch = Files.createTempDirectory("carmint-testkit-");
  }

  /** The CAR was verified (every hash) before it got here, so its blocks are read without hashing them again. */
  @Override
  public Set<Multihash> addCar(Path verifiedCar, Cid carCid) throws IOException {
    Set<Multihash> added = new HashSet<>();
    try (InputStream in = Files.newInputStream(verifiedCar); CarReader reader = CarReader.open(in, ALREADY_VERIFIED)) {
      for (Block b = reader.next(); b != null; b = reader.next()) {
        if (blocks.putIfAbsent(b.cid().multihash(), b.toBytes()) == null) {
          added.add(b.cid().multihash());
        }
      }
      return added;
    } finally {
      Files.deleteIfExists(verifiedCar);
    }
  }

  /**
   * @throws BlockIntegrityException if the bytes kept no longer hash to the CID (memory is not trusted either)
   * @throws DigestTooShortException if the CID asked for has a digest too short to verify the bytes against
   */
  @Override
  public Optional<Block> get(Cid cid) throws BlockIntegrityException, DigestTooShortException {
    byte[] bytes = blocks.get(cid.multihash());
    if (bytes == null) {
      return Optional.empty();
    }
    Block b = Block.wrap(cid, bytes);
    b.verify(-1, "stored in memory");
    return Optional.of(b);
  }

  @Override
  public boolean has(Cid cid) {
    return blocks.containsKey(cid.multihash());
  }

  @Override
  public void putRecord(UploadRecord record) {
    // records live in the service's index only
  }

  @Override
  public void deleteRecord(UploadRecord record) {
    // records live in the service's index only
  }

  @Override
  public Collection<UploadRecord> loadRecords() {
    return List.of();
  }

  @Override
  public Path scratch() {
    return scratch;
  }

  @Override
  public void close() throws IOException {
    blocks.clear();
    FileTree.deleteRecursively(scratch);
  }
}
