package io.carmint.block;

/** {@link BlockSink#discard()}: drops every block and keeps nothing. Stateless, thread-safe. */
final class DiscardSink implements BlockSink {
  static final DiscardSink INSTANCE = new DiscardSink();

  private DiscardSink() {}

  @Override
  public void put(Block block) {
    // dropped
  }

  @Override
  public boolean retainsBlocks() {
    return false;
  }
}
