package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.block.Block;
import io.carmint.car.CarReader;
import io.carmint.multiformats.Cid;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gateway streams: a CAR of 1.125 GiB, more than the test JVM's heap (-Xmx1g, where the service runs too), is
 * served from 1 MiB of storage, a file node linking one 1 MiB leaf 1,152 times asked with {@code dups=y}. A server that
 * built the answer in memory would fail with OutOfMemoryError; the client reads it as a stream, checking every
 * block's hash.
 */
class GatewayStreamingTest {
  @RegisterExtension
  static final LocalNftStorageExtension SERVICE =
      new LocalNftStorageExtension(LocalNftStorage.builder().token("t").build());

  @Test
  void moreThanTheHeapStreamsThrough() throws Exception {
    Block leaf = TestDags.raw(1, 1 << 20);
    int copies = 1152;
    Block file = TestDags.fileNode(Collections.nCopies(copies, leaf), Collections.nCopies(copies, 1L << 20));
    assertEquals(200, new Http(SERVICE.endpoint()).postCar("upload", "t", TestDags.car(file.cid(),
        List.of(file, leaf))).status());

    HttpRequest get = HttpRequest.newBuilder(SERVICE.endpoint().resolve("ipfs/" + file.cid()))
        .header("Accept", "application/vnd.ipld.car; dups=y").build();
    HttpResponse<InputStream> r = HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    List<Cid> kinds = new ArrayList<>();
    long blocks = 0;
    long bytes = 0;
    try (InputStream in = r.body(); CarReader car = CarReader.open(in)) {
      for (Block b = car.next(); b != null; b = car.next()) {
        blocks++;
        bytes += b.length();
        if (!kinds.contains(b.cid())) {
          kinds.add(b.cid());
        }
      }
    }
    assertEquals(1 + copies, blocks);
    assertEquals((long) copies << 20, bytes - file.length());
    assertEquals(List.of(file.cid(), leaf.cid()), kinds);
  }
}
