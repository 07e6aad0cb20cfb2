package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CidTest {
  @Test
  void rawCidOfHelloWorldMatchesIpfsCar() {
    // ipfs-car / nft.storage encodeBlob of "hello world" (reference/javascript-tools.md §9)
    byte[] data = "hello world".getBytes(StandardCharsets.US_ASCII);
    Cid cid = Cid.v1(Multicodec.RAW, HashFunction.SHA2_256.digest(data));
    assertEquals("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", cid.toString());
    assertEquals(cid, Cid.parse(cid.toString()));
  }

  @Test
  void emptyDagPbBlockHasKnownV0AndV1() {
    // dag-pb spec: the zero-length block
    Multihash mh = HashFunction.SHA2_256.digest(new byte[0]);
    assertEquals("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n", Cid.v0(mh).toString());
    assertEquals("bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", Cid.v0(mh).toV1().toString());
    assertEquals(Cid.v0(mh), Cid.parse("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n"));
  }

  @Test
  void multibaseEncodedV0IsRejected() {
    Cid v0 = Cid.parse("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n");
    String bad = Multibase.BASE32.encode(v0.toBytes());
    assertThrows(InvalidCidException.class, () -> Cid.parse(bad));
  }
}
