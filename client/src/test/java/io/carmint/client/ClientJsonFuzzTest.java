package io.carmint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.carmint.testsupport.FuzzSeeds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzz test (Jazzer) of the client's JSON models: whatever a service answers, reading it as each
 * model gives the model or a {@link MalformedResponseException}, and an error answer always gives a one-line
 * {@link ApiException}. {@code mvn verify} replays the named regression inputs under
 * {@code src/test/resources/io/carmint/client/ClientJsonFuzzTestInputs/<method>}; the README's Reliability section
 * gives the command that fuzzes it (Jackson is instrumented too, so that the fuzzer learns JSON).
 */
class ClientJsonFuzzTest {
  static Stream<byte[]> seeds() {
    String nft = ModelsTest.NFT_JSON;
    return FuzzSeeds.fuzzing() ? Stream.of("{\"ok\":true,\"value\":" + nft + "}",
        "{\"ok\":true,\"value\":[" + nft + "," + nft + "]}",
        "{\"ok\":true,\"value\":{\"cid\":\"bafkqaaa\",\"pin\":{\"status\":\"pinning\"},\"deals\":[]}}",
        "{\"ok\":true}", "{\"ok\":false,\"error\":{\"name\":\"HTTP Error\",\"message\":\"Unauthorized\"}}")
        .map(s -> s.getBytes(StandardCharsets.UTF_8)) : Stream.empty();
  }

  @MethodSource("seeds")
  @FuzzTest
  void responses(byte[] input) {
    ResponsesProperties.readAll(input);
    String body = new String(input, StandardCharsets.UTF_8);
    ApiException e = ErrorReply.read(429, "POST /upload", body, "application/json", body, Instant.EPOCH)
        .toException(1);
    assertEquals(429, e.status());
    ResponsesProperties.assertOneLine(e.getMessage());
    assertTrue(e.getMessage().startsWith("POST /upload: HTTP 429"), e.getMessage());
  }
}
