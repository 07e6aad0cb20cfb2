package io.carmint.testkit;

import io.carmint.block.Block;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A storage that counts the blocks read from the one it wraps, and can be made to fail its writes, for tests of the
 * service's reads and of its answers when the storage fails.
 */
final class StorageProbe implements Storage {
  final AtomicLong reads = new AtomicLong();
  volatile IOException failWrites;
  private final Storage inner;

  StorageProbe(Storage inner) {
    this.inner = inner;
  }

  @Override
  public Optional<Block> get(Cid cid) throws IOException {
    reads.incrementAndGet();
    return inner.get(cid);
  }

  @Override
  public boolean has(Cid cid) throws IOException {
    return inner.has(cid);
  }

  @Override
  public Stored addCar(Path verifiedCar, Cid carCid) throws IOException {
    if (failWrites != null) {
      throw failWrites;
    }
    return inner.addCar(verifiedCar, carCid);
  }

  @Override
  public void putRecord(UploadRecord record) throws IOException {
    inner.putRecord(record);
  }

  @Override
  public void deleteRecord(UploadRecord record) throws IOException {
    inner.deleteRecord(record);
  }

  @Override
  public Collection<UploadRecord> loadRecords() throws IOException {
    return inner.loadRecords();
  }

  @Override
  public Path scratch() {
    return inner.scratch();
  }

  @Override
  public void close() throws IOException {
    inner.close();
  }
}
