package io.carmint.car.split;

import io.carmint.block.Block;
import io.carmint.car.BlockLocation;
import io.carmint.car.CarFile;
import io.carmint.car.CarHeader;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.car.NftStorageLimits;
import io.carmint.car.dag.LinkDecoder;
import io.carmint.car.dag.LinkDecoders;
import io.carmint.car.dag.UnsupportedCodecException;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import io.carmint.multiformats.Varint;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Splits a CAR into CARv1 pieces of at most {@link Builder#maxPieceSize(long) maxPieceSize} bytes each (header,
 * varints and CIDs included) with the treewalk rule NFT.Storage requires for uploads above 100 MB:
 *
 * <ul>
 *   <li>the DAG is walked depth-first, pre-order, from the single root, links in block order;
 *   <li>every piece has the same root in its header;
 *   <li>a new piece starts, when the next block would not fit, with the chain of ancestors of that block (root …
 *       parent), so every block of a piece is reachable from the root within the piece;
 *   <li>a block is written once: into the piece being filled when the walk first reaches it (ancestors are repeated
 *       at the head of later pieces, but never twice in one piece).
 * </ul>
 *
 * <pre>
 *  root                    piece 0: root A a1 a2        (DFS pre-order until full)
 *  ├─ A ─ a1 a2 a3         piece 1: root A a3 B b1      (ancestors root, A repeated first)
 *  └─ B ─ b1 b2            piece 2: root B b2
 * </pre>
 *
 * <p>Differences from carbites 2.0 (the nft.storage client's splitter): sizes count whole piece bytes, not block
 * bytes only, so a piece never exceeds the limit (a block that cannot fit with its ancestors is a
 * {@link LimitExceededException}); a block linked twice is written once, not once per link. With
 * {@link Builder#carbitesCompatible(boolean) carbitesCompatible(true)} the pieces are byte-identical to carbites'
 * instead.
 *
 * <p>Blocks are read from the {@link CarFile} as the walk reaches them (and hashed); memory is the ancestor chain,
 * its links and the set of CIDs written, so CARs larger than memory split fine. Immutable and thread-safe (a
 * {@link Builder#progress progress} listener shared by splits running at once hears from each of their threads).
 *
 * <p><b>Output bound.</b> The pieces hold at most {@link Builder#maxTotalSize maxTotalSize} bytes in all, by
 * default {@value #DEFAULT_MAX_EXPANSION} times the CAR's size, at least 1 GiB. A split writes about its input, plus
 * the ancestors repeated at the head of each piece; but a carbites-compatible split writes a block every time it is
 * linked, so a DAG of a few kilobytes that links one sub-DAG from many places would expand to terabytes. That total
 * is counted first, from the distinct blocks (each block's links read once, the expanded size of each kept by
 * multihash), and refused before any piece is written; the bytes written are counted too, and a split that would
 * pass the bound stops there.
 */
public final class TreewalkSplitter {
  /** Default piece size: {@link NftStorageLimits#DEFAULT_PIECE_SIZE}, 50 MiB, as the nft.storage JS client. */
  public static final long DEFAULT_MAX_PIECE_SIZE = NftStorageLimits.DEFAULT_PIECE_SIZE;
  /**
   * The automatic output bound's ratio: the pieces may hold 1,024 times the CAR's size. A split writes about its
   * input; more than a thousand times it means blocks repeated (a carbites-compatible split of a DAG linking the
   * same blocks many times), and {@link #MIN_AUTOMATIC_TOTAL_SIZE} lets any CAR expand to 1 GiB.
   */
  public static final long DEFAULT_MAX_EXPANSION = 1024;
  /** The automatic output bound's floor: 1 GiB, whatever the CAR's size. */
  public static final long MIN_AUTOMATIC_TOTAL_SIZE = 1L << 30;

  private final long maxPieceSize;
  private final long maxTotalSize; // -1: automatic
  private final LinkDecoder links;
  private final boolean carbites;
  private final CarWriteOptions writeOptions;
  private final Progress progress; // null: no one listens, so the expected total is not counted

  /** Where pieces go: one channel per piece, closed by the splitter when the piece is complete. */
  @FunctionalInterface
  public interface PieceOutput {
    /**
     * @param index the piece's number, from 0
     * @return a channel for piece number {@code index} (0, 1, …)
     * @throws IOException if it cannot be opened (the split fails with it)
     */
    WritableByteChannel open(int index) throws IOException;
  }

  /**
   * Told how a split advances, for a progress display ({@link Builder#progress}). Calls come on the thread running
   * {@code split}, one at a time; one that throws stops the split with its exception (and a split into a directory
   * removes its pieces, as for any failure).
   */
  @FunctionalInterface
  public interface Progress {
    /**
     * Called once with {@code blockBytes} 0 before any piece is opened, then after each block the walk writes as it
     * reaches it. The ancestors repeated at the head of a piece and the piece headers are not counted: they are
     * overhead the walk adds, not input it has got through.
     *
     * @param blockBytes bytes of block sections (varint, CID and data) written so far; never decreases
     * @param expectedBytes what {@code blockBytes} reaches when the split ends, counted before anything is written
     *     and the same in every call: the sections of the CAR's distinct blocks (one per CID); for a
     *     {@link Builder#carbitesCompatible carbites-compatible} split, which writes a block each time it is linked,
     *     the expanded size it counts for the output bound. {@code blockBytes} ends below it when the CAR holds
     *     blocks that are not reachable from the root (they are not written), and could pass it only for a
     *     carbites-compatible split of a DAG where two CIDs share one multihash (the expansion is counted by
     *     multihash); a display should cap it
     */
    void onProgress(long blockBytes, long expectedBytes);
  }

  private TreewalkSplitter(Builder b) {
    this.maxPieceSize = b.maxPieceSize;
    this.maxTotalSize = b.maxTotalSize;
    this.links = b.links;
    this.carbites = b.carbites;
    this.writeOptions = CarWriteOptions.builder().deduplicate(!b.carbites).build();
    this.progress = b.progress;
  }

  /** @return a builder: 50 MiB pieces, standard link decoders */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Splits into files {@code dir/<baseName>-<n>.car}, n from 0 (the directory is created if needed).
   *
   * <p>All or nothing: pieces are written into a new temporary directory in {@code dir}
   * ({@code .carmint-split-<random>}, each piece created exclusively) and moved to their final names, replacing
   * files of those names, only once every piece is complete. If the split fails, whatever the failure (an error
   * included), the temporary directory is removed and nothing in {@code dir} has changed; a {@code dir} the split
   * created (with its missing parents) is removed too.
   *
   * @param car the CAR to split, one root
   * @param dir where the pieces go
   * @param baseName the pieces' name before {@code -<n>.car}
   * @return the pieces and counts
   * @throws IOException as {@link #split(CarFile, PieceOutput)}
   */
  public SplitResult split(CarFile car, Path dir, String baseName) throws IOException {
    List<Path> made = new ArrayList<>(); // the directories created for dir, deepest first
    for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
      made.add(p);
    }
    Files.createDirectories(dir);
    List<Path> parts = new ArrayList<>();
    Path staging = null;
    boolean done = false;
    try {
      staging = Files.createTempDirectory(dir, ".carmint-split-");
      Path into = staging;
      SplitResult result = split(car, i -> {
        Path part = into.resolve(pieceName(baseName, i));
        parts.add(part);
        return FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      });
      for (int i = 0; i < parts.size(); i++) {
        Files.move(parts.get(i), dir.resolve(pieceName(baseName, i)), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      Files.delete(staging);
      done = true;
      return result;
    } finally {
      if (!done) {
        removeAfterFailure(staging, parts, made);
      }
    }
  }

  /**
   * Deletes the staging directory, the pieces in it and the directories made for the output, after a failure (which
   * stays the one thrown).
   */
  private static void removeAfterFailure(Path staging, List<Path> parts, List<Path> made) {
    try {
      for (Path part : parts) {
        Files.deleteIfExists(part);
      }
      if (staging != null) {
        Files.deleteIfExists(staging);
      }
      for (Path dir : made) {
        Files.deleteIfExists(dir);
      }
    } catch (IOException ignored) {
      // The split's own failure is what is reported; what cannot be removed is left behind.
    }
  }

  /**
   * @param baseName the pieces' name before {@code -<n>.car}
   * @param index the piece's number, from 0
   * @return the file name of piece {@code index}: {@code <baseName>-<index>.car}
   */
  public static String pieceName(String baseName, int index) {
    return String.format(Locale.ROOT, "%s-%d.car", baseName, index);
  }

  /**
   * Splits {@code car} into pieces written to {@code out}.
   *
   * @param car the CAR to split, one root
   * @param out opens each piece
   * @return the pieces and counts
   * @throws SplitException if the CAR has not exactly one root, or a reachable block is missing or has a codec
   *     the link decoder lacks
   * @throws LimitExceededException if a block with its ancestors and the header does not fit in one piece
   *     ({@code TreewalkSplitter.Builder.maxPieceSize}), or the pieces would hold more than the output bound
   *     ({@code TreewalkSplitter.Builder.maxTotalSize}; for a carbites-compatible split, found before writing)
   * @throws io.carmint.block.BlockIntegrityException if a block read does not match its CID
   * @throws IOException if reading a block or writing a piece fails (a block that is not valid for its codec gives
   *     that codec's format exception)
   */
  public SplitResult split(CarFile car, PieceOutput out) throws IOException {
    List<Cid> roots = car.roots();
    if (roots.size() != 1) {
      throw new SplitException("Cannot split a CAR with " + roots.size() + " roots by the treewalk rule: it needs "
          + "exactly one");
    }
    long bound = maxTotalSize(car);
    long expected = -1;
    if (carbites) {
      expected = new Expansion(car, bound).check(roots.get(0));
    } else if (progress != null) {
      expected = distinctSections(car);
    }
    if (progress != null) {
      progress.onProgress(0, expected);
    }
    Walk walk = new Walk(car, roots.get(0), out, bound, expected);
    walk.run();
    Set<Multihash> distinct = new HashSet<>();
    for (BlockLocation loc : car.locations()) {
      distinct.add(loc.cid().multihash());
    }
    return new SplitResult(walk.pieces, walk.visited.size(), Math.max(0, distinct.size() - walk.writtenHashes.size()));
  }

  /** @return the bytes of the sections of the CAR's blocks, a CID held twice counted once */
  private static long distinctSections(CarFile car) {
    Set<Cid> seen = new HashSet<>();
    long sum = 0;
    for (BlockLocation loc : car.locations()) {
      if (seen.add(loc.cid())) {
        sum = saturatedAdd(sum, sectionSize(loc.cid(), loc.blockLength()));
      }
    }
    return sum;
  }

  /** @return the output bound for {@code car}: the configured one, or the automatic one */
  long maxTotalSize(CarFile car) {
    if (maxTotalSize >= 0) {
      return maxTotalSize;
    }
    long expanded = car.size() > Long.MAX_VALUE / DEFAULT_MAX_EXPANSION ? Long.MAX_VALUE
        : car.size() * DEFAULT_MAX_EXPANSION;
    return Math.max(MIN_AUTOMATIC_TOTAL_SIZE, expanded);
  }

  private String boundOrigin(CarFile car) {
    return maxTotalSize >= 0 ? "" : String.format(Locale.ROOT, " (the automatic bound: %,d times the CAR's %,d bytes, "
        + "at least 1 GiB)", DEFAULT_MAX_EXPANSION, car.size());
  }

  private static long sectionSize(Block b) {
    return sectionSize(b.cid(), b.length());
  }

  private static long sectionSize(Cid cid, long blockLength) {
    long len = cid.byteLength() + blockLength;
    return Varint.encodedLength(len) + len;
  }

  static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  /**
   * The bytes of blocks a carbites-compatible split writes (every block each time the walk reaches it), counted
   * before writing: each block's links are read once and the expanded size below it kept by multihash, so a DAG
   * linking one sub-DAG from many places costs a walk of its distinct blocks. Raw blocks, which have no links, are
   * sized from the CAR's index without being read.
   */
  private final class Expansion {
    final CarFile car;
    final long bound;
    final Map<Multihash, Long> below = new HashMap<>();

    Expansion(CarFile car, long bound) {
      this.car = car;
      this.bound = bound;
    }

    /** A block being counted: its links still to count, and the total so far. */
    private final class Frame {
      final Cid cid;
      final Iterator<Cid> next;
      long total;

      Frame(Block block) throws IOException {
        this.cid = block.cid();
        if (!links.supports(block.cid().codecCode())) {
          throw new SplitException("Cannot walk the DAG: " + new UnsupportedCodecException(block.cid()).getMessage());
        }
        this.next = links.links(block).iterator();
        this.total = sectionSize(block);
      }
    }

    /** @return the bytes of the sections the split writes as its walk reaches them */
    long check(Cid root) throws IOException {
      ArrayDeque<Frame> stack = new ArrayDeque<>();
      stack.push(new Frame(fetch(root)));
      while (true) {
        Frame f = stack.peek();
        if (!f.next.hasNext()) {
          stack.pop();
          below.put(f.cid.multihash(), f.total);
          if (stack.isEmpty()) {
            return f.total;
          }
          add(stack.peek(), f.total);
          continue;
        }
        Cid child = f.next.next();
        Long known = below.get(child.multihash());
        if (known != null) {
          add(f, known);
        } else if (child.multihash().isIdentity() && car.location(child).isEmpty()) {
          continue; // not written: the walk skips identity CIDs the CAR does not hold
        } else if (child.codecCode() == Multicodec.RAW.code()) {
          long length = car.location(child).map(BlockLocation::blockLength).orElseThrow(() -> missing(child));
          add(f, sectionSize(child, length));
        } else {
          stack.push(new Frame(fetch(child)));
        }
      }
    }

    private void add(Frame f, long bytes) throws LimitExceededException {
      f.total = saturatedAdd(f.total, bytes);
      if (f.total > bound) { // a part of the output already over the bound: the whole is too
        throw new LimitExceededException(String.format(Locale.ROOT, "Split refused before writing: a "
            + "carbites-compatible split writes a block each time it is linked, and the blocks under %s alone "
            + "make %s bytes%s", f.cid, f.total == Long.MAX_VALUE ? "2^63-1 or more"
            : String.format(Locale.ROOT, "%,d", f.total), boundOrigin(car)), "TreewalkSplitter.Builder.maxTotalSize",
            bound, f.total, -1);
      }
    }

    private Block fetch(Cid cid) throws IOException {
      return car.get(cid).orElseThrow(() -> missing(cid));
    }
  }

  private static SplitException missing(Cid cid) {
    return new SplitException("Missing block for " + cid
        + ": the DAG below the root is incomplete (CarVerifier names every missing block)");
  }

  /** One node on the path from the root: its block and the links still to walk. */
  private static final class Frame {
    final Block block;
    final Iterator<Cid> next;

    Frame(Block block, List<Cid> links) {
      this.block = block;
      this.next = links.iterator();
    }
  }

  /** The state of one split. */
  private final class Walk {
    final CarFile car;
    final Cid root;
    final PieceOutput out;
    final long bound;
    final long expected;
    final long headerSize;
    final List<Piece> pieces = new ArrayList<>();
    final Set<Cid> visited = new HashSet<>();
    final Set<Multihash> writtenHashes = new HashSet<>();
    final Deque<Frame> path = new ArrayDeque<>();
    WritableByteChannel channel;
    CarWriter writer;
    long size;
    long total; // bytes written in all pieces, headers included
    long blocks;
    long ancestors;
    boolean hasNew;
    long reached; // section bytes of the blocks written as the walk reached them, for the progress

    Walk(CarFile car, Cid root, PieceOutput out, long bound, long expected) {
      this.car = car;
      this.root = root;
      this.out = out;
      this.bound = bound;
      this.expected = expected;
      this.headerSize = CarHeader.of(root).encodedLength();
    }

    /** Counts {@code bytes} about to be written, refusing to pass the output bound. */
    private void count(long bytes) throws LimitExceededException {
      if (bytes > bound - total) {
        throw new LimitExceededException(String.format(Locale.ROOT, "Split stopped: the pieces would hold more than "
            + "%,d bytes in all%s (%,d written in %d piece(s))", bound, boundOrigin(car), total, pieces.size() + 1),
            "TreewalkSplitter.Builder.maxTotalSize", bound, saturatedAdd(total, bytes), -1);
      }
      total += bytes;
    }

    void run() throws IOException {
      try {
        visited.add(root);
        visit(fetch(root));
        while (!path.isEmpty()) {
          Frame top = path.peek();
          if (!top.next.hasNext()) {
            path.pop();
            continue;
          }
          Cid child = top.next.next();
          if ((!carbites && visited.contains(child))
              || (child.multihash().isIdentity() && car.location(child).isEmpty())) {
            continue;
          }
          visited.add(child);
          visit(fetch(child));
        }
        closePiece();
      } finally {
        if (channel != null) {
          channel.close();
        }
      }
    }

    private Block fetch(Cid cid) throws IOException {
      return car.get(cid).orElseThrow(() -> missing(cid));
    }

    private void visit(Block block) throws IOException {
      long section = carbites ? block.length() : sectionSize(block);
      if (writer == null) {
        openPiece();
      } else if (carbites ? size > 0 && size + section >= maxPieceSize : hasNew && size + section > maxPieceSize) {
        closePiece();
        openPiece();
      }
      if (!carbites && size + section > maxPieceSize) {
        throw new LimitExceededException(String.format(Locale.ROOT, "Cannot split: block %s (%,d bytes) with its %d "
            + "ancestor(s) and the header needs a piece of %,d bytes", block.cid(), block.length(), path.size(),
            size + section), "TreewalkSplitter.Builder.maxPieceSize", maxPieceSize, size + section, -1);
      }
      long sectionBytes = sectionSize(block);
      count(sectionBytes);
      writer.put(block);
      writtenHashes.add(block.cid().multihash());
      size += section;
      blocks++;
      hasNew = true;
      if (progress != null) {
        reached += sectionBytes;
        progress.onProgress(reached, expected);
      }
      if (!links.supports(block.cid().codecCode())) {
        throw new SplitException("Cannot walk the DAG: " + new UnsupportedCodecException(block.cid()).getMessage());
      }
      path.push(new Frame(block, links.links(block)));
    }

    private void openPiece() throws IOException {
      count(headerSize);
      channel = out.open(pieces.size());
      writer = CarWriter.create(channel, List.of(root), writeOptions);
      size = carbites ? 0 : headerSize;
      blocks = 0;
      ancestors = 0;
      hasNew = false;
      Iterator<Frame> fromRoot = path.descendingIterator();
      while (fromRoot.hasNext()) {
        Block a = fromRoot.next().block;
        count(sectionSize(a));
        writer.put(a);
        size += carbites ? a.length() : sectionSize(a);
        blocks++;
        ancestors++;
      }
    }

    private void closePiece() throws IOException {
      writer.finish();
      writer.close();
      channel.close();
      channel = null;
      pieces.add(new Piece(pieces.size(), root, blocks, ancestors, writer.size()));
      writer = null;
    }
  }

  /** Builds a {@link TreewalkSplitter}; not thread-safe. */
  public static final class Builder {
    private long maxPieceSize = DEFAULT_MAX_PIECE_SIZE;
    private long maxTotalSize = -1; // automatic
    private LinkDecoder links = LinkDecoders.standard();
    private boolean carbites;
    private Progress progress;

    private Builder() {}

    /**
     * @param progress told the bytes of blocks written against the bytes expected, as {@link Progress} says; for a
     *     progress display. Default: no one, and then the expected bytes are not counted (a carbites-compatible
     *     split counts them anyway, for its output bound)
     * @return this builder
     */
    public Builder progress(Progress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * @param compatible whether to reproduce carbites 2.0's {@code TreewalkCarSplitter} byte for byte: the piece
     *     size is a target on block bytes only (a piece is cut when its block bytes plus the next block's reach it,
     *     so pieces exceed it by their varints, CIDs and header, and a big block gets a piece of its own), and a
     *     block is written every time it is linked. Default false.
     * @return this builder
     */
    public Builder carbitesCompatible(boolean compatible) {
      this.carbites = compatible;
      return this;
    }

    /**
     * @param bytes largest piece, header included (default {@value TreewalkSplitter#DEFAULT_MAX_PIECE_SIZE})
     * @return this builder
     */
    public Builder maxPieceSize(long bytes) {
      if (bytes < 64) {
        throw new IllegalArgumentException("maxPieceSize must be at least 64 bytes, got " + bytes);
      }
      this.maxPieceSize = bytes;
      return this;
    }

    /**
     * @param bytes most bytes the pieces may hold in all, headers included. Default: automatic,
     *     {@value TreewalkSplitter#DEFAULT_MAX_EXPANSION} times the CAR's size, at least
     *     {@link TreewalkSplitter#MIN_AUTOMATIC_TOTAL_SIZE} (1 GiB). A value set here is used as it is.
     * @throws IllegalArgumentException if negative
     * @return this builder
     */
    public Builder maxTotalSize(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxTotalSize must be at least 0, got " + bytes);
      }
      this.maxTotalSize = bytes;
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

    /** @return the splitter */
    public TreewalkSplitter build() {
      return new TreewalkSplitter(this);
    }
  }
}
