package io.carmint.client.gateway;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.UnsupportedHashException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One {@code GET /ipfs/{cid}?format=raw} per block the walk asks for, each body checked against its CID. For
 * gateways that do not serve the CAR asked for. Memory: one block.
 */
final class RawBlockFeed extends BlockFeed {
  static final String RAW = "application/vnd.ipld.raw";

  private final OkHttpClient http;
  private final Gateways.Endpoint endpoint;
  private final Duration readTimeout;
  private final int maxBlockSize;

  RawBlockFeed(Gateways.Endpoint endpoint, Job job, Limits limits, FetchListener listener, BlockSink copy,
      OkHttpClient http, Duration readTimeout, int maxBlockSize) {
    super(endpoint.uri(), job, limits, listener, copy);
    this.http = http;
    this.endpoint = endpoint;
    this.readTimeout = readTimeout;
    this.maxBlockSize = maxBlockSize;
  }

  @Override
  RetrievalMode mode() {
    return RetrievalMode.RAW_BLOCKS;
  }

  @Override
  Block receive(Cid cid) throws IOException {
    Request request = new Request.Builder().url(endpoint.raw(cid)).header("Accept", RAW)
        .header("User-Agent", Gateways.USER_AGENT).build();
    Call call = http.newCall(request);
    job.track(call);
    try (Response r = call.execute()) {
      int status = r.code();
      if (status == 404 || status == 410) {
        throw new GatewayException(gateway, cid, GatewayException.Reason.MISSING_BLOCK, "answered HTTP " + status
            + " for block " + cid + " (GET /ipfs/" + cid + "?format=raw)", null);
      }
      if (status < 200 || status > 299) {
        throw new GatewayException(gateway, cid, GatewayException.Reason.HTTP_STATUS, "answered HTTP " + status
            + " for block " + cid + " (GET /ipfs/" + cid + "?format=raw)", null);
      }
      byte[] bytes = readAtMost(r.body(), cid);
      if (!cid.matches(bytes, 0, bytes.length)) {
        throw new GatewayException(gateway, cid, GatewayException.Reason.CORRUPT_BLOCK, "sent " + fmt(bytes.length)
            + " bytes for block " + cid + " that do not hash to its CID (Content-Type "
            + r.header("Content-Type", "none") + ")", null);
      }
      return Block.wrap(cid, bytes);
    } catch (IOException e) {
      throw Failures.reading(gateway, job, readTimeout, cid, e);
    } catch (UnsupportedHashException e) {
      throw new GatewayException(gateway, cid, GatewayException.Reason.BAD_RESPONSE, "block " + cid
          + " cannot be verified: " + e.getMessage(), e);
    }
  }

  private byte[] readAtMost(ResponseBody body, Cid cid) throws IOException {
    try (InputStream in = body.byteStream()) {
      long declared = body.contentLength();
      if (declared >= 0 && declared <= maxBlockSize) {
        // the usual case: one array of the declared size, and a check that nothing follows
        byte[] bytes = new byte[(int) declared];
        int n = in.readNBytes(bytes, 0, bytes.length);
        if (n == declared && in.read() < 0) {
          return bytes;
        }
        throw new GatewayException(gateway, cid, GatewayException.Reason.TRUNCATED, "sent " + (n < declared
            ? "fewer" : "more") + " bytes than its Content-Length of " + fmt(declared) + " for block " + cid, null);
      }
      byte[] bytes = in.readNBytes(maxBlockSize + 1);
      if (bytes.length > maxBlockSize) {
        throw new GatewayException(gateway, cid, GatewayException.Reason.BAD_RESPONSE, "sent more than "
            + fmt(maxBlockSize) + " bytes (the block size limit) for block " + cid, null);
      }
      return bytes;
    }
  }

  @Override
  void finish() {
    // every block was asked for by its CID: nothing can be left over
  }
}
