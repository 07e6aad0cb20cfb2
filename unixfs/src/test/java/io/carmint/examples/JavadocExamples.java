package io.carmint.examples;

import io.carmint.block.BlockSource;
import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.chunk.FixedSizeChunker;
import io.carmint.unixfs.exporter.DirectoryEntry;
import io.carmint.unixfs.exporter.ExportVisitor;
import io.carmint.unixfs.exporter.Exporter;
import io.carmint.unixfs.importer.ImportEntry;
import io.carmint.unixfs.importer.ImportProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code <pre>{@code …}</pre>} examples of this module's Javadoc, compiled so that they cannot rot: each marked
 * region is the text of one example ({@code DocExamplesTest} in carmint-cli checks they are equal). Compiled, not
 * run: the examples name files and values a reader would supply. (Examples that also use CAR files, for
 * {@code Importer} and {@code Unpacker}, are in carmint-pack's.)
 */
@SuppressWarnings("unused")
final class JavadocExamples {
  private JavadocExamples() {}

  static void unixFsData(byte[] chunk, PbNode node) throws IOException {
    // --- Javadoc example ---
    byte[] leaf = UnixFsData.file(Bytes.of(chunk)).encode();                 // 08 02 12 len chunk 18 len
    byte[] root = UnixFsData.fileNode(List.of(262144L, 262144L, 5L)).encode(); // 08 02 18 .. 20 .. 20 .. 20 ..
    UnixFsData d = UnixFsData.decode(node.data().orElseThrow());           // strict
    // --- end ---
  }

  static void exporter(BlockSource carFile, Cid root, OutputStream out, Cid dirCid, ExportVisitor visitor)
      throws IOException {
    // --- Javadoc example ---
    Exporter exporter = Exporter.of(carFile);               // any BlockSource
    try (InputStream in = exporter.open(root)) {             // streams, checks sizes as it goes
      in.transferTo(out);
    }
    for (DirectoryEntry e : exporter.list(dirCid)) {         // basic or HAMT directory
      System.out.println(e.name() + " " + e.cid());
    }
    exporter.walk(root, visitor);                            // a whole tree, names checked for extraction
    // --- end ---
  }

  static void importEntry(byte[] json, Path video) {
    // --- Javadoc example ---
    List<ImportEntry> entries = List.of(
        ImportEntry.file("metadata.json", json),
        ImportEntry.file("assets/video.mp4", () -> Files.newInputStream(video)),
        ImportEntry.directory("empty"),
        ImportEntry.symlink("latest", "assets/video.mp4"));
    // --- end ---
  }

  static void importProfile() {
    // --- Javadoc example ---
    ImportProfile p = ImportProfile.forName("kubo").toBuilder()
        .chunker(new FixedSizeChunker(1 << 20))
        .cidVersion(1)          // Kubo's rule: CIDv1 switches on raw leaves unless rawLeaves(...) is set
        .build();
    // --- end ---
  }
}
