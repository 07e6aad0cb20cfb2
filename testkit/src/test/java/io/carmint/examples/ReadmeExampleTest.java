package io.carmint.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.testkit.LocalNftStorage;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example of testkit/README.md, compiled and run. */
// --- README example ---
class ReadmeExampleTest {
  @RegisterExtension // started before the tests of this class, stopped after them
  static final LocalNftStorageExtension SERVICE =
      new LocalNftStorageExtension(LocalNftStorage.builder().token("test-token").build());

  @Test
  void listsNothingYet() throws Exception {
    HttpRequest list = HttpRequest.newBuilder(SERVICE.endpoint().resolve("?limit=10"))
        .header("Authorization", "Bearer test-token").build();
    HttpResponse<String> r = HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString());
    assertEquals("{\"ok\":true,\"value\":[]}", r.body());
    assertEquals("0", r.headers().firstValue("Count").orElseThrow());
  }
}
// --- end ---
