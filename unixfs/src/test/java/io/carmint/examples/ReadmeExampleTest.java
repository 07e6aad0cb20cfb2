package io.carmint.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.block.Block;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.exporter.Exporter;
import io.carmint.unixfs.importer.ImportEntry;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportResult;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.unpack.EscapingSymlinkPolicy;
import io.carmint.unixfs.unpack.UnpackResult;
import io.carmint.unixfs.unpack.Unpacker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example in unixfs/README.md, compiled and run. */
class ReadmeExampleTest {
  @TempDir
  Path tmp;

  @Test
  void readmeExample() throws IOException {
    byte[] json = "{\"name\":\"cat\"}".getBytes(StandardCharsets.UTF_8);
    // --- README example ---
    Map<Cid, Block> blocks = new HashMap<>();                        // any BlockSink: a CAR writer, a store...
    Importer importer = Importer.of(ImportProfile.forName("kubo"));  // or IPFS_CAR (default), NFT_STORAGE...
    ImportResult r = importer.importEntries(List.of(
        ImportEntry.file("metadata.json", json),
        ImportEntry.directory("images")), b -> blocks.put(b.cid(), b));
    System.out.println(r.root());                                    // QmYn2J6Z… (the directory)

    Exporter exporter = Exporter.of(cid -> Optional.ofNullable(blocks.get(cid)));
    Cid metadata = exporter.list(r.root()).get(1).cid();             // entries: images, metadata.json
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.readFile(metadata, out);                                // sizes and hashes checked as it reads
    // --- end ---
    assertArrayEquals(json, out.toByteArray());
    assertEquals("images", exporter.list(r.root()).get(0).name());
    assertEquals(3, blocks.size());
  }

  @Test
  void readmeUnpackExample() throws IOException {
    byte[] json = "{\"name\":\"cat\"}".getBytes(StandardCharsets.UTF_8);
    Map<Cid, Block> blocks = new HashMap<>();
    ImportResult r = Importer.of(ImportProfile.forName("kubo")).importEntries(List.of(
        ImportEntry.file("metadata.json", json), ImportEntry.symlink("up", "../../etc/passwd")),
        b -> blocks.put(b.cid(), b));
    io.carmint.block.BlockSource exporterSource = cid -> Optional.ofNullable(blocks.get(cid));
    Path out = tmp.resolve("out");
    // --- README example ---
    UnpackResult u = Unpacker.builder()
        .maxTotalBytes(100L << 30)                         // default 32 GiB; also maxEntries, maxBlocks, maxDepth
        .escapingSymlinks(EscapingSymlinkPolicy.SKIP)      // default REFUSE: fail on a symlink that could escape
        .build()
        .unpack(exporterSource, r.root(), out);            // any BlockSource, e.g. a CarFile; out: new or empty
    System.out.println(u.files() + " files, " + u.bytes() + " bytes");
    // --- end ---
    assertArrayEquals(json, Files.readAllBytes(out.resolve("metadata.json")));
    assertEquals(List.of("up"), u.skippedSymlinks().stream().map(UnpackResult.SkippedSymlink::path).toList());
    assertEquals(1, u.files());
  }
}
