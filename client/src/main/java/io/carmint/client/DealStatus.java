package io.carmint.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of a Filecoin storage deal, as the NFT.Storage API reports it. */
public enum DealStatus {
  /** Content is waiting to be put in a deal. */
  QUEUED,
  /** A deal has been proposed to a miner. */
  PROPOSING,
  /** The miner accepted the deal. */
  ACCEPTED,
  /** The deal failed. */
  FAILED,
  /** The deal is active on chain. */
  ACTIVE,
  /** The deal is published on chain. */
  PUBLISHED,
  /** The deal ended. */
  TERMINATED,
  /** A value this client does not know (or none). */
  UNKNOWN;

  /**
   * @param wire the wire value, in any case
   * @return the matching constant, or {@link #UNKNOWN} for anything else (including {@code null})
   */
  @JsonCreator
  public static DealStatus fromWire(String wire) {
    if (wire != null) {
      String w = wire.toUpperCase(Locale.ROOT);
      for (DealStatus s : values()) {
        if (s != UNKNOWN && s.name().equals(w)) {
          return s;
        }
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
