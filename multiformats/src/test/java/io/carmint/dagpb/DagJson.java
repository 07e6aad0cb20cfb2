package io.carmint.dagpb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: reads DAG-JSON (the codec-fixtures' readable form) into plain data-model Java values. */
final class DagJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private DagJson() {}

  static Object read(Path file) throws IOException {
    return toDataModel(MAPPER.readTree(Files.readAllBytes(file)));
  }

  static Object toDataModel(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(e -> out.add(toDataModel(e)));
      return out;
    }
    // object: a link {"/": "cid"}, bytes {"/": {"bytes": "b64"}}, or a map
    if (n.size() == 1 && n.has("/")) {
      JsonNode slash = n.get("/");
      if (slash.isTextual()) {
        return Cid.parse(slash.textValue());
      }
      if (slash.isObject() && slash.size() == 1 && slash.has("bytes")) {
        return Base64.getDecoder().decode(slash.get("bytes").textValue());
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), toDataModel(e.getValue()));
    }
    return out;
  }
}
