package io.carmint.unixfs.importer;

import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Varint;
import io.carmint.unixfs.chunk.Chunker;
import io.carmint.unixfs.chunk.FixedSizeChunker;
import io.carmint.unixfs.hamt.HamtShard;
import io.carmint.unixfs.layout.BalancedLayout;
import io.carmint.unixfs.layout.FileLayout;
import io.carmint.unixfs.layout.TrickleLayout;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Every setting that decides which DAG (and so which CID) an import makes: a named preset reproducing one
 * reference tool, overridable option by option.
 *
 * <table>
 * <caption>Presets</caption>
 * <tr><th>name</th><th>reproduces</th><th>chunks</th><th>width</th><th>leaves</th><th>CID</th><th>HAMT when</th>
 *     <th>tree from disk</th></tr>
 * <tr><td>{@code ipfs-car} (default)</td><td>{@code ipfs-car pack} 1.x–3.x, w3up</td><td>1 MiB</td><td>1024</td>
 *     <td>raw</td><td>v1</td><td>&gt; 1000 entries</td><td>files only: symlinks, empty directories dropped;
 *     common directory prefix stripped</td></tr>
 * <tr><td>{@code nft.storage}</td><td>the nft.storage JS client 7.x {@code encodeBlob}/{@code encodeDirectory}</td>
 *     <td>256 KiB</td><td>174</td><td>raw</td><td>v1</td><td>&ge; 1000 entries</td><td>files only; the client's
 *     path trimming ({@link PathRules#NFT_STORAGE_CLIENT})</td></tr>
 * <tr><td>{@code unixfs-v1-2025}</td><td>IPIP-499</td><td>1 MiB</td><td>1024</td><td>raw</td><td>v1</td>
 *     <td>block &gt; 256 KiB</td><td rowspan="3">Kubo: empty directories kept, symlinks stored as UnixFS
 *     symlinks</td></tr>
 * <tr><td>{@code unixfs-v0-2015} (alias {@code kubo})</td><td>{@code ipfs add} defaults, IPIP-499</td>
 *     <td>256 KiB</td><td>174</td><td>dag-pb</td><td>v0</td><td>links-bytes &gt; 256 KiB</td></tr>
 * <tr><td>{@code kubo-v1}</td><td>{@code ipfs add --cid-version=1}</td><td>256 KiB</td><td>174</td><td>raw</td>
 *     <td>v1</td><td>links-bytes &gt; 256 KiB</td></tr>
 * <tr><td>{@code kubo-trickle}</td><td>{@code ipfs add --trickle}</td><td>256 KiB</td><td>174, trickle</td>
 *     <td>dag-pb</td><td>v0</td><td>links-bytes &gt; 256 KiB</td><td>as Kubo</td></tr>
 * </table>
 *
 * <p>Each preset's CIDs are checked against its reference tool's output (the reference vectors in
 * {@code testdata/vectors}). Kubo's configuration profiles map to these: {@code legacy-cid-v0} is
 * {@code unixfs-v0-2015}; Kubo's {@code unixfs-v1-2025} is IPIP-499's. Kubo's older {@code test-cids}
 * ({@code test-cid-v1}, {@code test-cid-v1-wide}) profiles have no preset: no reference output of theirs was available
 * to check against; build them with {@link #toBuilder()}.
 *
 * <p>All presets: sha2-256, balanced layout (but {@code kubo-trickle}), HAMT fanout 256, hidden entries (names
 * starting with {@code .}) skipped, no wrapping directory. Not supported: mode/mtime metadata, inline (identity) CIDs, rabin/buzhash
 * chunking.
 *
 * <pre>{@code
 * ImportProfile p = ImportProfile.forName("kubo").toBuilder()
 *     .chunker(new FixedSizeChunker(1 << 20))
 *     .cidVersion(1)          // Kubo's rule: CIDv1 switches on raw leaves unless rawLeaves(...) is set
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the preset this profile is, or was derived from
 * @param chunker how files are cut into leaves
 * @param layout how leaves are arranged (balanced or trickle, with the maximum links per node)
 * @param rawLeaves leaves are raw blocks (codec 0x55, always CIDv1) rather than dag-pb UnixFS File nodes
 * @param cidVersion 0 or 1 for dag-pb nodes
 * @param hashFunction the multihash function of every block
 * @param sharding when a directory becomes a HAMT
 * @param hamtFanout HAMT buckets per shard
 * @param includeHidden import entries whose name starts with {@code .}
 * @param includeEmptyDirectories keep directories that hold nothing (after filtering)
 * @param symlinks what to do with symbolic links
 * @param pathRules how entry paths become names
 * @param stripCommonPrefix ipfs-car's files-from-path rule: while the imported directory holds exactly one entry and
 *     it is a directory, that directory becomes the root
 * @param wrap put the result in a directory under its own name (Kubo's {@code -w}, ipfs-car's default
 *     {@code --wrap} for a single file)
 */
public record ImportProfile(String name, Chunker chunker, FileLayout layout, boolean rawLeaves, int cidVersion,
    HashFunction hashFunction, ShardingRule sharding, int hamtFanout, boolean includeHidden,
    boolean includeEmptyDirectories, SymlinkPolicy symlinks, PathRules pathRules, boolean stripCommonPrefix,
    boolean wrap) {

  private static final int KIB_256 = 262_144;
  private static final int MIB_1 = 1_048_576;

  /** ipfs-car pack 1.x–3.x and w3up: 1 MiB chunks, 1024 links, raw leaves, CIDv1, HAMT above 1000 entries. */
  public static final ImportProfile IPFS_CAR = new ImportProfile("ipfs-car", new FixedSizeChunker(MIB_1),
      new BalancedLayout(1024), true, 1, HashFunction.SHA2_256, ShardingRule.entriesGreaterThan(1000),
      HamtShard.DEFAULT_FANOUT, false, false, SymlinkPolicy.SKIP, PathRules.STRICT, true, false);

  /** The nft.storage JS client 7.x: 256 KiB chunks, 174 links, raw leaves, CIDv1, HAMT at 1000 entries. */
  public static final ImportProfile NFT_STORAGE = new ImportProfile("nft.storage", new FixedSizeChunker(KIB_256),
      new BalancedLayout(174), true, 1, HashFunction.SHA2_256, ShardingRule.entriesAtLeast(1000),
      HamtShard.DEFAULT_FANOUT, false, false, SymlinkPolicy.SKIP, PathRules.NFT_STORAGE_CLIENT, false, false);

  /** IPIP-499 unixfs-v1-2025: 1 MiB chunks, 1024 links, raw leaves, CIDv1, HAMT when the block exceeds 256 KiB. */
  public static final ImportProfile UNIXFS_V1_2025 = new ImportProfile("unixfs-v1-2025",
      new FixedSizeChunker(MIB_1), new BalancedLayout(1024), true, 1, HashFunction.SHA2_256,
      ShardingRule.blockBytesGreaterThan(ShardingRule.DEFAULT_THRESHOLD_BYTES), HamtShard.DEFAULT_FANOUT, false,
      true, SymlinkPolicy.STORE, PathRules.STRICT, false, false);

  /**
   * IPIP-499 unixfs-v0-2015 = Kubo's {@code ipfs add} defaults: 256 KiB chunks, 174 links, dag-pb leaves, CIDv0,
   * HAMT when the links-bytes estimate exceeds 256 KiB.
   */
  public static final ImportProfile UNIXFS_V0_2015 = new ImportProfile("unixfs-v0-2015",
      new FixedSizeChunker(KIB_256), new BalancedLayout(174), false, 0, HashFunction.SHA2_256,
      ShardingRule.linksBytesGreaterThan(ShardingRule.DEFAULT_THRESHOLD_BYTES), HamtShard.DEFAULT_FANOUT, false,
      true, SymlinkPolicy.STORE, PathRules.STRICT, false, false);

  /**
   * Kubo's {@code ipfs add} defaults, the same profile as {@link #UNIXFS_V0_2015} (named {@code unixfs-v0-2015},
   * {@code ImportProfile.forName("kubo")}): reproduces {@code ipfs add} / {@code ipfs add -r} without options, and
   * ipfs-unixfs-importer 17.1.1 with {@code profile: 'unixfs-v0-2015'}.
   */
  public static final ImportProfile KUBO = UNIXFS_V0_2015;

  /**
   * Kubo's {@code ipfs add --cid-version=1}: as {@link #UNIXFS_V0_2015} with CIDv1 and raw leaves; reproduces
   * ipfs-unixfs-importer 17.1.1 driven as that command (the {@code kubo-v1} reference vectors).
   */
  public static final ImportProfile KUBO_V1 = new ImportProfile("kubo-v1", new FixedSizeChunker(KIB_256),
      new BalancedLayout(174), true, 1, HashFunction.SHA2_256,
      ShardingRule.linksBytesGreaterThan(ShardingRule.DEFAULT_THRESHOLD_BYTES), HamtShard.DEFAULT_FANOUT, false,
      true, SymlinkPolicy.STORE, PathRules.STRICT, false, false);

  /**
   * Kubo's {@code ipfs add --trickle}: as {@link #UNIXFS_V0_2015} with the trickle layout (174 links, layers of 4),
   * whose dag-pb leaves are UnixFS {@code Raw} nodes; reproduces ipfs-unixfs-importer 17.1.1 driven as that command
   * (the {@code kubo-trickle} reference vectors).
   */
  public static final ImportProfile KUBO_TRICKLE = new ImportProfile("kubo-trickle", new FixedSizeChunker(KIB_256),
      TrickleLayout.of(174), false, 0, HashFunction.SHA2_256,
      ShardingRule.linksBytesGreaterThan(ShardingRule.DEFAULT_THRESHOLD_BYTES), HamtShard.DEFAULT_FANOUT, false,
      true, SymlinkPolicy.STORE, PathRules.STRICT, false, false);

  /** The default profile: {@link #IPFS_CAR}. */
  public static final ImportProfile DEFAULT = IPFS_CAR;

  /**
   * @param name the preset this profile is, or was derived from
   * @param chunker how files are cut into leaves
   * @param layout how leaves are arranged (balanced or trickle, with the maximum links per node)
   * @param rawLeaves leaves are raw blocks (codec 0x55, always CIDv1) rather than dag-pb UnixFS File nodes
   * @param cidVersion 0 or 1 for dag-pb nodes
   * @param hashFunction the multihash function of every block
   * @param sharding when a directory becomes a HAMT
   * @param hamtFanout HAMT buckets per shard
   * @param includeHidden import entries whose name starts with {@code .}
   * @param includeEmptyDirectories keep directories that hold nothing (after filtering)
   * @param symlinks what to do with symbolic links
   * @param pathRules how entry paths become names
   * @param stripCommonPrefix ipfs-car's files-from-path rule: while the imported directory holds exactly one entry and
   *     it is a directory, that directory becomes the root
   * @param wrap put the result in a directory under its own name (Kubo's {@code -w}, ipfs-car's default {@code --wrap}
   *     for a single file)
   * @throws IllegalArgumentException if a setting is invalid or settings contradict each other: CID version other
   *     than 0 and 1, CIDv0 with a hash other than sha2-256, the identity hash, a fanout that is not a power of two
   *     from 8 to 1024
   */
  public ImportProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(chunker, "chunker");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(hashFunction, "hashFunction");
    Objects.requireNonNull(sharding, "sharding");
    Objects.requireNonNull(symlinks, "symlinks");
    Objects.requireNonNull(pathRules, "pathRules");
    if (cidVersion != 0 && cidVersion != 1) {
      throw new IllegalArgumentException("CID version must be 0 or 1, got " + cidVersion);
    }
    if (cidVersion == 0 && !hashFunction.equals(HashFunction.SHA2_256)) {
      throw new IllegalArgumentException("CIDv0 only supports sha2-256, not " + hashFunction
          + "; use CID version 1");
    }
    if (hashFunction.equals(HashFunction.IDENTITY)) {
      throw new IllegalArgumentException("The identity hash cannot address imported blocks");
    }
    new HamtShard(hamtFanout); // validates the fanout
  }

  /**
   * @param name a preset name or alias, case-insensitive: {@code ipfs-car}, {@code nft.storage},
   *     {@code unixfs-v1-2025}, {@code unixfs-v0-2015} (aliases {@code kubo}, {@code legacy-cid-v0}),
   *     {@code kubo-v1}, {@code kubo-trickle}
   * @return that preset
   * @throws IllegalArgumentException if the name is unknown; the message lists the known names
   */
  public static ImportProfile forName(String name) {
    return ProfileNames.forName(name);
  }

  /** @return the preset names and aliases {@link #forName} accepts */
  public static List<String> names() {
    return ProfileNames.names();
  }

  /** @return the presets, default first */
  public static List<ImportProfile> presets() {
    return ProfileNames.PRESETS;
  }

  /** @return a builder starting from {@link #DEFAULT} */
  public static ImportProfileBuilder builder() {
    return DEFAULT.toBuilder();
  }

  /** @return a builder starting from this profile's settings */
  public ImportProfileBuilder toBuilder() {
    return new ImportProfileBuilder(this);
  }

  /**
   * The byte length of the root CID this profile produces, known before importing: a CAR writer writes a
   * placeholder root of this length in the header and patches it afterwards. Empty when it depends on the input:
   * CIDv0 with raw leaves and no wrapping, where a file of a single chunk has a CIDv1 raw root.
   *
   * @return the root CID's byte length, if the same for every input
   */
  public OptionalInt rootCidLength() {
    int multihash = Varint.encodedLength(hashFunction.code()) + Varint.encodedLength(hashFunction.digestLength())
        + hashFunction.digestLength();
    int v1 = 1 + Varint.encodedLength(Multicodec.DAG_PB.code()) + multihash;
    if (cidVersion == 1) {
      return OptionalInt.of(v1); // raw (0x55) and dag-pb (0x70) codecs are both one varint byte
    }
    return rawLeaves && !wrap ? OptionalInt.empty() : OptionalInt.of(multihash);
  }

  /** @return e.g. {@code ipfs-car (size-1048576, balanced 1024, raw leaves, CIDv1 sha2-256, HAMT entries > 1000)} */
  @Override
  public String toString() {
    return name + " (" + chunker + ", " + layout + ", " + (rawLeaves ? "raw" : "dag-pb") + " leaves, CIDv"
        + cidVersion + " " + hashFunction + ", HAMT " + sharding + (includeHidden ? ", hidden" : "")
        + (includeEmptyDirectories ? ", empty dirs" : "") + ", symlinks " + symlinks.name().toLowerCase(Locale.ROOT)
        + (wrap ? ", wrap" : "") + ")";
  }
}
