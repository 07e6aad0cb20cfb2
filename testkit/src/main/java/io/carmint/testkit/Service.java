package io.carmint.testkit;

import io.carmint.block.Block;
import io.carmint.car.CarStats;
import io.carmint.car.CarVerifier;
import io.carmint.car.NftStorageLimits;
import io.carmint.car.Problem;
import io.carmint.car.VerifyReport;
import io.carmint.car.dag.LinkDecoder;
import io.carmint.car.dag.LinkDecoders;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multicodec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's behaviour behind the HTTP layer: verifying and keeping CARs, upload records per account, pin status
 * from DAG completeness. Thread-safe; record updates are serialised.
 */
final class Service {
  private static final LinkDecoder LINKS = LinkDecoders.standard();

  private final Storage storage;
  private final Clock clock;
  private final long maxBlockSize;
  /** owner → content CID (v1) → record. */
  private final Map<String, Map<Cid, UploadRecord>> records = new ConcurrentHashMap<>();
  /** Roots (v1) whose DAG is known to be complete: blocks are never removed, so this only grows. */
  private final Set<Cid> complete = ConcurrentHashMap.newKeySet();
  private final AtomicLong sequence = new AtomicLong();

  Service(Storage storage, Clock clock, long maxBlockSize) throws IOException {
    this.storage = storage;
    this.clock = clock;
    this.maxBlockSize = maxBlockSize;
    for (UploadRecord r : storage.loadRecords()) {
      records.computeIfAbsent(r.owner(), o -> new ConcurrentHashMap<>()).put(r.contentCid(), r);
      sequence.accumulateAndGet(r.sequence(), Math::max);
    }
  }

  Storage storage() {
    return storage;
  }

  /** What an upload request says about itself, beyond its CAR. */
  record UploadInfo(String type, List<UploadRecord.FileEntry> files, String name) {
  }

