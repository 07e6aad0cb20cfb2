package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.block.DigestTooShortException;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CarVerifierTest {
  private static final CarVerifier COMPLETE = CarVerifier.builder().build();
  private static final CarVerifier PARTIAL = CarVerifier.builder().partial(true).build();

  static Stream<Path> completeCars() throws IOException {
    List<String> goCar = List.of("sample-v1.car", "sample-v1-noidentity.car", "sample-wrapped-v2.car",
        "sample-v2-indexless.car", "sample-unixfs-v2.car", "simple-unixfs.car");
    Stream<Path> a = goCar.stream().map(Fixtures::goCar);
    Stream<Path> b = Stream.of(Fixtures.conformance("js-car").resolve("go.car"),
        Fixtures.conformance("js-car").resolve("go.carv2"));
    try (Stream<Path> s = Files.list(Fixtures.testdata().resolve("cars"))) {
      return Stream.concat(Stream.concat(a, b), s.filter(p -> p.toString().endsWith(".car")).sorted().toList()
          .stream());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("completeCars")
  void completeCarsVerify(Path car) throws IOException {
    VerifyReport report = COMPLETE.verify(car);
    assertTrue(report.ok(), report.problems().toString());
    assertEquals(Files.size(car), report.stats().carBytes());
    assertEquals(report.stats().blocks() - report.stats().duplicates(), report.reachable() + report.unreachable());
    VerifyReport streamed = COMPLETE.verify(new ByteArrayInputStream(Files.readAllBytes(car)));
    assertEquals(report.stats(), streamed.stats());
    assertEquals(report.problems(), streamed.problems());
  }

  @Test
  void statsOfSampleV1MatchGoCarInspect() throws IOException {
    // go-car inspect.txt: 1049 blocks, raw 6, dag-cbor 1043, identity 6, blake2b-256 1043, block length 1..1342.
    VerifyReport r = COMPLETE.verify(Fixtures.goCar("sample-v1.car"));
    CarStats s = r.stats();
    assertEquals(1049, s.blocks());
    assertEquals(6L, s.codecs().get("raw"));
    assertEquals(1043L, s.codecs().get("dag-cbor"));
    assertEquals(6L, s.hashes().get("identity"));
    assertEquals(1043L, s.hashes().get("blake2b-256"));
    assertEquals(1, s.minBlockLength());
    assertEquals(1342, s.maxBlockLength());
    assertEquals(0, r.unreachable());
  }

  @Test
  void ipfsCarsRepeatedBlocksAreCountedAsDuplicates() throws IOException {
    // testdata/cars/README: x-c-tree holds same1.txt/same2.txt and empty files, each written again by ipfs-car.
    VerifyReport r = COMPLETE.verify(Fixtures.testdata().resolve("cars/ipfs-car-x-c-tree.car"));
    assertTrue(r.ok());
    assertTrue(r.stats().duplicates() > 0);
  }

  @Test
  void missingBlocksAreNamedOnlyWhereTheWalkMeetsThem() throws IOException {
    // go-car extract.txt: /b/4, /b/5/E.txt and /b/6 are missing; what lies under /b/4 and /b/6 is never reached.
    VerifyReport r = COMPLETE.verify(Fixtures.goCar("simple-unixfs-missing-blocks.car"));
    assertEquals(3, r.problems().size(), r.problems().toString());
    assertTrue(r.problems().stream().allMatch(p -> p.kind() == Problem.Kind.MISSING_BLOCK));
    assertTrue(r.problems().stream().allMatch(p -> p.block().isPresent()));
    assertEquals(17, r.reachable());
    assertTrue(PARTIAL.verify(Fixtures.goCar("simple-unixfs-missing-blocks.car")).ok());
  }

  @Test
  void incompleteHamtReportsEachMissingShardOrEntry() throws IOException {
    VerifyReport r = COMPLETE.verify(Fixtures.goCar("wikipedia-cryptographic-hash-function.car"));
    assertFalse(r.ok());
    assertTrue(r.problems().size() > 500, "" + r.problems().size());
    assertTrue(r.problems().stream().allMatch(p -> p.kind() == Problem.Kind.MISSING_BLOCK));
    assertEquals(5, r.reachable());
  }

  @Test
  void hashMismatchIsReportedAndReadingGoesOn() throws IOException {
    // go-car fuzz regression fe93cec1: sample-unixfs-v2.car with the raw block's content changed.
    Path fuzz = Fixtures.conformance("go-car").resolve(
        "fuzz-corpus/v2/FuzzReader/fe93cec1356ad2fe2217292374cd93b65a482fec3a43e6021fe87f5607bd8857.bin");
    VerifyReport r = COMPLETE.verify(fuzz);
    assertTrue(r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.HASH_MISMATCH
        && p.cid().equals(Cid.parse("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4"))),
        r.problems().toString());
    assertEquals(3, r.stats().blocks());
  }

  @Test
  void anIndexOfUnknownFormatIsNotedNotFailed() throws IOException {
    VerifyReport r = COMPLETE.verify(Fixtures.conformance("js-car").resolve("go.carv2"));
    assertTrue(r.ok());
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("Index ignored")), r.notes().toString());
  }

  @Test
  void anIndexThatDisagreesWithTheDataIsAProblem() throws IOException {
    byte[] car = Files.readAllBytes(Fixtures.goCar("sample-wrapped-v2.car"));
    // The last entry's offset (last 8 bytes) points elsewhere.
    ByteBuffer.wrap(car).order(ByteOrder.LITTLE_ENDIAN).putLong(car.length - 8, 61);
    VerifyReport r = COMPLETE.verify(new ByteArrayInputStream(car));
    assertEquals(List.of(Problem.Kind.INDEX), r.problems().stream().map(Problem::kind).toList());
  }

  @Test
  void bytesAfterAPayloadWithoutIndexAreAProblem() throws IOException {
    byte[] car = Files.readAllBytes(Fixtures.goCar("sample-v2-indexless.car"));
    byte[] longer = java.util.Arrays.copyOf(car, car.length + 5);
    VerifyReport r = COMPLETE.verify(new ByteArrayInputStream(longer));
    assertEquals(List.of(Problem.Kind.FORMAT), r.problems().stream().map(Problem::kind).toList());
  }

  @Test
  void formatErrorsStopReadingAndAreReported() throws IOException {
    VerifyReport r = COMPLETE.verify(Fixtures.goCar("badsectionlength.car"));
    assertEquals(List.of(Problem.Kind.NO_ROOTS, Problem.Kind.FORMAT),
        r.problems().stream().map(Problem::kind).toList());
    VerifyReport t = COMPLETE.verify(Fixtures.goCar("sample-v1-tailing-corrupt-section.car"));
    assertEquals(List.of(Problem.Kind.FORMAT), t.problems().stream().map(Problem::kind).toList());
    assertEquals(1048, t.stats().blocks());
    VerifyReport h = COMPLETE.verify(Fixtures.goCar("sample-rootless-v42.car"));
    assertEquals(0, h.version());
    assertEquals(List.of(Problem.Kind.FORMAT), h.problems().stream().map(Problem::kind).toList());
  }

  @Test
  void aRootWithoutItsBlockIsAProblemEvenInPartialMode() throws IOException {
    // go.car's 8 blocks minus the first (root bafyrei…lrm).
    byte[] car = Files.readAllBytes(Fixtures.conformance("js-car").resolve("go.car"));
    byte[] cut = new byte[car.length - 92];
    System.arraycopy(car, 0, cut, 0, 100);
    System.arraycopy(car, 192, cut, 100, car.length - 192);
    VerifyReport r = PARTIAL.verify(new ByteArrayInputStream(cut));
    assertEquals(List.of(Problem.Kind.MISSING_ROOT_BLOCK), r.problems().stream().map(Problem::kind).toList());
  }

  /**
   * Issue 12, defect 3: a block under a CID whose sha2-256 digest is cut to 1 byte verified as ok (and the service
   * stored it). The stream reader, random access and the verifier now all refuse it, naming the CID.
   */
  @Test
  void aBlockUnderAOneByteDigestIsRefusedByEveryReader(@TempDir Path tmp) throws Exception {
    byte[] data = "short".getBytes(StandardCharsets.US_ASCII);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
    Cid shortCid = Cid.v1(Multicodec.RAW, Multihash.of(0x12, new byte[] {digest[0]}));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CarWriter w = CarWriter.create(Channels.newChannel(bytes), List.of(shortCid), CarWriteOptions.DEFAULTS)) {
      w.put(Block.of(shortCid, data));
      w.finish();
    }
    Path car = Files.write(tmp.resolve("short.car"), bytes.toByteArray());
    long section = CarHeader.of(shortCid).encodedLength();

    try (CarReader r = CarReader.open(Files.newInputStream(car))) {
      DigestTooShortException e = assertThrows(DigestTooShortException.class, r::next);
      assertEquals(shortCid, e.cid());
      assertEquals(section, e.offset());
    }
    try (CarFile f = CarFile.open(car)) {
      assertEquals(shortCid, assertThrows(DigestTooShortException.class, () -> f.get(shortCid)).cid());
    }
    VerifyReport report = PARTIAL.verify(car);
    assertFalse(report.ok());
    assertEquals(List.of(Problem.Kind.UNVERIFIABLE_HASH), report.problems().stream().map(Problem::kind).toList());
    assertEquals(shortCid, report.problems().get(0).cid());
    assertTrue(report.problems().get(0).message().contains("shorter than the minimum of 20"),
        report.problems().get(0).message());
  }
}
