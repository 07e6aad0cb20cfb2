package io.carmint.testkit;

import io.carmint.block.Block;
import io.carmint.block.BlockSource;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.dagcbor.DagCbor;
import io.carmint.dagcbor.DagCborFormatException;
import io.carmint.dagcbor.DagCborValue;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.InvalidCidException;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.UnixFsFormatException;
import io.carmint.unixfs.exporter.DirectoryEntry;
import io.carmint.unixfs.exporter.Exporter;
import io.carmint.unixfs.exporter.MissingBlockException;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A <a href="https://specs.ipfs.tech/http-gateways/trustless-gateway/">Trustless Gateway</a> over the service's
 * blocks (every piece of every upload): {@code GET} and {@code HEAD /ipfs/{cid}[/{path}]}, no token.
 *
 * <ul>
 *   <li>{@code ?format=raw} or {@code Accept: application/vnd.ipld.raw}: the block itself (no path).
 *   <li>{@code ?format=car} or {@code Accept: application/vnd.ipld.car}: a CARv1 whose header root is the path's
 *       terminal CID, with the blocks that resolve the path (UnixFS directories, HAMT shards on the way, dag-cbor
 *       blocks) followed by the terminal entity's blocks as {@link CarRequest} and {@link DagWalk} say.
 *   <li>{@code format} takes precedence over {@code Accept}; with neither, 400; with an {@code Accept} that names
 *       neither media type, 406 (this gateway does not deserialise).
 *   <li>404 when the root block is not held, or the path cannot be resolved (a name missing, a block on the way
 *       missing, a segment through a file); the answer is decided before the first byte is sent. A block missing
 *       below the terminal is met while streaming: what was written is flushed and the response is aborted (no
 *       final chunk), so the client sees an incomplete transfer, as the spec asks.
 *   <li>Headers: {@code Etag} ({@code "cid.raw"}; {@code W/"root.car.hash"} over the path, scope, range and dups),
 *       {@code If-None-Match} answered 304, {@code Cache-Control: public, max-age=29030400, immutable},
 *       {@code X-Content-Type-Options: nosniff}, {@code Content-Disposition: attachment}, {@code X-Ipfs-Path},
 *       {@code X-Ipfs-Roots}, {@code Accept-Ranges: none} on CARs; {@code Cache-Control: only-if-cached} gives 412
 *       for a root not held.
 * </ul>
 *
 * <p>Blocks are read from storage with their hashes checked ({@link Storage#get}); nothing is held but the path's
 * blocks and the walk's state (see {@link DagWalk}), so a DAG of any size streams in bounded memory. Thread-safe.
 */
final class Gateway {
  static final String RAW = "application/vnd.ipld.raw";
  static final String CAR = "application/vnd.ipld.car";
  static final String CACHE_CONTROL = "public, max-age=29030400, immutable";
  private static final System.Logger LOG = System.getLogger(LocalNftStorage.class.getName());
  /** CAR staging buffer: blocks of 64 KiB or more go to the socket directly, smaller ones are gathered. */
  private static final CarWriteOptions STREAM =
      CarWriteOptions.builder().bufferSize(256 * 1024).deduplicate(true).build();

  private final BlockSource blocks;

  /** @param stored the service's blocks, hashes checked when read */
  Gateway(BlockSource stored) {
    this.blocks = cid -> {
      if (cid.multihash().isIdentity()) {
        return Optional.of(Block.wrap(cid, cid.multihash().digest()));
      }
      Optional<Block> b = stored.get(cid);
      // the store is keyed by multihash: a block stored under another CID of the same bytes is this one too
      return b.map(found -> found.cid().equals(cid) ? found : Block.wrap(cid, found.data()));
    };
  }

  /** @return whether {@code rawPath} is the gateway's */
  static boolean handles(String rawPath) {
    return rawPath.equals("/ipfs") || rawPath.startsWith("/ipfs/");
  }

  /** Answers a request under {@code /ipfs}; never throws: errors become plain-text answers or an aborted stream. */
  void handle(Request request, Response response, Callback callback) {
    try {
      serve(request, response, callback);
    } catch (HttpError e) {
      if (response.isCommitted()) {
        callback.failed(e);
      } else {
        plain(response, callback, e.status(), e.getMessage());
      }
    } catch (IOException | RuntimeException e) {
      if (response.isCommitted()) {
        callback.failed(e);
        return;
      }
      LOG.log(System.Logger.Level.WARNING, "gateway request failed: " + request.getHttpURI().getPath(), e);
      plain(response, callback, 500, "Internal Server Error: " + e.getMessage());
    }
  }

  private static void plain(Response response, Callback callback, int status, String message) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    response.getHeaders().remove(HttpHeader.CACHE_CONTROL);
    response.getHeaders().remove(HttpHeader.ETAG);
    response.getHeaders().remove(HttpHeader.CONTENT_LOCATION);
    response.getHeaders().remove(HttpHeader.CONTENT_DISPOSITION);
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** The parsed request line: root CID, decoded path segments, query parameters. */
  private record Target(Cid root, List<String> path, String rawPath, Map<String, String> query) {
  }

  /** The chosen response type and its {@code Accept} parameters. */
  private record Format(String mediaType, Map<String, String> params) {
  }

  private void serve(Request request, Response response, Callback callback) throws IOException, HttpError {
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    if (method.equals("OPTIONS")) {
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, OPTIONS");
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Accept, Cache-Control, If-None-Match, Range");
      response.setStatus(204);
      callback.succeeded();
      return;
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, OPTIONS");
      throw HttpError.gateway(405, "Method Not Allowed: the gateway answers GET and HEAD");
    }
    boolean head = method.equals("HEAD");
    Target target = target(request);
    Format format = format(request, target.query());
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS,
        "Content-Length, Content-Type, Content-Disposition, Etag, X-Ipfs-Path, X-Ipfs-Roots");
    response.getHeaders().put("X-Ipfs-Path", target.rawPath());
    String cacheControl = request.getHeaders().get(HttpHeader.CACHE_CONTROL);
    if (!blocks.has(target.root())) {
      if (cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("only-if-cached")) {
        throw HttpError.gateway(412, "Precondition Failed: " + target.root() + " is not held by this gateway");
      }
      throw HttpError.gateway(404, "Not Found: " + target.root() + " is not held by this gateway");
    }
    if (target.query().get("format") == null) {
      // the answer differs by Accept: name the URL that gives it whatever the Accept (for caches)
      String raw = request.getHttpURI().getQuery();
      response.getHeaders().put(HttpHeader.CONTENT_LOCATION, target.rawPath() + "?"
          + (raw == null || raw.isEmpty() ? "" : raw + "&") + "format=" + (format.mediaType().equals(RAW) ? "raw"
          : "car"));
    }
    if (format.mediaType().equals(RAW)) {
      serveRaw(request, response, callback, target, head);
    } else {
      serveCar(request, response, callback, target, CarRequest.parse(target.query(), format.params()), head);
    }
  }

  private static Target target(Request request) throws HttpError {
    String raw = request.getHttpURI().getPath();
    List<String> segments = new ArrayList<>();
    for (String s : raw.substring("/ipfs".length()).split("/")) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    if (segments.isEmpty()) {
      throw HttpError.gateway(400, "Bad Request: the path must be /ipfs/{cid}[/{path}]");
    }
    Cid root;
    try {
      root = Cid.parse(segments.get(0));
    } catch (InvalidCidException e) {
      throw HttpError.gateway(400, "Bad Request: invalid CID " + segments.get(0) + ": " + e.getMessage());
    }
    List<String> path = new ArrayList<>();
    for (String s : segments.subList(1, segments.size())) {
      try {
        path.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw HttpError.gateway(400, "Bad Request: invalid percent-encoding in path segment " + s);
      }
    }
    return new Target(root, List.copyOf(path), raw, ApiHandler.query(request.getHttpURI().getQuery()));
  }

  /** Chooses raw or CAR: {@code format} first, then the first {@code Accept} range naming either (by q). */
  private static Format format(Request request, Map<String, String> query) throws HttpError {
    List<MediaRange> accepted = MediaRange.parseAll(request.getHeaders().getValuesList(HttpHeader.ACCEPT));
    String f = query.get("format");
    if (f != null) {
      String type = switch (f) {
        case "raw" -> RAW;
        case "car" -> CAR;
        default -> throw HttpError.gateway(400, "Bad Request: unsupported format=" + f + "; this trustless "
            + "gateway answers format=raw and format=car");
      };
      for (MediaRange r : accepted) {
        if (r.type().equals(type)) {
          return new Format(type, r.params());
        }
      }
      return new Format(type, Map.of());
    }
    for (MediaRange r : accepted) {
      if (r.type().equals(RAW) || r.type().equals(CAR)) {
        return new Format(r.type(), r.params());
      }
    }
    if (accepted.isEmpty()) {
      throw HttpError.gateway(400, "Bad Request: a trustless gateway needs Accept: " + RAW + " or " + CAR
          + " (or ?format=raw, ?format=car)");
    }
    throw HttpError.gateway(406, "Not Acceptable: this trustless gateway answers only " + RAW + " and " + CAR);
  }

  // ------------------------------------------------------------------------------------------------ raw

  private void serveRaw(Request request, Response response, Callback callback, Target target, boolean head)
      throws IOException, HttpError {
    if (!target.path().isEmpty()) {
      throw HttpError.gateway(400, "Bad Request: a raw block is requested by CID alone, without a path");
    }
    Block block = blocks.get(target.root()).orElseThrow(() -> HttpError.gateway(404, "Not Found: "
        + target.root() + " is not held by this gateway"));
    String etag = "\"" + target.root() + ".raw\"";
    common(response, etag, List.of(target.root()),
        filename(target.query(), target.root() + ".bin"));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, RAW);
    if (notModified(request, response, callback, etag)) {
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, block.length());
    response.setStatus(200);
    if (head) {
      callback.succeeded();
    } else {
      response.write(true, block.data(), callback);
    }
  }

  private static void common(Response response, String etag, List<Cid> roots, String filename) {
    response.getHeaders().put(HttpHeader.ETAG, etag);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, CACHE_CONTROL);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("X-Ipfs-Roots", roots.stream().map(Cid::toString).collect(Collectors.joining(",")));
    response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, disposition(filename));
  }

  private static String filename(Map<String, String> query, String fallback) {
    String given = query.get("filename");
    return given == null || given.isEmpty() ? fallback : given;
  }

  /** {@code attachment; filename="ascii"}, plus RFC 5987's {@code filename*} when the name is not plain ASCII. */
  static String disposition(String name) {
    StringBuilder ascii = new StringBuilder();
    boolean plain = true;
    for (char c : name.toCharArray()) {
      boolean ok = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
      ascii.append(ok ? c : '_');
      plain &= ok;
    }
    String d = "attachment; filename=\"" + ascii + "\"";
    return plain ? d : d + "; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static boolean notModified(Request request, Response response, Callback callback, String etag) {
    String inm = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
    if (inm == null) {
      return false;
    }
    String weak = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String tag : inm.split(",")) {
      String t = tag.trim();
      if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(weak)) {
        response.setStatus(304);
        callback.succeeded();
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------ CAR

  /** The blocks that resolve a path, in the order they were read, and where it leads. */
  private record Resolution(Cid terminal, List<Block> pathBlocks, List<Cid> roots) {
  }

  private void serveCar(Request request, Response response, Callback callback, Target target, CarRequest car,
      boolean head) throws IOException, HttpError {
    Resolution res = resolve(target);
    Block terminal = blocks.get(res.terminal()).orElseThrow(() -> HttpError.gateway(404, "Not Found: "
        + res.terminal() + " (at the end of the path) is not held by this gateway"));
    CarRequest.Scope scope = car.scope();
    long[] range = null;
    if (car.range() != null && scope == CarRequest.Scope.ENTITY) {
      long size = DagWalk.fileSize(terminal);
      if (size >= 0) {
        range = car.range().resolve(size);
        if (car.range().from() >= 0 && car.range().from() >= size && size > 0) {
          throw HttpError.gateway(400, "Bad Request: entity-bytes " + car.range() + " starts after the end of the "
              + size + "-byte file");
        }
        if (range[1] < range[0]) {
          scope = CarRequest.Scope.BLOCK;  // an empty range: the file's root tells its size, as dag-scope=block
        }
      }
    }
    String last = target.path().isEmpty() ? "" : "_" + target.path().get(target.path().size() - 1);
    String etag = "W/\"" + target.root() + ".car." + etagHash(String.join("/", target.path()) + "\u0000"
        + car.etagKey()) + "\"";
    common(response, etag, res.roots(), filename(target.query(), target.root() + last + ".car"));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, car.contentType());
    response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "none");
    if (notModified(request, response, callback, etag)) {
      return;
    }
    response.setStatus(200);
    if (head) {
      callback.succeeded();
      return;
    }
    CarWriter writer = CarWriter.create(new SinkChannel(response), List.of(res.terminal()),
        STREAM.toBuilder().deduplicate(!car.dups()).build());
    try {
      for (Block b : res.pathBlocks()) {
        if (!b.cid().multihash().isIdentity()) {
          writer.put(b);
        }
      }
      new DagWalk(blocks, writer::put, car.dups()).walk(terminal, scope, range);
      writer.finish();
    } catch (IOException e) {
      // what is complete goes out; then the response is aborted so the client knows the CAR is cut short
      try {
        writer.finish();
      } catch (IOException | IllegalStateException ignored) {
        // the connection is gone too
      }
      callback.failed(e);
      return;
    }
    callback.succeeded();
  }

  private static String etagHash(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Resolves the path from the root through UnixFS directories (HAMTs by name) and dag-cbor maps and lists. */
  private Resolution resolve(Target target) throws IOException, HttpError {
    Map<Cid, Block> read = new LinkedHashMap<>();
    BlockSource recording = cid -> {
      Optional<Block> b = blocks.get(cid);
      b.ifPresent(found -> read.putIfAbsent(cid, found));
      return b;
    };
    Exporter exporter = Exporter.builder(recording).verifyHashes(false).build();  // the store checked them
    Cid current = target.root();
    List<Cid> roots = new ArrayList<>(List.of(current));
    List<String> path = target.path();
    int i = 0;
    try {
      while (i < path.size()) {
        long codec = current.codecCode();
        if (codec == Multicodec.DAG_PB.code()) {
          Optional<DirectoryEntry> e = exporter.lookup(current, path.get(i));
          if (e.isEmpty()) {
            throw noPath(target, i, "no such entry");
          }
          current = e.get().cid();
          i++;
        } else if (codec == Multicodec.DAG_CBOR.code()) {
          Block b = recording.get(current).orElseThrow(() -> new MissingBlockException(target.root(), "path"));
          DagCborValue v = DagCbor.decode(b.toBytes());
          while (i < path.size()) {
            v = step(v, path.get(i));
            if (v == null) {
              throw noPath(target, i, "no such field");
            }
            i++;
            if (v instanceof DagCborValue.LinkValue link) {
              current = link.cid();
              break;
            }
          }
        } else {
          throw noPath(target, i, "a " + current.codec() + " block has no named links");
        }
        roots.add(current);
      }
    } catch (UnixFsFormatException | DagCborFormatException | LimitExceededException e) {
      throw HttpError.gateway(404, "Not Found: " + "/" + String.join("/", path) + " cannot be resolved: "
          + e.getMessage());
    } catch (MissingBlockException e) {
      throw HttpError.gateway(404, "Not Found: a block needed to resolve the path is not held by this gateway: "
          + e.getMessage());
    }
    Cid terminal = current;
    List<Block> pathBlocks = new ArrayList<>();
    read.forEach((cid, b) -> {
      if (!cid.equals(terminal)) {
        pathBlocks.add(b);
      }
    });
    return new Resolution(terminal, pathBlocks, roots);
  }

  private static HttpError noPath(Target target, int segment, String why) {
    return HttpError.gateway(404, "Not Found: /" + String.join("/", target.path().subList(0, segment + 1))
        + " under " + target.root() + ": " + why);
  }

  /** One IPLD path step inside a dag-cbor value: a map key or a list index; null if there is none. */
  private static DagCborValue step(DagCborValue v, String segment) {
    if (v instanceof DagCborValue.MapValue m) {
      return m.get(segment).orElse(null);
    }
    if (v instanceof DagCborValue.ListValue l && segment.matches("0|[1-9]\\d{0,8}")) {
      int index = Integer.parseInt(segment);
      return index < l.size() ? l.get(index) : null;
    }
    return null;
  }

  /**
   * The response as a channel for {@link CarWriter}: each write is handed to Jetty whole, blocking until it is
   * taken (the buffer is not copied, and it is not reused before the write returns).
   */
  private static final class SinkChannel implements WritableByteChannel {
    private final Response response;
    private boolean open = true;

    SinkChannel(Response response) {
      this.response = response;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      int n = src.remaining();
      Content.Sink.write(response, false, src.slice());
      src.position(src.limit());
      return n;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
