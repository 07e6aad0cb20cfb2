/**
 * The NFT.Storage HTTP API client and the trustless gateway client.
 *
 * <p>OkHttp is read as the automatic module {@code okhttp3} (OkHttp 4.12 and 5.x both name it so); its
 * {@code OkHttpClient} appears in the builders' API. Jackson reads the response records reflectively, so their
 * package is open to it.
 */
// okhttp3 and okio are automatic modules (their jars name themselves in the manifest): nothing to fix on our side.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.carmint.client {
  requires transitive io.carmint.nft;
  requires transitive io.carmint.pack;
  requires transitive okhttp3;
  requires okio;
  requires com.fasterxml.jackson.annotation;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports io.carmint.client;
  exports io.carmint.client.gateway;

  opens io.carmint.client to com.fasterxml.jackson.databind;
}
