package io.carmint.cli;

import io.carmint.client.NftStorageClient;
import io.carmint.client.PinStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the commands that talk to a service share (upload, status, check, list, delete): the {@link ServiceOptions}
 * (endpoint, token, retries), a client built from them, and the output streams. Subclasses add their own arguments
 * and {@link #call()}.
 */
abstract class ServiceCommand implements Callable<Integer> {
  @Mixin
  ServiceOptions service;

  @Spec
  CommandSpec spec;

  /**
   * @param tokenRequired whether the command cannot work without a token
   * @return a client of the configured service; the caller closes it
   * @throws UsageException if the endpoint (or a required token) is missing or malformed
   * @throws IOException if the token file cannot be read
   */
  NftStorageClient client(boolean tokenRequired) throws IOException {
    return service.clientBuilder(tokenRequired).build();
  }

  /** @return standard output */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** @return standard error */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** @return the pin's status as the API names it ({@code pinned}, {@code queued}…), or {@code unknown} if absent */
  static String pinStatus(PinStatus status) {
    return status.wireName();
  }
}
