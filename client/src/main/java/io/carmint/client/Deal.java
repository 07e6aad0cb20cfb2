package io.carmint.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Filecoin deal for an upload: API schema {@code Deal}. The schema names the change time {@code lastChange};
 * the service sends {@code lastChanged}; both are read. Filecoin identifiers are kept as text. What the service did
 * not send is empty.
 *
 * @param batchRootCid the CID of the aggregate the content was put in
 * @param lastChange when the deal last changed
 * @param miner the miner's address
 * @param network {@code mainnet}, {@code nerpanet}…
 * @param pieceCid the piece commitment CID
 * @param status the deal status ({@link DealStatus#UNKNOWN} if absent or not understood)
 * @param statusText details of the status
 * @param chainDealId the on-chain deal ID
 * @param dealActivation when the deal became active
 * @param dealExpiration when the deal expires
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Deal(
    Optional<String> batchRootCid,
    Optional<Instant> lastChange,
    Optional<String> miner,
    Optional<String> network,
    Optional<String> pieceCid,
    DealStatus status,
    Optional<String> statusText,
    OptionalLong chainDealId,
    Optional<Instant> dealActivation,
    Optional<Instant> dealExpiration) {
  /** Normalises an absent {@code status} to {@link DealStatus#UNKNOWN}, a null optional to empty. */
  public Deal {
    batchRootCid = Models.orEmpty(batchRootCid);
    lastChange = Models.orEmpty(lastChange);
    miner = Models.orEmpty(miner);
    network = Models.orEmpty(network);
    pieceCid = Models.orEmpty(pieceCid);
    status = Objects.requireNonNullElse(status, DealStatus.UNKNOWN);
    statusText = Models.orEmpty(statusText);
    chainDealId = chainDealId == null ? OptionalLong.empty() : chainDealId;
    dealActivation = Models.orEmpty(dealActivation);
    dealExpiration = Models.orEmpty(dealExpiration);
  }

  /** Reads the service's JSON, where an absent or null field is a null here. */
  @JsonCreator
  static Deal fromJson(@JsonProperty("batchRootCid") String batchRootCid,
      @JsonProperty("lastChange") @JsonAlias("lastChanged") Instant lastChange,
      @JsonProperty("miner") String miner, @JsonProperty("network") String network,
      @JsonProperty("pieceCid") String pieceCid, @JsonProperty("status") DealStatus status,
      @JsonProperty("statusText") String statusText, @JsonProperty("chainDealID") Long chainDealId,
      @JsonProperty("dealActivation") Instant dealActivation,
      @JsonProperty("dealExpiration") Instant dealExpiration) {
    return new Deal(Optional.ofNullable(batchRootCid), Optional.ofNullable(lastChange), Optional.ofNullable(miner),
        Optional.ofNullable(network), Optional.ofNullable(pieceCid), status, Optional.ofNullable(statusText),
        chainDealId == null ? OptionalLong.empty() : OptionalLong.of(chainDealId),
        Optional.ofNullable(dealActivation), Optional.ofNullable(dealExpiration));
  }
}
