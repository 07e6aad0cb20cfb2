package io.carmint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client's tests run twice, once per supported OkHttp (client/pom.xml): this checks that each run really has
 * the OkHttp it names, and only that one, so a change in the build cannot silently test one version twice.
 */
class OkHttpVersionTest {
  @Test
  void theClassPathHoldsExactlyTheOkHttpThisRunIsFor() throws Exception {
    String expected = System.getProperty("carmint.expectedOkHttp");
    assumeTrue(expected != null, "run outside Maven: no expected OkHttp version given");
    List<?> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertEquals(1, copies.size(), () -> "copies of okhttp3.OkHttpClient: " + copies);
    // Read reflectively: OkHttp.VERSION is a compile-time constant in OkHttp 4, which javac would inline.
    Object version = Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
    assertEquals(expected, version);
  }
}
