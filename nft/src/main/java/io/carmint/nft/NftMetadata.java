package io.carmint.nft;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * ERC-721 / ERC-1155 token metadata with its files, to be encoded exactly as the nft.storage JavaScript client
 * 7.2.0 encodes it ({@code NFTStorage.encodeNFT}, {@code store}): same root CID ({@code ipnft}), same
 * {@code metadata.json} bytes, same blocks.
 *
 * <pre>{@code
 * NftMetadata metadata = NftMetadata.builder()
 *     .name("Cat #1")
 *     .description("A cat, minted with carmint")
 *     .image(NftAsset.of(Path.of("cat.png")))
 *     .property("rarity", "common")
 *     .property("video", NftAsset.of(Path.of("cat.mp4")))
 *     .build();
 * NftToken token = metadata.encode(Path.of("cat.car"));
 * System.out.println(token.url()); // ipfs://bafyrei…/metadata.json
 * }</pre>
 *
 * <p><b>Values</b> are what the client's JSON can hold: {@link String}, {@link Boolean}, {@code null}, numbers
 * (held as doubles, as in JavaScript: an integer type beyond 2<sup>53</sup> that a double cannot hold exactly is
 * rejected rather than rounded; NaN and the infinities are written as {@code null}, as {@code JSON.stringify} writes
 * them), {@link List}s, {@link Map}s with string keys (in their iteration order: use a {@link LinkedHashMap}), and
 * {@link NftAsset} files anywhere. Keys keep the order in which they were first set, except that, as in every
 * JavaScript object, keys that are array indices ({@code "0"}, {@code "17"}) come first in numeric order, and a
 * key holding a file moves to the end of its object in {@code metadata.json} (the client drops it in a JSON round
 * trip and sets it again).
 *
 * <p><b>Checked when built</b> ({@link InvalidNftException}): the client's own checks ({@code name} and
 * {@code description} strings, {@code image} a file, {@code decimals} a number if present), and inputs the client
 * would encode wrongly, which carmint refuses instead of reproducing: a file under a key that contains {@code .}
 * (the client splits paths on dots), a {@code __proto__} key, and a file name whose {@code ipfs://} URL would not
 * name the file in its directory (a {@code #} or {@code ?}, a {@code %} escape, leading or trailing whitespace,
 * TAB/LF/CR, {@code .} or {@code ..} segments, NUL).
 *
 * <p>Immutable and thread-safe.
 */
public final class NftMetadata {
  private final JsValue.Obj root;
  private final List<Located> assets;

  /** A file and where it is: the client's dotted path and the keys and indices that lead to it. */
  record Located(NftAsset asset, String dotted, List<Object> path) {}

  private NftMetadata(JsValue.Obj root, List<Located> assets) {
    this.root = root;
    this.assets = assets;
  }

  /** @return an empty builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the {@code name} field */
  public String name() {
    return ((JsValue.Str) root.entries().get("name")).value();
  }

  /** @return the {@code description} field */
  public String description() {
    return ((JsValue.Str) root.entries().get("description")).value();
  }

  /** @return the {@code image} file */
  public NftAsset image() {
    return ((JsValue.File) root.entries().get("image")).asset();
  }

  /**
   * @return every file in the order the client finds and packs them (depth first, keys in JavaScript order); a
   *     file given at two places is listed twice
   */
  public List<NftAsset> assets() {
    List<NftAsset> out = new ArrayList<>(assets.size());
    for (Located l : assets) {
      out.add(l.asset());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Encodes the token and writes its CAR: each file packed into a directory of its own, {@code metadata.json} with
   * the files' {@code ipfs://} URLs, and the dag-cbor root, as the nft.storage client does. Files are streamed from
   * disk. The CAR (CARv1, the root in its header, every block once, children before parents, the root last) is
   * written under a temporary name next to {@code car} and renamed when complete.
   *
   * @param car where to write the CAR (created or replaced)
   * @return the root CID, URLs and {@code metadata.json}
   * @throws IOException if a file cannot be read or the CAR cannot be written
   */
  public NftToken encode(Path car) throws IOException {
    return TokenEncoder.encode(this, Objects.requireNonNull(car, "car"));
  }

  JsValue.Obj root() {
    return root;
  }

  List<Located> located() {
    return assets;
  }

  /** @return the metadata as JSON, keys in JavaScript order, each file as {@code "[file <name> (<source>)]"} */
  @Override
  public String toString() {
    return "NftMetadata" + JsJson.stringify(root, url -> url);
  }

  /**
   * Collects the fields of a {@link NftMetadata}: {@link #name}, {@link #description}, {@link #image},
   * {@link #property properties} and any other top-level {@link #field}. A field set again keeps its place. Not
   * thread-safe.
   */
  public static final class Builder {
    private final LinkedHashMap<String, JsValue> fields = new LinkedHashMap<>();
    private LinkedHashMap<String, JsValue> properties;

    private Builder() {}

    /**
     * @param name the asset's name
     * @return this builder with {@code name}, the asset's name (required)
     */
    public Builder name(String name) {
      return field("name", Objects.requireNonNull(name, "name"));
    }

    /**
     * @param description the description
     * @return this builder with {@code description} (required; may be empty)
     */
    public Builder description(String description) {
      return field("description", Objects.requireNonNull(description, "description"));
    }

    /**
     * @param image the image file
     * @return this builder with the {@code image} file (required)
     */
    public Builder image(NftAsset image) {
      return field("image", Objects.requireNonNull(image, "image"));
    }

    /**
     * Sets {@code properties[key]}, creating the {@code properties} object at this place if it is not there.
     *
     * @param value a string, number, boolean, null, list, map or {@link NftAsset}
     * @param key the property's name
     * @return this builder
     * @throws InvalidNftException if the value cannot be held, or {@code properties} was set to something other
     *     than an object
     */
    public Builder property(String key, Object value) {
      Objects.requireNonNull(key, "key");
      if (properties == null) {
        JsValue existing = fields.get("properties");
        if (existing != null && !(existing instanceof JsValue.Obj)) {
          throw new InvalidNftException("properties: is not an object, so property '" + key + "' cannot be set");
        }
        properties = existing == null ? new LinkedHashMap<>() : new LinkedHashMap<>(((JsValue.Obj) existing).entries());
        fields.put("properties", JsValue.Null.INSTANCE); // its place; the object is made by build()
      }
      properties.put(key, toJs(value, "properties." + key));
      return this;
    }

    /**
     * @param values the properties, by name
     * @return this builder with {@link #property} set for each entry, in the map's iteration order
     */
    public Builder properties(Map<String, ?> values) {
      values.forEach(this::property);
      return this;
    }

    /**
     * Sets any top-level field, such as {@code external_url}, {@code attributes}, {@code animation_url} (a file or
     * a string) or {@code decimals}.
     *
     * @param value a string, number, boolean, null, list, map or {@link NftAsset}
     * @param key the field's name
     * @return this builder
     * @throws InvalidNftException if the value cannot be held
     */
    public Builder field(String key, Object value) {
      Objects.requireNonNull(key, "key");
      if (key.equals("properties")) {
        properties = null;
      }
      fields.put(key, toJs(value, key));
      return this;
    }

    /**
     * @return the metadata
     * @throws InvalidNftException if {@code name} or {@code description} is not a string, {@code image} is not a
     *     file, {@code decimals} is present and not a number (the client's checks, in its order), or a key or file
     *     name cannot be encoded as the client would (see {@link NftMetadata})
     */
    public NftMetadata build() {
      LinkedHashMap<String, JsValue> all = new LinkedHashMap<>(fields);
      if (properties != null) {
        all.put("properties", new JsValue.Obj(properties));
      }
      if (!(all.get("name") instanceof JsValue.Str)) {
        throw new InvalidNftException("name: a string identifying the asset is required");
      }
      if (!(all.get("description") instanceof JsValue.Str)) {
        throw new InvalidNftException("description: a string describing the asset is required");
      }
      if (!(all.get("image") instanceof JsValue.File)) {
        throw new InvalidNftException("image: a file (NftAsset) is required");
      }
      if (all.containsKey("decimals") && !(all.get("decimals") instanceof JsValue.Num)) {
        throw new InvalidNftException("decimals: must be a number");
      }
      JsValue.Obj root = new JsValue.Obj(all);
      List<Located> found = new ArrayList<>();
      collect(root, new ArrayList<>(), found);
      for (Located l : found) {
        TokenEncoder.entryPath(l.asset().name(), l.dotted());
      }
      return new NftMetadata(root, List.copyOf(found));
    }

    /** Finds the files depth first, in the order the client does, and checks the keys on the way. */
    private static void collect(JsValue v, List<Object> path, List<Located> out) {
      if (v instanceof JsValue.File f) {
        for (Object step : path) {
          if (step instanceof String key && key.indexOf('.') >= 0) {
            throw new InvalidNftException(dotted(path) + ": a file under the key \"" + key + "\", which contains "
                + "'.': the nft.storage client splits a file's path on '.' and would fail or put the file elsewhere; "
                + "rename the key");
          }
        }
        out.add(new Located(f.asset(), dotted(path), List.copyOf(path)));
      } else if (v instanceof JsValue.Arr a) {
        for (int i = 0; i < a.items().size(); i++) {
          path.add(i);
          collect(a.items().get(i), path, out);
          path.remove(path.size() - 1);
        }
      } else if (v instanceof JsValue.Obj o) {
        Set<String> stored = new HashSet<>();
        for (String k : o.keys()) {
          path.add(k);
          if (!stored.add(IpfsUrl.usv(k))) {
            throw new InvalidNftException(dotted(path) + ": this key and another differ only in lone surrogates, "
                + "which the root block stores both as U+FFFD; rename one");
          }
          if (k.equals("__proto__")) {
            throw new InvalidNftException(dotted(path) + ": the key __proto__ sets a JavaScript object's prototype "
                + "instead of a field, so the client would drop it; rename the key");
          }
          collect(o.entries().get(k), path, out);
          path.remove(path.size() - 1);
        }
      }
    }

    private static String dotted(List<Object> path) {
      StringBuilder b = new StringBuilder();
      for (Object step : path) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(step);
      }
      return b.toString();
    }

    /** Converts a Java value to the JavaScript value the client would see. */
    static JsValue toJs(Object value, String where) {
      if (value == null) {
        return JsValue.Null.INSTANCE;
      }
      if (value instanceof String s) {
        return new JsValue.Str(s);
      }
      if (value instanceof Boolean b) {
        return new JsValue.Bool(b);
      }
      if (value instanceof Number n) {
        return new JsValue.Num(toDouble(n, where));
      }
      if (value instanceof NftAsset a) {
        return new JsValue.File(a);
      }
      if (value instanceof List<?> list) {
        List<JsValue> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          items.add(toJs(list.get(i), where + "." + i));
        }
        return new JsValue.Arr(items);
      }
      if (value instanceof Map<?, ?> map) {
        LinkedHashMap<String, JsValue> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!(e.getKey() instanceof String key)) {
            throw new InvalidNftException(where + ": map keys must be strings, got " + e.getKey());
          }
          entries.put(key, toJs(e.getValue(), where + "." + key));
        }
        return new JsValue.Obj(entries);
      }
      throw new InvalidNftException(where + ": a " + value.getClass().getName() + " cannot be token metadata; use a "
          + "string, number, boolean, null, List, Map or NftAsset");
    }

    /** The double JavaScript would hold: exact for integers, the nearest double for decimals. */
    private static double toDouble(Number n, String where) {
      if (n instanceof Double || n instanceof Float) {
        return n.doubleValue();
      }
      if (n instanceof BigDecimal d) {
        return d.doubleValue();
      }
      BigInteger exact;
      if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
        exact = BigInteger.valueOf(n.longValue());
      } else if (n instanceof BigInteger b) {
        exact = b;
      } else {
        throw new InvalidNftException(where + ": a " + n.getClass().getName() + " cannot be token metadata; use "
            + "Long, Double, BigInteger or BigDecimal");
      }
      double d = exact.doubleValue();
      if (Double.isInfinite(d) || new BigDecimal(d).toBigIntegerExact().compareTo(exact) != 0) {
        throw new InvalidNftException(where + ": " + exact + " is not exactly a double, so JavaScript would change "
            + "it (to " + JsNumber.toString(d) + "); pass a double or a string");
      }
      return d;
    }
  }
}
