package io.carmint.examples;

import io.carmint.testkit.LocalNftStorage;
import io.carmint.testkit.SettableClock;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code <pre>{@code …}</pre>} examples of this module's Javadoc, compiled so that they cannot rot: each marked
 * region is the text of one example ({@code DocExamplesTest} in carmint-cli checks they are equal). Compiled, not
 * run (the test classes below are not named to be run; the README example and the module's tests run the service).
 */
@SuppressWarnings("unused")
final class JavadocExamples {
  private JavadocExamples() {}

  static void localNftStorage() throws IOException {
    // --- Javadoc example ---
    try (LocalNftStorage service = LocalNftStorage.builder().token("secret").build().start()) {
      URI endpoint = service.endpoint();   // http://127.0.0.1:<port>/
      // point an NftStorageClient (or any HTTP client) at endpoint, with the token "secret"
    }
    // --- end ---
  }

  static final class SettableClockExample {
    // --- Javadoc example ---
    static final SettableClock CLOCK = new SettableClock(Instant.parse("2024-05-01T12:00:00Z"));
    @RegisterExtension
    static final LocalNftStorageExtension SERVICE =
        new LocalNftStorageExtension(LocalNftStorage.builder().token("t").clock(CLOCK).build());

    @Test
    void laterUploadsAreNewer() {
      CLOCK.advance(Duration.ofMinutes(5));   // uploads from here on are created 5 minutes later
    }
    // --- end ---
  }

  static final class ExtensionExample {
    // --- Javadoc example ---
    @RegisterExtension
    static final LocalNftStorageExtension SERVICE =
        new LocalNftStorageExtension(LocalNftStorage.builder().token("secret").build());

    @Test
    void uploads() throws IOException {
      URI endpoint = SERVICE.endpoint();   // http://127.0.0.1:<port>/
      // upload to endpoint with the token "secret"
    }
    // --- end ---
  }
}
