package io.carmint.examples;

import io.carmint.dagcbor.DagCbor;
import io.carmint.dagcbor.DagCborDecodeOptions;
import io.carmint.dagcbor.DagCborValue;
import io.carmint.dagcbor.DagCborValue.IntValue;
import io.carmint.dagcbor.DagCborValue.LinkValue;
import io.carmint.dagcbor.DagCborValue.ListValue;
import io.carmint.dagcbor.DagCborValue.MapValue;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multibase;
import java.io.IOException;
import java.util.List;

/**
 * The {@code <pre>{@code …}</pre>} examples of this module's Javadoc, compiled so that they cannot rot: each marked
 * region is the text of one example ({@code DocExamplesTest} in carmint-cli checks they are equal). Compiled, not
 * run: the examples name files and values a reader would supply.
 */
@SuppressWarnings("unused")
final class JavadocExamples {
  private JavadocExamples() {}

  static void dagCbor(Cid root, byte[] blockBytes) throws IOException {
    // --- Javadoc example ---
    byte[] header = DagCbor.encodeCarV1Header(List.of(root)); // a2 65 "roots" 81 d8 2a 58 25 00 01 … 67 "version" 01
    DagCborValue v = DagCbor.decode(blockBytes);
    List<Cid> children = DagCbor.links(blockBytes);
    // --- end ---
  }

  static void dagCborDecodeOptions(byte[] bytes) throws IOException {
    // --- Javadoc example ---
    DagCborDecodeOptions opts = DagCborDecodeOptions.builder().maxDepth(1024).build();
    DagCborValue v = DagCbor.decode(bytes, opts);
    // --- end ---
  }

  static void dagCborValue(Cid root) {
    // --- Javadoc example ---
    DagCborValue header = MapValue.builder()
        .put("version", IntValue.of(1))
        .put("roots", ListValue.of(LinkValue.of(root)))
        .build();
    byte[] bytes = DagCbor.encode(header);
    // --- end ---
  }

  static void dagPb(Cid child, byte[] unixfsBytes) throws IOException {
    // --- Javadoc example ---
    byte[] block = DagPb.encode(PbNode.of(List.of(PbLink.of(child, "a.txt", 12)), unixfsBytes));
    PbNode node = DagPb.decode(block);          // strict; throws DagPbFormatException
    List<Cid> children = DagPb.links(block);    // just the link CIDs, in order
    // --- end ---
  }

  static void multibase(byte[] bytes) {
    // --- Javadoc example ---
    String s = Multibase.BASE32.encode(bytes);      // "b…"
    byte[] back = Multibase.decodeAny(s);            // any known prefix
    // --- end ---
  }
}
