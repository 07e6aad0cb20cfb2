package io.carmint.client;

import io.carmint.client.gateway.DagScope;
import io.carmint.client.gateway.FetchResult;
import io.carmint.client.gateway.IpfsPath;
import io.carmint.client.gateway.TrustlessGatewayClient;
import io.carmint.unixfs.internal.FileTrees;
import io.carmint.pack.CarPacker;
import io.carmint.multiformats.Cid;
import io.carmint.nft.NftMetadata;
import io.carmint.nft.NftToken;
import io.carmint.unixfs.importer.ImportProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;

/**
 * A client of the NFT.Storage HTTP API (and compatible services): upload CARs, blobs and files, and read, list and
 * delete uploads.
 *
 * <pre>{@code
 * NftStorageClient client = NftStorageClient.builder()
 *     .endpoint(URI.create("https://api.example.org"))
 *     .token(System.getenv("NFT_STORAGE_TOKEN"))
 *     .build();
 * Nft nft = client.status(Cid.parse("bafy..."));
 * }</pre>
 *
 * <p>The endpoint is always configured: NFT.Storage Classic stopped taking uploads in 2024, and compatible services
 * live at other addresses. Requests go to {@code {endpoint}/upload}, {@code {endpoint}/{cid}},
 * {@code {endpoint}/check/{cid}} and {@code {endpoint}/?before=&limit=}.
 *
 * <p>Every request passes the {@link RateLimiter} (30 per 10 s per token by default) and is retried by the
 * {@link RetryPolicy} on network errors, 5xx and 429 ({@code Retry-After} honoured); other 4xx answers fail at once
 * with a typed {@link ApiException}. The token is sent only in the {@code Authorization} header and never appears
 * in exception messages, log lines or {@link #toString()}; the service's own messages are scrubbed of it too.
 *
 * <p>Thread-safe: one client can serve many threads. {@link #close()} releases idle connections.
 */
public final class NftStorageClient implements AutoCloseable {
  /** Largest page of {@link #list}: 1000, the service's maximum. */
  public static final int MAX_LIST_LIMIT = io.carmint.car.NftStorageLimits.MAX_LIST_LIMIT;
  /** Page size when none is given: 10, the service's default. */
  public static final int DEFAULT_LIST_LIMIT = io.carmint.car.NftStorageLimits.DEFAULT_LIST_LIMIT;

  static final MediaType CAR = MediaType.get("application/car");
  private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
  private static final String PACK_DIRECTORY_PREFIX = "carmint-pack-";
  private static final String PACKED_CAR_NAME = "upload.car";
  /** Blob and file uploads report no progress. */
  private static final LongConsumer NO_PROGRESS = n -> { };

  private final HttpUrl endpoint;
  private final boolean hasToken;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Transport transport;
  private final RetryPolicy retryPolicy;
  private final RateLimiter rateLimiter;
  private final int concurrency;
  private final long maxPieceSize;
  private final Path tempDirectory;
  private final Executor executor;

