package io.carmint.unixfs.layout;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The balanced layout: leaves in groups of {@code maxLinks} under level-1 nodes, those in groups of
 * {@code maxLinks} under level-2 nodes, and so on until one root remains. Every leaf is at the same depth; the
 * last node of each level may be partly filled (even with a single child). A file of one leaf is that leaf.
 *
 * <pre>
 * maxLinks = 3, 10 leaves:
 *                         (root)
 *                 /                  \
 *             (n4)                    (n6)
 *         /     |     \                 |
 *     (n1)    (n2)    (n3)            (n5)
 *    / | \   / | \   / | \              |
 *   1  2  3 4  5  6 7  8  9            10
 * </pre>
 *
 * <p>Boxo's balanced builder, ipfs-unixfs-importer's {@code balanced()} and {@code @ipld/unixfs}'s
 * {@code Balanced.withWidth} make exactly this tree. Blocks come out in {@code @ipld/unixfs}'s (ipfs-car's) order:
 * a node is written when the leaf after its last leaf arrives, so a CAR of the blocks equals ipfs-car's byte for
 * byte; at the end of the file the remaining nodes come out level by level as their children complete. Builders
 * hold one pending link per open node: at most {@code maxLinks + 1} per level.
 *
 * @param maxLinks most children per node, at least 2 (174 in Kubo, 1024 in IPIP-499's unixfs-v1-2025)
 */
public record BalancedLayout(int maxLinks) implements FileLayout {
  /**
   * @param maxLinks most children per node, at least 2 (174 in Kubo, 1024 in IPIP-499's unixfs-v1-2025)
   * @throws IllegalArgumentException if {@code maxLinks} is below 2
   */
  public BalancedLayout {
    if (maxLinks < 2) {
      throw new IllegalArgumentException("maxLinks must be at least 2, got " + maxLinks);
    }
  }

  @Override
  public FileBuilder newFile(BranchWriter writer) {
    return new Builder(maxLinks, writer);
  }

  /** @return {@code balanced N} */
  @Override
  public String toString() {
    return "balanced " + maxLinks;
  }

  /** A leaf or a branch node of the tree being built. */
  private static final class Item {
    final boolean leaf;
    FileLink link;
    List<Item> children; // dropped once the node is written
    Item parent;
    boolean done;
    boolean queued;

    Item(FileLink leaf, boolean done) {
      this.leaf = true;
      this.link = leaf;
      this.done = done;
    }

    Item(List<Item> children) {
      this.leaf = false;
      this.children = children;
      for (Item c : children) {
        c.parent = this;
      }
    }

    boolean ready() {
      for (Item c : children) {
        if (!c.done) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Mirrors {@code @ipld/unixfs}'s balanced layout state: {@code leafIndex} holds leaves not yet under a node,
   * {@code rows.get(d)} the level-(d+1) nodes not yet under a parent.
   */
  private static final class Builder implements FileBuilder {
    private final int width;
    private final BranchWriter writer;
    private final List<Item> leafIndex = new ArrayList<>();
    private final List<List<Item>> rows = new ArrayList<>();
    private long leaves;
    private boolean finished;

    Builder(int width, BranchWriter writer) {
      this.width = width;
      this.writer = writer;
    }

    @Override
    public void add(FileLink leaf) throws IOException {
      checkOpen();
      leafIndex.add(new Item(leaf, true));
      leaves++;
      if (leafIndex.size() > width) {
        List<Item> created = new ArrayList<>();
        flush(created, false);
        for (Item n : created) {
          write(n);
        }
      }
    }

    @Override
    public FileLink finish(FileLink lastShortLeaf) throws IOException {
      checkOpen();
      finished = true;
      if (leaves == 0) {
        if (lastShortLeaf == null) {
          throw new IllegalStateException("A file needs at least one leaf (the empty file has one empty leaf)");
        }
        return lastShortLeaf;
      }
      if (leaves == 1 && lastShortLeaf == null) {
        return leafIndex.get(0).link;
      }
      List<Item> created = new ArrayList<>();
      Item pending = null;
      if (lastShortLeaf != null) {
        pending = new Item(lastShortLeaf, false);
        leafIndex.add(pending);
        leaves++;
        if (leafIndex.size() > width) {
          flush(created, false);
        }
      }
      flush(created, true);
      List<Item> top = rows.get(rows.size() - 1);
      Item root;
      if (top.size() == 1) {
        root = created.get(created.size() - 1);
      } else {
        root = new Item(new ArrayList<>(top));
        created.add(root);
      }
      // Write in @ipld/unixfs's order: first what is ready now (the short leaf, then nodes in creation order),
      // then each node as soon as its last child is written, first come first served.
      ArrayDeque<Item> queue = new ArrayDeque<>();
      if (pending != null) {
        queue.add(pending);
        pending.queued = true;
      }
      for (Item n : created) {
        if (n.ready()) {
          queue.add(n);
          n.queued = true;
        }
      }
      while (!queue.isEmpty()) {
        Item x = queue.poll();
        if (!x.leaf) {
          write(x);
        } else {
          x.done = true;
        }
        Item p = x.parent;
        if (p != null && !p.queued && !p.done && p.ready()) {
          queue.add(p);
          p.queued = true;
        }
      }
      if (!root.done) {
        throw new IllegalStateException("balanced layout left the root unwritten");
      }
      return root.link;
    }

    /** {@code @ipld/unixfs} balanced {@code flush}: groups of {@code width} move up a level. */
    private void flush(List<Item> created, boolean close) {
      while (leafIndex.size() > width || (!leafIndex.isEmpty() && close)) {
        List<Item> group = new ArrayList<>(leafIndex.subList(0, Math.min(width, leafIndex.size())));
        leafIndex.subList(0, group.size()).clear();
        Item node = new Item(group);
        row(0).add(node);
        created.add(node);
      }
      for (int depth = 0; depth < rows.size(); depth++) {
        List<Item> row = rows.get(depth);
        while (row.size() > width || (!row.isEmpty() && close && depth + 1 < rows.size())) {
          List<Item> group = new ArrayList<>(row.subList(0, Math.min(width, row.size())));
          row.subList(0, group.size()).clear();
          Item node = new Item(group);
          row(depth + 1).add(node);
          created.add(node);
        }
      }
    }

    private List<Item> row(int depth) {
      while (rows.size() <= depth) {
        rows.add(new ArrayList<>());
      }
      return rows.get(depth);
    }

    private void write(Item node) throws IOException {
      List<FileLink> links = new ArrayList<>(node.children.size());
      for (Item c : node.children) {
        links.add(c.link);
      }
      node.link = writer.write(links);
      node.done = true;
      for (Item c : node.children) {
        c.parent = null;
      }
      node.children = null;
    }

    private void checkOpen() {
      if (finished) {
        throw new IllegalStateException("This file builder is already finished");
      }
    }
  }
}
