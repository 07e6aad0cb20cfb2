package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.car.index.CarIndex;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multicodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

class CarProperties {
  private static Path tmp;

  @BeforeContainer
  static void tmpDir() throws IOException {
    tmp = Files.createTempDirectory("car-properties");
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var s = Files.walk(tmp)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<List<Block>> blockLists() {
    Arbitrary<Block> block = Combinators.combine(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
        Arbitraries.of(Multicodec.RAW, Multicodec.DAG_CBOR, Multicodec.of(0x300001)),
        Arbitraries.of(HashFunction.SHA2_256, HashFunction.SHA2_512, HashFunction.SHA3_256))
        .as((bytes, codec, hash) -> Block.create(codec, hash, bytes));
    // Repeat some blocks: de-duplication must keep the first.
    return block.list().ofMinSize(1).ofMaxSize(30).flatMap(l -> Arbitraries.integers().between(0, 3).map(n -> {
      List<Block> out = new ArrayList<>(l);
      for (int i = 0; i < n; i++) {
        out.add(l.get(i % l.size()));
      }
      return out;
    }));
  }

  private static byte[] write(List<Block> blocks, Cid root, boolean dedupe, int buffer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CarWriter w = CarWriter.create(Channels.newChannel(out), List.of(root),
        CarWriteOptions.builder().deduplicate(dedupe).bufferSize(buffer).build());
    for (Block b : blocks) {
      w.put(b);
    }
    w.finish();
    assertEquals(out.size(), w.size());
    return out.toByteArray();
  }

  @Property(tries = 200)
  void writeThenReadGivesTheBlocksBack(@ForAll("blockLists") List<Block> blocks, @ForAll boolean dedupe,
      @ForAll("buffers") int buffer) throws IOException {
    Cid root = blocks.get(blocks.size() - 1).cid();
    byte[] car = write(blocks, root, dedupe, buffer);
    List<Block> expected = dedupe ? new ArrayList<>(dedupeByCid(blocks).values()) : blocks;
    for (Feed feed : Feed.values()) {
      List<Block> read = new ArrayList<>();
      try (CarReader r = CarReader.open(feed.stream(car))) {
        assertEquals(List.of(root), r.roots());
        r.forEach(read::add);
      }
      assertEquals(expected, read);
    }
    Path file = Files.createTempFile(tmp, "rt", ".car");
    Files.write(file, car);
    try (CarFile f = CarFile.open(file)) {
      for (Block b : blocks) {
        assertEquals(b, f.get(b.cid()).orElseThrow());
      }
    }
    assertTrue(CarVerifier.builder().partial(true).build().verify(file).ok());
  }

  @Provide
  Arbitrary<Integer> buffers() {
    return Arbitraries.of(4096, 5000, CarWriteOptions.DEFAULT_BUFFER_SIZE);
  }

  private static Map<Cid, Block> dedupeByCid(List<Block> blocks) {
    Map<Cid, Block> m = new LinkedHashMap<>();
    for (Block b : blocks) {
      m.putIfAbsent(b.cid(), b);
    }
    return m;
  }

  @Property(tries = 100)
  void carV2WriterOutputReadsBackWithAMatchingIndex(@ForAll("blockLists") List<Block> blocks,
      @ForAll("paddings") long dataPadding, @ForAll("paddings") long indexPadding) throws IOException {
    Cid root = blocks.get(0).cid();
    Path file = Files.createTempFile(tmp, "v2", ".car");
    CarV2WriteOptions options = CarV2WriteOptions.builder().dataPadding(dataPadding).indexPadding(indexPadding)
        .build();
    try (CarV2Writer w = CarV2Writer.createFile(file, CarWriter.placeholder(1, Multicodec.RAW,
        HashFunction.SHA2_256), options)) {
      for (Block b : blocks) {
        w.put(b);
      }
      w.finish(root);
    }
    try (CarFile f = CarFile.open(file)) {
      assertEquals(List.of(root), f.roots());
      assertEquals(dedupeByCid(blocks).size(), f.locations().size());
      assertArrayEquals(f.buildIndex().toBytes(), f.embeddedIndex().orElseThrow().toBytes());
    }
    VerifyReport report = CarVerifier.builder().partial(true).build().verify(file);
    assertTrue(report.ok(), report.problems().toString());
  }

  @Provide
  Arbitrary<Long> paddings() {
    return Arbitraries.longs().between(0, 300);
  }

  // --- hostile input: only the declared exceptions ---

  static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    try (var s = Files.list(Fixtures.testdata().resolve("cars"))) {
      for (Path p : s.filter(x -> x.toString().endsWith(".car") && x.toFile().length() < 20_000).sorted().toList()) {
        seeds.add(Files.readAllBytes(p));
      }
      Path jsCar = Path.of(System.getProperty("carmint.shared", "../../shared"), "conformance", "js-car");
      if (Files.isDirectory(jsCar)) {
        seeds.add(Files.readAllBytes(jsCar.resolve("go.car")));
        seeds.add(Files.readAllBytes(jsCar.resolve("go.carv2")));
      }
      // A CARv2 with an index, written here.
      seeds.add(v2Seed());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return seeds;
  }

  private static byte[] v2Seed() throws IOException {
    Path f = Files.createTempFile("seed", ".car");
    try {
      Block a = Block.create(Multicodec.RAW, HashFunction.SHA2_256, new byte[] {1, 2, 3});
      try (CarV2Writer w = CarV2Writer.createFile(f, a.cid(), CarV2WriteOptions.DEFAULTS)) {
        w.put(a);
        w.put(Block.create(Multicodec.RAW, HashFunction.SHA2_256, new byte[40]));
        w.finish(a.cid());
      }
      return Files.readAllBytes(f);
    } finally {
      Files.delete(f);
    }
  }

  @Provide
  Arbitrary<byte[]> hostile() {
    Arbitrary<byte[]> mutated = Arbitraries.of(seeds()).flatMap(seed -> Combinators.combine(
        Arbitraries.integers().between(0, seed.length), Arbitraries.integers().between(0, 255),
        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, seed.length))
        .as((at, value, op, cut) -> {
          byte[] b = seed.clone();
          if (op == 0 && at < b.length) {
            b[at] = (byte) value.intValue(); // one byte changed
          } else if (op == 1) {
            b = java.util.Arrays.copyOf(b, cut); // truncated
          } else if (at < b.length) {
            b[at] ^= (byte) (1 << (value & 7)); // one bit flipped
          }
          return b;
        }));
    return Arbitraries.oneOf(mutated, Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
  }

  @Property(tries = 2000)
  void hostileBytesThrowOnlyDeclaredExceptions(@ForAll("hostile") byte[] input) throws IOException {
    for (Feed feed : Feed.values()) {
      try (CarReader r = CarReader.open(feed.stream(input))) {
        while (r.next() != null) {
          // read all
        }
        r.readIndex();
      } catch (CarFormatException | TruncatedCarException | LimitExceededException | BlockIntegrityException
          | UnverifiableBlockException expected) {
        assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
      }
    }
    Path file = Files.createTempFile(tmp, "hostile", ".car");
    Files.write(file, input);
    try (CarFile f = CarFile.open(file)) {
      for (BlockLocation loc : f.locations()) {
        f.read(loc);
      }
      f.embeddedIndex();
    } catch (CarFormatException | TruncatedCarException | LimitExceededException | BlockIntegrityException
        | UnverifiableBlockException expected) {
      assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
    }
    CarVerifier.builder().build().verify(file); // never throws for bad data
    Files.delete(file);
  }

  @Property(tries = 1000)
  void hostileIndexBytesThrowOnlyCarIndexException(@ForAll("hostile") byte[] input) {
    try {
      CarIndex.decode(input, 0);
    } catch (CarIndexException expected) {
      assertTrue(expected.getMessage() != null);
    }
  }
}
