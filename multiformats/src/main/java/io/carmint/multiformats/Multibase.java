package io.carmint.multiformats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A <a href="https://github.com/multiformats/multibase">multibase</a> encoding: a prefix (one code point) that
 * names the encoding, followed by the data in that encoding.
 *
 * <p>There is one codec object per base (no switch over an enum); every encoding of the official registry is
 * here except proquint ({@code p}), whose handling of an odd number of bytes no spec defines. Decoding is
 * strict: padding exactly where the padded variants put it and nowhere else, no characters outside the
 * alphabet, no non-zero trailing bits (so {@code decode} then {@code encode} gives the text back, modulo case),
 * and upper/lower case mixed only in the bases the spec makes case-insensitive (base16, the base32 family except
 * base32z, base36). The reserved prefixes NUL, {@code 1}, {@code Q} and {@code /} decode as nothing. Every
 * instance is immutable and thread-safe.
 *
 * <p>Cost: the bit-stream bases and base45 and base256emoji are linear; the big-number bases (base10, base36,
 * base58) are quadratic in the length, so bound the length of untrusted text before decoding it.
 *
 * <pre>{@code
 * String s = Multibase.BASE32.encode(bytes);      // "b…"
 * byte[] back = Multibase.decodeAny(s);            // any known prefix
 * }</pre>
 */
