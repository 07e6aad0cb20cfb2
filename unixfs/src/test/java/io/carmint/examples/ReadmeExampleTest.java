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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The example in unixfs/README.md, compiled and run. */
class ReadmeExampleTest {
  @Test
  void readmeExample() throws IOException {
    byte[] json = "{\"name\":\"cat\"}".getBytes(StandardCharsets.UTF_8);
    // --- README example start
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
    // --- README example end
    assertArrayEquals(json, out.toByteArray());
    assertEquals("images", exporter.list(r.root()).get(0).name());
    assertEquals(3, blocks.size());
  }
}
