/**
 * A client of the NFT.Storage HTTP API and compatible services: {@link io.carmint.client.NftStorageClient}.
 *
 * <p>What it does: uploads a file or directory packed locally ({@code upload}), a CAR ({@code storeCar}), a blob
 * or multipart files (packed by the service), and reads ({@code status}, the public {@code check}), lists and
 * deletes uploads. Large DAGs are split by the treewalk rule into pieces under the service's 100 MB per request
 * and sent a few at a time; every answer must name the root computed locally, else
 * {@link io.carmint.client.CidMismatchException}. Requests pass a client-side {@link io.carmint.client.RateLimiter}
 * (30 per 10 s per token) and are retried by a {@link io.carmint.client.RetryPolicy} on network errors, 5xx and
 * 429 ({@code Retry-After} honoured), never on other 4xx.
 *
 * <p>The API as the service behaved (OpenAPI schema {@code packages/website/public/schema.yml} of
 * <a href="https://github.com/nftstorage/nft.storage">nftstorage/nft.storage</a>): {@code POST /upload},
 * {@code GET /{cid}}, {@code GET /check/{cid}}, {@code GET /?before=&limit=}, {@code DELETE /{cid}}; answers
 * {@code {"ok":true,"value":…}} or {@code {"ok":false,"error":{"name"|"code","message"}}}. The models
 * ({@link io.carmint.client.Nft}, {@link io.carmint.client.Pin}, {@link io.carmint.client.Deal},
 * {@link io.carmint.client.CheckResult}) ignore unknown fields and map unknown states to {@code UNKNOWN}.
 *
 * <p>Not supported: UCAN authentication ({@code x-agent-did}), the pinning-service API, {@code POST /store} (ERC-1155
 * metadata packed by the service), renaming uploads ({@code PATCH /upload/{cid}}), resuming a split upload across
 * runs.
 */
package io.carmint.client;
