/**
 * Multiformats (varint, multibase, multihash, multicodec, CID), blocks, and the DAG-CBOR and dag-pb codecs.
 *
 * <p>Bouncy Castle is optional: the hash functions the JDK lacks (BLAKE2b, BLAKE3, Keccak) need
 * {@code org.bouncycastle.provider} resolved, e.g. required by the application's module or added with
 * {@code --add-modules org.bouncycastle.provider}; without it they fail with
 * {@link io.carmint.multiformats.UnsupportedHashException}.
 */
module io.carmint.multiformats {
  requires static org.bouncycastle.provider;

  exports io.carmint.multiformats;
  exports io.carmint.block;
  exports io.carmint.dagcbor;
  exports io.carmint.dagpb;
}
