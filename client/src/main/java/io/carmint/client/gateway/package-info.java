/**
 * Retrieval from IPFS trustless gateways that trusts none of them:
 * {@link io.carmint.client.gateway.TrustlessGatewayClient} fetches a content path ({@link
 * io.carmint.client.gateway.IpfsPath}) as a CAR or block by block, checks every block against its CID, that each
 * is the block the depth-first walk of the DAG needs next, and the UnixFS structure, and writes the content, a CAR,
 * or nothing only once everything has verified.
 *
 * <p>Specifications: the <a href="https://specs.ipfs.tech/http-gateways/trustless-gateway/">Trustless Gateway</a>
 * ({@code format=car}, {@code format=raw}, {@code dag-scope}), <a href="https://specs.ipfs.tech/ipips/ipip-0402/">
 * IPIP-402</a> (partial CARs: paths and scopes) and <a href="https://specs.ipfs.tech/ipips/ipip-0412/">IPIP-412</a>
 * ({@code order=dfs}, {@code dups=y} in the CAR media type).
 *
 * <p>Supported: UnixFS DAGs (dag-pb and raw blocks), scopes {@code all}, {@code entity} and {@code block}, several
 * gateways tried in order, a progress listener and cancellation. Not supported: IPNS names and records,
 * {@code entity-bytes} ranges, CAR answers in another order than depth-first with duplicates (such a gateway is
 * asked block by block), DAG-CBOR and DAG-JSON traversal.
 */
package io.carmint.client.gateway;
