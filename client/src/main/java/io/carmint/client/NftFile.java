package io.carmint.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A file of a multipart upload, as the service lists it in {@link Nft#files()}.
 *
 * @param name the file's path inside the upload
 * @param type its media type, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NftFile(String name, String type) {
}