  NftStorageClient(NftStorageClientBuilder b) {
    this.endpoint = b.endpoint;
    this.hasToken = b.token != null;
    OkHttpClient base = b.okHttpClient != null ? b.okHttpClient : new OkHttpClient();
    this.ownsHttp = b.okHttpClient == null;
    this.http = base.newBuilder()
        .connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(b.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(0, TimeUnit.MILLISECONDS) // set per call by the Transport, from the timeouts below
        .addNetworkInterceptor(new RedirectLoops())
        .build();
    this.retryPolicy = b.retryPolicy;
    this.rateLimiter = b.rateLimiter != null
        ? b.rateLimiter
        : RateLimiter.of(RateLimiter.DEFAULT_PERMITS, RateLimiter.DEFAULT_PERIOD, b.timeSource);
    this.concurrency = b.concurrency;
    this.maxPieceSize = b.maxPieceSize;
    this.tempDirectory = b.tempDirectory;
    this.executor = b.executor;
    this.transport = new Transport(http, b.token, retryPolicy, rateLimiter, b.timeSource, b.maxResponseBytes,
        new Transport.Timeouts(b.callTimeout, b.deadline, b.minUploadSpeed));
  }

  /** @return a builder; {@link NftStorageClientBuilder#endpoint} is required */
  public static NftStorageClientBuilder builder() {
    return new NftStorageClientBuilder();
  }

  /** @return the endpoint requests go to */
  public URI endpoint() {
    return endpoint.uri();
  }

  /** @return the configured piece size for split uploads */
  public long maxPieceSize() {
    return maxPieceSize;
  }

  /** @return how many pieces are uploaded at once */
  public int concurrency() {
    return concurrency;
  }

  // ---------------------------------------------------------------- store

  /**
   * Packs a file or directory locally and uploads it: {@code upload(path, profile, UploadListener.NONE)}.
   *
   * @param path a file or directory
   * @param profile how it is packed
   * @return the upload, as the service confirmed it
   * @throws IOException as {@link #upload(Path, ImportProfile, UploadListener)}
   */
  public Nft upload(Path path, ImportProfile profile) throws IOException {
    return upload(path, profile, UploadListener.NONE);
  }

  /**
   * The core promise: packs {@code path} into a UnixFS DAG locally with {@code profile}, uploads it as
   * {@link #storeCar(Path, UploadListener) storeCar} does, and succeeds only if the service answers every piece with
   * the root computed here.
   *
   * <p>The DAG is written to a temporary CAR by {@link CarPacker} (as {@code carmint pack} writes it: blocks
   * repeated in the input are written once), then split; the temporary directory needs about twice the size of the
   * content while uploading, and is emptied afterwards.
   *
   * <p>Interrupting the calling thread stops the upload as {@link #storeCarAsync cancelling} does, and the method
   * throws an {@link java.io.InterruptedIOException} (or, if the thread was reading or writing a file,
   * {@link java.nio.channels.ClosedByInterruptException}) once the temporary files are removed.
   *
   * @param path a file or a directory
   * @param profile how to pack it, e.g. {@link ImportProfile#DEFAULT}; the root CID depends on it
   * @param listener hears of progress (bytes of the pieces) and of each piece stored
   * @return the service's final description of the upload, as {@link #storeCar(Path, UploadListener) storeCar}
   *     defines it; its {@code cid} names the same DAG as the local root
   * @throws CidMismatchException if the service answers with another root
   * @throws ApiException (a subclass) if the service refuses a piece
   * @throws IOException if reading {@code path} fails, or the network fails after retries
   */
  public Nft upload(Path path, ImportProfile profile, UploadListener listener) throws IOException {
    return upload(path, profile, listener, new UploadJob());
  }

  /**
   * Runs {@link #upload(Path, ImportProfile, UploadListener)} on the builder's
   * {@link NftStorageClientBuilder#executor executor}, as {@link #storeCarAsync} runs {@code storeCar}; cancelling the
   * future stops the packing or the upload.
   *
   * @param path a file or directory
   * @param profile how it is packed
   * @param listener told of the upload's progress
   * @return a future completed with the upload's description, or with the exceptions {@code upload} throws
   */
  public CompletableFuture<Nft> uploadAsync(Path path, ImportProfile profile, UploadListener listener) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(listener, "listener");
    return AsyncUploads.run(executor, job -> upload(path, profile, listener, job));
  }

  private Nft upload(Path path, ImportProfile profile, UploadListener listener, UploadJob job) throws IOException {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(listener, "listener");
    job.check();
    Path work = Files.createTempDirectory(tempDirectory, PACK_DIRECTORY_PREFIX);
    try {
      Path car = work.resolve(PACKED_CAR_NAME);
      Cid root = CarPacker.of(profile).pack(path, car).root();
      Nft nft = storeCar(car, listener, job);
      if (!nft.cid().toV1().equals(root.toV1())) {
        throw new CidMismatchException(path.toString(), root, nft.cid());
      }
      return nft;
    } finally {
      FileTrees.delete(work);
    }
  }

  /**
   * Stores a token as the nft.storage JS client's {@code store(token)} does: {@code storeNft(metadata,
   * UploadListener.NONE)}.
   *
   * @param metadata the token's metadata and files
   * @return the token, as stored
   * @throws IOException as {@link #storeNft(NftMetadata, UploadListener)}
   */
  public NftToken storeNft(NftMetadata metadata) throws IOException {
    return storeNft(metadata, UploadListener.NONE);
  }

