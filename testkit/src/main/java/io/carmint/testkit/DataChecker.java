package io.carmint.testkit;

import io.carmint.car.CarVerifier;
import io.carmint.car.Problem;
import io.carmint.car.VerifyReport;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.InvalidCidException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks a data directory of {@link DiskStorage} without changing it ({@link LocalNftStorage#checkData}): every CAR
 * read whole (its bytes against the CAR CID that names it, every block's hash and decoding), every upload record,
 * and each upload's DAG through the same {@link DagStates} the service uses, with the damaged blocks found in the
 * CARs marked first, so that an upload holding a damaged leaf is reported too. Memory: the store's index and the
 * DAG states, as when serving. Not thread-safe; one check per instance.
 */
final class DataChecker {
  /** Hashes and decodes every block; a CAR kept is a piece, so missing blocks are not its problem. */
  private static final CarVerifier VERIFIER = CarVerifier.builder().partial(false).build();

  private final Path data;
  private final List<String> problems = new ArrayList<>();

  private DataChecker(Path data) {
    this.data = data;
  }

  static DataCheck check(Path data) throws IOException {
    return new DataChecker(data).run();
  }

  private DataCheck run() throws IOException {
    try (DiskStorage store = DiskStorage.inspect(data, problems::add)) {
      DagStates states = new DagStates(store, warning -> { });
      List<Path> cars = new ArrayList<>(store.carFiles());
      cars.sort(Comparator.naturalOrder());
      long blocks = 0;
      for (Path car : cars) {
        blocks += checkCar(store, states, car);
      }
      List<UploadRecord> records = new ArrayList<>(store.loadRecords());
      records.sort(Comparator.comparing(UploadRecord::owner).thenComparing(r -> r.contentCid().toString()));
      int pinned = 0;
      int pinning = 0;
      for (UploadRecord r : records) {
        DagStates.State s = states.track(r.contentCid());
        switch (s.status()) {
          case COMPLETE -> pinned++;
          case PARTIAL -> pinning++;
          default -> problems.add(Path.of("records", r.owner(), DiskStorage.fileName(r.contentCid())) + ": upload "
              + r.sourceCid() + " failed: " + s.error());
        }
      }
      listQuarantine();
      return new DataCheck(cars.size(), blocks, records.size(), pinned, pinning, problems);
    }
  }

  /** @return the number of blocks in the CAR */
  private long checkCar(DiskStorage store, DagStates states, Path car) throws IOException {
    Path name = data.relativize(car);
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    VerifyReport report;
    try (InputStream in = new DigestInputStream(Files.newInputStream(car), sha256)) {
      report = VERIFIER.verify(in);
      in.transferTo(OutputStream.nullOutputStream());  // what the reader left, for the digest of the whole file
    }
    String file = car.getFileName().toString();
    try {
      Cid expected = Cid.parse(file.substring(0, file.length() - ".car".length()));
      if (!Arrays.equals(expected.multihash().digest(), sha256.digest())) {
        problems.add(name + ": its bytes no longer hash to the CAR CID that names it: the file was altered after "
            + "it was stored");
      }
    } catch (InvalidCidException e) {
      problems.add(name + ": its name is not a CAR CID, so its bytes cannot be checked as a whole");
    }
    for (Problem p : report.problems()) {
      switch (p.kind()) {
        case MISSING_BLOCK, MISSING_ROOT_BLOCK, NO_ROOTS, UNKNOWN_CODEC -> {
          // a piece of a split upload; codecs the service does not follow
        }
        default -> {
          problems.add(name + ": " + p.message());
          // a block damaged here but sound in another CAR (a repair sent it again) is read from there
          if (p.cid() != null && !store.holdsSound(p.cid())) {
            states.damaged(p.cid(), p.kind() == Problem.Kind.HASH_MISMATCH
                ? DagStates.hashMismatch(p.cid())
                : "block " + p.cid() + " is damaged in storage: " + p.message());
          }
        }
      }
    }
    return report.stats().blocks();
  }

  private void listQuarantine() throws IOException {
    Path quarantine = data.resolve("quarantine");
    if (!Files.isDirectory(quarantine)) {
      return;
    }
    try (Stream<Path> files = Files.walk(quarantine)) {
      files.filter(Files::isRegularFile).sorted().forEach(f -> problems.add(data.relativize(f)
          + ": set aside at an earlier start because it could not be read; inspect it, then delete it"));
    }
  }
}
