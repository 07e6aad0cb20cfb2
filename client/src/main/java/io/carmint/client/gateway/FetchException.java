package io.carmint.client.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every gateway failed a fetch. The message is one line listing each gateway's reason in the order they were tried;
 * {@link #failures()} has them as exceptions (also added as suppressed exceptions). Nothing was written to the
 * output.
 */
public final class FetchException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient IpfsPath path;
  private final transient List<GatewayException> failures;

  /**
   * @param path what was fetched
   * @param failures each gateway's failure, in the order tried; at least one
   * @throws IllegalArgumentException if {@code failures} is empty
   */
  public FetchException(IpfsPath path, List<GatewayException> failures) {
    super(message(path, failures));
    this.path = path;
    this.failures = List.copyOf(failures);
    this.failures.forEach(this::addSuppressed);
  }

  private static String message(IpfsPath path, List<GatewayException> failures) {
    Objects.requireNonNull(path, "path");
    if (failures.isEmpty()) {
      throw new IllegalArgumentException("A FetchException needs at least one gateway failure");
    }
    return "Could not fetch " + path + (failures.size() == 1 ? " from the gateway: " : " from any of "
        + failures.size() + " gateways: ") + failures.stream().map(Throwable::getMessage)
        .collect(Collectors.joining("; "));
  }

  /** @return what was fetched */
  public IpfsPath path() {
    return path;
  }

  /** @return each gateway's failure, in the order tried */
  public List<GatewayException> failures() {
    return failures;
  }
}