  /**
   * Stores a token: encodes it locally exactly as the nft.storage JS client 7.2.0 does ({@link NftMetadata#encode}:
   * same {@code ipnft}, same {@code metadata.json}), uploads its CAR as {@link #storeCar(Path, UploadListener)
   * storeCar} does, and succeeds only if the service answers with that {@code ipnft}. The CAR is written to a
   * temporary directory and removed afterwards; the token's files are streamed from disk.
   *
   * <p>Interrupting the calling thread stops the upload as {@link #storeCarAsync cancelling} does (see
   * {@link #upload(Path, ImportProfile, UploadListener) upload}).
   *
   * @param metadata the token
   * @param listener hears of progress (bytes of the pieces) and of each piece stored
   * @return the token: {@code ipnft}, {@code url} ({@code ipfs://<ipnft>/metadata.json}), {@code metadata.json}
   * @throws CidMismatchException if the service answers with another root
   * @throws ApiException (a subclass) if the service refuses a piece
   * @throws IOException if a file of the token cannot be read, or the network fails after retries
   */
  public NftToken storeNft(NftMetadata metadata, UploadListener listener) throws IOException {
    return storeNft(metadata, listener, new UploadJob());
  }

  /**
   * Runs {@link #storeNft(NftMetadata, UploadListener)} on the builder's
   * {@link NftStorageClientBuilder#executor executor}, as {@link #storeCarAsync} runs {@code storeCar}; cancelling the
   * future stops the encoding or the upload.
   *
   * @param metadata the token's metadata and files
   * @param listener told of the upload's progress
   * @return a future completed with the token, or with the exceptions {@code storeNft} throws
   */
  public CompletableFuture<NftToken> storeNftAsync(NftMetadata metadata, UploadListener listener) {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(listener, "listener");
    return AsyncUploads.run(executor, job -> storeNft(metadata, listener, job));
  }

  private NftToken storeNft(NftMetadata metadata, UploadListener listener, UploadJob job) throws IOException {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(listener, "listener");
    job.check();
    Path work = Files.createTempDirectory(tempDirectory, "carmint-nft-");
    try {
      Path car = work.resolve("token.car");
      NftToken token = metadata.encode(car);
      storeCar(car, listener, job); // every answer must name the CAR's root: the ipnft
      return token;
    } finally {
      FileTrees.delete(work);
    }
  }

  /**
   * Uploads a CAR and checks that the service stored its root: {@code storeCar(car, UploadListener.NONE)}.
   *
   * @param car the CAR file, one root
   * @return the upload, as the service confirmed it
   * @throws IOException as {@link #storeCar(Path, UploadListener)}
   */
  public Nft storeCar(Path car) throws IOException {
    return storeCar(car, UploadListener.NONE);
  }

  /**
   * Uploads a CAR (v1 or v2) with exactly one root, and checks that the service stored that root. The DAG below the
   * root is split by the treewalk rule into CARv1 pieces of at most
   * {@link NftStorageClientBuilder#maxPieceSize maxPieceSize} bytes, every piece with the same root, each uploaded
   * ({@link NftStorageClientBuilder#concurrency concurrency} at a time) as
   * {@code application/car} and retried on its own; every answer must name the root.
   *
   * <p>The pieces are written to a temporary directory (as much disk as the CAR) and streamed from there; nothing
   * holds a whole CAR or piece in memory. Reading the pieces hashes every block, so a corrupt or incomplete CAR
   * fails here, before anything is sent. Blocks not reachable from the root are not uploaded.
   *
   * <p><b>The result</b> is the service's final word on the upload: the answer to the piece stored last if its pin
   * is {@link PinStatus#PINNED}; otherwise (pieces are stored concurrently, so the answer received last can be an
   * earlier piece's {@code pinning}) the service is asked for the {@link #status} of the root once, after every
   * piece was stored, and that answer is returned. If that request fails, the last piece's answer is returned: the
   * upload itself succeeded.
   *
   * <p><b>Interruption.</b> Interrupting the calling thread stops the upload as {@link #storeCarAsync cancelling}
   * does: the calls under way are closed, no further piece is sent, the listener hears nothing more, and the method
   * throws an {@link java.io.InterruptedIOException} (or, if the thread was reading or writing a file,
   * {@link java.nio.channels.ClosedByInterruptException}) once the upload's threads have stopped and its temporary
   * files are removed. The thread's interrupt flag stays set.
   *
   * @param car the CAR file
   * @param listener hears of progress (bytes of the pieces) and of each piece stored
   * @return the service's final description of the upload, as above
   * @throws io.carmint.car.split.SplitException if the CAR has not exactly one root, or a block below the root is
   *     missing or cannot be walked
   * @throws io.carmint.multiformats.LimitExceededException if a block with its ancestors does not fit in a piece
   * @throws io.carmint.block.BlockIntegrityException if a block does not match its CID
   * @throws CidMismatchException if the service answers any piece with another root
   * @throws ApiException (a subclass) if the service refuses a piece
   * @throws IOException if the file cannot be read, or the network fails after retries
   */
  public Nft storeCar(Path car, UploadListener listener) throws IOException {
    return storeCar(car, listener, new UploadJob());
  }

