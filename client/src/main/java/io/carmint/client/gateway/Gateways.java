package io.carmint.client.gateway;

import io.carmint.multiformats.Cid;
import java.net.URI;
import java.util.Objects;
import okhttp3.HttpUrl;

/** Gateway addresses and the URLs asked of them. */
final class Gateways {
  static final String USER_AGENT = "carmint";

  private Gateways() {
  }

  /**
   * A gateway's base URL.
   *
   * @param uri as given, for messages (checked to hold no credentials, query or fragment)
   * @param base the same, parsed
   */
  record Endpoint(URI uri, HttpUrl base) {
    /**
     * @throws IllegalArgumentException if {@code uri} is not an http(s) URL, or carries credentials, a query or a
     *     fragment
     */
    static Endpoint of(URI uri) {
      Objects.requireNonNull(uri, "gateway");
      HttpUrl url = HttpUrl.parse(uri.toString());
      if (url == null) {
        throw new IllegalArgumentException("A gateway must be an http:// or https:// URL, got " + uri);
      }
      if (!url.username().isEmpty() || !url.password().isEmpty() || url.query() != null || url.fragment() != null) {
        throw new IllegalArgumentException("A gateway URL must not carry credentials, a query or a fragment: " + uri);
      }
      return new Endpoint(uri, url);
    }

    /** @return {@code {base}/ipfs/{root}/{names}?format=car&dag-scope={scope}}, each name percent-encoded */
    HttpUrl car(IpfsPath path, DagScope scope) {
      HttpUrl.Builder b = ipfs(path.root());
      path.segments().forEach(b::addPathSegment);
      return b.addQueryParameter("format", "car").addQueryParameter("dag-scope", scope.wireName()).build();
    }

    /** @return {@code {base}/ipfs/{cid}?format=raw} */
    HttpUrl raw(Cid cid) {
      return ipfs(cid).addQueryParameter("format", "raw").build();
    }

    private HttpUrl.Builder ipfs(Cid cid) {
      // OkHttp replaces an empty last segment (the base's trailing slash) rather than adding after it
      return base.newBuilder().addPathSegment("ipfs").addPathSegment(cid.toString());
    }
  }
}
