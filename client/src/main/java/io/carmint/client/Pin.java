package io.carmint.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.carmint.multiformats.Cid;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The pin of an upload: API schema {@code Pin}.
 *
 * @param cid the content CID
 * @param name the pin's name, or {@code null}
 * @param meta free-form metadata (JSON values as maps, lists, strings, numbers, booleans); empty if absent
 * @param status the pin status ({@link PinStatus#UNKNOWN} if absent or not understood)
 * @param created when the pin was created, or {@code null}
 * @param size the DAG size in bytes, 0 if the service did not say
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pin(Cid cid, String name, Map<String, Object> meta, PinStatus status, Instant created, long size) {
  /**
   * Normalises absent values: {@code meta} to empty, {@code status} to {@link PinStatus#UNKNOWN}.
   *
   * @param cid the content CID
   * @param name the pin's name, or {@code null}
   * @param meta free-form metadata (JSON values as maps, lists, strings, numbers, booleans); empty if absent
   * @param status the pin status ({@link PinStatus#UNKNOWN} if absent or not understood)
   * @param created when the pin was created, or {@code null}
   * @param size the DAG size in bytes, 0 if the service did not say
   */
  public Pin {
    meta = meta == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    status = Objects.requireNonNullElse(status, PinStatus.UNKNOWN);
  }
}
