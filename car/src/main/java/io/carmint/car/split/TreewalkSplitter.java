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
import io.carmint.multiformats.Multihash;
import io.carmint.multiformats.Varint;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
 * its links and the set of CIDs written, so CARs larger than memory split fine. Immutable and thread-safe.
 */
public final class TreewalkSplitter {
  /** Default piece size: {@link NftStorageLimits#DEFAULT_PIECE_SIZE}, 50 MiB, as the nft.storage JS client. */
  public static final long DEFAULT_MAX_PIECE_SIZE = NftStorageLimits.DEFAULT_PIECE_SIZE;

  private final long maxPieceSize;
  private final LinkDecoder links;
  private final boolean carbites;
  private final CarWriteOptions writeOptions;

  /** Where pieces go: one channel per piece, closed by the splitter when the piece is complete. */
  @FunctionalInterface
  public interface PieceOutput {
    /**
     * @return a channel for piece number {@code index} (0, 1, …)
     * @throws IOException if it cannot be opened (the split fails with it)
     */
    WritableByteChannel open(int index) throws IOException;
  }

  private TreewalkSplitter(Builder b) {
    this.maxPieceSize = b.maxPieceSize;
    this.links = b.links;
    this.carbites = b.carbites;
    this.writeOptions = CarWriteOptions.builder().deduplicate(!b.carbites).build();
  }

  /** @return a builder: 50 MiB pieces, standard link decoders */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Splits into files {@code dir/<baseName>-<n>.car}, n from 0 (the directory is created if needed).
   *
   * <p>All or nothing: pieces are written under temporary names ({@code .<baseName>-<n>.car.part}) and renamed to
   * their final names, replacing files of those names, only once every piece is complete. If the split fails,
   * the temporary files are removed and nothing in {@code dir} has changed.
   *
   * @throws IOException as {@link #split(CarFile, PieceOutput)}
   */
  public SplitResult split(CarFile car, Path dir, String baseName) throws IOException {
    Files.createDirectories(dir);
    List<Path> parts = new ArrayList<>();
    SplitResult result;
    try {
      result = split(car, i -> {
        Path part = dir.resolve("." + pieceName(baseName, i) + ".part");
        parts.add(part);
        return FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
      });
      for (int i = 0; i < parts.size(); i++) {
        Files.move(parts.get(i), dir.resolve(pieceName(baseName, i)), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException | RuntimeException e) {
      for (Path part : parts) {
        try {
          Files.deleteIfExists(part);
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
    return result;
  }

  /** @return the file name of piece {@code index}: {@code <baseName>-<index>.car} */
  public static String pieceName(String baseName, int index) {
    return String.format(Locale.ROOT, "%s-%d.car", baseName, index);
  }

  /**
   * Splits {@code car} into pieces written to {@code out}.
   *
   * @throws SplitException if the CAR has not exactly one root, or a reachable block is missing or has a codec
   *     the link decoder lacks
   * @throws LimitExceededException if a block with its ancestors and the header does not fit in one piece
   *     ({@code TreewalkSplitter.Builder.maxPieceSize})
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
    Walk walk = new Walk(car, roots.get(0), out);
    walk.run();
    Set<Multihash> distinct = new HashSet<>();
    for (BlockLocation loc : car.locations()) {
      distinct.add(loc.cid().multihash());
    }
    return new SplitResult(walk.pieces, walk.visited.size(), Math.max(0, distinct.size() - walk.writtenHashes.size()));
  }

  private static long sectionSize(Block b) {
    long len = (long) b.cid().byteLength() + b.length();
    return Varint.encodedLength(len) + len;
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
    final long headerSize;
    final List<Piece> pieces = new ArrayList<>();
    final Set<Cid> visited = new HashSet<>();
    final Set<Multihash> writtenHashes = new HashSet<>();
    final Deque<Frame> path = new ArrayDeque<>();
    WritableByteChannel channel;
    CarWriter writer;
    long size;
    long blocks;
    long ancestors;
    boolean hasNew;

    Walk(CarFile car, Cid root, PieceOutput out) {
      this.car = car;
      this.root = root;
      this.out = out;
      this.headerSize = CarHeader.of(root).encodedLength();
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
      return car.get(cid).orElseThrow(() -> new SplitException("Missing block for " + cid
          + ": the DAG below the root is incomplete (CarVerifier names every missing block)"));
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
      writer.put(block);
      writtenHashes.add(block.cid().multihash());
      size += section;
      blocks++;
      hasNew = true;
      if (!links.supports(block.cid().codecCode())) {
        throw new SplitException("Cannot walk the DAG: " + new UnsupportedCodecException(block.cid()).getMessage());
      }
      path.push(new Frame(block, links.links(block)));
    }

    private void openPiece() throws IOException {
      channel = out.open(pieces.size());
      writer = CarWriter.create(channel, List.of(root), writeOptions);
      size = carbites ? 0 : headerSize;
      blocks = 0;
      ancestors = 0;
      hasNew = false;
      Iterator<Frame> fromRoot = path.descendingIterator();
      while (fromRoot.hasNext()) {
        Block a = fromRoot.next().block;
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
    private LinkDecoder links = LinkDecoders.standard();
    private boolean carbites;

    private Builder() {}

    /**
     * @param compatible whether to reproduce carbites 2.0's {@code TreewalkCarSplitter} byte for byte: the piece
     *     size is a target on block bytes only (a piece is cut when its block bytes plus the next block's reach it,
     *     so pieces exceed it by their varints, CIDs and header, and a big block gets a piece of its own), and a
     *     block is written every time it is linked. Default false.
     */
    public Builder carbitesCompatible(boolean compatible) {
      this.carbites = compatible;
      return this;
    }

    /** @param bytes largest piece, header included (default {@value TreewalkSplitter#DEFAULT_MAX_PIECE_SIZE}) */
    public Builder maxPieceSize(long bytes) {
      if (bytes < 64) {
        throw new IllegalArgumentException("maxPieceSize must be at least 64 bytes, got " + bytes);
      }
      this.maxPieceSize = bytes;
      return this;
    }

    /** @param decoder how links are read (default {@link LinkDecoders#standard()}) */
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
