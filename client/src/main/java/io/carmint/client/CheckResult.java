package io.carmint.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.carmint.multiformats.Cid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the unauthenticated {@code GET /check/{cid}} says about content: API schema {@code CheckResponse.value}.
 *
 * @param cid the content CID
 * @param pin the pin, if the service sent one
 * @param deals the Filecoin deals (often empty)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckResult(Cid cid, Optional<Pin> pin, List<Deal> deals) {
  /** @throws NullPointerException if {@code cid} is null */
  public CheckResult {
    Objects.requireNonNull(cid, "cid");
    pin = Models.orEmpty(pin);
    deals = deals == null ? List.of() : List.copyOf(deals);
  }

  /** Reads the service's JSON, where an absent or null field is a null here. */
  @JsonCreator
  static CheckResult fromJson(@JsonProperty("cid") Cid cid, @JsonProperty("pin") Pin pin,
      @JsonProperty("deals") List<Deal> deals) {
    return new CheckResult(cid, Optional.ofNullable(pin), deals);
  }

  /** @return the pin's status, {@link PinStatus#UNKNOWN} if the service sent no pin */
  public PinStatus pinStatus() {
    return pin.map(Pin::status).orElse(PinStatus.UNKNOWN);
  }
}
