package io.carmint.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link IpfsUrl} against Node 20's {@code new URL} and {@code toGatewayURL} ({@code testdata/nft} urlTable). */
class IpfsUrlTest {
  @Test
  void everyNameOfTheTable() throws IOException {
    Map<String, Object> table = Vectors.obj(Vectors.read("expected.json"), "urlTable");
    Cid cid = Cid.parse((String) table.get("cid"));
    List<String> wrong = new ArrayList<>();
    List<Object> rows = Vectors.list(table, "rows");
    for (Object o : rows) {
      Map<String, Object> row = TestJson.object(o);
      String name = (String) row.get("name");
      String href = IpfsUrl.href(cid, name);
      if (!href.equals("ipfs://" + cid + row.get("afterCid"))) {
        wrong.add(row.get("utf16") + ": node " + row.get("afterCid") + ", carmint " + href);
      }
      String gateway = IpfsUrl.gateway(href);
      if (!gateway.equals("https://nftstorage.link/ipfs/" + cid + row.get("gatewayAfterCid"))) {
        wrong.add(row.get("utf16") + ": gateway node " + row.get("gatewayAfterCid") + ", carmint " + gateway);
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(419, rows.size());
  }

  @Test
  void dotSegments() {
    // observed in Node 20: ".." on an empty path leaves it empty (the WHATWG text would leave "/")
    assertEquals("", IpfsUrl.afterHost(".."));
    assertEquals("/", IpfsUrl.afterHost("a/.."));
    assertEquals("/b", IpfsUrl.afterHost("../b"));
    assertEquals("/a/", IpfsUrl.afterHost("a/."));
    assertEquals("?q", IpfsUrl.afterHost("..?q"));
    assertEquals("", IpfsUrl.afterHost("a/b/../../.."));
    assertEquals("/x?a%20b#c%20d", IpfsUrl.afterHost("x?a b#c d"));
  }

  @Test
  void collectionLinksAlwaysNameTheFile() {
    Cid cid = Cid.parse("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354");
    String base = "ipfs://" + cid + "/";
    assertEquals(base + "h%C3%A9llo%20w%C3%B6rld.jpg", IpfsUrl.link(cid, "héllo wörld.jpg"));
    assertEquals(base + "100%25%23%3F%5C.png", IpfsUrl.link(cid, "100%#?\\.png"));
    assertEquals(base + "%2e%2e".replace("%", "%25"), IpfsUrl.link(cid, "%2e%2e"));
    assertEquals(base + "trail%20", IpfsUrl.link(cid, "trail "));
    assertEquals(base + "tab%09x", IpfsUrl.link(cid, "tab\tx"));
  }

  /** A collection link's last segment always decodes back to the file name. */
  @Property(tries = 1000)
  void linksDecodeToTheName(@ForAll String name) {
    Cid cid = Cid.parse("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354");
    String link = IpfsUrl.link(cid, name);
    String segment = link.substring(("ipfs://" + cid + "/").length());
    assertEquals(IpfsUrl.usv(name), IpfsUrl.decode(segment));
    assertEquals(-1, segment.indexOf('/'));
  }

  @Test
  void decode() {
    assertEquals("a b", IpfsUrl.decode("a%20b"));
    assertEquals("é", IpfsUrl.decode("%C3%A9"));
    assertNull(IpfsUrl.decode("%zz"));
    assertNull(IpfsUrl.decode("50%"));
    assertNull(IpfsUrl.decode("%C3"));
  }
}
