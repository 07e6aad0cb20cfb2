package io.carmint.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.carmint.multiformats.Cid;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pin of an upload: API schema {@code Pin}.
 *
 * @param cid the content CID, if the service sent it
 * @param name the pin's name, if it has one
 * @param meta free-form metadata (JSON values as maps, lists, strings, numbers, booleans); empty if absent
 * @param status the pin status ({@link PinStatus#UNKNOWN} if absent or not understood)
 * @param created when the pin was created, if the service said
 * @param size the DAG size in bytes, 0 if the service did not say
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pin(Optional<Cid> cid, Optional<String> name, Map<String, Object> meta, PinStatus status,
    Optional<Instant> created, long size) {
  /**
   * Normalises absent values: {@code meta} to empty, {@code status} to {@link PinStatus#UNKNOWN}, a null
   * {@link Optional} to empty.
   */
  public Pin {
    cid = Models.orEmpty(cid);
    name = Models.orEmpty(name);
    meta = meta == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    status = Objects.requireNonNullElse(status, PinStatus.UNKNOWN);
    created = Models.orEmpty(created);
  }

  /** Reads the service's JSON, where an absent or null field is a null here. */
  @JsonCreator
  static Pin fromJson(@JsonProperty("cid") Cid cid, @JsonProperty("name") String name,
      @JsonProperty("meta") Map<String, Object> meta, @JsonProperty("status") PinStatus status,
      @JsonProperty("created") Instant created, @JsonProperty("size") long size) {
    return new Pin(Optional.ofNullable(cid), Optional.ofNullable(name), meta, status, Optional.ofNullable(created), size);
  }
}
