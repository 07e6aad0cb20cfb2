package io.carmint.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.carmint.car.NftStorageLimits;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Hasher;
import io.carmint.multiformats.InvalidCidException;
import io.carmint.multiformats.Multicodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Routes and answers the API's requests. Paths are accepted with or without a trailing slash (the JS client adds
 * one) and under an {@code /api} prefix, as the real service mirrors its routes.
 */
final class ApiHandler implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(LocalNftStorage.class.getName());

  /** Most bytes of a refused request body read before answering (beyond it, the connection is just closed). */
  static final long MAX_DRAIN = 1L << 30;

  private final Service service;
  private final Map<String, Account> tokens;
  private final long maxRequestBytes;
  private final Packer packer;
  private final Clock clock;

  ApiHandler(Service service, Map<String, Account> tokens, long maxRequestBytes, Packer packer, Clock clock) {
    this.service = service;
    this.tokens = Map.copyOf(tokens);
    this.maxRequestBytes = maxRequestBytes;
    this.packer = packer;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      try {
        route(ex);
      } catch (HttpError e) {
        drain(ex);
        Replies.error(ex, e);
      } catch (IOException | RuntimeException e) {
        // the boundary of the server: answer 500 rather than drop the connection
        LOG.log(System.Logger.Level.WARNING, "request failed: " + ex.getRequestMethod() + " "
            + ex.getRequestURI().getRawPath(), e);
        Replies.error(ex, new HttpError(500, "HTTP_ERROR", String.valueOf(e.getMessage())));
      }
    }
  }

  /**
   * Reads what is left of the request body (up to {@link #MAX_DRAIN} bytes) before an early error answer: closing a
   * socket with unread data makes TCP reset it, and the client would see "connection reset" instead of the answer
   * (and retry, where it should stop).
   */
  private static void drain(HttpExchange ex) {
    try (InputStream in = ex.getRequestBody()) {
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      for (int n = in.read(buf); n >= 0 && total < MAX_DRAIN; n = in.read(buf)) {
        total += n;
      }
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  private void route(HttpExchange ex) throws IOException, HttpError {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    List<String> path = segments(ex.getRequestURI().getRawPath());
    if (method.equals("OPTIONS")) {
      ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
      ex.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
      ex.getResponseHeaders().set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Name, X-Client");
      ex.sendResponseHeaders(204, -1);
      return;
    }
    if (path.isEmpty()) {
      require(method, "GET");
      list(ex, authenticate(ex));
    } else if (path.size() == 1 && path.get(0).equals("upload")) {
      require(method, "POST");
      upload(ex, authenticate(ex));
    } else if (path.size() == 2 && path.get(0).equals("check")) {
      require(method, "GET");
      check(ex, cid(path.get(1)));
    } else if (path.size() == 1) {
      if (method.equals("GET")) {
        status(ex, authenticate(ex), cid(path.get(0)));
      } else if (method.equals("DELETE")) {
        delete(ex, authenticate(ex), cid(path.get(0)));
      } else {
        throw new HttpError(405, "HTTP_ERROR", "Method Not Allowed");
      }
    } else {
      throw new HttpError(404, "HTTP_ERROR", "Not Found");
    }
  }

  /** @return the decoded path segments without a leading {@code /api}, empty ones dropped */
  static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    if (!out.isEmpty() && out.get(0).equals("api")) {
      out.remove(0);
    }
    return out;
  }

  private static void require(String method, String expected) throws HttpError {
    if (!method.equals(expected)) {
      throw new HttpError(405, "HTTP_ERROR", "Method Not Allowed");
    }
  }

  private static Cid cid(String text) throws HttpError {
    try {
      return Cid.parse(text);
    } catch (InvalidCidException e) {
      throw new HttpError(400, "ERROR_INVALID_CID", "Invalid CID: " + text);
    }
  }

  private Account authenticate(HttpExchange ex) throws HttpError {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new HttpError(401, "EXPECTED_BEARER_STRING", "API Key is missing, make sure the `Authorization` header "
          + "has a value in the following format `Bearer {api key}`.");
    }
    byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    Account found = null;
    for (Map.Entry<String, Account> e : tokens.entrySet()) {
      // compare every token in constant time per token, so timing reveals nothing about which one matched
      if (MessageDigest.isEqual(given, e.getKey().getBytes(StandardCharsets.UTF_8))) {
        found = e.getValue();
      }
    }
    if (found == null) {
      throw new HttpError(401, "ERROR_TOKEN_NOT_FOUND", "API Key not found.");
    }
    return found;
  }

  private String pinStatus(UploadRecord r) throws IOException {
    return service.isComplete(r.contentCid()) ? "pinned" : "pinning";
  }

  private void status(HttpExchange ex, Account account, Cid cid) throws IOException, HttpError {
    UploadRecord r = service.get(account, cid).orElseThrow(HttpError::notFound);
    Replies.ok(ex, 200, Replies.nft(r, cid.toString(), pinStatus(r)));
  }

  private void check(HttpExchange ex, Cid cid) throws IOException, HttpError {
    UploadRecord r = service.anyRecord(cid).orElseThrow(HttpError::notFound);
    Replies.ok(ex, 200, Replies.check(r, cid.toString(), pinStatus(r)));
  }

  private void delete(HttpExchange ex, Account account, Cid cid) throws IOException, HttpError {
    if (!service.delete(account, cid)) {
      throw HttpError.notFound();
    }
    Replies.ok(ex, 202, null);
  }

  private void list(HttpExchange ex, Account account) throws IOException, HttpError {
    Map<String, String> query = query(ex.getRequestURI().getRawQuery());
    int limit = NftStorageLimits.DEFAULT_LIST_LIMIT;
    Instant before = clock.instant();
    try {
      if (query.containsKey("limit")) {
        limit = Integer.parseInt(query.get("limit"));
      }
      if (query.containsKey("before") && !query.get("before").isEmpty()) {
        before = OffsetDateTime.parse(query.get("before")).toInstant();
      }
    } catch (NumberFormatException | DateTimeException e) {
      throw HttpError.badRequest("invalid params");
    }
    if (limit < 1 || limit > NftStorageLimits.MAX_LIST_LIMIT) {
      throw HttpError.badRequest("invalid params");
    }
    Service.Page page = service.list(account, before, limit);
    ArrayNode value = Replies.MAPPER.createArrayNode();
    for (UploadRecord r : page.uploads()) {
      value.add(Replies.nft(r, r.sourceCid().toString(), pinStatus(r)));
    }
    ex.getResponseHeaders().set("Count", Long.toString(page.count()));
    ex.getResponseHeaders().set("Access-Control-Expose-Headers", "Count");
    Replies.ok(ex, 200, value);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new java.util.HashMap<>();
    if (raw == null) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      q.putIfAbsent(k, v);
    }
    return q;
  }

  // ---------------------------------------------------------------- upload

  private void upload(HttpExchange ex, Account account) throws IOException, HttpError {
    String contentType = ex.getRequestHeaders().getFirst("Content-Type");
    contentType = contentType == null ? "" : contentType;
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxRequestBytes) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw HttpError.badRequest("invalid Content-Length");
      }
    }
    String name = ex.getRequestHeaders().getFirst("X-Name");
    if (name != null) {
      try {
        name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        name = null;
      }
    }
    Path work = Files.createTempDirectory(service.storage().scratch(), "upload-");
    try {
      Path body = work.resolve("body");
      Cid bodyCid = receive(ex.getRequestBody(), body);
      if (Files.size(body) == 0) {
        throw HttpError.badRequest("empty payload");
      }
      String ct = contentType.toLowerCase(Locale.ROOT);
      UploadRecord record;
      if (ct.contains("multipart/form-data")) {
        List<Multipart.Part> parts;
        try (InputStream in = Files.newInputStream(body)) {
          parts = Multipart.read(in, Multipart.boundary(contentType), work);
        }
        List<Multipart.Part> files = new ArrayList<>();
        for (Multipart.Part p : parts) {
          if ("file".equals(p.name())) {
            if (p.filename() == null) {
              throw HttpError.badRequest("missing Content-Type in multipart part");
            }
            files.add(p);
          }
        }
        if (files.isEmpty()) {
          throw HttpError.badRequest("multipart body without a 'file' part");
        }
        Path car = work.resolve("packed.car");
        packer.packDirectory(files, car);
        List<UploadRecord.FileEntry> entries = new ArrayList<>();
        for (Multipart.Part p : files) {
          entries.add(new UploadRecord.FileEntry(p.filename(), p.contentType() == null ? "" : p.contentType()));
        }
        record = service.upload(account, car, carCid(car), new Service.UploadInfo("directory", entries, name));
      } else if (ct.contains("application/car")) {
        record = service.upload(account, body, bodyCid, new Service.UploadInfo(contentType, List.of(), name));
      } else {
        Path car = work.resolve("packed.car");
        packer.packFile(body, car);
        record = service.upload(account, car, carCid(car), new Service.UploadInfo(contentType, List.of(), name));
      }
      Replies.ok(ex, 200, Replies.nft(record, record.sourceCid().toString(), pinStatus(record)));
    } finally {
      FileTree.deleteRecursively(work);
    }
  }

  private HttpError tooLarge() {
    return new HttpError(413, "ERROR_PAYLOAD_TOO_LARGE", "Request Entity Too Large: the body exceeds "
        + maxRequestBytes + " bytes; split CARs with the treewalk strategy");
  }

  /** Streams the body to a file, counting and hashing it: the CID of a CAR body names its part. */
  private Cid receive(InputStream in, Path file) throws IOException, HttpError {
    Hasher hasher = HashFunction.SHA2_256.newHasher();
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        total += n;
        if (total > maxRequestBytes) {
          throw tooLarge();
        }
        hasher.update(buf, 0, n);
        out.write(buf, 0, n);
      }
    }
    return Cid.v1(Multicodec.CAR, hasher.digest());
  }

  private static Cid carCid(Path car) throws IOException {
    Hasher hasher = HashFunction.SHA2_256.newHasher();
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(car)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        hasher.update(buf, 0, n);
      }
    }
    return Cid.v1(Multicodec.CAR, hasher.digest());
  }
}
