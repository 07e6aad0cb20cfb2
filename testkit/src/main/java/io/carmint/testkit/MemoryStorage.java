package io.carmint.testkit;

import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.block.DigestTooShortException;
import io.carmint.car.CarReadOptions;
import io.carmint.car.CarReader;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.DataException;
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

/**
 * Blocks and records in memory; request bodies pass through a private temporary directory. A CAR that brings a
 * block already held has the held copy's hash checked, and a damaged copy replaced by the CAR's (memory is not
 * trusted either): hashing bytes already in memory costs no read.
 */
final class MemoryStorage implements Storage {
  private static final CarReadOptions ALREADY_VERIFIED = CarReadOptions.builder().verifyHashes(false).build();
  private final Map<Multihash, byte[]> blocks = new ConcurrentHashMap<>();
  private final Path scratch;

  MemoryStorage() throws IOException {
    this.scratch = Files.createTempDirectory("carmint-testkit-");
  }

  /** The CAR was verified (every hash) before it got here, so its blocks are read without hashing them again. */
  @Override
  public Stored addCar(Path verifiedCar, Cid carCid) throws IOException {
    Set<Multihash> added = new HashSet<>();
    Set<Multihash> repaired = new HashSet<>();
    try (InputStream in = Files.newInputStream(verifiedCar); CarReader reader = CarReader.open(in, ALREADY_VERIFIED)) {
      for (Block b = reader.next(); b != null; b = reader.next()) {
        Multihash mh = b.cid().multihash();
        byte[] held = blocks.putIfAbsent(mh, b.toBytes());
        if (held == null) {
          added.add(mh);
        } else if (!sound(b.cid(), held) && blocks.replace(mh, held, b.toBytes())) {
          repaired.add(mh);
        }
      }
      return new Stored(added, repaired);
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

  private static boolean sound(Cid cid, byte[] bytes) {
    try {
      Block.wrap(cid, bytes).verify();
      return true;
    } catch (DataException e) {
      return false;
    }
  }

  /** @return the array holding the block's bytes (not a copy), or null: tests damage it through this */
  byte[] heldBytes(Multihash mh) {
    return blocks.get(mh);
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
