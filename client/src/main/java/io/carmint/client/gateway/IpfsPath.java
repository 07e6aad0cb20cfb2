package io.carmint.client.gateway;

import io.carmint.multiformats.Cid;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable content path: a root CID and the names to follow from it, as a gateway resolves
 * {@code /ipfs/{cid}/{name}/{name}}.
 *
 * <pre>{@code
 * IpfsPath p = IpfsPath.parse("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/wiki/index.html");
 * p.root();        // the CID
 * p.segments();    // [wiki, index.html]
 * p.toString();    // /ipfs/bafybei.../wiki/index.html
 * }</pre>
 *
 * @param root the CID the path starts from
 * @param segments the names to follow, each non-empty, without {@code /}, and neither {@code .} nor {@code ..}
 */
public record IpfsPath(Cid root, List<String> segments) {
  private static final String IPFS_PREFIX = "/ipfs/";
  private static final String IPFS_SCHEME = "ipfs://";

  /**
   * Checks the segments.
   *
   * @param root the CID the path starts from
   * @param segments the names to follow, each non-empty, without {@code /}, and neither {@code .} nor {@code ..}
   * @throws NullPointerException if a component or segment is null
   * @throws IllegalArgumentException if a segment is empty, {@code .} or {@code ..}, or holds {@code /}
   */
  public IpfsPath {
    Objects.requireNonNull(root, "root");
    segments = List.copyOf(segments);
    for (String s : segments) {
      if (s.isEmpty() || s.indexOf('/') >= 0) {
        throw new IllegalArgumentException("A path segment must be one non-empty name without '/', got '" + s + "'");
      }
      if (s.equals(".") || s.equals("..")) {
        throw new IllegalArgumentException("'" + s + "' is not allowed in an IPFS path: HTTP clients and gateways "
            + "resolve it before the request reaches the content, so it could not be verified");
      }
    }
  }

  /**
   * @param root the CID
   * @return the path of {@code root} itself, with no names to follow
   */
  public static IpfsPath of(Cid root) {
    return new IpfsPath(root, List.of());
  }

  /**
   * @param root the CID the path starts from
   * @param segments the names to follow, in order
   * @return the path of the names {@code segments} under {@code root}
   * @throws IllegalArgumentException as the constructor
   */
  public static IpfsPath of(Cid root, String... segments) {
    return new IpfsPath(root, List.of(segments));
  }

  /**
   * Reads a content path in one of three forms: {@code CID[/path]}, {@code /ipfs/CID[/path]} or
   * {@code ipfs://CID[/path]}. Empty segments (doubled or trailing slashes) are ignored. In the first two forms the
   * names are taken as written (a {@code %} is a percent sign, as in the name {@code 50%.txt}); in the {@code
   * ipfs://} form, a URI, percent escapes are decoded as UTF-8 ({@code %20} is a space).
   *
   * @param text the path, in one of the three forms
   * @return the path
   * @throws IllegalArgumentException if the text is empty, an IPNS name ({@code /ipns/}, {@code ipns://}: not
   *     verifiable without IPNS record checks), a URI with a query or fragment, or holds an invalid CID, a {@code .}
   *     or {@code ..} segment, or a bad percent escape ({@link io.carmint.multiformats.InvalidCidException} for
   *     the CID)
   */
  public static IpfsPath parse(String text) {
    Objects.requireNonNull(text, "text");
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("/ipns/") || lower.startsWith("ipns://")) {
      throw new IllegalArgumentException("IPNS names are not supported: '" + text + "'; resolve the name to "
          + "/ipfs/CID first");
    }
    boolean uri = lower.startsWith(IPFS_SCHEME);
    String rest;
    if (uri) {
      rest = text.substring(IPFS_SCHEME.length());
      if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
        throw new IllegalArgumentException("An ipfs:// URI to fetch must not have a query or fragment: '" + text
            + "'");
      }
    } else if (text.startsWith(IPFS_PREFIX)) {
      rest = text.substring(IPFS_PREFIX.length());
    } else {
      rest = text;
    }
    int slash = rest.indexOf('/');
    String cidText = slash < 0 ? rest : rest.substring(0, slash);
    if (cidText.isEmpty()) {
      throw new IllegalArgumentException("No CID in '" + text + "'; expected CID[/path], /ipfs/CID[/path] or "
          + "ipfs://CID[/path]");
    }
    Cid root = Cid.parse(cidText);
    List<String> segments = new ArrayList<>();
    if (slash >= 0) {
      for (String s : rest.substring(slash + 1).split("/")) {
        if (!s.isEmpty()) {
          segments.add(uri ? percentDecode(s) : s);
        }
      }
    }
    return new IpfsPath(root, segments);
  }

  /** Decodes RFC 3986 percent escapes as UTF-8; a {@code +} stays a plus sign. */
  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(b);
        continue;
      }
      if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
        throw new IllegalArgumentException("Bad percent escape in the path segment '" + s + "'");
      }
      bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("The path segment '" + s + "' decodes to bytes that are not UTF-8");
    }
  }

  /** @return the names joined with {@code /}, or {@code ""} for the root itself */
  public String path() {
    return String.join("/", segments);
  }

  /** @return {@code /ipfs/{root}[/{names}]}, names as they are (not percent-encoded); {@link #parse} reads it */
  @Override
  public String toString() {
    return IPFS_PREFIX + root + (segments.isEmpty() ? "" : "/" + path());
  }
}
