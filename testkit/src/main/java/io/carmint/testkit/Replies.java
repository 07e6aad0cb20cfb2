package io.carmint.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The API's JSON answers, written here independently of the client's models (so that a disagreement between the
 * two shows up in tests): {@code {"ok":true,"value":…}} and {@code {"ok":false,"error":{"code","message"}}}, with
 * timestamps as JavaScript's {@code toISOString()} writes them.
 */
final class Replies {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Replies() {
  }

  static String timestamp(Instant t) {
    return ISO_MILLIS.format(t);
  }

  /** The API schema's {@code NFT}, with the {@code name} and {@code parts} the service adds. */
  static ObjectNode nft(UploadRecord r, String cid, String pinStatus) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("cid", cid);
    o.put("created", timestamp(r.created()));
    o.put("type", r.type() == null ? "" : r.type());
    o.put("scope", r.scope());
    ArrayNode files = o.putArray("files");
    for (UploadRecord.FileEntry f : r.files()) {
      ObjectNode fo = files.addObject().put("name", f.name());
      if (f.type() != null) {
        fo.put("type", f.type());
      }
    }
    o.put("size", r.size());
    o.put("name", r.name());
    ArrayNode parts = o.putArray("parts");
    r.parts().forEach(p -> parts.add(p.toString()));
    o.set("pin", pin(r, cid, pinStatus));
    o.putArray("deals");
    return o;
  }

  static ObjectNode pin(UploadRecord r, String cid, String pinStatus) {
    ObjectNode pin = MAPPER.createObjectNode();
    pin.put("cid", cid);
    pin.put("created", timestamp(r.created()));
    pin.put("size", r.size());
    pin.put("status", pinStatus);
    return pin;
  }

  /** {@code CheckResponse.value}. */
  static ObjectNode check(UploadRecord r, String cid, String pinStatus) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("cid", cid);
    o.set("pin", pin(r, cid, pinStatus));
    o.putArray("deals");
    return o;
  }

  /** Sends {@code {"ok":true,"value":value}} (no {@code value} when null) and completes {@code callback}. */
  static void ok(Response response, Callback callback, int status, Object value) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("ok", true);
    if (value != null) {
      body.set("value", MAPPER.valueToTree(value));
    }
    send(response, callback, status, body);
  }

  /** Sends the error in the API's shape and completes {@code callback}. */
  static void error(Response response, Callback callback, HttpError e) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("ok", false);
    body.putObject("error").put("code", e.code()).put("message", e.getMessage());
    send(response, callback, e.status(), body);
  }

  private static void send(Response response, Callback callback, int status, ObjectNode body) {
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      // a tree of strings and numbers always serialises
      callback.failed(e);
      return;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=UTF-8");
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
