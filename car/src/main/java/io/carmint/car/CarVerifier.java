package io.carmint.car;

import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.block.DigestTooShortException;
import io.carmint.car.dag.LinkDecoder;
import io.carmint.car.dag.LinkDecoders;
import io.carmint.car.index.CarIndex;
import io.carmint.car.index.IndexRecord;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.DataException;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multihash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a whole CAR in one streaming pass and reports every problem rather than stopping at the first: the
 * structure (as {@link CarReader}), every block's hash, that the header has a root and the root blocks are
 * present, and, unless {@linkplain Builder#partial(boolean) partial}, that the DAG below the roots is complete
 * (each missing CID named). For a CARv2 with an index, the index is checked against the sections.
 *
 * <pre>{@code
 * VerifyReport report = CarVerifier.builder().build().verify(Path.of("upload.car"));
 * report.problems().forEach(System.out::println);
 * }</pre>
 *
 * <p>Memory: one block at a time, plus the CIDs present (about 100 bytes per block) and the links of each block
 * (for the DAG check) as the standard link decoder keeps them, about the CIDs' own bytes plus 4 bytes per link.
 * Immutable and thread-safe; each call reads independently.
 */
public final class CarVerifier {
  private final boolean partial;
  private final CarReadOptions readOptions;
  private final LinkDecoder links;

  private CarVerifier(Builder b) {
    this.partial = b.partial;
    this.readOptions = b.readOptions.toBuilder().verifyHashes(false).build();
    this.links = b.links;
  }

  /** @return a builder: complete DAG check, default limits, standard link decoders */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a CAR file.
   *
   * @param car the CAR file
   * @return the report; problems in the data are in it, never thrown
   * @throws IOException only if the file cannot be read (not found, I/O error)
   */
  public VerifyReport verify(Path car) throws IOException {
    try (InputStream in = Files.newInputStream(car)) {
      return verify(in, Files.size(car));
    }
  }

  /**
   * Verifies a CAR read from a stream (which is not closed).
   *
   * @param in the CAR's bytes
   * @return the report; problems in the data are in it, never thrown
   * @throws IOException only if the stream fails
   */
  public VerifyReport verify(InputStream in) throws IOException {
    return verify(in, -1);
  }

  private VerifyReport verify(InputStream in, long knownSize) throws IOException {
    Run run = new Run();
    CarReader reader;
    try {
      reader = CarReader.open(in, readOptions);
    } catch (DataException | TruncatedCarException e) {
      run.problem(Problem.Kind.FORMAT, e);
      return run.report(0, List.of(), Math.max(knownSize, 0));
    }
    List<Cid> roots = reader.roots();
    if (roots.isEmpty()) {
      run.problem(Problem.Kind.NO_ROOTS, -1, null, "The header lists no root; services reject a CAR without one");
    } else if (roots.size() > NftStorageLimits.ROOTS) {
      run.notes.add("The header lists " + roots.size() + " roots; NFT.Storage accepts exactly "
          + NftStorageLimits.ROOTS);
    }
    long dataOffset = reader.v2Header().map(CarV2Header::dataOffset).orElse(0L);
    List<IndexRecord> indexed = new ArrayList<>();
    boolean complete = true;
    try {
      for (Block b = reader.next(); b != null; b = reader.next()) {
        BlockLocation loc = reader.lastLocation();
        run.block(b, loc);
        indexed.add(new IndexRecord(b.cid().multihash(), loc.offset() - dataOffset));
      }
    } catch (DataException | TruncatedCarException e) {
      run.problem(Problem.Kind.FORMAT, e);
      complete = false;
    }
    for (Cid root : roots) {
      if (!run.present.contains(root.multihash()) && !root.multihash().isIdentity()) {
        run.problem(Problem.Kind.MISSING_ROOT_BLOCK, -1, root, "Root " + root + " has no block in the CAR");
      }
    }
    if (complete && !partial) {
      run.walk(roots);
    } else if (!complete && !partial) {
      run.notes.add("DAG completeness not checked: the CAR could not be read to its end");
    }
    if (complete && reader.v2Header().isPresent()) {
      checkIndex(reader, reader.v2Header().get(), indexed, run, knownSize);
    }
    long size = knownSize >= 0 ? knownSize : reader.position();
    if (run.oversized > 0) {
      run.notes.add(run.oversized + " block(s) above " + NftStorageLimits.MAX_BLOCK_SIZE
          + " bytes, the largest NFT.Storage accepts");
    }
    return run.report(reader.version(), roots, size);
  }

  private void checkIndex(CarReader reader, CarV2Header h, List<IndexRecord> records, Run run, long knownSize)
      throws IOException {
    if (!h.hasIndex()) {
      long rest = knownSize >= 0 ? knownSize - h.dataOffset() - h.dataSize() : reader.drain();
      if (rest > 0) {
        run.problem(Problem.Kind.FORMAT, h.dataOffset() + h.dataSize(), null, rest + " byte(s) follow the CARv2 "
            + "payload at offset " + Car.fmt(h.dataOffset() + h.dataSize()) + ", but the header declares no index");
      }
      return;
    }
    CarIndex index;
    try {
      index = reader.readIndex().orElseThrow();
    } catch (CarIndexException e) {
      if (e.isUnknownCodec()) {
        run.notes.add("Index ignored: " + e.getMessage());
      } else {
        run.problem(Problem.Kind.INDEX, e);
      }
      return;
    } catch (DataException | TruncatedCarException e) {
      run.problem(Problem.Kind.INDEX, h.indexOffset(), null, e.getMessage());
      return;
    }
    if (!CarIndexer.matches(index, records, h.fullyIndexed())) {
      run.problem(Problem.Kind.INDEX, h.indexOffset(), null, CarIndexer.mismatch(index, records, h));
    }
  }

  /** The state of one verification. */
  private final class Run {
    final List<Problem> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Set<Multihash> present = new HashSet<>();
    final Set<Cid> seen = new HashSet<>();
    final Map<Multihash, List<Cid>> linksOf = new HashMap<>();
    final Map<Multihash, Problem> unreadable = new HashMap<>();
    final Map<String, Long> codecs = new HashMap<>();
    final Map<String, Long> hashes = new HashMap<>();
    long blocks;
    long blockBytes;
    long duplicates;
    long minBlock = Long.MAX_VALUE;
    long maxBlock;
    long oversized;
    long reachable;

    void problem(Problem.Kind kind, long offset, Cid cid, String message) {
      problems.add(new Problem(kind, offset, cid, message));
    }

    /** A data error the reader threw (corrupt, cut off, over a limit), at the offset it names. */
    void problem(Problem.Kind kind, IOException e) {
      long offset = e instanceof TruncatedCarException ? ((TruncatedCarException) e).offset()
          : ((DataException) e).offset();
      problem(kind, offset, null, e.getMessage());
    }

    void block(Block b, BlockLocation loc) throws IOException {
      Cid cid = b.cid();
      blocks++;
      blockBytes = Math.addExact(blockBytes, b.length());
      minBlock = Math.min(minBlock, b.length());
      maxBlock = Math.max(maxBlock, b.length());
      if (b.length() > NftStorageLimits.MAX_BLOCK_SIZE) {
        oversized++;
      }
      codecs.merge(cid.codec().name(), 1L, Long::sum);
      hashes.merge(HashFunction.forCode(cid.multihash().code()).map(HashFunction::name)
          .orElse("0x" + Long.toHexString(cid.multihash().code())), 1L, Long::sum);
      if (!seen.add(cid)) {
        duplicates++;
        return;
      }
      try {
        Car.verify(b, loc.offset());
      } catch (BlockIntegrityException e) {
        problem(Problem.Kind.HASH_MISMATCH, loc.offset(), cid, e.getMessage());
        return;
      } catch (UnverifiableBlockException | DigestTooShortException e) {
        problem(Problem.Kind.UNVERIFIABLE_HASH, loc.offset(), cid, e.getMessage());
      }
      present.add(cid.multihash());
      if (partial) {
        return;
      }
      if (!links.supports(cid.codecCode())) {
        unreadable.put(cid.multihash(), new Problem(Problem.Kind.UNKNOWN_CODEC, loc.offset(), cid,
            "Cannot follow the links of " + cid + " at offset " + Car.fmt(loc.offset()) + ": unknown codec "
                + cid.codec() + "; the DAG below it is not checked"));
        return;
      }
      try {
        List<Cid> l = links.links(b);
        if (!l.isEmpty()) {
          linksOf.put(cid.multihash(), l);
        }
      } catch (IOException e) {
        Problem p = new Problem(Problem.Kind.INVALID_BLOCK, loc.offset(), cid, "Block " + cid + " at offset "
            + Car.fmt(loc.offset()) + " is not valid " + cid.codec() + ": " + e.getMessage());
        problems.add(p);
        unreadable.put(cid.multihash(), null);
      }
    }

    /**
     * Walks the DAG from the roots through the links read, naming each block missing. The stack holds one iterator
     * per block on the current path, not every link waiting to be walked: a block of half a million links adds one
     * entry, not half a million CIDs.
     */
    void walk(List<Cid> roots) {
      Set<Multihash> visited = new HashSet<>();
      Set<Multihash> missing = new HashSet<>();
      ArrayDeque<Iterator<Cid>> todo = new ArrayDeque<>();
      todo.push(roots.iterator());
      while (!todo.isEmpty()) {
        Iterator<Cid> top = todo.peek();
        if (!top.hasNext()) {
          todo.pop();
          continue;
        }
        Cid cid = top.next();
        Multihash mh = cid.multihash();
        if (!visited.add(mh)) {
          continue;
        }
        if (!present.contains(mh)) {
          if (!mh.isIdentity() && missing.add(mh) && !roots.contains(cid)) {
            problem(Problem.Kind.MISSING_BLOCK, -1, cid, "Block " + cid + " is linked from the DAG but missing");
          }
          continue;
        }
        reachable++;
        if (unreadable.containsKey(mh)) {
          Problem p = unreadable.get(mh);
          if (p != null) {
            problems.add(p);
          }
          continue;
        }
        List<Cid> l = linksOf.get(mh);
        if (l != null) {
          todo.push(l.iterator());
        }
      }
    }

    VerifyReport report(int version, List<Cid> roots, long size) {
      CarStats stats = new CarStats(size, blocks, blockBytes, duplicates, blocks == 0 ? 0 : minBlock, maxBlock,
          codecs, hashes);
      long unreachable = partial ? 0 : present.size() - reachable;
      return new VerifyReport(version, roots, stats, partial, partial ? 0 : reachable, Math.max(0, unreachable),
          problems, notes);
    }
  }

  /** Builds a {@link CarVerifier}; not thread-safe. */
  public static final class Builder {
    private boolean partial;
    private CarReadOptions readOptions = CarReadOptions.DEFAULTS;
    private LinkDecoder links = LinkDecoders.standard();

    private Builder() {}

    /**
     * @param partial whether to check hashes only, not DAG completeness: for one piece of a split upload, whose DAG
     *     is complete only together with the other pieces (default false)
     * @return this builder
     */
    public Builder partial(boolean partial) {
      this.partial = partial;
      return this;
    }

    /**
     * @param options limits for reading (hashes are always checked, whatever {@code verifyHashes} says)
     * @return this builder
     */
    public Builder readOptions(CarReadOptions options) {
      this.readOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * @param decoder how links are read (default {@link LinkDecoders#standard()})
     * @return this builder
     */
    public Builder linkDecoder(LinkDecoder decoder) {
      this.links = Objects.requireNonNull(decoder, "decoder");
      return this;
    }

    /** @return the verifier */
    public CarVerifier build() {
      return new CarVerifier(this);
    }
  }
}
