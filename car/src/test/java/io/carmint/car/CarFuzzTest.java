package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.carmint.block.Block;
import io.carmint.car.index.CarIndex;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.DataException;
import io.carmint.testsupport.FuzzSeeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzz tests (Jazzer) of the CAR readers, with the default {@link CarReadOptions}: only the
 * declared exceptions escape, a header that reads re-encodes to the same bytes, and the streaming reader (fed
 * whole or one byte at a time) and the random-access {@link CarFile} agree. {@code mvn verify} replays the named regression inputs under
 * {@code src/test/resources/io/carmint/car/CarFuzzTestInputs/<method>}; the README's Reliability section gives the
 * command that fuzzes a target.
 */
class CarFuzzTest {
  /** Seeds are kept small: libFuzzer's input size follows the largest one. */
  private static final int MAX_SEED = 64 << 10;
  private static Path scratch;

  static Stream<byte[]> carSeeds() throws IOException {
    return Stream.of(FuzzSeeds.testdata("cars", ".car", MAX_SEED), FuzzSeeds.files("go-car", ".car", MAX_SEED),
            FuzzSeeds.files("go-car/fuzz-corpus", ".bin", MAX_SEED), FuzzSeeds.files("js-car", ".car", MAX_SEED),
            FuzzSeeds.files("js-car", ".carv2", MAX_SEED), FuzzSeeds.files("ipld-specs", ".car", MAX_SEED),
            FuzzSeeds.files("gateway-conformance", ".car", MAX_SEED),
            FuzzSeeds.fuzzing() ? Stream.of(CarProperties.v2Seed()) : Stream.<byte[]>empty())
        .flatMap(s -> s);
  }

  /**
   * Any bytes as a CAR, streamed ({@link CarReader}: header, every block with its hash checked, the CARv2 index),
   * verified ({@link CarVerifier}, which reports and never throws for bad data) and opened as a file
   * ({@link CarFile}: locations, every block, the embedded index).
   */
  @MethodSource("carSeeds")
  @FuzzTest
  void reader(byte[] input) throws IOException {
    List<Cid> streamed = stream(Feed.WHOLE.stream(input), input);
    assertEquals(streamed, stream(Feed.ONE_BYTE.stream(input), input), "the same bytes fed one at a time");
    CarVerifier.builder().build().verify(new ByteArrayInputStream(input));
    List<Cid> random = file(input);
    if (streamed != null) {
      assertEquals(streamed, random, "CarReader read these blocks, CarFile did not");
    }
  }

  /** @return the CIDs of the blocks, or null if the reader refused the input with a declared exception */
  private static List<Cid> stream(InputStream in, byte[] input) throws IOException {
    List<Cid> cids = new ArrayList<>();
    try (CarReader r = CarReader.open(in)) {
      checkHeader(input, r.version(), r.header(), r.v2Header().orElse(null));
      for (Block b = r.next(); b != null; b = r.next()) {
        cids.add(b.cid());
      }
      r.readIndex();
      return cids;
    } catch (DataException | TruncatedCarException expected) { // malformed, over a limit, hash mismatch; cut short
      return null;
    }
  }

  /** A header that reads is canonical: it re-encodes to the bytes it was read from. */
  private static void checkHeader(byte[] input, int version, CarHeader header, CarV2Header v2) {
    int at = 0;
    if (version == 2) {
      assertArrayEquals(v2.toBytes(), Arrays.copyOfRange(input, 11, 11 + 40));
      at = Math.toIntExact(v2.dataOffset());
    }
    byte[] expected = header.toBytes();
    assertArrayEquals(expected, Arrays.copyOfRange(input, at, at + expected.length));
  }

  /** @return the CIDs of the blocks as {@link CarFile} reads them, or null if it refused the input */
  private static List<Cid> file(byte[] input) throws IOException {
    Path path = scratch();
    Files.write(path, input);
    try (CarFile f = CarFile.open(path)) {
      checkHeader(input, f.version(), f.header(), f.v2Header().orElse(null));
      List<Cid> cids = new ArrayList<>();
      for (BlockLocation loc : f.locations()) {
        cids.add(f.read(loc).cid());
      }
      f.embeddedIndex();
      return cids;
    } catch (DataException | TruncatedCarException expected) { // malformed, over a limit, hash mismatch; cut short
      return null;
    }
  }

