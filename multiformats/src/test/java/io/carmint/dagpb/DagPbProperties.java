package io.carmint.dagpb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DagPbProperties {
  @Provide
  Arbitrary<PbNode> nodes() {
    Arbitrary<Cid> cids = Arbitraries.bytes().array(byte[].class).ofMaxSize(40).flatMap(seed ->
        Arbitraries.of(0, 1, 2).map(kind -> {
          var mh = HashFunction.SHA2_256.digest(seed);
          return kind == 0 ? Cid.v0(mh) : Cid.v1(kind == 1 ? Multicodec.RAW : Multicodec.DAG_PB, mh);
        }));
    Arbitrary<Optional<String>> names = Arbitraries.strings().ofMaxLength(20)
        .filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF))
        .optional(0.8);
    Arbitrary<OptionalLong> tsizes = Arbitraries.longs().between(0, Long.MAX_VALUE)
        .map(OptionalLong::of).injectNull(0.2).map(t -> t == null ? OptionalLong.empty() : t);
    Arbitrary<PbLink> links = Combinators.combine(cids, names, tsizes).as(PbLink::new);
    Arbitrary<Optional<Bytes>> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(Bytes::of).optional();
    return Combinators.combine(links.list().ofMaxSize(8), data).as((l, d) -> {
      List<PbLink> sorted = new ArrayList<>(l);
      sorted.sort(PbLink.NAME_ORDER);
      return new PbNode(sorted, d);
    });
  }

  @Property(tries = 500)
  void roundTrip(@ForAll("nodes") PbNode node) throws DagPbFormatException {
    byte[] block = DagPb.encode(node);
    assertEquals(block.length, DagPb.encodedLength(node));
    PbNode back = DagPb.decode(block);
    assertEquals(node, back);
    assertEquals(node.hashCode(), back.hashCode());
    assertArrayEquals(block, DagPb.encode(back));
    assertEquals(node.links().stream().map(PbLink::hash).toList(), DagPb.links(block));
    check(block);
  }

  @Property(tries = 300)
  void equalNodesHaveEqualBytesAndDifferentNodesDifferentBytes(@ForAll("nodes") PbNode a, @ForAll("nodes") PbNode b) {
    if (a.equals(b)) {
      assertArrayEquals(DagPb.encode(a), DagPb.encode(b));
      assertEquals(a.hashCode(), b.hashCode());
    } else {
      assertNotEquals(Arrays.toString(DagPb.encode(a)), Arrays.toString(DagPb.encode(b)));
    }
  }

  /** Any bytes either decode to a node that re-encodes to exactly those bytes, or throw DagPbFormatException. */
  @Property
  void arbitraryBytesDecodeCanonicallyOrThrowOnlyDagPbFormatException(@ForAll @Size(max = 200) byte[] bytes) {
    check(bytes);
  }

  /** The same for near-valid blocks: a valid encoding with one byte changed, or cut short. */
  @Property
  void corruptedBlocksDecodeCanonicallyOrThrowOnlyDagPbFormatException(@ForAll("nodes") PbNode node,
      @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll byte value, @ForAll boolean truncate) {
    byte[] block = DagPb.encode(node);
    if (block.length == 0) {
      return;
    }
    int i = where % block.length;
    byte[] bad = truncate ? Arrays.copyOf(block, i) : block.clone();
    if (!truncate) {
      bad[i] = value;
    }
    check(bad);
  }

  /**
   * Decoding is canonical, and the lazy view ({@link DagPb#view}) accepts exactly what decoding accepts, failing at
   * the same offset with the same message, and holds the same node.
   */
  private static void check(byte[] bytes) {
    PbNode node;
    try {
      node = DagPb.decode(bytes);
    } catch (DagPbFormatException e) {
      DagPbFormatException v = assertThrows(DagPbFormatException.class, () -> DagPb.view(ByteBuffer.wrap(bytes)));
      assertEquals(e.getMessage(), v.getMessage());
      assertEquals(e.offset(), v.offset());
      return;
    }
    assertArrayEquals(bytes, DagPb.encodeInGivenOrder(node), "strict decoding accepts only the canonical form");
    PbNodeView view = assertDoesNotThrow(() -> DagPb.view(ByteBuffer.wrap(bytes)));
    assertEquals(node, view.toNode());
    assertEquals(node.links().size(), view.linkCount());
    assertEquals(node.links().stream().map(PbLink::hash).toList(), assertDoesNotThrow(() -> DagPb.links(bytes)));
  }
}
