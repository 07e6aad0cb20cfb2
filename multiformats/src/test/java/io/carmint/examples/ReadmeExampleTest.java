package io.carmint.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.dagcbor.DagCbor;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multibase;
import io.carmint.multiformats.Multicodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example in multiformats/README.md, compiled and checked so that it cannot rot. */
class ReadmeExampleTest {
  @Test
  void readmeExample() throws Exception {
    // --- README example ---
    byte[] data = "hello world".getBytes(StandardCharsets.UTF_8);
    Cid cid = Cid.v1(Multicodec.RAW, HashFunction.SHA2_256.digest(data));
    String text = cid.toString();                      // bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e
    Cid same = Cid.parse(cid.toString(Multibase.BASE36)); // any multibase parses
    byte[] header = DagCbor.encodeCarV1Header(List.of(cid)); // {"roots": [cid], "version": 1}
    List<Cid> roots = DagCbor.decodeCarHeader(header).roots();
    // --- end ---
    assertEquals("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", text);
    assertEquals(cid, same);
    assertEquals(List.of(cid), roots);
  }
}