public abstract class Multibase {
  /** base2 ({@code 0}): bits, most significant first. */
  public static final Multibase BASE2 = new Rfc4648("base2", "0", "01", 1, false, false);
  /** base8 ({@code 7}): a 3-bit stream, not a big-number conversion. */
  public static final Multibase BASE8 = new Rfc4648("base8", "7", "01234567", 3, false, false);
  /** base10 ({@code 9}): big-number decimal with one {@code 0} per leading zero byte. */
  public static final Multibase BASE10 = new BaseX("base10", "9", "0123456789", false);
  /** base16 ({@code f}): lowercase hex, decoded case-insensitively. */
  public static final Multibase BASE16 = new Rfc4648("base16", "f", "0123456789abcdef", 4, false, true);
  /** base16upper ({@code F}). */
  public static final Multibase BASE16_UPPER = new Rfc4648("base16upper", "F", "0123456789ABCDEF", 4, false, true);
  /** base32hex ({@code v}): RFC 4648 extended-hex alphabet, no padding. */
  public static final Multibase BASE32_HEX =
      new Rfc4648("base32hex", "v", "0123456789abcdefghijklmnopqrstuv", 5, false, true);
  /** base32hexupper ({@code V}). */
  public static final Multibase BASE32_HEX_UPPER =
      new Rfc4648("base32hexupper", "V", "0123456789ABCDEFGHIJKLMNOPQRSTUV", 5, false, true);
  /** base32hexpad ({@code t}). */
  public static final Multibase BASE32_HEX_PAD =
      new Rfc4648("base32hexpad", "t", "0123456789abcdefghijklmnopqrstuv", 5, true, true);
  /** base32hexpadupper ({@code T}). */
  public static final Multibase BASE32_HEX_PAD_UPPER =
      new Rfc4648("base32hexpadupper", "T", "0123456789ABCDEFGHIJKLMNOPQRSTUV", 5, true, true);
  /** base32 ({@code b}): RFC 4648 lowercase, no padding; the canonical text of CIDv1. */
  public static final Multibase BASE32 =
      new Rfc4648("base32", "b", "abcdefghijklmnopqrstuvwxyz234567", 5, false, true);
  /** base32upper ({@code B}). */
  public static final Multibase BASE32_UPPER =
      new Rfc4648("base32upper", "B", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 5, false, true);
  /** base32pad ({@code c}). */
  public static final Multibase BASE32_PAD =
      new Rfc4648("base32pad", "c", "abcdefghijklmnopqrstuvwxyz234567", 5, true, true);
  /** base32padupper ({@code C}). */
  public static final Multibase BASE32_PAD_UPPER =
      new Rfc4648("base32padupper", "C", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 5, true, true);
  /** base32z ({@code h}): z-base-32. */
  public static final Multibase BASE32_Z =
      new Rfc4648("base32z", "h", "ybndrfg8ejkmcpqxot1uwisza345h769", 5, false, false);
  /** base36 ({@code k}): big-number, lowercase, decoded case-insensitively. */
  public static final Multibase BASE36 = new BaseX("base36", "k", "0123456789abcdefghijklmnopqrstuvwxyz", true);
  /** base36upper ({@code K}). */
  public static final Multibase BASE36_UPPER =
      new BaseX("base36upper", "K", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", true);
  /** base58btc ({@code z}): the Bitcoin alphabet; CIDv0 text is base58btc without the prefix. */
  public static final Multibase BASE58_BTC =
      new BaseX("base58btc", "z", "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", false);
  /** base58flickr ({@code Z}). */
  public static final Multibase BASE58_FLICKR =
      new BaseX("base58flickr", "Z", "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", false);
  /** base64 ({@code m}): RFC 4648, no padding. */
  public static final Multibase BASE64 = new Rfc4648("base64", "m",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 6, false, false);
  /** base64pad ({@code M}). */
  public static final Multibase BASE64_PAD = new Rfc4648("base64pad", "M",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 6, true, false);
  /** base64url ({@code u}). */
  public static final Multibase BASE64_URL = new Rfc4648("base64url", "u",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 6, false, false);
  /** base64urlpad ({@code U}). */
  public static final Multibase BASE64_URL_PAD = new Rfc4648("base64urlpad", "U",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 6, true, false);
  /** base45 ({@code R}), RFC 9285: uppercase letters, digits and {@code " $%*+-./:"}. */
  public static final Multibase BASE45 = new Base45();
  /** base256emoji ({@code 🚀}, U+1F680): one emoji per byte, from the spec's table of 256 code points. */
  public static final Multibase BASE256_EMOJI = new Base256Emoji();

  private static final List<Multibase> ALL = List.of(BASE2, BASE8, BASE10, BASE16, BASE16_UPPER, BASE32_HEX,
      BASE32_HEX_UPPER, BASE32_HEX_PAD, BASE32_HEX_PAD_UPPER, BASE32, BASE32_UPPER, BASE32_PAD, BASE32_PAD_UPPER,
      BASE32_Z, BASE36, BASE36_UPPER, BASE45, BASE58_BTC, BASE58_FLICKR, BASE64, BASE64_PAD, BASE64_URL,
      BASE64_URL_PAD, BASE256_EMOJI);
  /** Prefixes the registry reserves so that they never name an encoding: NUL, '1' and 'Q' (CIDv0), '/' (paths). */
  private static final String RESERVED = "\0" + "1Q/";
  private static final Map<String, Multibase> BY_NAME = new LinkedHashMap<>();
  private static final Map<Integer, Multibase> BY_PREFIX = new LinkedHashMap<>();

  static {
    for (Multibase b : ALL) {
      BY_NAME.put(b.name(), b);
      BY_PREFIX.put(b.prefix().codePointAt(0), b);
    }
  }

  private final String name;
  private final String prefix;

  Multibase(String name, String prefix) {
    this.name = name;
    this.prefix = prefix;
  }

  /** @return the registry name, e.g. {@code base32} */
  public final String name() {
    return name;
  }

  /** @return the prefix, one code point (one or two chars) */
  public final String prefix() {
    return prefix;
  }

  /**
   * @param data the bytes to encode
   * @return {@code data} encoded, with the prefix
   */
  public final String encode(byte[] data) {
    StringBuilder sb = new StringBuilder(prefix.length() + data.length * 2);
    sb.append(prefix);
    encodeTo(data, sb);
    return sb.toString();
  }

  /**
   * @param data the bytes to encode
   * @return {@code data} encoded, without the prefix
   */
  public final String encodeBare(byte[] data) {
    StringBuilder sb = new StringBuilder(data.length * 2);
    encodeTo(data, sb);
    return sb.toString();
  }

  /**
   * Decodes text that starts with this base's prefix.
   *
   * @param text the prefix and the encoded payload
   * @return the decoded bytes
   * @throws MultibaseException if the prefix is another base's or the payload is invalid in this base
   */
  public final byte[] decode(CharSequence text) {
    Objects.requireNonNull(text, "text");
    if (!startsWith(text, prefix)) {
      throw new MultibaseException("Expected " + name + " text starting with '" + prefix + "'");
    }
    return decodeBare(text.subSequence(prefix.length(), text.length()));
  }

  /**
   * Decodes text without a prefix.
   *
   * @param text the encoded payload, without a prefix
   * @return the decoded bytes
   * @throws MultibaseException if the text is invalid in this base; the message gives the character index
   */
  public abstract byte[] decodeBare(CharSequence text);

  abstract void encodeTo(byte[] data, StringBuilder out);

  /**
   * Decodes multibase text in whatever base its prefix names.
   *
   * @param text the prefix and the encoded payload
   * @return the decoded bytes
   * @throws MultibaseException if the text is empty, its prefix names no known base, or it is invalid
   */
  public static byte[] decodeAny(CharSequence text) {
    return forText(text).decode(text);
  }

  /**
   * @param text multibase text
   * @return the base named by the first code point of {@code text}
   * @throws MultibaseException if the text is empty or the prefix is unknown or reserved
   */
  public static Multibase forText(CharSequence text) {
    Objects.requireNonNull(text, "text");
    if (text.length() == 0) {
      throw new MultibaseException("Empty multibase text");
    }
    int cp = Character.codePointAt(text, 0);
    if (RESERVED.indexOf(cp) >= 0) {
      throw new MultibaseException("Reserved multibase prefix " + shownPrefix(cp) + " names no encoding"
          + (cp == 'Q' || cp == '1' ? " (text starting 'Qm' is a CIDv0, read it with Cid.parse)" : ""));
    }
    Multibase base = BY_PREFIX.get(cp);
    if (base == null) {
      throw new MultibaseException("Unknown multibase prefix " + shownPrefix(cp));
    }
    return base;
  }

  /** The prefix as error messages show it (formatted only on error: String.format costs microseconds). */
  private static String shownPrefix(int cp) {
    return "'" + (cp < 0x20 ? "" : new String(Character.toChars(cp))) + "' (U+"
        + String.format(Locale.ROOT, "%04X", cp) + ")";
  }

  /**
   * @param codePoint the prefix, e.g. {@code 'b'} for base32
   * @return the base with this prefix code point, if known
   */
  public static Optional<Multibase> forPrefix(int codePoint) {
    return Optional.ofNullable(BY_PREFIX.get(codePoint));
  }

  /**
   * @param name registry name, e.g. {@code base58btc} (case-sensitive: {@code base32} and {@code base32upper}
   *     differ)
   * @return the base of that name
   * @throws MultibaseException if unknown; the message lists the known names
   */
  public static Multibase forName(String name) {
    Multibase b = BY_NAME.get(Objects.requireNonNull(name, "name"));
    if (b == null) {
      throw new MultibaseException("Unknown multibase '" + name + "'; known: "
          + String.join(", ", BY_NAME.keySet()));
    }
    return b;
  }

  /** @return every supported base, in registry order */
  public static List<Multibase> all() {
    return ALL;
  }

  private static boolean startsWith(CharSequence text, String prefix) {
    if (text.length() < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (text.charAt(i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static MultibaseException badChar(String base, CharSequence text, int index) {
    return new MultibaseException("Invalid " + base + " character '" + text.charAt(index) + "' at index " + index);
  }

  @Override
  public final String toString() {
    return name;
  }
}
