package io.carmint.client.gateway;

import java.util.Locale;

/**
 * Which blocks below the end of a content path are fetched, as the trustless gateway's {@code dag-scope} parameter
 * names them. The blocks needed to follow the path itself (directories, HAMT shards on the way) always come first.
 */
public enum DagScope {
  /** The whole DAG below the end of the path: a file's every block, a directory tree with all its content. */
  ALL("all"),
  /**
   * What is needed to read the entity at the end of the path: a file's every block, a directory's own blocks (a
   * HAMT's shards included) without the content of its entries, a symlink's block.
   */
  ENTITY("entity"),
  /** Only the block at the end of the path. */
  BLOCK("block");

  private final String wireName;

  DagScope(String wireName) {
    this.wireName = wireName;
  }

  /** @return the value of the {@code dag-scope} parameter: {@code all}, {@code entity} or {@code block} */
  public String wireName() {
    return wireName;
  }

  /**
   * @param name the scope's name
   * @return the scope named {@code name} ({@code all}, {@code entity}, {@code block}; case-insensitive)
   * @throws IllegalArgumentException for another name
   */
  public static DagScope parse(String name) {
    for (DagScope s : values()) {
      if (s.wireName.equals(name.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown DAG scope '" + name + "'; expected all, entity or block");
  }
}
