package io.carmint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import okhttp3.Headers;

/** Whatever a service sends, reading it throws only the declared exceptions. */
class ResponsesProperties {
  static Transport.Reply reply(byte[] body) {
    return new Transport.Reply(200, "GET /x", Headers.of("Count", "x1"), body);
  }

  /** Random JSON built from the fields the models know, with values of any JSON type. */
  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> keys = Arbitraries.of("cid", "size", "created", "type", "pin", "status", "deals", "files",
        "parts", "name", "lastChanged", "chainDealID", "meta", "value", "ok", "error");
    Arbitrary<String> scalars = Arbitraries.oneOf(
        Arbitraries.of("null", "true", "false", "0", "-1", "1e400", "3.5", "\"\"", "[]", "{}",
            "\"bafkqaaa\"", "\"QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR\"", "\"pinned\"",
            "\"2024-05-01T12:00:00Z\"", "\"2021-08-17 14:33:46.603538+00\"", "[\"bafkqaaa\"]"),
        Arbitraries.strings().ofMaxLength(12).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
    Arbitrary<String> member = Combinators.combine(keys, scalars).as((k, v) -> "\"" + k + "\":" + v);
    Arbitrary<String> object = member.list().ofMaxSize(8).map(ms -> "{" + String.join(",", ms) + "}");
    Arbitrary<String> nested = Combinators.combine(member.list().ofMaxSize(6), object, Arbitraries.of("pin", "value",
        "deals", "files")).as((ms, o, k) -> "{" + String.join(",", ms) + (ms.isEmpty() ? "" : ",") + "\"" + k
        + "\":" + (k.equals("deals") || k.equals("files") ? "[" + o + "]" : o) + "}");
    return Combinators.combine(Arbitraries.of("true", "false", "1"), Arbitraries.oneOf(nested, object,
        nested.map(n -> "[" + n + "]"))).as((ok, v) -> "{\"ok\":" + ok + ",\"value\":" + v + "}");
  }

  @Property(tries = 500)
  void arbitraryBytesAreAnswersOrMalformedResponses(@ForAll byte[] body) {
    readAll(body);
  }

  @Property(tries = 1000)
  void arbitraryJsonIsAnAnswerOrAMalformedResponse(@ForAll("jsonish") String json) {
    readAll(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads {@code body} as each model: the model or a one-line MalformedResponseException, nothing else. */
  static void readAll(byte[] body) {
    Transport.Reply r = reply(body);
    try {
      Responses.nft(r);
    } catch (MalformedResponseException e) {
      assertOneLine(e.getMessage());
    }
    try {
      Responses.check(r);
    } catch (MalformedResponseException e) {
      assertOneLine(e.getMessage());
    }
    try {
      Responses.page(r);
    } catch (MalformedResponseException e) {
      assertOneLine(e.getMessage());
    }
    try {
      Responses.deleted(r);
    } catch (MalformedResponseException e) {
      assertOneLine(e.getMessage());
    }
  }

  static void assertOneLine(String message) {
    assertFalse(message.contains("\n") || message.contains("\r"), message);
  }

  @Property(tries = 500)
  void errorBodiesAlwaysGiveAOneLineExplanation(@ForAll String body, @ForAll("contentTypes") String type,
      @ForAll @IntRange(min = 400, max = 599) int status) {
    ErrorReply r = ErrorReply.read(status, "POST /upload", body, type, body, Instant.EPOCH);
    ApiException e = r.toException(1);
    assertEquals(status, e.status());
    assertOneLine(e.getMessage());
    assertTrue(e.getMessage().startsWith("POST /upload: HTTP " + status), e.getMessage());
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of(null, "application/json", "text/html", "text/plain; charset=utf-8", "");
  }

  @Property(tries = 500)
  void timestampsParseOrFailWithDateTimeException(@ForAll String text) {
    try {
      Json.parseInstant(text);
    } catch (DateTimeException e) {
      // declared
    }
  }

  @Property(tries = 300)
  void theTokenIsRedactedFromAnyMessage(@ForAll("tokens") String token, @ForAll String before,
      @ForAll String after) {
    Transport t = new Transport(null, token, RetryPolicy.none(), RateLimiter.unlimited(), TimeSource.SYSTEM, 1,
        new Transport.Timeouts(Duration.ZERO, Duration.ZERO, 1));
    String redacted = t.redact(before + token + after);
    assertFalse(redacted.contains(token), redacted);
  }

  @Provide
  Arbitrary<String> tokens() {
    return Arbitraries.strings().withCharRange('!', '~').ofMinLength(16).ofMaxLength(64);
  }

  @Property(tries = 300)
  void backoffStaysWithinItsJitteredBounds(@ForAll @IntRange(min = 1, max = 40) int retry,
      @ForAll("unit") double random, @ForAll("unit") double jitter) {
    RetryPolicy p = RetryPolicy.builder().jitter(jitter).random(() -> random).build();
    Duration d = p.delayBefore(retry, null);
    double base = Math.min(1000.0 * Math.pow(2, retry - 1), 30_000.0);
    assertTrue(d.toMillis() <= base + 1 && d.toMillis() >= base * (1 - jitter) - 1, d + " for base " + base);
  }

  @Provide
  Arbitrary<Double> unit() {
    return Arbitraries.doubles().between(0, 0.999999).ofScale(6);
  }
}
