package io.carmint.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A plain JDK HTTP client for the service's tests: the testkit does not depend on carmint's client. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI base;

  Http(URI base) {
    this.base = base;
  }

  record Reply(int status, JsonNode json, java.net.http.HttpHeaders headers) {
    JsonNode value() {
      return json.path("value");
    }

    String errorCode() {
      return json.path("error").path("code").asText();
    }

    String errorMessage() {
      return json.path("error").path("message").asText();
    }
  }

  Reply send(String method, String path, String token, String contentType, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    JsonNode json = r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
    return new Reply(r.statusCode(), json, r.headers());
  }

  Reply get(String path, String token) throws IOException, InterruptedException {
    return send("GET", path, token, null, null);
  }

  Reply postCar(String path, String token, byte[] car) throws IOException, InterruptedException {
    return send("POST", path, token, "application/car", car);
  }
}
