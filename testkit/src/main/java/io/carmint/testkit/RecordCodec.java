package io.carmint.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmint.multiformats.Cid;
import java.io.IOException;
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

  static UploadRecord decode(byte[] json) throws IOException {
    JsonNode o = MAPPER.readTree(json);
    List<UploadRecord.FileEntry> files = new ArrayList<>();
    for (JsonNode f : o.path("files")) {
      files.add(new UploadRecord.FileEntry(f.path("name").asText(), f.path("type").asText(null)));
    }
    List<Cid> parts = new ArrayList<>();
    for (JsonNode p : o.path("parts")) {
      parts.add(Cid.parse(p.asText()));
    }
    return new UploadRecord(o.path("owner").asText(), o.path("scope").asText(), Cid.parse(o.path("sourceCid").asText()),
        Cid.parse(o.path("contentCid").asText()), o.path("size").asLong(), Instant.parse(o.path("created").asText()),
        o.path("type").asText(null), files, o.path("name").asText(null), parts, o.path("sequence").asLong());
  }
}
