package io.carmint.dagpb;

import io.carmint.multiformats.Cid;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One link of a dag-pb node: the child's CID, an optional name and an optional cumulative size.
 *
 * <p>An absent Name is different from an empty one ({@code 12 00} on the wire), and an absent Tsize from
 * {@code 0}: both round-trip exactly. UnixFS writers (Kubo, the JS importers) always set both, with Name
 * {@code ""} for file chunks. Immutable.
 *
 * @param hash the child's CID
 * @param name the link name, if present
 * @param tsize the cumulative size of the child's DAG in bytes (block plus all descendants), if present
 */
public record PbLink(Cid hash, Optional<String> name, OptionalLong tsize) {
  /**
   * Orders links by the UTF-8 bytes of their name (an absent name counts as empty), shorter first on a shared
   * prefix: the order dag-pb requires for encoding. Consistent with equals only on names.
   */
  public static final Comparator<PbLink> NAME_ORDER = (a, b) -> compareNames(a.nameOrEmpty(), b.nameOrEmpty());

  /**
   * @param hash the child's CID
   * @param name the link name, if present
   * @param tsize the cumulative size of the child's DAG in bytes, if present
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code tsize} is negative
   */
  public PbLink {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tsize, "tsize");
    if (tsize.isPresent() && tsize.getAsLong() < 0) {
      throw new IllegalArgumentException("Tsize must be non-negative, got " + tsize.getAsLong());
    }
  }

  /**
   * @param hash the CID linked to
   * @param name the link's Name
   * @param tsize the cumulative size of the DAG linked to
   * @return a link with both Name and Tsize present, as UnixFS writers make them
   * @throws IllegalArgumentException if {@code tsize} is negative
   */
  public static PbLink of(Cid hash, String name, long tsize) {
    return new PbLink(hash, Optional.of(name), OptionalLong.of(tsize));
  }

  /**
   * @param hash the CID linked to
   * @return a link with neither Name nor Tsize
   */
  public static PbLink of(Cid hash) {
    return new PbLink(hash, Optional.empty(), OptionalLong.empty());
  }

  /** @return the name, or {@code ""} when absent */
  public String nameOrEmpty() {
    return name.orElse("");
  }

  /**
   * Compares two names by their UTF-8 bytes (unsigned), shorter first on a shared prefix, without encoding them:
   * UTF-8 byte order is Unicode code point order. Java's {@link String#compareTo} (UTF-16 order) differs for
   * characters above U+FFFF versus U+E000..U+FFFF.
   *
   * @param a a name
   * @param b another name
   * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
   */
  public static int compareNames(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /**
   * @param s a string
   * @return the number of UTF-8 bytes of {@code s} (unpaired surrogates count as the 1-byte '?' Java writes)
   */
  public static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n += 1;
      } else {
        n += 3;
      }
    }
    return n;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
