package io.carmint.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A network interceptor that refuses a redirect back to an address the same request was redirected from, before
 * sending it again. OkHttp follows up to 20 redirects and then fails with an IOException like any network failure,
 * so a loop cost 21 requests per attempt, each attempt retried. The addresses visited travel with the request: OkHttp
 * builds each follow-up from the previous request, tags included. Thread-safe.
 */
final class RedirectLoops implements Interceptor {
  /** The addresses one request has visited, in order. */
  static final class Visited {
    private final List<HttpUrl> urls = new ArrayList<>();

    synchronized void add(Request request) throws RedirectLoopException {
      HttpUrl url = request.url();
      if (urls.contains(url)) {
        urls.add(url);
        throw new RedirectLoopException(request.method() + " " + urls.get(0).encodedPath() + ": redirected in a "
            + "loop (" + urls.stream().map(HttpUrl::toString).collect(Collectors.joining(" -> ")) + "); not "
            + "retried");
      }
      urls.add(url);
    }
  }

  /** @return {@code request} with an empty record of the addresses it visits */
  static Request track(Request.Builder request) {
    return request.tag(Visited.class, new Visited()).build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Visited visited = chain.request().tag(Visited.class);
    if (visited != null) {
      visited.add(chain.request());
    }
    return chain.proceed(chain.request());
  }
}