  /**
   * Verifies a CAR as NFT.Storage does (one root, root block present, every hash, blocks of at most 2 MiB), keeps
   * its blocks and records the upload, durably, before returning.
   *
   * @param car the CAR received (or packed); moved or deleted by the call
   * @param carCid the CID of the CAR's bytes
   * @throws HttpError 400 for a CAR the service refuses
   */
  UploadRecord upload(Account account, Path car, Cid carCid, UploadInfo info) throws IOException, HttpError {
    VerifyReport report = CarVerifier.builder().partial(true).build().verify(car);
    Cid root = checkCar(report);
    long size = dagSize(car, root, report.stats());
    storage.addCar(car, carCid);
    synchronized (this) {
      Map<Cid, UploadRecord> mine = records.computeIfAbsent(account.owner(), o -> new ConcurrentHashMap<>());
      UploadRecord existing = mine.get(root.toV1());
      UploadRecord updated;
      if (existing == null) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String name = info.name() != null && !info.name().isEmpty() ? info.name() : "Upload at " + now;
        updated = new UploadRecord(account.owner(), account.scope(), root, root.toV1(), size, now, info.type(),
            info.files(), name, List.of(carCid), sequence.incrementAndGet());
      } else {
        updated = existing.withPart(carCid);
      }
      if (updated != existing) {
        storage.putRecord(updated);
        mine.put(root.toV1(), updated);
      }
      return updated;
    }
  }

  private Cid checkCar(VerifyReport report) throws HttpError {
    for (Problem p : report.problems()) {
      switch (p.kind()) {
        case NO_ROOTS:
          throw HttpError.invalidCar("missing roots");
        case MISSING_ROOT_BLOCK:
          throw HttpError.invalidCar("missing root block");
        case HASH_MISMATCH:
          throw HttpError.invalidCar("failed hash verification: " + p.message());
        default:
          throw HttpError.invalidCar(p.message());
      }
    }
    if (report.roots().size() != NftStorageLimits.ROOTS) {
      throw HttpError.invalidCar(report.roots().isEmpty() ? "missing roots" : "too many roots");
    }
    CarStats stats = report.stats();
    if (stats.blocks() == 0) {
      throw HttpError.invalidCar("empty CAR");
    }
    if (stats.maxBlockLength() > maxBlockSize) {
      throw HttpError.invalidCar("block too big: " + stats.maxBlockLength() + " > " + maxBlockSize);
    }
    return report.roots().get(0);
  }

  /** @return the dag-pb cumulative size from the root's links, a raw root's length, or 0 */
  private long dagSize(Path car, Cid root, CarStats stats) throws IOException, HttpError {
    try (io.carmint.car.CarFile file = io.carmint.car.CarFile.open(car)) {
      Block block = file.get(root).orElseThrow(() -> HttpError.invalidCar("missing root block"));
      long codec = root.codecCode();
      if (codec == Multicodec.RAW.code()) {
        return block.length();
      }
      if (LINKS.supports(codec) && !LINKS.links(block).isEmpty() && stats.blocks() < 2) {
        throw HttpError.invalidCar("CAR must contain at least one non-root block");
      }
      if (codec == Multicodec.DAG_PB.code()) {
        PbNode node = DagPb.decode(block);
        long size = block.length();
        for (PbLink l : node.links()) {
          size += l.tsize().orElse(0);
        }
        return size;
      }
      return 0;
    }
  }

  /** @return whether every block reachable from the root is stored (memoised once true) */
  boolean isComplete(Cid root) throws IOException {
    Cid key = root.toV1();
    if (complete.contains(key)) {
      return true;
    }
    Deque<Cid> todo = new ArrayDeque<>();
    Set<Cid> seen = new HashSet<>();
    todo.push(root);
    seen.add(root);
    while (!todo.isEmpty()) {
      Cid cid = todo.pop();
      if (cid.multihash().isIdentity() && !storage.has(cid)) {
        continue;
      }
      if (!storage.has(cid)) {
        return false;
      }
      if (cid.codecCode() == Multicodec.RAW.code()) {
        continue;
      }
      if (!LINKS.supports(cid.codecCode())) {
        return false; // cannot tell: stays pinning, as the real service's "Unknown" structure
      }
      Optional<Block> block = storage.get(cid);
      if (block.isEmpty()) {
        return false;
      }
      for (Cid link : LINKS.links(block.get())) {
        if (seen.add(link)) {
          todo.push(link);
        }
      }
    }
    complete.add(key);
    return true;
  }

  Optional<UploadRecord> get(Account account, Cid cid) {
    Map<Cid, UploadRecord> mine = records.get(account.owner());
    return mine == null ? Optional.empty() : Optional.ofNullable(mine.get(cid.toV1()));
  }

  /** @return any account's record of the content, the earliest created */
  Optional<UploadRecord> anyRecord(Cid cid) {
    Cid key = cid.toV1();
    return records.values().stream().map(m -> m.get(key)).filter(r -> r != null)
        .min(Comparator.comparing(UploadRecord::created));
  }

  /** A page of the account's uploads created at or before {@code before}, newest first, and their total. */
  record Page(List<UploadRecord> uploads, long count) {
  }

  Page list(Account account, Instant before, int limit) {
    Map<Cid, UploadRecord> mine = records.getOrDefault(account.owner(), Map.of());
    List<UploadRecord> all = new ArrayList<>(mine.values());
    List<UploadRecord> page = all.stream()
        .filter(r -> !r.created().isAfter(before))
        .sorted(Comparator.comparing(UploadRecord::created).thenComparingLong(UploadRecord::sequence).reversed())
        .limit(limit)
        .toList();
    return new Page(page, all.size());
  }

  /** @return whether there was a record to delete */
  synchronized boolean delete(Account account, Cid cid) throws IOException {
    Map<Cid, UploadRecord> mine = records.get(account.owner());
    UploadRecord r = mine == null ? null : mine.get(cid.toV1());
    if (r == null) {
      return false;
    }
    storage.deleteRecord(r);
    mine.remove(cid.toV1());
    return true;
  }
}
