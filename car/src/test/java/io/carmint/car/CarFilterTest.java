package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.InvalidCidException;
import io.carmint.multiformats.LimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filtering CARs by CID, against what go-car's {@code car filter} script test asserts
 * ({@code cmd/car/testdata/script/filter.txt}: CIDs kept, counts, the roots warning) and what its read-write
 * blockstore writes ({@code sample-v1-noidentity.car} is sample-v1's payload without identity blocks).
 */
class CarFilterTest {
  @TempDir
  Path tmp;

  /** filter.txt's filteredcids.txt and filtersimpleunixfs.txt. */
  static final List<String> FILTERED = List.of("bafy2bzacebohz654namrgmwjjx4qmtwgxixsd7pn4tlanyrc3g3hwj75hlxrw",
      "bafy2bzaceaqtiesyfqd2jibmofz22oolguzf5wscwh73rmeypglfu2xhkptri",
      "bafy2bzacebct3dm7izgyauijzkaf3yd7ylni725k66rq7dfp3jr5ywhpprj3k");
  static final List<String> SIMPLE = List.of("QmazwWa2vNLpy6WDBMjx7neWMbmn2oi9LQzCjan4kcGjBX",
      "QmVKt1VVkgfYcbSZqLD9sxZAkDpbH3L7RM6mJ6LHbkj5Bm");

  private CarFilter.Result filter(String goCar, List<String> cids, boolean inverse, int version, Path out)
      throws IOException {
    Set<Cid> set = CarFilter.readCids(new StringReader(String.join("\n", cids)), 100, c -> { });
    CarFilter f = CarFilter.builder().cids(set).inverse(inverse).version(version).build();
    try (InputStream in = Files.newInputStream(Fixtures.goCar(goCar));
        FileChannel o = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      return f.filter(in, o);
    }
  }

  private static List<String> cids(Path car) throws IOException {
    List<String> out = new ArrayList<>();
    try (CarFile c = CarFile.open(car)) {
      c.locations().forEach(l -> out.add(l.cid().toString()));
    }
    return out;
  }

  @Test
  void keepsTheListedBlocksInFileOrderWithNoRootLeft() throws IOException {
    Path out = tmp.resolve("out.car");
    CarFilter.Result r = filter("sample-wrapped-v2.car", FILTERED, false, 2, out);
    assertEquals(List.of(), r.roots());
    assertEquals(3, r.blocks());
    assertEquals(1046, r.dropped());
    assertEquals(FILTERED, cids(out));
    assertEquals(Files.size(out), r.bytes());
    VerifyReport v = CarVerifier.builder().partial(true).build().verify(out);
    assertEquals(List.of(), v.problems().stream().filter(p -> p.kind() != Problem.Kind.NO_ROOTS).toList());
  }

  @Test
  void javadocExample() throws IOException {
    Path car = Fixtures.goCar("sample-wrapped-v2.car");
    Path filtered = tmp.resolve("filtered.car");
    Cid keep = Cid.parse(FILTERED.get(1));
    // --- Javadoc example ---
    CarFilter filter = CarFilter.builder().cids(Set.of(keep)).build();
    try (InputStream in = Files.newInputStream(car);
        FileChannel out = FileChannel.open(filtered, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      CarFilter.Result r = filter.filter(in, out);
    }
    // --- end ---
    assertEquals(List.of(FILTERED.get(1)), cids(filtered));
  }

  @Test
  void keepsARootThatIsListed() throws IOException {
    Path out = tmp.resolve("out.car");
    CarFilter.Result r = filter("sample-wrapped-v2.car", List.of(GoCarFixturesTest.ROOT_V1), false, 2, out);
    assertEquals(List.of(Cid.parse(GoCarFixturesTest.ROOT_V1)), r.roots());
    assertEquals(List.of(GoCarFixturesTest.ROOT_V1), cids(out));
  }

  @Test
  void cidV0ListsAndTheInverse() throws IOException {
    assertEquals(2, filter("simple-unixfs.car", SIMPLE, false, 2, tmp.resolve("a.car")).blocks());
    CarFilter.Result inverse = filter("simple-unixfs.car", SIMPLE, true, 2, tmp.resolve("b.car"));
    assertEquals(20, inverse.blocks());
    assertEquals(2, inverse.dropped());
    assertEquals(1, inverse.roots().size());
  }

  @Test
  void keepingEverythingGivesTheReadWriteBlockstoresCarWithoutIdentityBlocks() throws IOException {
    Path out = tmp.resolve("all.car");
    CarFilter.Result r = filter("sample-v1.car", List.of(), true, 2, out);
    assertEquals(6, r.identity());
    byte[] expected = Files.readAllBytes(Fixtures.goCar("sample-v1-noidentity.car"));
    byte[] actual = Files.readAllBytes(out);
    ByteBuffer h = ByteBuffer.wrap(actual, 11, 40).order(ByteOrder.LITTLE_ENDIAN);
    assertArrayEquals(new long[] {0, 0, 51, expected.length, 51 + expected.length},
        new long[] {h.getLong(), h.getLong(), h.getLong(), h.getLong(), h.getLong()});
    assertArrayEquals(expected, Arrays.copyOfRange(actual, 51, 51 + expected.length));
    try (CarFile noIdentity = CarFile.open(Fixtures.goCar("sample-v1-noidentity.car"))) {
      assertArrayEquals(noIdentity.buildIndex().toBytes(), Arrays.copyOfRange(actual, 51 + expected.length,
          actual.length));
    }
    Path v1 = tmp.resolve("all-v1.car");
    assertEquals(1, filter("sample-v1.car", List.of(), true, 1, v1).version());
    assertArrayEquals(expected, Files.readAllBytes(v1));
  }

  @Test
  void aBlockWhoseMultihashWasWrittenIsWrittenOnce() throws IOException {
    Path twice = tmp.resolve("twice.car");
    byte[] v1 = Files.readAllBytes(Fixtures.goCar("sample-v1-noidentity.car"));
    byte[] firstSection = Arrays.copyOfRange(v1, 61, 61 + 2 + (v1[61] & 0x7f | (v1[62] & 0x7f) << 7));
    byte[] both = Arrays.copyOf(v1, v1.length + firstSection.length);
    System.arraycopy(firstSection, 0, both, v1.length, firstSection.length);
    Files.write(twice, both);
    Path out = tmp.resolve("once.car");
    CarFilter f = CarFilter.builder().inverse(true).version(1).build();
    try (InputStream in = Files.newInputStream(twice);
        FileChannel o = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      assertEquals(1, f.filter(in, o).duplicates());
    }
    assertArrayEquals(v1, Files.readAllBytes(out));
  }

  @Test
  void aStreamGivingOneByteAtATimeGivesTheSameCar() throws IOException {
    Path whole = tmp.resolve("whole.car");
    filter("sample-wrapped-v2.car", FILTERED, false, 2, whole);
    Path slow = tmp.resolve("slow.car");
    Set<Cid> set = CarFilter.readCids(new StringReader(String.join("\n", FILTERED)), 100, c -> { });
    try (InputStream in = new OneByteInputStream(Files.newInputStream(Fixtures.goCar("sample-wrapped-v2.car")));
        FileChannel o = FileChannel.open(slow, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      CarFilter.builder().cids(set).build().filter(in, o);
    }
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(slow));
  }

  @Test
  void readsCidListsAsGoCarDoes() throws IOException {
    List<Cid> dup = new ArrayList<>();
    Set<Cid> s = CarFilter.readCids(new StringReader("  " + SIMPLE.get(0) + " \r\n\n" + SIMPLE.get(1) + "\n"
        + SIMPLE.get(0)), 10, dup::add);
    assertEquals(List.of(Cid.parse(SIMPLE.get(0)), Cid.parse(SIMPLE.get(1))), List.copyOf(s));
    assertEquals(List.of(Cid.parse(SIMPLE.get(0))), dup);
    InvalidCidException bad = assertThrows(InvalidCidException.class,
        () -> CarFilter.readCids(new StringReader(SIMPLE.get(0) + "\nnot-a-cid\n"), 10, c -> { }));
    assertTrue(bad.getMessage().startsWith("CID list line 2: "), bad.getMessage());
    assertThrows(LimitExceededException.class,
        () -> CarFilter.readCids(new StringReader(String.join("\n", SIMPLE)), 1, c -> { }));
    assertThrows(LimitExceededException.class,
        () -> CarFilter.readCids(new StringReader("b".repeat(100_000)), 10, c -> { }));
  }

  @Test
  void aCorruptBlockStopsTheFilter() throws IOException {
    byte[] v1 = Files.readAllBytes(Fixtures.goCar("sample-v1-noidentity.car"));
    v1[v1.length - 1] ^= 1;
    Path bad = tmp.resolve("bad.car");
    Files.write(bad, v1);
    CarFilter f = CarFilter.builder().inverse(true).build();
    try (InputStream in = Files.newInputStream(bad);
        FileChannel o = FileChannel.open(tmp.resolve("o.car"), StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
      assertThrows(io.carmint.block.BlockIntegrityException.class, () -> f.filter(in, o));
    }
  }
}
