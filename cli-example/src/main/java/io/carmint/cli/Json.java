package io.carmint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * The {@code --json} output: one JSON object (or, for listings, one object per line) written by Jackson on one
 * line. Field names and their order are a contract, documented in cli-example/README.md ("JSON output"); fields are
 * added, never renamed or removed, within a major version.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** @return an empty object; fields keep the order they are put in */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** @return an empty array */
  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Prints {@code node} on one line and flushes. */
  static void print(PrintWriter out, Object node) {
    try {
      out.println(MAPPER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
    out.flush();
  }
}
