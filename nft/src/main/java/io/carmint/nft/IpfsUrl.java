package io.carmint.nft;

import io.carmint.multiformats.Cid;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The URLs the nft.storage client writes into token metadata, reproduced: {@code new URL('ipfs://' + cid + '/' +
 * name).href} as Node 20's WHATWG URL parser (ada) computes it, and {@code toGatewayURL}; plus the strict link the
 * collection writes.
 *
 * <p>What the parser does to the text after the CID ({@code ipfs:} is a non-special scheme): lone surrogates become
 * U+FFFD; trailing C0 controls and spaces are stripped and TAB, LF, CR removed; the first {@code ?} starts the
 * query and the first {@code #} the fragment; {@code /} separates segments, whose C0 controls, space, {@code " # <
 * > ? ` { }}, DEL and non-ASCII characters are percent-encoded as UTF-8 (uppercase hex) while {@code %} and
 * everything else stay; {@code .}, {@code %2e} segments vanish and {@code ..}-like segments remove the previous one
 * (on an empty path, ada adds nothing where the WHATWG text would add an empty segment). Checked against the 419
 * names of {@code testdata/nft} {@code urlTable}. Stateless.
 */
final class IpfsUrl {
  /** The client's default gateway ({@code nft.storage/src/gateway.js}). */
  static final String GATEWAY_ORIGIN = "https://nftstorage.link";

  private static final int PATH = 0;
  private static final int QUERY = 1;
  private static final int SPECIAL_QUERY = 2;
  private static final int FRAGMENT = 3;
  private static final int SEGMENT = 4;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private IpfsUrl() {}

  /** @return {@code new URL('ipfs://' + cid + '/' + name).href} */
  static String href(Cid cid, String name) {
    return "ipfs://" + cid + afterHost(name);
  }

  /**
   * @return the part of {@code new URL('ipfs://<cid>/' + name).href} after the CID: path, query and fragment as
   *     serialised (empty when the path is empty)
   */
  static String afterHost(String name) {
    String s = usv("/" + name);
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) <= 0x20) {
      end--; // leading and trailing C0 control or space of the whole input; the leading side is "ipfs://…"
    }
    StringBuilder in = new StringBuilder(end);
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        in.append(c);
      }
    }
    return parse(in.substring(1), false); // the first '/' ends the host
  }

  /**
   * {@code toGatewayURL(url)} of the client for an {@code ipfs:} href: {@code new URL('/ipfs/' +
   * href.slice('ipfs://'.length), 'https://nftstorage.link/')}, re-parsed as a special ({@code https}) URL, so
   * {@code \} becomes {@code /} and {@code '} in a query {@code %27}.
   */
  static String gateway(String ipfsHref) {
    if (!ipfsHref.startsWith("ipfs://")) {
      throw new IllegalArgumentException("Not an ipfs: URL: " + ipfsHref);
    }
    return GATEWAY_ORIGIN + parse("ipfs/" + ipfsHref.substring("ipfs://".length()), true);
  }

  /**
   * @return {@code ipfs://<cid>/<name>} with every character percent-encoded that the client encodes, and also
   *     {@code %}, {@code #}, {@code ?} and {@code \}, which the client leaves as URL syntax: the link always names
   *     the file {@code name}
   */
  static String link(Cid cid, String name) {
    StringBuilder b = new StringBuilder("ipfs://").append(cid).append('/');
    encode(b, usv(name), SEGMENT);
    return b.toString();
  }

  /**
   * @return {@code s} with its {@code %XX} escapes decoded as UTF-8, or null if an escape is malformed or the bytes
   *     are not UTF-8
   */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == '%') {
        int hi = i + 2 < utf8.length ? Character.digit(utf8[i + 1], 16) : -1;
        int lo = hi >= 0 ? Character.digit(utf8[i + 2], 16) : -1;
        if (lo < 0) {
          return null;
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else {
        bytes.write(utf8[i]);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The WHATWG "path state" onwards, from the first character after the slash that ends the host. */
  private static String parse(String in, boolean special) {
    List<String> path = new ArrayList<>();
    StringBuilder buffer = new StringBuilder();
    String query = null;
    String fragment = null;
    int n = in.length();
    for (int i = 0; i <= n; ) {
      int c = i < n ? in.codePointAt(i) : -1;
      boolean slash = c == '/' || (special && c == '\\');
      if (c == -1 || slash || c == '?' || c == '#') {
        String segment = buffer.toString();
        if (isDoubleDot(segment)) {
          if (!path.isEmpty()) {
            path.remove(path.size() - 1);
            if (!slash) {
              path.add("");
            }
          }
        } else if (isSingleDot(segment)) {
          if (!slash) {
            path.add("");
          }
        } else {
          path.add(segment);
        }
        buffer.setLength(0);
        if (c == '?' || c == '#') {
          int hash = c == '#' ? i : in.indexOf('#', i + 1);
          if (c == '?') {
            StringBuilder q = new StringBuilder();
            encode(q, in.substring(i + 1, hash < 0 ? n : hash), special ? SPECIAL_QUERY : QUERY);
            query = q.toString();
          }
          if (hash >= 0) {
            StringBuilder f = new StringBuilder();
            encode(f, in.substring(hash + 1), FRAGMENT);
            fragment = f.toString();
          }
          break;
        }
        if (c == -1) {
          break;
        }
      } else {
        encode(buffer, new String(Character.toChars(c)), PATH);
      }
      i += c == -1 ? 1 : Character.charCount(c);
    }
    StringBuilder out = new StringBuilder();
    for (String s : path) {
      out.append('/').append(s);
    }
    if (query != null) {
      out.append('?').append(query);
    }
    if (fragment != null) {
      out.append('#').append(fragment);
    }
    return out.toString();
  }

  private static boolean isSingleDot(String s) {
    return s.equals(".") || s.equalsIgnoreCase("%2e");
  }

  private static boolean isDoubleDot(String s) {
    return s.equals("..") || s.equalsIgnoreCase(".%2e") || s.equalsIgnoreCase("%2e.")
        || s.equalsIgnoreCase("%2e%2e");
  }

  private static void encode(StringBuilder b, String s, int set) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (inSet(c, set)) {
        for (byte x : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          b.append('%').append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
        }
      } else {
        b.appendCodePoint(c);
      }
    }
  }

  private static boolean inSet(int c, int set) {
    if (c < 0x20 || c > 0x7E) {
      return true; // the C0 control percent-encode set, in every set
    }
    return switch (set) {
      case FRAGMENT -> c == ' ' || c == '"' || c == '<' || c == '>' || c == '`';
      case QUERY -> c == ' ' || c == '"' || c == '#' || c == '<' || c == '>';
      case SPECIAL_QUERY -> inSet(c, QUERY) || c == '\'';
      case PATH -> inSet(c, QUERY) || c == '?' || c == '`' || c == '{' || c == '}';
      default -> inSet(c, PATH) || c == '%' || c == '\\' || c == '/'; // SEGMENT
    };
  }

  /** WebIDL's USVString conversion: every lone surrogate becomes U+FFFD. */
  static String usv(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (!pair && Character.isSurrogate(c)) {
        if (b == null) {
          b = new StringBuilder(s.length()).append(s, 0, i);
        }
        b.append('\uFFFD');
      } else {
        if (b != null) {
          b.append(c);
          if (pair) {
            b.append(s.charAt(i + 1));
          }
        }
        if (pair) {
          i++;
        }
      }
    }
    return b == null ? s : b.toString();
  }
}
