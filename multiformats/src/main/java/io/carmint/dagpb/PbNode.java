package io.carmint.dagpb;

import io.carmint.multiformats.Cid;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A dag-pb node: its links, in order, and optional opaque data (a UnixFS message for UnixFS nodes).
 *
 * <p>Absent Data is different from empty Data ({@code 0a 00}); both round-trip. Immutable.
 *
 * @param links the links in block order
 * @param data the Data field, if present
 */
public record PbNode(List<PbLink> links, Optional<Bytes> data) {
  private static final Set<String> NODE_KEYS = Set.of("Links", "Data");
  private static final Set<String> LINK_KEYS = Set.of("Hash", "Name", "Tsize");

  /**
   * @param links the links in block order
   * @param data the Data field, if present
   * @throws NullPointerException if a component or a link is null
   */
  public PbNode {
    links = List.copyOf(links);
    Objects.requireNonNull(data, "data");
  }

  /**
   * @param links the links
   * @param data the Data field, or {@code null}
   * @return a node with these links and data; {@code data} is copied, {@code null} means absent
   */
  public static PbNode of(List<PbLink> links, byte[] data) {
    return new PbNode(links, data == null ? Optional.empty() : Optional.of(Bytes.of(data)));
  }

  /**
   * @param links the links
   * @param data the Data field
   * @return a node with these links and {@code data} (never absent)
   */
  public static PbNode of(List<PbLink> links, Bytes data) {
    return new PbNode(links, Optional.of(data));
  }

  /**
   * @param links the links
   * @return a node with these links and no Data
   */
  public static PbNode of(List<PbLink> links) {
    return new PbNode(links, Optional.empty());
  }

  /** @return whether the links are sorted by {@link PbLink#NAME_ORDER} (equal names allowed), as encoding requires */
  public boolean linksSorted() {
    for (int i = 1; i < links.size(); i++) {
      if (PbLink.NAME_ORDER.compare(links.get(i - 1), links.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Builds a node from an IPLD data-model value, checking it has the dag-pb shape
   * {@code {"Links": [{"Hash": link, "Name"?: string, "Tsize"?: int}...], "Data"?: bytes}} with no other keys.
   *
   * <p>The Java forms of data-model kinds: map = {@link Map} with String keys, list = {@link List}, bytes =
   * {@code byte[]} or {@link Bytes}, link = {@link Cid}, string = {@link String}, int = {@link Long},
   * {@link Integer} or {@link BigInteger}, float = {@link Double} or {@link Float}, bool = {@link Boolean},
   * null = {@code null}. Link order is kept; {@link DagPb#encode} checks the sort.
   *
   * @param value the data-model value
   * @return the node
   * @throws InvalidDagPbException if the value is not a valid dag-pb form; the message names the rule
   */
  public static PbNode fromDataModel(Object value) {
    if (!(value instanceof Map)) {
      throw new InvalidDagPbException("Invalid DAG-PB form: the node must be a map, got " + kind(value));
    }
    Map<?, ?> map = (Map<?, ?>) value;
    for (Object key : map.keySet()) {
      if (!NODE_KEYS.contains(key)) {
        throw new InvalidDagPbException("Invalid DAG-PB form (extraneous properties): unexpected key " + key);
      }
    }
    Optional<Bytes> data = Optional.empty();
    if (map.containsKey("Data")) {
      data = Optional.of(asBytes(map.get("Data"))
          .orElseThrow(() -> new InvalidDagPbException("Invalid DAG-PB form (Data must be bytes), got "
              + kind(map.get("Data")))));
    }
    Object links = map.get("Links");
    if (!(links instanceof List)) {
      throw new InvalidDagPbException("Invalid DAG-PB form (Links must be a list), got " + kind(links));
    }
    List<PbLink> out = new ArrayList<>();
    int index = 0;
    for (Object l : (List<?>) links) {
      out.add(linkFromDataModel(l, index++));
    }
    return new PbNode(out, data);
  }

  private static PbLink linkFromDataModel(Object value, int index) {
    String where = " at link " + index;
    if (!(value instanceof Map)) {
      throw new InvalidDagPbException("Invalid DAG-PB form (bad link)" + where + ": expected a map, got "
          + kind(value));
    }
    Map<?, ?> map = (Map<?, ?>) value;
    for (Object key : map.keySet()) {
      if (!LINK_KEYS.contains(key)) {
        throw new InvalidDagPbException("Invalid DAG-PB form (extraneous properties on link)" + where
            + ": unexpected key " + key);
      }
    }
    if (!map.containsKey("Hash")) {
      throw new InvalidDagPbException("Invalid DAG-PB form (link must have a Hash)" + where);
    }
    if (!(map.get("Hash") instanceof Cid)) {
      throw new InvalidDagPbException("Invalid DAG-PB form (link Hash must be a CID)" + where + ", got "
          + kind(map.get("Hash")));
    }
    Optional<String> name = Optional.empty();
    if (map.containsKey("Name")) {
      if (!(map.get("Name") instanceof String)) {
        throw new InvalidDagPbException("Invalid DAG-PB form (link Name must be a string)" + where + ", got "
            + kind(map.get("Name")));
      }
      name = Optional.of((String) map.get("Name"));
    }
    OptionalLong tsize = OptionalLong.empty();
    if (map.containsKey("Tsize")) {
      Object t = map.get("Tsize");
      long v;
      if (t instanceof Long || t instanceof Integer) {
        v = ((Number) t).longValue();
      } else if (t instanceof BigInteger && ((BigInteger) t).bitLength() < 64) {
        v = ((BigInteger) t).longValue();
      } else if (t instanceof BigInteger) {
        throw new InvalidDagPbException("Invalid DAG-PB form (link Tsize out of range)" + where + ": " + t);
      } else {
        throw new InvalidDagPbException("Invalid DAG-PB form (link Tsize must be an integer)" + where + ", got "
            + kind(t));
      }
      if (v < 0) {
        throw new InvalidDagPbException("Invalid DAG-PB form (link Tsize cannot be negative)" + where + ": " + v);
      }
      tsize = OptionalLong.of(v);
    }
    return new PbLink((Cid) map.get("Hash"), name, tsize);
  }

  private static Optional<Bytes> asBytes(Object v) {
    if (v instanceof byte[]) {
      return Optional.of(Bytes.of((byte[]) v));
    }
    if (v instanceof Bytes) {
      return Optional.of((Bytes) v);
    }
    return Optional.empty();
  }

  private static String kind(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map) {
      return "a map";
    }
    if (v instanceof List) {
      return "a list";
    }
    if (v instanceof byte[] || v instanceof Bytes) {
      return "bytes";
    }
    if (v instanceof Cid) {
      return "a link";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Boolean) {
      return "a bool";
    }
    if (v instanceof Double || v instanceof Float) {
      return "a float";
    }
    if (v instanceof Number) {
      return "an int";
    }
    return v.getClass().getSimpleName();
  }
}
