package io.carmint.nft;

import io.carmint.multiformats.Cid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JavaScript value as the nft.storage client sees token input: what {@link NftMetadata} holds and what the
 * encoder turns into {@code metadata.json} and the dag-cbor root. Numbers are doubles, as in JavaScript; objects
 * list their keys in JavaScript's order ({@link Obj#keys()}).
 */
sealed interface JsValue {
  /** {@code null}. */
  enum Null implements JsValue {
    /** The only instance. */
    INSTANCE
  }

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements JsValue {}

  /** A number: any double, NaN and the infinities included (they become {@code null} in JSON). */
  record Num(double value) implements JsValue {}

  /** A string: any UTF-16 text, lone surrogates included. */
  record Str(String value) implements JsValue {}

  /** A file (a {@code Blob} or {@code File} in JavaScript). */
  record File(NftAsset asset) implements JsValue {}

  /**
   * Where the encoder put a file: its URL in {@code metadata.json}, a link to its wrapping directory in the root.
   *
   * @param cid the wrapping directory
   * @param url {@code new URL('ipfs://' + cid + '/' + name).href}
   */
  record Link(Cid cid, String url) implements JsValue {}

  /** An array. */
  record Arr(List<JsValue> items) implements JsValue {
    public Arr {
      items = Collections.unmodifiableList(new ArrayList<>(items));
    }
  }

  /**
   * An object: keys in insertion order, listed in JavaScript's order by {@link #keys()}.
   *
   * @param entries the entries in insertion order (a key set again keeps its first place, as in JavaScript)
   */
  record Obj(Map<String, JsValue> entries) implements JsValue {
    public Obj {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * @return the keys as {@code Object.keys} lists them: array-index keys (the canonical decimal form of 0 to
     *     2<sup>32</sup>−2) first, in ascending numeric order, then the others in insertion order
     */
    List<String> keys() {
      List<String> indices = new ArrayList<>();
      List<String> others = new ArrayList<>();
      for (String k : entries.keySet()) {
        (isArrayIndex(k) ? indices : others).add(k);
      }
      if (indices.isEmpty()) {
        return others;
      }
      indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
      indices.addAll(others);
      return indices;
    }

    /** @return whether JavaScript treats {@code key} as an array index (ECMA-262 "array index") */
    static boolean isArrayIndex(String key) {
      int n = key.length();
      if (n == 0 || n > 10 || (n > 1 && key.charAt(0) == '0')) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        char c = key.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
      return Long.parseLong(key) <= 4_294_967_294L;
    }
  }
}
