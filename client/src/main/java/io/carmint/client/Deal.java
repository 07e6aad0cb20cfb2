package io.carmint.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * A Filecoin deal for an upload: API schema {@code Deal}. The schema names the change time {@code lastChange};
 * the service sends {@code lastChanged}; both are read. Filecoin identifiers are kept as text.
 *
 * @param batchRootCid the CID of the aggregate the content was put in, or {@code null}
 * @param lastChange when the deal last changed, or {@code null}
 * @param miner the miner's address, or {@code null}
 * @param network {@code mainnet}, {@code nerpanet}…, or {@code null}
 * @param pieceCid the piece commitment CID, or {@code null}
 * @param status the deal status ({@link DealStatus#UNKNOWN} if absent or not understood)
 * @param statusText details of the status, or {@code null}
 * @param chainDealId the on-chain deal ID, or {@code null}
 * @param dealActivation when the deal became active, or {@code null}
 * @param dealExpiration when the deal expires, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Deal(
    String batchRootCid,
    @JsonAlias("lastChanged") Instant lastChange,
    String miner,
    String network,
    String pieceCid,
    DealStatus status,
    String statusText,
    @JsonProperty("chainDealID") Long chainDealId,
    Instant dealActivation,
    Instant dealExpiration) {
  /**
   * Normalises an absent {@code status} to {@link DealStatus#UNKNOWN}.
   *
   * @param batchRootCid the CID of the aggregate the content was put in, or {@code null}
   * @param lastChange when the deal last changed, or {@code null}
   * @param miner the miner's address, or {@code null}
   * @param network {@code mainnet}, {@code nerpanet}…, or {@code null}
   * @param pieceCid the piece commitment CID, or {@code null}
   * @param status the deal status ({@link DealStatus#UNKNOWN} if absent or not understood)
   * @param statusText details of the status, or {@code null}
   * @param chainDealId the on-chain deal ID, or {@code null}
   * @param dealActivation when the deal became active, or {@code null}
   * @param dealExpiration when the deal expires, or {@code null}
   */
  public Deal {
    status = Objects.requireNonNullElse(status, DealStatus.UNKNOWN);
  }
}