  /**
   * Runs {@link #storeCar(Path, UploadListener)} on the builder's {@link NftStorageClientBuilder#executor executor}
   * (by default a new daemon thread per upload) and returns at once.
   *
   * <p><b>Cancellation.</b> The future's {@code cancel} (with or without interruption) stops the upload: the HTTP
   * calls of the pieces being sent are closed at once (a piece cut off is not stored by the service), no further
   * piece is sent, and once {@code cancel} has returned true the listener is not called again (a listener call under
   * way is waited for; {@code cancel} may be called from a listener). The thread running the upload then stops the
   * upload's threads and removes its temporary files. {@code cancel} returns false once the upload has finished.
   * Futures derived from this one ({@code thenApply}...) do not pass cancellation back.
   *
   * <pre>{@code
   * CompletableFuture<Nft> upload = client.storeCarAsync(car,
   *     UploadListener.onProgress((sent, total) -> progress.set(sent)));
   * upload.cancel(true); // no piece is sent after this, and the listener hears nothing more
   * }</pre>
   *
   * @param car the CAR file, one root
   * @param listener told of the upload's progress
   * @return a future completed with the upload's final description, or with the exceptions
   *     {@link #storeCar(Path, UploadListener) storeCar} throws
   */
  public CompletableFuture<Nft> storeCarAsync(Path car, UploadListener listener) {
    Objects.requireNonNull(car, "car");
    Objects.requireNonNull(listener, "listener");
    return AsyncUploads.run(executor, job -> storeCar(car, listener, job));
  }

  private Nft storeCar(Path car, UploadListener listener, UploadJob job) throws IOException {
    Objects.requireNonNull(listener, "listener");
    return new PieceUploader(this::postCar, this::status, concurrency, maxPieceSize, tempDirectory)
        .upload(car, listener, job);
  }

  /**
   * Uploads a file as one blob ({@code POST /upload} with the file as body); the service packs it into a UnixFS DAG
   * itself, so the returned CID is the service's, not checked against a local computation (use
   * {@code upload} for that). Limited to the service's 100 MB per request.
   *
   * @param file the file to send, streamed
   * @param contentType the blob's media type, {@code application/octet-stream} if null
   * @return the service's description of the upload
   * @throws IllegalArgumentException if {@code contentType} is not a media type
   * @throws ApiException (a subclass) if the service refuses it
   * @throws IOException if the file cannot be read or the network fails after retries
   */
  public Nft storeBlob(Path file, String contentType) throws IOException {
    long size = Files.size(file);
    MediaType type = contentType == null ? OCTET_STREAM : MediaType.get(contentType);
    return postUpload(size, parts -> parts.add(new FileRequestBody(file, 0, size, type, NO_PROGRESS)));
  }

  /**
   * @param file the file to send
   * @return {@code storeBlob(file, null)}: the blob sent as {@code application/octet-stream}
   * @throws IOException as {@link #storeBlob(Path, String)}
   */
  public Nft storeBlob(Path file) throws IOException {
    return storeBlob(file, null);
  }

