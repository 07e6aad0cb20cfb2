package io.carmint.testkit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Upload records as JSON files of the on-disk storage. */
final class RecordCodec {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordCodec() {
  }

  static byte[] encode(UploadRecord r) throws IOException {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("owner", r.owner());
    o.put("scope", r.scope());
    o.put("sourceCid", r.sourceCid().toString());
    o.put("contentCid", r.contentCid().toString());
    o.put("size", r.size());
    o.put("created", r.created().toString());
    o.put("type", r.type());
    ArrayNode files = o.putArray("files");
    for (UploadRecord.FileEntry f : r.files()) {
      files.addObject().put("name", f.name()).put("type", f.type());
    }
    o.put("name", r.name());
    ArrayNode parts = o.putArray("parts");
    r.parts().forEach(p -> parts.add(p.toString()));
    o.put("sequence", r.sequence());
    return MAPPER.writeValueAsBytes(o);
  }

  /** A record file whose content is not an upload record (damaged, truncated, or hand-edited). */
  static final class MalformedRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedRecordException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * @throws MalformedRecordException if the bytes are not JSON, or a field is missing or malformed
   */
  static UploadRecord decode(byte[] json) throws MalformedRecordException {
    try {
      JsonNode o = MAPPER.readTree(json);
      if (o == null || !o.isObject()) {
        throw new MalformedRecordException("not a JSON object", null);
      }
      List<UploadRecord.FileEntry> files = new ArrayList<>();
      for (JsonNode f : o.path("files")) {
        files.add(new UploadRecord.FileEntry(f.path("name").asText(), f.path("type").asText(null)));
      }
      List<Cid> parts = new ArrayList<>();
      for (JsonNode p : o.path("parts")) {
        parts.add(Cid.parse(p.asText()));
      }
      return new UploadRecord(text(o, "owner"), text(o, "scope"), Cid.parse(text(o, "sourceCid")),
          Cid.parse(text(o, "contentCid")), number(o, "size"), Instant.parse(text(o, "created")),
          o.path("type").asText(null), files, o.path("name").asText(null), parts, number(o, "sequence"));
    } catch (MalformedRecordException e) {
      throw e;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new MalformedRecordException(e.getOriginalMessage() + (at == null ? "" : " (line " + at.getLineNr()
          + ", column " + at.getColumnNr() + ")"), e);
    } catch (IOException | IllegalArgumentException | DateTimeException e) {
      throw new MalformedRecordException(e.getMessage(), e);
    }
  }

  private static String text(JsonNode o, String field) throws MalformedRecordException {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) {
      throw new MalformedRecordException("field '" + field + "' is missing or not text", null);
    }
    return v.asText();
  }

  private static long number(JsonNode o, String field) throws MalformedRecordException {
    JsonNode v = o.get(field);
    if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
      throw new MalformedRecordException("field '" + field + "' is missing or not an integer", null);
    }
    return v.asLong();
  }
}
