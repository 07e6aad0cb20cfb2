package io.carmint.unixfs.importer;

import io.carmint.multiformats.HashFunction;
import io.carmint.unixfs.chunk.Chunker;
import io.carmint.unixfs.layout.FileLayout;
import java.util.Objects;

/**
 * Builds an {@link ImportProfile}. Starts from a preset's settings; {@link #build} applies Kubo's implications
 * for settings changed on this builder: a hash other than sha2-256 switches CIDv0 to CIDv1 (unless the CID
 * version was set to 0 explicitly, which is an error), and a CID version set to 1 turns on raw leaves unless raw
 * leaves were set explicitly. Not thread-safe.
 */
public final class ImportProfileBuilder {
  private String name;
  private Chunker chunker;
  private FileLayout layout;
  private boolean rawLeaves;
  private int cidVersion;
  private HashFunction hashFunction;
  private ShardingRule sharding;
  private int hamtFanout;
  private boolean includeHidden;
  private boolean includeEmptyDirectories;
  private SymlinkPolicy symlinks;
  private PathRules pathRules;
  private boolean stripCommonPrefix;
  private boolean wrap;
  private boolean rawLeavesSet;
  private boolean cidVersionSet;
  private boolean hashSet;

  ImportProfileBuilder(ImportProfile p) {
    name = p.name();
    chunker = p.chunker();
    layout = p.layout();
    rawLeaves = p.rawLeaves();
    cidVersion = p.cidVersion();
    hashFunction = p.hashFunction();
    sharding = p.sharding();
    hamtFanout = p.hamtFanout();
    includeHidden = p.includeHidden();
    includeEmptyDirectories = p.includeEmptyDirectories();
    symlinks = p.symlinks();
    pathRules = p.pathRules();
    stripCommonPrefix = p.stripCommonPrefix();
    wrap = p.wrap();
  }

  /**
   * Sets the profile's name.
   *
   * @param value the name
   * @return this builder
   */
  public ImportProfileBuilder name(String value) {
    name = Objects.requireNonNull(value, "name");
    return this;
  }

  /**
   * Sets the chunker.
   *
   * @param value the chunker
   * @return this builder
   */
  public ImportProfileBuilder chunker(Chunker value) {
    chunker = Objects.requireNonNull(value, "chunker");
    return this;
  }

  /**
   * Sets the file layout (e.g. {@code new BalancedLayout(174)}, {@code TrickleLayout.of(174)}).
   *
   * @param value the layout
   * @return this builder
   */
  public ImportProfileBuilder layout(FileLayout value) {
    layout = Objects.requireNonNull(value, "layout");
    return this;
  }

  /**
   * Sets raw leaves (explicitly: CIDv1 no longer implies them).
   *
   * @param value whether leaves are raw blocks
   * @return this builder
   */
  public ImportProfileBuilder rawLeaves(boolean value) {
    rawLeaves = value;
    rawLeavesSet = true;
    return this;
  }

  /**
   * Sets the CID version, 0 or 1 (explicitly: see the class description).
   *
   * @param value 0 or 1
   * @return this builder
   */
  public ImportProfileBuilder cidVersion(int value) {
    cidVersion = value;
    cidVersionSet = true;
    return this;
  }

  /**
   * Sets the hash function (see the class description for its effect on CIDv0).
   *
   * @param value the hash function
   * @return this builder
   */
  public ImportProfileBuilder hashFunction(HashFunction value) {
    hashFunction = Objects.requireNonNull(value, "hashFunction");
    hashSet = true;
    return this;
  }

  /**
   * Sets the HAMT rule.
   *
   * @param value when a directory becomes a HAMT
   * @return this builder
   */
  public ImportProfileBuilder sharding(ShardingRule value) {
    sharding = Objects.requireNonNull(value, "sharding");
    return this;
  }

  /**
   * Sets the HAMT fanout.
   *
   * @param value a power of two from 8 to 1024
   * @return this builder
   */
  public ImportProfileBuilder hamtFanout(int value) {
    hamtFanout = value;
    return this;
  }

  /**
   * Sets whether hidden entries are imported.
   *
   * @param value whether hidden entries are imported
   * @return this builder
   */
  public ImportProfileBuilder includeHidden(boolean value) {
    includeHidden = value;
    return this;
  }

  /**
   * Sets whether empty directories are kept.
   *
   * @param value whether empty directories are kept
   * @return this builder
   */
  public ImportProfileBuilder includeEmptyDirectories(boolean value) {
    includeEmptyDirectories = value;
    return this;
  }

  /**
   * Sets the symlink policy.
   *
   * @param value the symlink policy
   * @return this builder
   */
  public ImportProfileBuilder symlinks(SymlinkPolicy value) {
    symlinks = Objects.requireNonNull(value, "symlinks");
    return this;
  }

  /**
   * Sets the path rules.
   *
   * @param value the path rules
   * @return this builder
   */
  public ImportProfileBuilder pathRules(PathRules value) {
    pathRules = Objects.requireNonNull(value, "pathRules");
    return this;
  }

  /**
   * Sets ipfs-car's common-prefix stripping.
   *
   * @param value whether to strip
   * @return this builder
   */
  public ImportProfileBuilder stripCommonPrefix(boolean value) {
    stripCommonPrefix = value;
    return this;
  }

  /**
   * Sets whether the result is wrapped in a directory.
   *
   * @param value whether to wrap
   * @return this builder
   */
  public ImportProfileBuilder wrap(boolean value) {
    wrap = value;
    return this;
  }

  /**
   * @return the profile
   * @throws IllegalArgumentException if the settings are invalid or contradict each other (see
   *     {@link ImportProfile})
   */
  public ImportProfile build() {
    int version = cidVersion;
    boolean versionChanged = cidVersionSet;
    if (hashSet && !hashFunction.equals(HashFunction.SHA2_256) && version == 0) {
      if (cidVersionSet) {
        throw new IllegalArgumentException("CIDv0 only supports sha2-256, not " + hashFunction
            + "; use CID version 1");
      }
      version = 1;
      versionChanged = true;
    }
    boolean raw = rawLeaves;
    if (versionChanged && version == 1 && !rawLeavesSet) {
      raw = true;
    }
    return new ImportProfile(name, chunker, layout, raw, version, hashFunction, sharding, hamtFanout,
        includeHidden, includeEmptyDirectories, symlinks, pathRules, stripCommonPrefix, wrap);
  }
}
