package io.carmint.testkit;

import io.carmint.block.BlockSource;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multihash;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * Where the service keeps blocks and upload records. Each method returns only when what it wrote is durable (for
 * the on-disk storage: fsynced and renamed into place), so an answer the service sent after it survives a crash.
 * {@link #get} checks each block's hash as it reads it (an {@code IOException} if the bytes kept no longer match),
 * and finds a block by its multihash whatever the CID's version or codec. Thread-safe.
 */
interface Storage extends BlockSource, Closeable {
  /**
   * Keeps every block of a CAR that has been fully verified. The file may be moved or deleted by the call.
   *
   * <p>A block the CAR brings that is already held has its stored copy checked (its hash, once per call): a copy
   * that no longer hashes to its CID, or cannot be read to its end, is replaced by the CAR's verified one, so that
   * sending damaged content again repairs it.
   *
   * @param carCid the CID of the CAR file (codec {@code car}), which names it
   * @return the blocks that were not held before, and those whose damaged stored copy was replaced
   */
  Stored addCar(Path verifiedCar, Cid carCid) throws IOException;

  /**
   * What {@link #addCar} changed.
   *
   * @param added the multihashes of blocks not held before
   * @param repaired the multihashes of blocks whose stored copy was damaged and is now the CAR's sound one
   */
  record Stored(Set<Multihash> added, Set<Multihash> repaired) {
    /** Copies both sets. */
    public Stored {
      added = Set.copyOf(added);
      repaired = Set.copyOf(repaired);
    }
  }

  /** Writes (or replaces) an upload record. */
  void putRecord(UploadRecord record) throws IOException;

  /** Removes an upload record; no-op if absent. */
  void deleteRecord(UploadRecord record) throws IOException;

  /** @return the records held when the storage was opened */
  Collection<UploadRecord> loadRecords() throws IOException;

  /** @return a directory for request bodies and packing, on the same file system as the storage */
  Path scratch();
}
