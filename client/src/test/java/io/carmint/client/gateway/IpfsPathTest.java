package io.carmint.client.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.InvalidCidException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpfsPathTest {
  static final String CID = "bafybeidbclfqleg2uojchspzd4bob56dqetqjsj27gy2cq3klkkgxtpn4i";

  @Test
  void threeFormsOneValue() {
    IpfsPath expected = new IpfsPath(Cid.parse(CID), List.of("a b", "c%20d.txt"));
    assertEquals(expected, IpfsPath.parse(CID + "/a b/c%20d.txt"));
    assertEquals(expected, IpfsPath.parse("/ipfs/" + CID + "/a b/c%20d.txt"));
    assertEquals(expected, IpfsPath.parse("ipfs://" + CID + "/a%20b/c%2520d.txt"));
    assertEquals("/ipfs/" + CID + "/a b/c%20d.txt", expected.toString());
    assertEquals(expected, IpfsPath.parse(expected.toString()));
  }

  @Test
  void emptySegmentsAreIgnored() {
    assertEquals(IpfsPath.of(Cid.parse(CID), "x"), IpfsPath.parse("/ipfs/" + CID + "//x/"));
    assertEquals(IpfsPath.of(Cid.parse(CID)), IpfsPath.parse(CID));
    assertEquals("", IpfsPath.parse(CID + "/").path());
  }

  @Test
  void aPlusAndNonAsciiStayInAUri() {
    assertEquals(List.of("a+b", "é"), IpfsPath.parse("ipfs://" + CID + "/a+b/%C3%A9").segments());
  }

  @Test
  void refused() {
    assertThrows(InvalidCidException.class, () -> IpfsPath.parse("/ipfs/notacid/x"));
    for (String bad : List.of("", "/ipfs/", "ipfs://", "/ipns/example.com", "ipns://k51qzi", CID + "/a/../b",
        CID + "/.", "ipfs://" + CID + "/x?format=car", "ipfs://" + CID + "#f", "ipfs://" + CID + "/%zz",
        "ipfs://" + CID + "/%C3")) {
      assertThrows(IllegalArgumentException.class, () -> IpfsPath.parse(bad), bad);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpfsPath.parse("/ipns/x"));
    assertTrue(e.getMessage().contains("IPNS"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> IpfsPath.of(Cid.parse(CID), "a/b"));
  }
}
