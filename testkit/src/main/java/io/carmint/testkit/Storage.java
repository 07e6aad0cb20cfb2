package io.carmint.testkit;

import io.carmint.block.BlockSource;
import io.carmint.multiformats.Cid;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

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
   * @param carCid the CID of the CAR file (codec {@code car}), which names it
   */
  void addCar(Path verifiedCar, Cid carCid) throws IOException;

  /** Writes (or replaces) an upload record. */
  void putRecord(UploadRecord record) throws IOException;

  /** Removes an upload record; no-op if absent. */
  void deleteRecord(UploadRecord record) throws IOException;

  /** @return the records held when the storage was opened */
  Collection<UploadRecord> loadRecords() throws IOException;

  /** @return a directory for request bodies and packing, on the same file system as the storage */
  Path scratch();
}
