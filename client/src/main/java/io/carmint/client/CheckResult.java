package io.carmint.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.carmint.multiformats.Cid;
import java.util.List;
import java.util.Objects;

/**
 * What the unauthenticated {@code GET /check/{cid}} says about content: API schema {@code CheckResponse.value}.
 *
 * @param cid the content CID
 * @param pin the pin, or {@code null} if the service did not send one
 * @param deals the Filecoin deals (often empty)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckResult(Cid cid, Pin pin, List<Deal> deals) {
  /**
   * @param cid the content CID
   * @param pin the pin, or {@code null} if the service did not send one
   * @param deals the Filecoin deals (often empty)
   * @throws NullPointerException if {@code cid} is null
   */
  public CheckResult {
    Objects.requireNonNull(cid, "cid");
    deals = deals == null ? List.of() : List.copyOf(deals);
  }
}
