package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carmint.block.Block;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CARv1 writing, checked against CAR files written by go-car and the IPLD spec fixtures. */
class CarWriterTest {
  @TempDir
  Path tmp;

  static Path specCar(String base) {
    return Fixtures.conformance("ipld-specs").resolve("car-fixture").resolve(base).resolve(base + ".car");
  }

  @Test
  void rootFirstRewriteOfGoCarSampleIsByteIdentical() throws IOException {
    Path sample = Fixtures.goCar("sample-v1.car");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CarWriter w = CarWriter.create(Channels.newChannel(out), List.of(Cid.parse(GoCarFixturesTest.ROOT_V1)),
        CarWriteOptions.DEFAULTS);
    for (Block b : CarBlocks.read(sample)) {
      w.put(b);
    }
    w.finish();
    assertEquals(1049, w.blockCount());
    assertEquals(0, w.duplicateCount());
    assertArrayEquals(Files.readAllBytes(sample), out.toByteArray());
  }

  @Test
  void placeholderOfTheSameLengthIsPatchedInPlace() throws IOException {
    Path sample = Fixtures.goCar("sample-v1.car");
    Path out = tmp.resolve("out.car");
    Cid placeholder = CarWriter.placeholder(1, Multicodec.DAG_CBOR, HashFunction.BLAKE2B_256);
    try (CarWriter w = CarWriter.createFile(out, placeholder, CarWriteOptions.builder().bufferSize(4096).build())) {
      for (Block b : CarBlocks.read(sample)) {
        w.put(b);
      }
      w.finish(Cid.parse(GoCarFixturesTest.ROOT_V1));
    }
    assertArrayEquals(Files.readAllBytes(sample), Files.readAllBytes(out));
  }

  @Test
  void placeholderOfAnotherLengthMovesThePayload() throws IOException {
    Path spec = specCar("carv1-basic");
    List<Cid> roots;
    try (CarFile f = CarFile.open(spec)) {
      roots = f.roots();
    }
    // Shorter placeholder (one CIDv0 root, 34 bytes, for two 36-byte roots): the payload moves forward.
    // Longer placeholder (a sha2-512 CID, 68 bytes): the payload moves back and the file is truncated.
    for (Cid placeholder : List.of(CarWriter.placeholder(0, Multicodec.DAG_PB, HashFunction.SHA2_256),
        CarWriter.placeholder(1, Multicodec.DAG_CBOR, HashFunction.SHA2_512))) {
      Path out = tmp.resolve("moved.car");
      try (CarWriter w = CarWriter.createFile(out, placeholder, CarWriteOptions.DEFAULTS)) {
        for (Block b : CarBlocks.read(spec)) {
          w.put(b);
        }
        w.finish(roots);
      }
      assertArrayEquals(Files.readAllBytes(spec), Files.readAllBytes(out), placeholder.toString());
    }
  }

  @Test
  void writingContinuesAtTheChannelPosition() throws IOException {
    Path spec = specCar("carv1-basic");
    Path out = tmp.resolve("offset.car");
    try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.READ)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
      CarWriter w = CarWriter.createWithPlaceholder(ch, CarWriter.placeholder(0, Multicodec.DAG_PB,
          HashFunction.SHA2_256), CarWriteOptions.DEFAULTS);
      for (Block b : CarBlocks.read(spec)) {
        w.put(b);
      }
      try (CarFile f = CarFile.open(spec)) {
        w.finish(f.roots());
      }
    }
    byte[] all = Files.readAllBytes(out);
    assertArrayEquals(Files.readAllBytes(spec), java.util.Arrays.copyOfRange(all, 3, all.length));
  }

  @Test
  void repeatedBlocksAreWrittenOnceUnlessDeduplicationIsOff() throws IOException {
    Block a = Block.create(Multicodec.RAW, HashFunction.SHA2_256, new byte[] {1, 2, 3});
    Block b = Block.create(Multicodec.RAW, HashFunction.SHA2_256, new byte[] {4});
    for (boolean dedupe : new boolean[] {true, false}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CarWriter w = CarWriter.create(Channels.newChannel(out), List.of(b.cid()),
          CarWriteOptions.builder().deduplicate(dedupe).build());
      w.put(a);
      w.put(a);
      w.put(b);
      w.finish();
      List<Cid> read = new ArrayList<>();
      try (CarReader r = CarReader.open(new java.io.ByteArrayInputStream(out.toByteArray()))) {
        r.forEach(x -> read.add(x.cid()));
      }
      assertEquals(dedupe ? List.of(a.cid(), b.cid()) : List.of(a.cid(), a.cid(), b.cid()), read);
      assertEquals(dedupe ? 1 : 0, w.duplicateCount());
      assertEquals(out.size(), w.size());
    }
  }

  @Test
  void aHeaderWithoutRootsIsNeverWritten() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThrows(IllegalArgumentException.class,
        () -> CarWriter.create(Channels.newChannel(out), List.of(), CarWriteOptions.DEFAULTS));
    Path file = tmp.resolve("x.car");
    try (CarWriter w = CarWriter.createFile(file, CarWriter.placeholder(1, Multicodec.RAW, HashFunction.SHA2_256),
        CarWriteOptions.DEFAULTS)) {
      assertThrows(IllegalArgumentException.class, () -> w.finish(List.of()));
    }
  }

  @Test
  void rootFirstCarCannotEndWithOtherRoots() throws IOException {
    Block a = Block.create(Multicodec.RAW, HashFunction.SHA2_256, new byte[] {1});
    Block b = Block.create(Multicodec.RAW, HashFunction.SHA2_256, new byte[] {2});
    CarWriter w = CarWriter.create(Channels.newChannel(new ByteArrayOutputStream()), List.of(a.cid()),
        CarWriteOptions.DEFAULTS);
    assertThrows(IllegalArgumentException.class, () -> w.finish(b.cid()));
  }

  @Test
  void anUnfinishedPlaceholderCarIsTruncatedOnClose() throws IOException {
    Path file = tmp.resolve("failed.car");
    try (CarWriter w = CarWriter.createFile(file, CarWriter.placeholder(1, Multicodec.RAW, HashFunction.SHA2_256),
        CarWriteOptions.DEFAULTS)) {
      w.put(Block.create(Multicodec.RAW, HashFunction.SHA2_256, new byte[100_000]));
      // an import fails here: no finish
    }
    assertEquals(0, Files.size(file));
  }
}
