package io.carmint.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where the service is in pinning an upload. NFT.Storage reports {@code pinning} until every block of the DAG
 * from the root has arrived (the pieces of a split upload may arrive in any order), then {@code pinned}.
 */
public enum PinStatus {
  /** Accepted, not yet being pinned. */
  QUEUED,
  /** Being pinned: some of the DAG is still missing or being fetched. */
  PINNING,
  /** The whole DAG is stored. */
  PINNED,
  /** Pinning failed. */
  FAILED,
  /** A value this client does not know (or none); kept so that new service states do not break reading. */
  UNKNOWN;

  /**
   * @param wire the wire value, in any case
   * @return the matching constant, or {@link #UNKNOWN} for anything else (including {@code null})
   */
  @JsonCreator
  public static PinStatus fromWire(String wire) {
    if (wire != null) {
      switch (wire.toLowerCase(Locale.ROOT)) {
        case "queued": return QUEUED;
        case "pinning": return PINNING;
        case "pinned": return PINNED;
        case "failed": return FAILED;
        default: break;
      }
    }
    return UNKNOWN;
  }

  /** @return the wire value: the constant's name in lower case */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