  private static synchronized Path scratch() {
    if (scratch == null) {
      try {
        scratch = Files.createTempFile("car-fuzz", ".car");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      scratch.toFile().deleteOnExit();
    }
    return scratch;
  }

  /**
   * The CAR tools over any bytes: {@link CarHash#ofCar} hashes exactly the bytes {@link CarHash#of} hashes when it
   * accepts them; a CAR that {@link CarFile} opens, rewritten by {@link CarIndexer#writeIndexed}, holds the same
   * sections under an index that matches them; a CAR that streams, filtered with nothing dropped, holds its blocks
   * less identity CIDs and repeated multihashes, in order.
   */
  @MethodSource("carSeeds")
  @FuzzTest
  void tools(byte[] input) throws IOException {
    try {
      assertEquals(CarHash.of(new ByteArrayInputStream(input)),
          CarHash.ofCar(new ByteArrayInputStream(input), CarReadOptions.DEFAULTS));
    } catch (DataException | TruncatedCarException expected) {
      // not a CAR: refused as the reader refuses it
    }
    Path in = scratch();
    Files.write(in, input);
    Path out = Files.createTempFile("car-fuzz-tools", ".car");
    try {
      List<Cid> sections;
      try (CarFile f = CarFile.open(in)) {
        sections = f.locations().stream().map(BlockLocation::cid).toList();
      } catch (DataException | TruncatedCarException expected) {
        return;
      }
      try (FileChannel src = FileChannel.open(in); FileChannel dst = FileChannel.open(out,
          java.nio.file.StandardOpenOption.WRITE)) {
        CarIndexer.writeIndexed(src, dst, CarReadOptions.DEFAULTS, CarV2WriteOptions.DEFAULTS);
      }
      try (CarFile f = CarFile.open(out, CarReadOptions.builder().verifyHashes(false).build())) {
        assertEquals(sections, f.locations().stream().map(BlockLocation::cid).toList());
        assertArrayEquals(f.buildIndex().toBytes(), f.embeddedIndex().orElseThrow().toBytes());
      }
      List<Cid> kept = new ArrayList<>();
      try (CarReader r = CarReader.open(new ByteArrayInputStream(input))) {
        java.util.Set<io.carmint.multiformats.Multihash> seen = new java.util.HashSet<>();
        for (Block b = r.next(); b != null; b = r.next()) {
          if (!b.cid().multihash().isIdentity() && seen.add(b.cid().multihash())) {
            kept.add(b.cid());
          }
        }
        r.readIndex();
      } catch (DataException | TruncatedCarException expected) { // a block that does not hash, a bad index
        return;
      }
      try (FileChannel dst = FileChannel.open(out, java.nio.file.StandardOpenOption.WRITE,
          java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
        CarFilter.builder().inverse(true).build().filter(new ByteArrayInputStream(input), dst);
      }
      try (CarReader r = CarReader.open(Files.newInputStream(out))) {
        List<Cid> filtered = new ArrayList<>();
        for (Block b = r.next(); b != null; b = r.next()) {
          filtered.add(b.cid());
        }
        assertEquals(kept, filtered);
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  static Stream<byte[]> indexSeeds() throws IOException {
    return Stream.concat(FuzzSeeds.files("go-car/v2-testdata", ".carindex", MAX_SEED),
        FuzzSeeds.fuzzing() ? Stream.of(CarProperties.v2Index()) : Stream.empty());
  }

  /** A CARv2 index: one that decodes re-encodes to the same bytes (it is sorted and strict), or CarIndexException. */
  @MethodSource("indexSeeds")
  @FuzzTest
  void index(byte[] input) {
    CarIndex index;
    try {
      index = CarIndex.decode(input, 0);
    } catch (CarIndexException expected) { // the one declared failure of CarIndex.decode
      return;
    }
    assertArrayEquals(input, index.toBytes());
    long[] count = {0};
    index.forEach((code, digest, offset) -> count[0]++);
    assertTrue(count[0] == index.size(), "forEach visits size() entries");
  }
}
