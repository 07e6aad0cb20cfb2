package io.carmint.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the bodies of successful answers: {@code {"ok":true,"value":…}} into the models. Anything else (not JSON,
 * {@code "ok": false}, no value, a value that is not the model) is a {@link MalformedResponseException}, and
 * nothing else is thrown, whatever the bytes.
 */
final class Responses {
  private Responses() {
  }

  static Nft nft(Transport.Reply reply) throws MalformedResponseException {
    return toModel(reply, envelope(reply), Nft.class);
  }

  static CheckResult check(Transport.Reply reply) throws MalformedResponseException {
    return toModel(reply, envelope(reply), CheckResult.class);
  }

  static ListPage page(Transport.Reply reply) throws MalformedResponseException {
    JsonNode value = envelope(reply);
    if (!value.isArray()) {
      throw new MalformedResponseException(reply.status(), reply.request(), "value is not an array");
    }
    List<Nft> nfts = new ArrayList<>(value.size());
    for (JsonNode n : value) {
      nfts.add(toModel(reply, n, Nft.class));
    }
    String count = reply.headers().get("Count");
    OptionalLong total = OptionalLong.empty();
    if (count != null) {
      try {
        total = OptionalLong.of(Long.parseLong(count.strip()));
      } catch (NumberFormatException e) {
        total = OptionalLong.empty();
      }
    }
    return new ListPage(nfts, total);
  }

  /** A delete is answered 200 or 202, with {@code {"ok":true}} or nothing; only an explicit failure is refused. */
  static void deleted(Transport.Reply reply) throws MalformedResponseException {
    String text = text(reply).strip();
    if (!text.startsWith("{")) {
      return;
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw new MalformedResponseException(reply.status(), reply.request(), "invalid JSON: " + ErrorReply.snippet(text));
    }
    if (root != null && root.path("ok").isBoolean() && !root.path("ok").booleanValue()) {
      throw new MalformedResponseException(reply.status(), reply.request(),
          "\"ok\": false in a " + reply.status() + " answer: " + ErrorReply.snippet(text));
    }
  }

  private static String text(Transport.Reply reply) {
    return new String(reply.body(), StandardCharsets.UTF_8);
  }

  private static JsonNode envelope(Transport.Reply reply) throws MalformedResponseException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(reply.body());
    } catch (IOException e) {
      throw new MalformedResponseException(reply.status(), reply.request(), "not JSON: " + snippet(reply));
    }
    if (root == null || !root.isObject()) {
      throw new MalformedResponseException(reply.status(), reply.request(), "not a JSON object: " + snippet(reply));
    }
    JsonNode ok = root.get("ok");
    if (ok != null && ok.isBoolean() && !ok.booleanValue()) {
      throw new MalformedResponseException(reply.status(), reply.request(), "\"ok\": false in a "
          + reply.status() + " answer: " + ErrorReply.snippet(root.path("error").toString()));
    }
    JsonNode value = root.get("value");
    if (value == null || value.isNull()) {
      throw new MalformedResponseException(reply.status(), reply.request(), "no \"value\"");
    }
    return value;
  }

  private static String snippet(Transport.Reply reply) {
    String s = ErrorReply.snippet(text(reply));
    return s == null ? "(empty)" : s;
  }

  private static <T> T toModel(Transport.Reply reply, JsonNode node, Class<T> type) throws MalformedResponseException {
    try {
      return Json.treeToValue(node, type);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new MalformedResponseException(reply.status(), reply.request(),
          "not a " + type.getSimpleName() + ": " + ErrorReply.snippet(String.valueOf(e.getMessage())));
    }
  }
}
