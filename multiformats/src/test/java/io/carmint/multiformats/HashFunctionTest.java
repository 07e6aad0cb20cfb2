package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashFunctionTest {
  private static final HexFormat HEX = HexFormat.of();

  /**
   * Published digests: FIPS 180-4 / FIPS 202 "abc" examples, RFC 7693 Appendix A (BLAKE2b-512 "abc"), and values
   * cross-checked with Python's hashlib and the @noble/hashes npm package (blake3, keccak-256).
   */
  @ParameterizedTest(name = "{0}(\"{1}\")")
  @CsvSource({
      "sha1, abc, a9993e364706816aba3e25717850c26c9cd0d89d",
      "sha2-256, abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "sha2-384, abc, cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
      "sha2-512, abc, ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
          + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
      "sha3-224, abc, e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf",
      "sha3-256, abc, 3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
      "sha3-384, abc, ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25",
      "sha3-512, abc, b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e"
          + "10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0",
      "keccak-256, '', c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
      "keccak-256, abc, 4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
      "blake3, '', af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
      "blake3, abc, 6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85",
      "blake2b-256, '', 0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8",
      "blake2b-256, abc, bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319",
      "blake2b-512, abc, ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
          + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
  })
  void knownDigests(String name, String input, String expectedHex) {
    HashFunction f = HashFunction.forName(name);
    Multihash mh = f.digest(input.getBytes(StandardCharsets.US_ASCII));
    assertEquals(expectedHex, HEX.formatHex(mh.digest()));
    assertEquals(f.code(), mh.code());
    assertEquals(f.digestLength(), mh.digestLength());
    assertTrue(f.isAvailable());
  }

  @Test
  void blake3ExtendsToAnyLength() {
    // @noble/hashes blake3("abc", {dkLen: 64})
    Multihash mh = HashFunction.BLAKE3.newHasher(64).update("abc".getBytes(StandardCharsets.US_ASCII)).digest();
    assertEquals("6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85"
        + "1fb250ae7393f5d02813b65d521a0d492d9ba09cf7ce7f4cffd900f23374bf0b", HEX.formatHex(mh.digest()));
    assertEquals("1e40", HEX.formatHex(mh.toBytes(), 0, 2));
    assertTrue(HashFunction.BLAKE3.isExtendable());
    assertFalse(HashFunction.SHA2_256.isExtendable());
  }

  @Test
  void multihashCodesUseTheirVarints() {
    // specs-and-implementations.md §1.6: blake2b-256 = a0 e4 02, blake2b-512 = c0 e4 02
    assertEquals("a0e40220", HEX.formatHex(HashFunction.BLAKE2B_256.digest(new byte[0]).toBytes(), 0, 4));
    assertEquals("c0e40240", HEX.formatHex(HashFunction.BLAKE2B_512.digest(new byte[0]).toBytes(), 0, 4));
  }

  @Test
  void truncatedHasherKeepsTheDigestPrefix() {
    byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);
    for (HashFunction f : HashFunction.all()) {
      if (f == HashFunction.IDENTITY) {
        continue;
      }
      byte[] full = f.digest(data).digest();
      Multihash cut = f.newHasher(10).update(data).digest();
      assertArrayEquals(java.util.Arrays.copyOf(full, 10), cut.digest(), f.name());
      assertThrows(IllegalArgumentException.class, () -> f.newHasher(0), f.name());
      if (!f.isExtendable()) {
        assertThrows(IllegalArgumentException.class, () -> f.newHasher(f.digestLength() + 1), f.name());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> HashFunction.IDENTITY.newHasher(4));
  }

  /** Incremental hashing: any split of the input, array or buffer (heap or direct), gives the one-shot digest. */
  @Test
  void incrementalHashingMatchesOneShot() throws Exception {
    byte[] data = new byte[100_003];
    new Random(42).nextBytes(data);
    for (HashFunction f : HashFunction.all()) {
      if (f == HashFunction.IDENTITY) {
        continue;
      }
      Multihash expected = f.digest(data);
      Hasher h = f.newHasher();
      try (InputStream in = new ByteArrayInputStream(data)) {
        byte[] chunk = new byte[777];
        int n;
        while ((n = in.read(chunk)) > 0) {
          h.update(chunk, 0, n);
        }
      }
      assertEquals(expected, h.digest(), f.name() + " by chunks");
      ByteBuffer direct = ByteBuffer.allocateDirect(data.length);
      direct.put(data).flip();
      assertEquals(expected, h.update(direct.slice(0, 5000)).update(direct.slice(5000, data.length - 5000))
          .digest(), f.name() + " direct buffers, reused hasher");
      ByteBuffer heap = ByteBuffer.wrap(data, 3, data.length - 3);
      assertEquals(f.digest(data, 3, data.length - 3), f.newHasher().update(heap).digest(), f.name());
      assertFalse(heap.hasRemaining());
    }
  }

  @Test
  void identityHoldsTheInput() {
    Multihash mh = HashFunction.IDENTITY.digest("abc".getBytes(StandardCharsets.US_ASCII));
    assertEquals("0003616263", HEX.formatHex(mh.toBytes()));
  }

  @Test
  void namesAndCodesLookUp() {
    for (HashFunction f : HashFunction.all()) {
      assertSame(f, HashFunction.forName(f.name()));
      assertSame(f, HashFunction.forCode(f.code()).orElseThrow());
    }
    assertSame(HashFunction.SHA2_256, HashFunction.forName("SHA2-256"));
    UnsupportedHashException e = assertThrows(UnsupportedHashException.class, () -> HashFunction.forName("md5"));
    assertTrue(e.getMessage().contains("sha2-256"), e.getMessage());
    assertTrue(HashFunction.forCode(0xd5).isEmpty());
  }
}