  /**
   * Uploads files as {@code multipart/form-data}, one {@code file} part each, streamed from disk; the service packs
   * them into a directory (the root CID is the wrapping directory's). Limited to 100 MB per request.
   *
   * @param files at least one file
   * @return the service's description of the upload
   * @throws IllegalArgumentException if {@code files} is empty or a part's content type is not a media type
   * @throws ApiException (a subclass) if the service refuses it
   * @throws IOException if a file cannot be read or the network fails after retries
   */
  public Nft storeFiles(List<FilePart> files) throws IOException {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("storeFiles needs at least one file");
    }
    List<FilePart> copy = List.copyOf(files);
    long[] sizes = new long[copy.size()];
    long total = 0;
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = Files.size(copy.get(i).path());
      total = Math.addExact(total, sizes[i]);
    }
    return postUpload(total, parts -> {
      MultipartBody.Builder mb = new MultipartBody.Builder().setType(MultipartBody.FORM);
      for (int i = 0; i < sizes.length; i++) {
        FilePart f = copy.get(i);
        mb.addFormDataPart("file", f.name(),
            parts.add(new FileRequestBody(f.path(), 0, sizes[i], MediaType.get(f.contentType()), NO_PROGRESS)));
      }
      return mb.build();
    });
  }

  /**
   * Sends one CAR file as {@code application/car}, without looking at it: {@link PieceUploader}'s sender.
   *
   * @return the service's answer
   */
  private Nft postCar(Path car, long length, Supplier<LongConsumer> attemptProgress,
      Transport.Cancellation cancellation) throws IOException {
    Transport.Spec spec = new Transport.Spec("POST", url("upload"), true,
        parts -> parts.add(new FileRequestBody(car, 0, length, CAR, attemptProgress.get())), cancellation);
    return Responses.nft(transport.send(spec, length));
  }

  /**
   * {@code POST /upload} of a body the service packs itself (a blob or files); no progress is reported.
   *
   * @param bodyBytes the body's size, which the call timeout and the deadline leave time to send
   */
  private Nft postUpload(long bodyBytes, Transport.BodyFactory body) throws IOException {
    return Responses.nft(transport.send(new Transport.Spec("POST", url("upload"), true, body), bodyBytes));
  }

  // ---------------------------------------------------------------- read

  /**
   * {@code GET /{cid}}: the upload of this token with that CID. The answer must be about that CID (in any version),
   * as an upload's answer must name its root.
   *
   * @param cid the upload's root CID
   * @return the upload
   * @throws CidMismatchException if the service answers about another CID
   * @throws NotFoundException if the service holds no such upload for this token
   * @throws ApiException (another subclass) for other refusals
   * @throws IOException if the network fails after retries
   */
  public Nft status(Cid cid) throws IOException {
    return status(cid, Transport.Cancellation.NONE);
  }

  private Nft status(Cid cid, Transport.Cancellation cancellation) throws IOException {
    Objects.requireNonNull(cid, "cid");
    Transport.Spec spec = new Transport.Spec("GET", url(cid.toString()), true, null, cancellation);
    Nft nft = Responses.nft(transport.send(spec));
    checkAnswer(spec, cid, nft.cid());
    return nft;
  }

  /**
   * {@code GET /check/{cid}}, sent without the token: whether and how the content is stored, whoever uploaded it.
   * The answer must be about that CID (in any version).
   *
   * @param cid the content's CID
   * @return how the content is stored
   * @throws CidMismatchException if the service answers about another CID
   * @throws NotFoundException if the service does not know the content
   * @throws ApiException (another subclass) for other refusals
   * @throws IOException if the network fails after retries
   */
  public CheckResult check(Cid cid) throws IOException {
    Objects.requireNonNull(cid, "cid");
    Transport.Spec spec = new Transport.Spec("GET", url("check", cid.toString()), false, null);
    CheckResult result = Responses.check(transport.send(spec));
    checkAnswer(spec, cid, result.cid());
    return result;
  }

  /** Refuses an answer about another CID than the one asked for (versions aside). */
  private static void checkAnswer(Transport.Spec spec, Cid asked, Cid answered) throws CidMismatchException {
    if (!answered.toV1().equals(asked.toV1())) {
      throw new CidMismatchException(spec.describe(), "asked for", asked, answered);
    }
  }

  /**
   * {@code GET /?before=&limit=}: one page of this token's uploads, newest first. {@code before} is inclusive, so the
   * next page, asked with {@code before} = the last item's {@code created}, starts with that item again;
   * {@link #listAll} removes such repeats.
   *
   * @param before only uploads created at or before this time; {@code null} for now
   * @param limit page size, 1 to {@value #MAX_LIST_LIMIT}
   * @return the page
   * @throws IllegalArgumentException if {@code limit} is out of range
   * @throws ApiException (a subclass) if the service refuses
   * @throws IOException if the network fails after retries
   */
  public ListPage list(Instant before, int limit) throws IOException {
    if (limit < 1 || limit > MAX_LIST_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIST_LIMIT + ", got " + limit);
    }
    HttpUrl.Builder ub = url("").newBuilder().addQueryParameter("limit", Integer.toString(limit));
    if (before != null) {
      ub.addQueryParameter("before", before.toString());
    }
    return Responses.page(transport.send(new Transport.Spec("GET", ub.build(), true, null)));
  }

  /**
   * @return {@code list(null, DEFAULT_LIST_LIMIT)}: the newest page
   * @throws IOException as {@link #list(Instant, int)}
   */
  public ListPage list() throws IOException {
    return list(null, DEFAULT_LIST_LIMIT);
  }

  /**
   * Every upload of this token, newest first, each once, fetched page by page as the iterator advances. Pages
   * overlap (the service's {@code before} is inclusive) and the repeats are dropped. If more than
   * {@value #MAX_LIST_LIMIT} uploads share one creation time, the API cannot page past them and the iterator
   * fails rather than skip some. A page must go back in time: one holding an upload created after the
   * {@code before} asked for (a service ignoring {@code before} answers the newest uploads again and again), or not
   * ordered newest first, ends the iteration with a {@link MalformedResponseException} instead of listing uploads
   * again without end. (Each upload is listed once as long as the service gives each one creation time.)
   *
   * @param pageSize uploads per request, 1 to {@value #MAX_LIST_LIMIT}
   * @return an iterator whose {@code hasNext}/{@code next} throw {@link UncheckedIOException} wrapping the
   *     exceptions of {@link #list}, or a {@link MalformedResponseException} for a page that does not go back in
   *     time
   * @throws IllegalArgumentException if {@code pageSize} is out of range
   */
  public Iterator<Nft> listAll(int pageSize) {
    if (pageSize < 1 || pageSize > MAX_LIST_LIMIT) {
      throw new IllegalArgumentException("pageSize must be 1.." + MAX_LIST_LIMIT + ", got " + pageSize);
    }
    return new UploadsIterator(this::list, pageSize, "GET " + endpoint.encodedPath());
  }

  /**
   * {@code DELETE /{cid}}: removes this token's upload (the service answers 200 or 202).
   *
   * @param cid the upload's root CID
   * @throws NotFoundException if the service holds no such upload for this token
   * @throws ApiException (another subclass) for other refusals
   * @throws IOException if the network fails after retries
   */
  public void delete(Cid cid) throws IOException {
    Objects.requireNonNull(cid, "cid");
    Responses.deleted(transport.send(new Transport.Spec("DELETE", url(cid.toString()), true, null)));
  }

  /**
   * Retrieves {@code cid} through the service's own trustless gateway ({@code {endpoint}/ipfs/{cid}}) and checks that
   * the whole DAG comes back complete and intact, as {@link TrustlessGatewayClient#verify} checks it: every block
   * against its CID, each the block the walk needs next, the UnixFS structure. A CID names every byte below it, so a
   * DAG that verifies completely under the CID just uploaded is the content uploaded. To check through other
   * gateways, use a {@link TrustlessGatewayClient} of them.
   *
   * @param cid the upload's root CID
   * @return what was verified
   * @throws io.carmint.client.gateway.FetchException if the service's gateway does not serve the DAG complete and
   *     intact
   * @throws IOException as {@link TrustlessGatewayClient#verify}
   */
  public FetchResult verifyStored(Cid cid) throws IOException {
    Objects.requireNonNull(cid, "cid");
    try (TrustlessGatewayClient gateway = TrustlessGatewayClient.builder().gateway(endpoint.uri()).okHttpClient(http)
        .build()) {
      return gateway.verify(IpfsPath.of(cid), DagScope.ALL);
    }
  }

  /** Releases idle connections of the client's own connection pool (not of a shared {@code OkHttpClient}). */
  @Override
  public void close() {
    if (ownsHttp) {
      http.connectionPool().evictAll();
      http.dispatcher().executorService().shutdown();
    }
  }

  /** @return the endpoint and settings; never the token */
  @Override
  public String toString() {
    return "NftStorageClient{endpoint=" + endpoint + ", token=" + (hasToken ? "<redacted>" : "none")
        + ", concurrency=" + concurrency + ", maxPieceSize=" + maxPieceSize + ", " + retryPolicy + ", "
        + rateLimiter + "}";
  }

  // ---------------------------------------------------------------- helpers

  HttpUrl url(String... segments) {
    HttpUrl.Builder b = endpoint.newBuilder();
    for (String s : segments) {
      b.addPathSegment(s);
    }
    return b.build();
  }
}
