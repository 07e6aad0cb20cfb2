package io.carmint.unixfs.layout;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The trickle layout, made for streaming reads: the root holds the first {@code maxLinks} leaves directly, then
 * subtrees of growing depth, {@code layerRepeat} of each depth. A subtree of depth {@code d} holds up to
 * {@code maxLinks} leaves, then {@code layerRepeat} subtrees of each depth 1 to {@code d-1}.
 *
 * <pre>
 * maxLinks = 2, layerRepeat = 2 (Kubo uses 174 and 4):
 *                          (root)
 *    ________________________|______________________________
 *   /  |    |      |         |                 |            \
 *  1   2  (d1)   (d1)      (d2)               (d2)          (d3) ...
 *         / \    / \     / |  \  \          / |  \  \
 *        3   4  5   6   7  8 (d1)(d1)     13 14 (d1)(d1)
 *                            / \  / \          / \  / \
 *                           9 10 11 12       15 16 17 18
 * </pre>
 *
 * <p>This is ipfs-unixfs-importer's {@code trickle()} layout (and boxo's trickle tree). A file of one leaf is that
 * leaf. Leaves are whatever the importer makes (ipfs-unixfs-importer and carmint write UnixFS File leaves; boxo
 * writes Raw-typed leaves, so real Kubo {@code --trickle} DAGs with dag-pb leaves differ). Branch nodes are written
 * when complete, children first; builders hold the links of the open nodes on the current path only.
 *
 * @param maxLinks most leaves directly under a node, at least 2
 * @param layerRepeat how many subtrees of each depth, at least 1 (4 in Kubo and the JS importer)
 */
public record TrickleLayout(int maxLinks, int layerRepeat) implements FileLayout {
  /** Kubo's and ipfs-unixfs-importer's layer repeat: 4. */
  public static final int DEFAULT_LAYER_REPEAT = 4;

  /**
   * @param maxLinks most leaves directly under a node, at least 2
   * @param layerRepeat how many subtrees of each depth, at least 1 (4 in Kubo and the JS importer)
   * @throws IllegalArgumentException if {@code maxLinks} is below 2 or {@code layerRepeat} below 1
   */
  public TrickleLayout {
    if (maxLinks < 2) {
      throw new IllegalArgumentException("maxLinks must be at least 2, got " + maxLinks);
    }
    if (layerRepeat < 1) {
      throw new IllegalArgumentException("layerRepeat must be at least 1, got " + layerRepeat);
    }
  }

  /**
   * @param maxLinks most leaves directly under a node, at least 2
   * @return the layout with {@link #DEFAULT_LAYER_REPEAT}
   */
  public static TrickleLayout of(int maxLinks) {
    return new TrickleLayout(maxLinks, DEFAULT_LAYER_REPEAT);
  }

  @Override
  public FileBuilder newFile(BranchWriter writer) {
    return new Builder(writer);
  }

  /** @return {@code trickle N x R} */
  @Override
  public String toString() {
    return "trickle " + maxLinks + " x " + layerRepeat;
  }

  /** One open node: its leaves, then subtrees of depth 1, 2… up to {@code maxDepth - 1}. */
  private static final class Frame {
    final int maxDepth; // Integer.MAX_VALUE for the root
    final List<FileLink> children = new ArrayList<>();
    int leaves;
    boolean subtreesStarted;
    int nextDepth = 1;
    int repeat;

    Frame(int maxDepth) {
      this.maxDepth = maxDepth;
    }
  }

  private final class Builder implements FileBuilder {
    private final BranchWriter writer;
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private FileLink first;
    private long leaves;
    private boolean finished;

    Builder(BranchWriter writer) {
      this.writer = writer;
      stack.push(new Frame(Integer.MAX_VALUE));
    }

    @Override
    public void add(FileLink leaf) throws IOException {
      if (finished) {
        throw new IllegalStateException("This file builder is already finished");
      }
      if (leaves++ == 0) {
        first = leaf;
      }
      while (true) {
        Frame top = stack.peek();
        if (!top.subtreesStarted && top.leaves < maxLinks) {
          top.children.add(leaf);
          top.leaves++;
          return;
        }
        top.subtreesStarted = true;
        if (top.nextDepth < top.maxDepth) {
          int depth = top.nextDepth;
          if (++top.repeat == layerRepeat) {
            top.repeat = 0;
            top.nextDepth++;
          }
          stack.push(new Frame(depth));
        } else {
          stack.pop();
          stack.peek().children.add(writer.write(top.children));
        }
      }
    }

    @Override
    public FileLink finish(FileLink lastShortLeaf) throws IOException {
      if (lastShortLeaf != null) {
        add(lastShortLeaf);
      }
      finished = true;
      if (leaves == 0) {
        throw new IllegalStateException("A file needs at least one leaf (the empty file has one empty leaf)");
      }
      if (leaves == 1) {
        return first;
      }
      FileLink link = null;
      while (!stack.isEmpty()) {
        Frame f = stack.pop();
        if (link != null) {
          f.children.add(link);
        }
        link = writer.write(f.children);
      }
      return link;
    }
  }
}
