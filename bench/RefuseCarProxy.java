import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

/**
 * A trustless gateway that will not send CARs, for bench/fetch-1g.sh --raw: answers {@code ?format=car} with 406 (so
 * {@code carmint fetch} falls back to one {@code ?format=raw} request per block) and passes every other GET to the
 * gateway given, streaming the answer back. Prints its base URL on the first line of standard output.
 *
 * <pre>java bench/RefuseCarProxy.java http://127.0.0.1:PORT</pre>
 */
public final class RefuseCarProxy {
  public static void main(String[] args) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true"); // else each small answer waits on delayed ACKs
    String upstream = args[0].replaceAll("/+$", "");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", x -> forward(x, client, upstream));
    server.start();
    System.out.println("http://127.0.0.1:" + server.getAddress().getPort());
    System.out.flush();
  }

  private static void forward(HttpExchange x, HttpClient client, String upstream) throws IOException {
    try (x) {
      String query = x.getRequestURI().getRawQuery();
      if (query != null && query.contains("format=car")) {
        x.sendResponseHeaders(406, -1);
        return;
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + x.getRequestURI()));
      String accept = x.getRequestHeaders().getFirst("Accept");
      if (accept != null) {
        request.header("Accept", accept);
      }
      HttpResponse<InputStream> r = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      r.headers().firstValue("Content-Type").ifPresent(v -> x.getResponseHeaders().set("Content-Type", v));
      long length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
      x.sendResponseHeaders(r.statusCode(), length == 0 ? -1 : length < 0 ? 0 : length);
      try (InputStream in = r.body()) {
        in.transferTo(x.getResponseBody());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
