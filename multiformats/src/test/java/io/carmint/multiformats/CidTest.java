package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CID facts from ../shared/conformance/cid/README.md and reference/specs-and-implementations.md §1.7, §1.9. */
class CidTest {
  private static final HexFormat HEX = HexFormat.of();

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
    // dag-pb spec: the zero-length block; the raw CID shares the digest
    Multihash mh = HashFunction.SHA2_256.digest(new byte[0]);
    assertEquals("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n", Cid.v0(mh).toString());
    assertEquals("bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", Cid.v0(mh).toV1().toString());
    assertEquals("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
        Cid.v1(Multicodec.RAW, mh).toString());
    assertEquals(Cid.v0(mh), Cid.parse("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n"));
  }

  @Test
  void v0AndV1OfTheSameDigest() {
    Cid v0 = Cid.parse("QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN");
    Cid v1 = Cid.parse("bafybeiffndsajwhk3lwjewwdxqntmjm4b5wxaaanokonsggenkbw6slwk4");
    assertEquals(0, v0.version());
    assertEquals(34, v0.byteLength());
    assertEquals(v1, v0.toV1());
    assertEquals(v0, v1.toV0());
    assertSame(v1, v1.toV1());
    assertNotEquals(v0, v1);
    assertEquals(v0.multihash(), v1.multihash());
    assertEquals(Multicodec.DAG_PB, v0.codec());
  }

  /** cid/README.md "Valid CIDs": version, codec, multihash code and length, and the leading bytes. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "bafkrgqhhyivzstcz3hhswshfjgy6ertgmnqeleynhwt4dlfsthi4hn7zgh4uvlsb5xncykzapi3ocd4lzogukir6ksdy6wzrnz6ohnv4aglcs,"
          + " 85, 19, 64, 01551340",
      "bafkqactgnfwc6mjpmnzg63q, 85, 0, 10, 0155000a",
      "bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5oy, 113, 45600, 32, 0171a0e40220",
      "baguqeerap7w3wnisyfaoyn6vdjbvhgvzfhqxlmnkpfo2cza3kol3sgiou7zq, 297, 18, 32, 01a9021220",
      "baeaaaa3bmjrq, 0, 0, 3, 01000003616263",
      "bafireif3aymeikgfbofx533yf5vlx4kimzq6zmzmpra2mnzfsfnmv4hchm, 81, 18, 32, 01511220",
      "bagaaierajjsnhsxqlgfrvknlt7z2heoljcgfv37cn45tu7mhmr23x3ekiboq, 512, 18, 32, 0180041220",
  })
  void verifiedCidFacts(String text, long codec, long hashCode, int digestLength, String prefixHex) {
    Cid cid = Cid.parse(text);
    assertEquals(1, cid.version());
    assertEquals(codec, cid.codecCode());
    assertEquals(hashCode, cid.multihash().code());
    assertEquals(digestLength, cid.multihash().digestLength());
    assertEquals(prefixHex, HEX.formatHex(cid.toBytes(), 0, prefixHex.length() / 2));
    assertEquals(text, cid.toString());
    assertEquals(cid, Cid.decode(cid.toBytes()));
  }

  @Test
  void identityCidHoldsItsBytes() {
    Cid cron = Cid.parse("bafkqactgnfwc6mjpmnzg63q");
    assertEquals("fil/1/cron", new String(cron.multihash().digest(), StandardCharsets.US_ASCII));
    byte[] data = "fil/1/cron".getBytes(StandardCharsets.US_ASCII);
    assertTrue(cron.matches(data, 0, data.length));
    assertFalse(cron.matches(data, 0, data.length - 1));
    assertEquals("abc", new String(Cid.parse("baeaaaa3bmjrq").multihash().digest(), StandardCharsets.US_ASCII));
  }

  @Test
  void hashOfGivesTheMultihashTheBytesHave() {
    byte[] hello = "hello world".getBytes(StandardCharsets.US_ASCII);
    Cid cid = Cid.parse("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
    assertEquals(cid.multihash(), cid.hashOf(ByteBuffer.wrap(hello)).orElseThrow());
    // a digest length sha2-256 cannot produce (0 bytes) never matches: the bytes are hashed at 32
    Cid zeroLength = Cid.decode(HEX.parseHex("01551200"));
    assertEquals(cid.multihash(), zeroLength.hashOf(ByteBuffer.wrap(hello)).orElseThrow());
    assertFalse(zeroLength.matches(hello, 0, hello.length));
  }

  @Test
  void isIdentityIsTheIdentityHashFunction() {
    assertTrue(Cid.parse("bafkqactgnfwc6mjpmnzg63q").multihash().isIdentity());
    assertFalse(Cid.parse("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e").multihash().isIdentity());
  }

  @Test
  void sha512CidMatchesItsBlock() {
    Cid cid = Cid.parse("bafkrgqhhyivzstcz3hhswshfjgy6ertgmnqeleynhwt4dlfsthi4hn7zgh4uvlsb5xncykzapi3ocd4lzogukir6"
        + "ksdy6wzrnz6ohnv4aglcs");
    byte[] hello = "hello\n".getBytes(StandardCharsets.US_ASCII);
    assertTrue(cid.matches(hello, 0, hello.length));
    assertFalse(cid.matches(hello, 0, 5));
  }

  /** UnixFS's identity-size boundary CIDs: a plain CID parser accepts both (the 128-byte rule is UnixFS's). */
  @Test
  void identityBoundaryCidsParse() {
    Cid ok = Cid.parse("bafkqbaabijbeeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqsci"
        + "jbeeqscijb"
        + "eeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqscijbeeqs"
        + "cijbeeqscijbee");
    byte[] b128 = new byte[128];
    Arrays.fill(b128, (byte) 'B');
    assertArrayEquals(b128, ok.multihash().digest());
    assertEquals("0155008001", HEX.formatHex(ok.toBytes(), 0, 5));
    Cid big = Cid.parse("bafkqbaibifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbi"
        + "faucqkbifa"
        + "ucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqkbifaucqk"
        + "bifaucqkbifaucqi");
    byte[] a129 = new byte[129];
    Arrays.fill(a129, (byte) 'A');
    assertArrayEquals(a129, big.multihash().digest());
    assertEquals("0155008101", HEX.formatHex(big.toBytes(), 0, 5));
  }

  /**
   * go-car's CLI test expects "…75xxxxx" (non-zero trailing bits in its last base32 character) to be read as
   * "…75xxxxw"; we decided to be strict, as js-multiformats is: it is rejected, and the canonical form parses.
   */
  @Test
  void base32WithNonZeroTrailingBitsIsRejected() {
    InvalidCidException e = assertThrows(InvalidCidException.class,
        () -> Cid.parse("bafy2bzacebohz654namrgmwjjx4qmtwgxixsd7pn4tlanyrc3g3hwj75xxxxx"));
    assertTrue(e.getMessage().contains("trailing bits"), e.getMessage());
    // go-car's TestReplaceRootsInFile uses "…fw5od" as a same-length stand-in for the root "…fw5oy"; its last
    // character also carries a non-zero padding bit.
    assertThrows(InvalidCidException.class,
        () -> Cid.parse("bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5od"));
    Cid canonical = Cid.parse("bafy2bzacebohz654namrgmwjjx4qmtwgxixsd7pn4tlanyrc3g3hwj75xxxxw");
    assertEquals(38, canonical.byteLength());
    assertEquals("bafy2bzacebohz654namrgmwjjx4qmtwgxixsd7pn4tlanyrc3g3hwj75xxxxw", canonical.toString());
  }

  @Test
  void v1ParsesFromEveryMultibaseAndPrintsCanonically() {
    Cid cid = Cid.parse("bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    for (Multibase base : Multibase.all()) {
      String text = cid.toString(base);
      assertEquals(cid, Cid.parse(text), base.name());
      assertEquals("bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", Cid.parse(text).toString());
    }
  }

  @Test
  void v0HasOnlyABase58Form() {
    Cid v0 = Cid.parse("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n");
    assertEquals("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n", v0.toString(Multibase.BASE58_BTC));
    assertThrows(IllegalArgumentException.class, () -> v0.toString(Multibase.BASE32));
  }

  @Test
  void multibaseEncodedV0IsRejected() {
    Cid v0 = Cid.parse("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n");
    assertThrows(InvalidCidException.class, () -> Cid.parse(Multibase.BASE32.encode(v0.toBytes())));
    assertThrows(InvalidCidException.class, () -> Cid.parse("z" + v0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "empty | ''",
      "v0 one character short | QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1",
      "v0 one character long | QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1nn",
      "v0 with a non-base58 character | QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR10",
      "Q but not a v0 | Q",
      "unknown multibase | xafy",
      "reserved multibase 1 | 1abc",
      "path | /ipfs/bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
      "truncated v1 | bafybeihdwdcefgh4dqkjv67uzcmw7oj",
      "only a prefix | b",
  })
  void invalidTextIsRejected(String what, String text) {
    assertThrows(InvalidCidException.class, () -> Cid.parse(text), what);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "empty, ''",
      "version byte 0x30 (go-car BadCidV0), 3030201220"
          + "0000000000000000000000000000000000000000000000000000000000000000",
      "version 0 byte (js-car), 00551220" + "0000000000000000000000000000000000000000000000000000000000000000",
      "version 2 (reserved), 02551220" + "0000000000000000000000000000000000000000000000000000000000000000",
      "version 3 (reserved), 03551220" + "0000000000000000000000000000000000000000000000000000000000000000",
      "v0 prefix with a 31-byte digest, 121f" + "00000000000000000000000000000000000000000000000000000000000000",
      "12 not followed by 20, 1221" + "000000000000000000000000000000000000000000000000000000000000000000",
      "v1 declaring 32 digest bytes with 28 present (go-car short section), 01303020"
          + "00000000000000000000000000000000000000000000000000000000",
      "v1 trailing byte, 015500030102" + "0300",
      "v1 non-minimal codec varint, 01d5001220" + "0000000000000000000000000000000000000000000000000000000000000000",
      "v1 truncated, 0155",
  })
  void invalidBytesAreRejected(String what, String hex) {
    assertThrows(InvalidCidException.class, () -> Cid.decode(HEX.parseHex(hex)), what);
  }

  @Test
  void reservedVersionsInTextAreRejected() {
    for (String hex : new String[] {"02551220", "03551220"}) {
      String text = Multibase.BASE32.encode(HEX.parseHex(hex + "00".repeat(32)));
      InvalidCidException e = assertThrows(InvalidCidException.class, () -> Cid.parse(text));
      assertTrue(e.getMessage().contains("(reserved)"), e.getMessage());
    }
  }

  @Test
  void mixedCaseBase32IsTheSameCid() {
    assertEquals(Cid.parse("bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"),
        Cid.parse("bAFYBEIHDWDCEFGH4DQKJV67UZCMW7OJEE6XEDZDETOJUZJEVTENXQUVYKU"));
    assertEquals(Cid.parse("bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"),
        Cid.parse("BAFYBEIHDWDCEFGH4DQKJV67UZCMW7OJEE6XEDZDETOJUZJEVTENXQUVYKU"));
  }

  @Test
  void textLongerThanAnyCidIsRejectedBeforeDecoding() {
    String huge = "z" + "2".repeat(Cid.MAX_TEXT_LENGTH);
    InvalidCidException e = assertThrows(InvalidCidException.class, () -> Cid.parse(huge));
    assertTrue(e.getMessage().contains("longer than any CID text"), e.getMessage());
    // the longest binary CID, in base2, is exactly at the limit
    Cid longest = Cid.v1(Long.MAX_VALUE, Multihash.of(Long.MAX_VALUE, new byte[Multihash.MAX_DIGEST_LENGTH]));
    assertEquals(Cid.MAX_TEXT_LENGTH - 1, longest.toString(Multibase.BASE2).length());
    assertEquals(longest, Cid.parse(longest.toString(Multibase.BASE2)));
  }

  @Test
  void versionErrorNamesTheVersion() {
    InvalidCidException e = assertThrows(InvalidCidException.class, () -> Cid.decode(HEX.parseHex("30302012")));
    assertTrue(e.getMessage().contains("unsupported version 48"), e.getMessage());
  }

  @Test
  void unknownCodecAndHashRoundTrip() {
    // go-car's "01 30 30 20 …": codec 0x30 and multihash 0x30 are open values
    byte[] bytes = HEX.parseHex("01303020" + "11".repeat(32));
    Cid cid = Cid.decode(bytes);
    assertEquals(0x30, cid.codecCode());
    assertEquals("0x30", cid.codec().name());
    assertArrayEquals(bytes, cid.toBytes());
    assertEquals(cid, Cid.parse(cid.toString()));
    assertThrows(UnsupportedHashException.class, () -> cid.matches(new byte[0], 0, 0));
  }

  @Test
  void readAdvancesPastOneCidAndWriteToCopiesIt() {
    Cid a = Cid.parse("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n");
    Cid b = Cid.parse("bafkqactgnfwc6mjpmnzg63q");
    byte[] buf = new byte[a.byteLength() + b.byteLength() + 1];
    int n = a.writeTo(buf, 0);
    n += b.writeTo(buf, n);
    ByteBuffer bb = ByteBuffer.wrap(buf);
    assertEquals(a, Cid.read(bb));
    assertEquals(b, Cid.read(bb));
    assertEquals(n, bb.position());
    assertEquals(b, Cid.read(buf, a.byteLength(), buf.length));
  }

  @Test
  void toBytesIsACopy() {
    Cid a = Cid.parse("bafkqactgnfwc6mjpmnzg63q");
    a.toBytes()[0] = 9;
    assertEquals(1, a.toBytes()[0]);
  }

  @Test
  void ofChecksVersionRules() {
    Multihash mh = HashFunction.SHA2_256.digest(new byte[0]);
    assertEquals(0, Cid.of(0, Multicodec.DAG_PB, mh).version());
    assertThrows(InvalidCidException.class, () -> Cid.of(0, Multicodec.RAW, mh));
    assertThrows(InvalidCidException.class, () -> Cid.of(2, Multicodec.RAW, mh));
    assertThrows(InvalidCidException.class, () -> Cid.v0(HashFunction.SHA2_512.digest(new byte[0])));
    assertThrows(InvalidCidException.class, () -> Cid.v1(Multicodec.RAW, mh).toV0());
  }
}
