package io.carmint.cli;

import io.carmint.multiformats.HashFunction;
import io.carmint.unixfs.chunk.Chunkers;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportProfileBuilder;
import io.carmint.unixfs.layout.BalancedLayout;
import io.carmint.unixfs.layout.TrickleLayout;
import picocli.CommandLine.Option;

/**
 * The DAG options shared by every command that imports (a picocli {@code @Mixin}): a named profile, then overrides
 * of its settings. Bad values are usage errors (exit 2).
 */
final class DagOptions {
  @Option(names = "--profile", paramLabel = "NAME", defaultValue = "ipfs-car",
      description = "DAG profile: ipfs-car (default), nft.storage, unixfs-v1-2025, unixfs-v0-2015 (alias kubo), "
          + "kubo-v1, kubo-trickle.")
  String profile;

  @Option(names = "--cid-version", paramLabel = "0|1", description = "CID version (overrides the profile).")
  Integer cidVersion;

  @Option(names = "--chunker", paramLabel = "SPEC", description = "Chunker, e.g. size-262144 (overrides the "
      + "profile).")
  String chunker;

  @Option(names = "--raw-leaves", negatable = true, description = "Raw leaves, or dag-pb leaves with "
      + "--no-raw-leaves (overrides the profile).")
  Boolean rawLeaves;

  @Option(names = "--hash", paramLabel = "NAME", description = "Hash function, e.g. sha2-256 (overrides the "
      + "profile).")
  String hash;

  @Option(names = "--layout", paramLabel = "balanced|trickle", description = "File DAG layout (overrides the "
      + "profile).")
  String layout;

  @Option(names = "--trickle", description = "Trickle layout instead of balanced (same as --layout trickle).")
  boolean trickle;

  @Option(names = "--max-links", paramLabel = "N", description = "Links per file node (overrides the profile; "
      + "default 1024 for ipfs-car and unixfs-v1-2025, 174 otherwise).")
  Integer maxLinks;

  @Option(names = "--wrap", negatable = true, description = "Wrap the input in a directory named after it "
      + "(overrides the profile).")
  Boolean wrap;

  @Option(names = {"-H", "--hidden"}, description = "Include files and directories whose name starts with '.'.")
  boolean hidden;

  /**
   * The profile for importing {@code input}. With the ipfs-car profile and neither {@code --wrap} nor
   * {@code --no-wrap}, a single regular file is wrapped in a directory named after it, as {@code ipfs-car pack
   * FILE} does by default (a directory is never wrapped: ipfs-car's root is the directory itself).
   *
   * @throws UsageException if a name or value is invalid, or the settings contradict each other
   */
  ImportProfile profile(java.nio.file.Path input) {
    ImportProfile p = profile();
    if (wrap == null && p.name().equals(ImportProfile.IPFS_CAR.name())
        && java.nio.file.Files.isRegularFile(input)) {
      return p.toBuilder().wrap(true).build();
    }
    return p;
  }

  /**
   * @return the profile with the overrides applied
   * @throws UsageException if a name or value is invalid, or the settings contradict each other
   */
  ImportProfile profile() {
    try {
      ImportProfile base = ImportProfile.forName(profile);
      ImportProfileBuilder b = base.toBuilder();
      if (cidVersion != null) {
        b.cidVersion(cidVersion);
      }
      if (chunker != null) {
        b.chunker(Chunkers.parse(chunker));
      }
      if (rawLeaves != null) {
        b.rawLeaves(rawLeaves);
      }
      if (hash != null) {
        b.hashFunction(HashFunction.forName(hash));
      }
      if (layout != null || trickle || maxLinks != null) {
        int links = maxLinks != null ? maxLinks : base.layout().maxLinks();
        String kind = layout != null ? layout.toLowerCase(java.util.Locale.ROOT)
            : trickle || base.layout() instanceof TrickleLayout ? "trickle" : "balanced";
        if (trickle && !kind.equals("trickle")) {
          throw new IllegalArgumentException("--trickle contradicts --layout " + layout);
        }
        b.layout(switch (kind) {
          case "balanced" -> new BalancedLayout(links);
          case "trickle" -> TrickleLayout.of(links);
          default -> throw new IllegalArgumentException("Unknown layout '" + layout + "'; use balanced or trickle");
        });
      }
      if (wrap != null) {
        b.wrap(wrap);
      }
      if (hidden) {
        b.includeHidden(true);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
