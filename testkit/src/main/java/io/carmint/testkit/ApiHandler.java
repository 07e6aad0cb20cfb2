package io.carmint.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.carmint.car.NftStorageLimits;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Hasher;
import io.carmint.multiformats.InvalidCidException;
import io.carmint.multiformats.Multicodec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes and answers the API's requests, and hands {@code /ipfs/} to the {@link Gateway}. Paths are accepted with or
 * without a trailing slash (the JS client adds one) and under an {@code /api} prefix, as the real service mirrors
 * its routes. Request bodies are read by {@link BodyReader} without holding a thread while they arrive.
 */
final class ApiHandler extends Handler.Abstract {
  private static final System.Logger LOG = System.getLogger(LocalNftStorage.class.getName());

  private final Service service;
  private final Map<String, Account> tokens;
  private final BodyLimits limits;
  private final Packer packer;
  private final Clock clock;
  private final ConnectionGuard guard;
  private final Gateway gateway;

  ApiHandler(Service service, Map<String, Account> tokens, BodyLimits limits, Packer packer, Clock clock,
      ConnectionGuard guard) {
    this.service = service;
    this.tokens = Map.copyOf(tokens);
    this.limits = limits;
    this.packer = packer;
    this.clock = clock;
    this.guard = guard;
    this.gateway = new Gateway(service.blocks());
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Connection connection = request.getConnectionMetaData().getConnection();
    guard.requestStarted(connection);
    Callback done = Callback.from(callback, () -> guard.requestEnded(connection));
    try {
      route(request, response, done);
    } catch (HttpError e) {
      BodyReader.drainThenFail(request, limits, e, failureOnly(request, response, done));
    } catch (IOException | RuntimeException e) {
      answer(request, response, done, e);
    }
    return true;
  }

  /** A completion for a body that is only drained: it always fails with the refusal. */
  private BodyReader.Completion failureOnly(Request request, Response response, Callback callback) {
    return new BodyReader.Completion() {
      @Override
      public void succeeded(long bytes) {
        callback.succeeded();
      }

      @Override
      public void failed(Exception e) {
        answer(request, response, callback, e);
      }
    };
  }

  /**
   * Answers a failure: an {@link HttpError} in the API's JSON, anything else as 500 (the boundary of the server:
   * answer rather than drop the connection) with no detail, which goes to the log: an I/O error's message names
   * server files.
   */
  private void answer(Request request, Response response, Callback callback, Exception e) {
    if (response.isCommitted()) {
      callback.failed(e);
    } else if (e instanceof HttpError h) {
      if (h.closesConnection()) {
        // the client is too slow to be waited for, or its body cannot be read to its end: close behind the answer
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
      }
      Replies.error(response, callback, h);
    } else {
      LOG.log(System.Logger.Level.WARNING, "request failed: " + request.getMethod() + " "
          + request.getHttpURI().getPath(), e);
      Replies.error(response, callback, new HttpError(500, "HTTP_ERROR", "Internal Server Error"));
    }
  }

