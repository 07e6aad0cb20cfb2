package io.carmint.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.car.CarFile;
import io.carmint.car.CarReadOptions;
import io.carmint.car.CarReader;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.importer.UnsupportedFileTypeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class CarPackerTest {
  private final CarPacker packer =
      CarPacker.builder().importer(Importer.of(ImportProfile.IPFS_CAR)).build();

  @Test
  void ofGivesTheDefaultPackerOrOneForAProfile(@TempDir Path tmp) throws IOException {
    Path in = Files.writeString(tmp.resolve("hello.txt"), "hello world\n", StandardCharsets.US_ASCII);
    PackResult byDefault = CarPacker.of().pack(in, tmp.resolve("default.car"));
    PackResult built = packer.pack(in, tmp.resolve("built.car"));
    assertEquals(built, byDefault);
    assertArrayEquals(Files.readAllBytes(tmp.resolve("built.car")), Files.readAllBytes(tmp.resolve("default.car")));
    // Kubo's 'ipfs add' CID of "hello world\n" (reference/javascript-tools.md §9)
    assertEquals("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
        CarPacker.of(ImportProfile.KUBO).pack(in, tmp.resolve("kubo.car")).root().toString());
  }

  @Test
  void progressCountsTheBlockBytesPackedUpToTheCarsBlockData(@TempDir Path tmp) throws IOException {
    byte[] content = new byte[3 * 262_144 + 1000]; // four distinct chunks: no block is repeated
    new java.util.Random(7).nextBytes(content);
    Path in = Files.write(tmp.resolve("random.bin"), content);
    List<Long> reported = new java.util.ArrayList<>();
    CarPacker counting = CarPacker.builder().importer(Importer.of(ImportProfile.IPFS_CAR)).progress(reported::add)
        .build();
    Path out = tmp.resolve("random.car");
    PackResult r = counting.pack(in, out);

    long blockBytes = 0;
    try (CarReader reader = CarReader.open(Files.newInputStream(out), CarReadOptions.DEFAULTS)) {
      for (Block b = reader.next(); b != null; b = reader.next()) {
        blockBytes += b.length();
      }
    }
    assertEquals(r.blocks(), reported.size(), "one report per block");
    for (int i = 1; i < reported.size(); i++) {
      assertTrue(reported.get(i) > reported.get(i - 1), "grows: " + reported);
    }
    assertEquals(blockBytes, reported.get(reported.size() - 1));
  }

  @Test
  void aSuccessfulPackLeavesOnlyTheCar(@TempDir Path tmp) throws IOException {
    Path in = Files.writeString(tmp.resolve("hello.txt"), "hello world", StandardCharsets.US_ASCII);
    Path out = tmp.resolve("out").resolve("hello.car");
    Files.createDirectories(out.getParent());
    PackResult r = packer.pack(in, out);
    // ipfs-car / nft.storage encodeBlob CID of "hello world" (reference/javascript-tools.md §9)
    assertEquals("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", r.root().toString());
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertEquals(List.of(out), files.toList());
    }
    try (CarFile f = CarFile.open(out)) {
      assertEquals(List.of(r.root()), f.roots());
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aFailedPackLeavesAnExistingCarUntouchedAndNoPartialFile(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a.txt"), "a");
    Process mkfifo = new ProcessBuilder("mkfifo", in.resolve("z-fifo").toString()).start();
    assertEquals(0, mkfifo.waitFor());
    Path outDir = Files.createDirectories(tmp.resolve("out"));
    Path out = Files.writeString(outDir.resolve("keep.car"), "previous content");

    assertThrows(UnsupportedFileTypeException.class, () -> packer.pack(in, out));

    assertEquals("previous content", Files.readString(out));
    try (Stream<Path> files = Files.list(outDir)) {
      assertEquals(List.of(out), files.toList());
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aSymbolicLinkIsWrittenThroughAndStaysALink(@TempDir Path tmp) throws IOException {
    Path in = helloWorld(tmp);
    Path expected = packedToAPlainFile(in, tmp);
    Path outDir = Files.createDirectories(tmp.resolve("out"));
    Path target = Files.writeString(outDir.resolve("target.car"), "previous content");
    Path link = Files.createSymbolicLink(outDir.resolve("link.car"), target.getFileName());

    packer.pack(in, link);

    assertTrue(Files.isSymbolicLink(link), "the link was replaced");
    assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(target));
    try (Stream<Path> files = Files.list(outDir)) {
      assertEquals(List.of(link, target), files.sorted().toList(), "no temporary file is left behind");
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aFailedPackThroughASymbolicLinkLeavesItsTargetAsItWas(@TempDir Path tmp) throws IOException {
    Path outDir = Files.createDirectories(tmp.resolve("out"));
    Path target = Files.writeString(outDir.resolve("target.car"), "previous content");
    Path link = Files.createSymbolicLink(outDir.resolve("link.car"), target.getFileName());

    assertThrows(java.nio.file.NoSuchFileException.class, () -> packer.pack(tmp.resolve("missing"), link));

    assertEquals("previous content", Files.readString(target));
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aNamedPipeIsWrittenThroughNotReplaced(@TempDir Path tmp) throws Exception {
    Path in = helloWorld(tmp);
    Path expected = packedToAPlainFile(in, tmp);
    Path pipe = tmp.resolve("pipe.car");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    assertEquals(0, mkfifo.waitFor());
    CompletableFuture<byte[]> read = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        read.complete(Files.readAllBytes(pipe)); // opening blocks until the packer opens the pipe for writing
      } catch (IOException e) {
        read.completeExceptionally(e);
      }
    });
    reader.setDaemon(true); // were the pipe replaced, nobody would ever open it for writing
    reader.start();

    packer.pack(in, pipe);

    assertFalse(Files.isRegularFile(pipe), "the named pipe was replaced by a regular file");
    assertArrayEquals(Files.readAllBytes(expected), read.get());
  }

  private static Path helloWorld(Path tmp) throws IOException {
    return Files.writeString(Files.createDirectories(tmp.resolve("in")).resolve("hello.txt"), "hello world");
  }

  /** The CAR of {@code in} packed to a new regular file: what a written-through output must receive. */
  private Path packedToAPlainFile(Path in, Path tmp) throws IOException {
    Path plain = tmp.resolve("plain.car");
    packer.pack(in, plain);
    return plain;
  }
}
