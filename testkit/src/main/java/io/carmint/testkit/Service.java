package io.carmint.testkit;

import io.carmint.block.Block;
import io.carmint.block.BlockSource;
import io.carmint.car.CarStats;
import io.carmint.car.CarVerifier;
import io.carmint.car.NftStorageLimits;
import io.carmint.car.Problem;
import io.carmint.car.VerifyReport;
import io.carmint.car.dag.LinkDecoder;
import io.carmint.car.dag.LinkDecoders;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.DataException;
import io.carmint.multiformats.Multicodec;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The service's behaviour behind the HTTP layer: verifying and keeping CARs, upload records per account, pin status
 * from the {@link DagStates} of their roots. Thread-safe; record updates are serialised.
 */
final class Service {
  private static final LinkDecoder LINKS = LinkDecoders.standard();
  /** Hashes and decodes every block (links of dag-pb and dag-cbor); completeness is the {@link DagStates}' job. */
  private static final CarVerifier VERIFIER = CarVerifier.builder().partial(false).build();

  private final Storage storage;
  private final Clock clock;
  private final long maxBlockSize;
  private final DagStates states;
  private final BlockSource blocks;
  /** owner → content CID (v1) → record. */
  private final Map<String, Map<Cid, UploadRecord>> records = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  /**
   * Loads the storage's records and works out the state of each root's DAG (reading the interior blocks of every
   * DAG once).
   *
   * @param warnings receives one line per damaged block found, now or later
   */
  Service(Storage storage, Clock clock, long maxBlockSize, Consumer<String> warnings) throws IOException {
    this.storage = storage;
    this.clock = clock;
    this.maxBlockSize = maxBlockSize;
    this.states = new DagStates(storage, warnings);
    this.blocks = new CheckedBlocks();
    for (UploadRecord r : storage.loadRecords()) {
      records.computeIfAbsent(r.owner(), o -> new ConcurrentHashMap<>()).put(r.contentCid(), r);
      sequence.accumulateAndGet(r.sequence(), Math::max);
    }
    for (Map<Cid, UploadRecord> mine : records.values()) {
      for (Cid root : mine.keySet()) {
        states.track(root);
      }
    }
  }

  Storage storage() {
    return storage;
  }

  /**
   * @return the stored blocks as the gateway serves them: a block found damaged (its bytes no longer hash to its
   *     CID, or end early) is reported to the {@link DagStates} and answered as not held from then on
   */
  BlockSource blocks() {
    return blocks;
  }

  /** @return the state of the upload's DAG, without reading a block */
  DagStates.State state(UploadRecord r) {
    return states.state(r.contentCid());
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
    VerifyReport report = VERIFIER.verify(car);
    Cid root = checkCar(report);
    long size = dagSize(car, root, report.stats());
    Storage.Stored stored = storage.addCar(car, carCid);
    states.repaired(stored.repaired());
    states.arrived(stored.added());
    states.track(root);
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
        case MISSING_BLOCK:
        case UNKNOWN_CODEC:
          continue;  // a piece of a split upload holds part of the DAG; other codecs are kept unread
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

  /**
   * @return the dag-pb cumulative size from the root's links, a raw root's length, or 0
   * @throws HttpError 400 if the root does not decode, or the sizes add up to more than {@link Long#MAX_VALUE}
   */
  private long dagSize(Path car, Cid root, CarStats stats) throws IOException, HttpError {
    try (io.carmint.car.CarFile file = io.carmint.car.CarFile.open(car)) {
      Block block = file.get(root).orElseThrow(() -> HttpError.invalidCar("missing root block"));
      long codec = root.codecCode();
      if (codec == Multicodec.RAW.code()) {
        return block.length();
      }
      List<Cid> links = LINKS.supports(codec) ? LINKS.links(block) : List.of();
      if (!links.isEmpty() && stats.blocks() < 2) {
        throw HttpError.invalidCar("CAR must contain at least one non-root block");
      }
      if (codec != Multicodec.DAG_PB.code()) {
        return 0;
      }
      long size = block.length();
      for (PbLink l : DagPb.decode(block).links()) {
        try {
          size = Math.addExact(size, l.tsize().orElse(0));
        } catch (ArithmeticException e) {
          throw HttpError.invalidCar("the sizes of the links of root " + root + " add up to more than "
              + Long.MAX_VALUE + " bytes");
        }
      }
      return size;
    } catch (DataException e) {
      // the verifier decoded every block in the CAR; an identity root is not in it
      throw HttpError.invalidCar("root " + root + " is not valid " + root.codec() + ": " + e.getMessage());
    }
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

  /** The storage's blocks, with damage reported to the DAG states and answered as not held. */
  private final class CheckedBlocks implements BlockSource {
    @Override
    public Optional<Block> get(Cid cid) throws IOException {
      if (states.damage(cid).isPresent()) {
        return Optional.empty();
      }
      try {
        return storage.get(cid);
      } catch (DataException | EOFException e) {
        states.damaged(cid, DagStates.describe(cid, e));
        return Optional.empty();
      }
    }

    @Override
    public boolean has(Cid cid) throws IOException {
      return storage.has(cid) && states.damage(cid).isEmpty();
    }
  }
}
