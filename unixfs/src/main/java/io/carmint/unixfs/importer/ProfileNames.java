package io.carmint.unixfs.importer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The names {@link ImportProfile#forName} accepts: each preset's own name, and aliases. Immutable. */
final class ProfileNames {
  /** The presets, default first. */
  static final List<ImportProfile> PRESETS = List.of(ImportProfile.IPFS_CAR, ImportProfile.NFT_STORAGE,
      ImportProfile.UNIXFS_V1_2025, ImportProfile.UNIXFS_V0_2015, ImportProfile.KUBO_V1,
      ImportProfile.KUBO_TRICKLE);

  private static final Map<String, ImportProfile> ALIASES = Map.of("kubo", ImportProfile.UNIXFS_V0_2015,
      "legacy-cid-v0", ImportProfile.UNIXFS_V0_2015);

  private ProfileNames() {}

  /** @see ImportProfile#forName */
  static ImportProfile forName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (ImportProfile p : PRESETS) {
      if (p.name().equals(n)) {
        return p;
      }
    }
    ImportProfile alias = ALIASES.get(n);
    if (alias != null) {
      return alias;
    }
    throw new IllegalArgumentException("Unknown profile '" + name + "'; known: " + String.join(", ", names()));
  }

  /** @see ImportProfile#names */
  static List<String> names() {
    return List.of("ipfs-car", "nft.storage", "unixfs-v1-2025", "unixfs-v0-2015", "kubo", "legacy-cid-v0",
        "kubo-v1", "kubo-trickle");
  }
}
