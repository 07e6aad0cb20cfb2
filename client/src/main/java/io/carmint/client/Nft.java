package io.carmint.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.carmint.multiformats.Cid;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An upload as the service describes it: API schema {@code NFT}, plus the {@code name} and {@code parts} the service
 * sends beyond the schema. Fields the client does not know are ignored; what the service did not send is an empty
 * {@link Optional} or list, never null.
 *
 * @param cid the root CID, spelled as in the uploaded CAR's header (a CIDv0 root stays {@code Qm…})
 * @param size the DAG size in bytes (dag-pb cumulative size from the root), 0 if the service did not say
 * @param created when the upload was first created, if the service said
 * @param type the media type: {@code application/car}, {@code directory}, or the blob's type, if the service said
 * @param scope the name of the token that uploaded it ({@code session} for web logins), if the service said
 * @param pin the pin, if the service sent one
 * @param files the files of a multipart upload (empty otherwise)
 * @param deals the Filecoin deals (often empty)
 * @param name the upload's name, if it has one
 * @param parts the CIDs of the CAR files that made up the upload (codec {@code car}); empty if not sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Nft(
    Cid cid,
    long size,
    Optional<Instant> created,
    Optional<String> type,
    Optional<String> scope,
    Optional<Pin> pin,
    List<NftFile> files,
    List<Deal> deals,
    Optional<String> name,
    List<Cid> parts) {
  /**
   * Normalises absent values: a null {@link Optional} to empty, a null list to empty.
   *
   * @throws NullPointerException if {@code cid} is null or a list holds null
   */
  public Nft {
    Objects.requireNonNull(cid, "cid");
    created = Models.orEmpty(created);
    type = Models.orEmpty(type);
    scope = Models.orEmpty(scope);
    pin = Models.orEmpty(pin);
    name = Models.orEmpty(name);
    files = files == null ? List.of() : List.copyOf(files);
    deals = deals == null ? List.of() : List.copyOf(deals);
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  /** Reads the service's JSON, where an absent or null field is a null here. */
  @JsonCreator
  static Nft fromJson(@JsonProperty("cid") Cid cid, @JsonProperty("size") long size,
      @JsonProperty("created") Instant created, @JsonProperty("type") String type,
      @JsonProperty("scope") String scope, @JsonProperty("pin") Pin pin, @JsonProperty("files") List<NftFile> files,
      @JsonProperty("deals") List<Deal> deals, @JsonProperty("name") String name,
      @JsonProperty("parts") List<Cid> parts) {
    return new Nft(cid, size, Optional.ofNullable(created), Optional.ofNullable(type), Optional.ofNullable(scope),
        Optional.ofNullable(pin), files, deals, Optional.ofNullable(name), parts);
  }

  /** @return the pin's status, {@link PinStatus#UNKNOWN} if the service sent no pin */
  public PinStatus pinStatus() {
    return pin.map(Pin::status).orElse(PinStatus.UNKNOWN);
  }
}
