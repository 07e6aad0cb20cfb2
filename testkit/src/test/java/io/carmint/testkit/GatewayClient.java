package io.carmint.testkit;

import io.carmint.block.Block;
import io.carmint.car.CarReader;
import io.carmint.multiformats.Cid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Requests to the gateway with the JDK's client, and the CAR answers read with carmint's reader (hashes checked). */
final class GatewayClient {
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI base;

  GatewayClient(URI base) {
    this.base = base;
  }

  record Reply(int status, HttpHeaders headers, byte[] body) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** @return the CIDs of the CAR's blocks in stream order (every block's hash checked) */
    List<Cid> blocks() throws IOException {
      List<Cid> out = new ArrayList<>();
      try (CarReader r = CarReader.open(new ByteArrayInputStream(body))) {
        for (Block b = r.next(); b != null; b = r.next()) {
          out.add(b.cid());
        }
      }
      return out;
    }

    List<Cid> roots() throws IOException {
      try (CarReader r = CarReader.open(new ByteArrayInputStream(body))) {
        return r.roots();
      }
    }

    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** GET {@code /ipfs/...} with {@code headers} as name, value pairs. */
  Reply get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    return send("GET", pathAndQuery, headers);
  }

  Reply send(String method, String pathAndQuery, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).method(method,
        HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(r.statusCode(), r.headers(), r.body());
  }

  /** GET as a CAR: {@code ?format=car} (with any other query parameters) and no {@code Accept}. */
  Reply car(String path, String query) throws IOException, InterruptedException {
    return get(path + "?format=car" + (query.isEmpty() ? "" : "&" + query));
  }

  static List<Cid> cids(String... cids) {
    List<Cid> out = new ArrayList<>();
    for (String c : cids) {
      out.add(Cid.parse(c));
    }
    return out;
  }
}
