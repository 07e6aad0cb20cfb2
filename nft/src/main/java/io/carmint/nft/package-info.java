/**
 * Minting: NFT metadata encoded exactly as the nft.storage JavaScript client 7.2.0 encodes it
 * ({@link io.carmint.nft.NftMetadata}, {@link io.carmint.nft.NftToken}), and whole generative collections, whose
 * images folder is packed and whose metadata files get their image links rewritten byte for byte
 * ({@link io.carmint.nft.NftCollection}).
 *
 * <p>Reference: {@code nft.storage} 7.2.0 {@code src/token.js} ({@code Token.encode}) with its ipfs-car 0.6.2 and
 * {@code @ipld/dag-cbor} 6; the WHATWG URL standard as Node 20 implements it; ECMA-262 {@code JSON.stringify} and
 * {@code Number::toString}. The vectors in {@code testdata/nft} were produced with those packages.
 *
 * <p>Not supported: the client's multipart {@code store} upload form (the CAR upload is used instead), MIME types
 * (the client never writes them into the DAG), and inputs the client encodes wrongly (see
 * {@link io.carmint.nft.NftMetadata}).
 */
package io.carmint.nft;
