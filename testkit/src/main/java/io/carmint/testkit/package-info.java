/**
 * An embedded NFT.Storage-compatible service for tests and local development: {@link
 * io.carmint.testkit.LocalNftStorage}. It implements the HTTP API described by NFT.Storage's OpenAPI schema
 * ({@code packages/website/public/schema.yml}) as the service behaved, independently of the carmint client, and a
 * <a href="https://specs.ipfs.tech/http-gateways/trustless-gateway/">Trustless Gateway</a> ({@code /ipfs/}: raw
 * blocks and CAR streams) over the blocks it holds. The HTTP server is Jetty 12 (core API, no servlets).
 */
package io.carmint.testkit;
