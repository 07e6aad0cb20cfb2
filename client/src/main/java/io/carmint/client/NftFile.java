package io.carmint.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A file of a multipart upload, as the service lists it in {@link Nft#files()}.
 *
 * @param name the file's path inside the upload
 * @param type its media type, if the service said
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NftFile(String name, Optional<String> type) {
  /** Normalises a null {@link Optional} to empty. */
  public NftFile {
    type = Models.orEmpty(type);
  }

  /** @return a file of that name and media type */
  public static NftFile of(String name, String type) {
    return new NftFile(name, Optional.ofNullable(type));
  }

  /** Reads the service's JSON, where an absent or null field is a null here. */
  @JsonCreator
  static NftFile fromJson(@JsonProperty("name") String name, @JsonProperty("type") String type) {
    return of(name, type);
  }
}
