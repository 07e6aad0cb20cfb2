package io.carmint.testkit.junit;

import io.carmint.testkit.LocalNftStorage;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link LocalNftStorage} around JUnit 5 tests. Registered on a static field it starts before all tests of
 * the class and stops after them; on an instance field, a fresh service runs around each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalNftStorageExtension SERVICE =
 *     new LocalNftStorageExtension(LocalNftStorage.builder().token("secret").build());
 *
 * @Test
 * void uploads() throws IOException {
 *   URI endpoint = SERVICE.endpoint();   // http://127.0.0.1:<port>/
 *   // upload to endpoint with the token "secret"
 * }
 * }</pre>
 *
 * <p>This is the only class of the testkit that needs JUnit (an optional dependency of {@code carmint-testkit}):
 * the service itself runs without it. Thread-safe.
 */
public final class LocalNftStorageExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final LocalNftStorage service;
  private boolean startedForEach;

  /** @param service the service to start and stop; not started yet */
  public LocalNftStorageExtension(LocalNftStorage service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  /** @return the service this extension runs */
  public LocalNftStorage service() {
    return service;
  }

  /**
   * @return the running service's endpoint, {@code http://127.0.0.1:<port>/}
   * @throws IllegalStateException if it is not running
   */
  public URI endpoint() {
    return service.endpoint();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    service.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    service.stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    synchronized (this) {
      if (service.isRunning()) {
        return;
      }
      startedForEach = true;
    }
    service.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    synchronized (this) {
      if (!startedForEach) {
        return;
      }
      startedForEach = false;
    }
    service.stop();
  }
}
