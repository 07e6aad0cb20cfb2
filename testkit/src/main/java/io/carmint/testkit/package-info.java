/**
 * An embedded NFT.Storage-compatible service for tests and local development: {@link
 * io.carmint.testkit.LocalNftStorage}. It implements the HTTP API described by NFT.Storage's OpenAPI schema
 * ({@code packages/website/public/schema.yml}) as the service behaved, independently of the carmint client.
 */
package io.carmint.testkit;