  private void route(Request request, Response response, Callback callback) throws IOException, HttpError {
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String rawPath = request.getHttpURI().getPath();
    if (Gateway.handles(rawPath)) {
      gateway.handle(request, response, callback);
      return;
    }
    List<String> path = segments(rawPath);
    if (method.equals("OPTIONS")) {
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, DELETE, OPTIONS");
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS,
          "Authorization, Content-Type, X-Name, X-Client");
      response.setStatus(204);
      callback.succeeded();
      return;
    }
    if (path.isEmpty()) {
      require(method, "GET");
      list(request, response, callback, authenticate(request));
    } else if (path.size() == 1 && path.get(0).equals("upload")) {
      require(method, "POST");
      upload(request, response, callback, authenticate(request));
    } else if (path.size() == 2 && path.get(0).equals("check")) {
      require(method, "GET");
      check(response, callback, cid(path.get(1)));
    } else if (path.size() == 1) {
      if (method.equals("GET")) {
        status(response, callback, authenticate(request), cid(path.get(0)));
      } else if (method.equals("DELETE")) {
        delete(response, callback, authenticate(request), cid(path.get(0)));
      } else {
        throw new HttpError(405, "HTTP_ERROR", "Method Not Allowed");
      }
    } else {
      throw new HttpError(404, "HTTP_ERROR", "Not Found");
    }
  }

  /**
   * @return the decoded path segments without a leading {@code /api}, empty ones dropped
   * @throws HttpError 400 for a malformed %-escape
   */
  static List<String> segments(String rawPath) throws HttpError {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        try {
          out.add(Percent.decode(s, false));
        } catch (IllegalArgumentException e) {
          throw HttpError.badRequest("Bad Request: malformed path segment '" + s + "': " + e.getMessage());
        }
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

  private Account authenticate(Request request) throws HttpError {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
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

  private DagStates.State pinStatus(UploadRecord r) {
    return service.state(r);
  }

  private void status(Response response, Callback callback, Account account, Cid cid) throws IOException, HttpError {
    UploadRecord r = service.get(account, cid).orElseThrow(HttpError::notFound);
    Replies.ok(response, callback, 200, Replies.nft(r, cid.toString(), pinStatus(r)));
  }

  private void check(Response response, Callback callback, Cid cid) throws IOException, HttpError {
    UploadRecord r = service.anyRecord(cid).orElseThrow(HttpError::notFound);
    Replies.ok(response, callback, 200, Replies.check(r, cid.toString(), pinStatus(r)));
  }

  private void delete(Response response, Callback callback, Account account, Cid cid) throws IOException, HttpError {
    if (!service.delete(account, cid)) {
      throw HttpError.notFound();
    }
    Replies.ok(response, callback, 202, null);
  }

  private void list(Request request, Response response, Callback callback, Account account)
      throws IOException, HttpError {
    Map<String, String> query = query(request.getHttpURI().getQuery());
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
    response.getHeaders().put("Count", Long.toString(page.count()));
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, "Count");
    Replies.ok(response, callback, 200, value);
  }

  /** @return the query's parameters, decoded, the first of each name kept */
  static Map<String, String> query(String raw) throws HttpError {
    Map<String, String> q = new java.util.HashMap<>();
    if (raw == null) {
      return q;
    }
    try {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = Percent.decode(eq < 0 ? pair : pair.substring(0, eq), true);
        String v = eq < 0 ? "" : Percent.decode(pair.substring(eq + 1), true);
        q.putIfAbsent(k, v);
      }
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("invalid params");
    }
    return q;
  }

  // ---------------------------------------------------------------- upload

  private void upload(Request request, Response response, Callback callback, Account account)
      throws IOException, HttpError {
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String ct = contentType == null ? "" : contentType;
    String length = request.getHeaders().get(HttpHeader.CONTENT_LENGTH);
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > limits.maxRequestBytes()) {
          throw HttpError.tooLarge(limits.maxRequestBytes());
        }
      } catch (NumberFormatException e) {
        throw HttpError.badRequest("invalid Content-Length");
      }
    }
    String header = request.getHeaders().get("X-Name");
    String name = null;
    if (header != null) {
      try {
        name = URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        name = null;
      }
    }
    String uploadName = name;
    Path work = Files.createTempDirectory(service.storage().scratch(), "upload-");
    Path body = work.resolve("body");
    FileChannel out = FileChannel.open(body, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    Hasher hasher = HashFunction.SHA2_256.newHasher();
    BodyReader.read(request, limits, bytes -> {
      hasher.update(bytes.duplicate());
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    }, new BodyReader.Completion() {
      @Override
      public void succeeded(long bytes) {
        try {
          out.close();
          Cid bodyCid = Cid.v1(Multicodec.CAR, hasher.digest());
          UploadRecord record = store(account, ct, uploadName, work, body, bytes, bodyCid);
          Replies.ok(response, callback, 200, Replies.nft(record, record.sourceCid().toString(), pinStatus(record)));
        } catch (HttpError | IOException | RuntimeException e) {
          answer(request, response, callback, e);
        } finally {
          deleteQuietly(work);
        }
      }

      @Override
      public void failed(Exception e) {
        try {
          out.close();
        } catch (IOException ignored) {
          // the failure being reported matters more
        }
        deleteQuietly(work);
        answer(request, response, callback, e);
      }
    });
  }

  private static void deleteQuietly(Path work) {
    try {
      FileTree.deleteRecursively(work);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot delete scratch directory " + work, e);
    }
  }

  /** Packs (blobs, multipart files) or takes (CARs) the received body and records the upload. */
  private UploadRecord store(Account account, String contentType, String name, Path work, Path body, long bytes,
      Cid bodyCid) throws IOException, HttpError {
    if (bytes == 0) {
      throw HttpError.badRequest("empty payload");
    }
    String ct = contentType.toLowerCase(Locale.ROOT);
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
      Service.UploadInfo info = new Service.UploadInfo("directory", entries, name);
      return service.upload(account, car, FileTree.carCid(car), info);
    } else if (ct.contains("application/car")) {
      return service.upload(account, body, bodyCid, new Service.UploadInfo(contentType, List.of(), name));
    } else {
      Path car = work.resolve("packed.car");
      packer.packFile(body, car);
      Service.UploadInfo info = new Service.UploadInfo(contentType, List.of(), name);
      return service.upload(account, car, FileTree.carCid(car), info);
    }
  }
}
