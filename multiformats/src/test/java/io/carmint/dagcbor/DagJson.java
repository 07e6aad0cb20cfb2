package io.carmint.dagcbor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmint.dagcbor.DagCborValue.BoolValue;
import io.carmint.dagcbor.DagCborValue.BytesValue;
import io.carmint.dagcbor.DagCborValue.FloatValue;
import io.carmint.dagcbor.DagCborValue.IntValue;
import io.carmint.dagcbor.DagCborValue.LinkValue;
import io.carmint.dagcbor.DagCborValue.ListValue;
import io.carmint.dagcbor.DagCborValue.MapValue;
import io.carmint.dagcbor.DagCborValue.NullValue;
import io.carmint.dagcbor.DagCborValue.TextValue;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Test-side reader of DAG-JSON (links as {@code {"/": "cid"}}, bytes as {@code {"/": {"bytes": "base64"}}}) into
 * the data model, built on Jackson and the JDK's Base64: an independent way to get the expected value of a
 * fixture.
 */
final class DagJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DagJson() {}

  static DagCborValue read(Path file) throws IOException {
    return toValue(MAPPER.readTree(file.toFile()));
  }

  static DagCborValue parse(String json) throws IOException {
    return toValue(MAPPER.readTree(json));
  }

  private static DagCborValue toValue(JsonNode n) {
    switch (n.getNodeType()) {
      case NULL:
        return NullValue.INSTANCE;
      case BOOLEAN:
        return BoolValue.of(n.booleanValue());
      case NUMBER:
        return n.isIntegralNumber() ? IntValue.of(n.bigIntegerValue()) : FloatValue.of(n.doubleValue());
      case STRING:
        return TextValue.of(n.textValue());
      case ARRAY: {
        List<DagCborValue> items = new ArrayList<>();
        n.forEach(item -> items.add(toValue(item)));
        return new ListValue(items);
      }
      case OBJECT: {
        if (n.size() == 1 && n.has("/")) {
          JsonNode slash = n.get("/");
          if (slash.isTextual()) {
            return LinkValue.of(Cid.parse(slash.textValue()));
          }
          if (slash.isObject() && slash.size() == 1 && slash.has("bytes")) {
            return BytesValue.of(Base64.getDecoder().decode(slash.get("bytes").textValue()));
          }
        }
        MapValue.Builder b = MapValue.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          b.put(e.getKey(), toValue(e.getValue()));
        }
        return b.build();
      }
      default:
        throw new IllegalArgumentException("Unexpected JSON node " + n.getNodeType());
    }
  }

  /** @return the CIDs of every link in {@code v}, depth-first in document order (maps in canonical key order) */
  static List<Cid> links(DagCborValue v) {
    List<Cid> out = new ArrayList<>();
    collect(v, out);
    return out;
  }

  private static void collect(DagCborValue v, List<Cid> out) {
    if (v instanceof LinkValue) {
      out.add(((LinkValue) v).cid());
    } else if (v instanceof ListValue) {
      ((ListValue) v).items().forEach(i -> collect(i, out));
    } else if (v instanceof MapValue) {
      ((MapValue) v).entries().values().forEach(i -> collect(i, out));
    }
  }
}
