package io.carmint.client.gateway;

import io.carmint.multiformats.Cid;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful fetch did.
 *
 * @param path the content path fetched
 * @param cid the CID at the end of the path
 * @param gateway the gateway whose answer verified
 * @param mode how that gateway delivered the blocks
 * @param blocks blocks received and verified from it (a block the DAG holds twice counts twice)
 * @param bytes bytes of those blocks
 * @param output the file, directory or CAR written (absolute); empty when only verifying
 * @param failures the gateways tried before, and why each failed
 */
public record FetchResult(IpfsPath path, Cid cid, URI gateway, RetrievalMode mode, long blocks, long bytes,
    Optional<Path> output, List<GatewayException> failures) {
  /** @throws NullPointerException if a component is null */
  public FetchResult {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(output, "output");
    failures = List.copyOf(failures);
  }
}
