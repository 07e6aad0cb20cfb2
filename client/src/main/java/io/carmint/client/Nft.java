package io.carmint.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.carmint.multiformats.Cid;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An upload as the service describes it: API schema {@code NFT}, plus the {@code name} and {@code parts} the service
 * sends beyond the schema. Fields the client does not know are ignored; absent lists are empty.
 *
 * @param cid the root CID, spelled as in the uploaded CAR's header (a CIDv0 root stays {@code Qm…})
 * @param size the DAG size in bytes (dag-pb cumulative size from the root), 0 if the service did not say
 * @param created when the upload was first created, or {@code null}
 * @param type the media type: {@code application/car}, {@code directory}, or the blob's type; or {@code null}
 * @param scope the name of the token that uploaded it ({@code session} for web logins), or {@code null}
 * @param pin the pin, or {@code null} if the service did not send one
 * @param files the files of a multipart upload (empty otherwise)
 * @param deals the Filecoin deals (often empty)
 * @param name the upload's name, or {@code null}
 * @param parts the CIDs of the CAR files that made up the upload (codec {@code car}); empty if not sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Nft(
    Cid cid,
    long size,
    Instant created,
    String type,
    String scope,
    Pin pin,
    List<NftFile> files,
    List<Deal> deals,
    String name,
    List<Cid> parts) {
  /**
   * @param cid the root CID, spelled as in the uploaded CAR's header (a CIDv0 root stays {@code Qm…})
   * @param size the DAG size in bytes (dag-pb cumulative size from the root), 0 if the service did not say
   * @param created when the upload was first created, or {@code null}
   * @param type the media type: {@code application/car}, {@code directory}, or the blob's type; or {@code null}
   * @param scope the name of the token that uploaded it ({@code session} for web logins), or {@code null}
   * @param pin the pin, or {@code null} if the service did not send one
   * @param files the files of a multipart upload (empty otherwise)
   * @param deals the Filecoin deals (often empty)
   * @param name the upload's name, or {@code null}
   * @param parts the CIDs of the CAR files that made up the upload (codec {@code car}); empty if not sent
   * @throws NullPointerException if {@code cid} is null or a list holds null
   */
  public Nft {
    Objects.requireNonNull(cid, "cid");
    files = files == null ? List.of() : List.copyOf(files);
    deals = deals == null ? List.of() : List.copyOf(deals);
    parts = parts == null ? List.of() : List.copyOf(parts);
  }
}
