package io.carmint.unixfs.hamt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MurmurHash3_x64_128 against {@code @multiformats/murmur3}'s {@code murmur3128} (the JS importers' HAMT hash),
 * whose 16 output bytes are h1 then h2, each big-endian. The spec's HAMT example names 470.txt and 742.txt share
 * the first byte 00 (so they meet in a sub-shard) and differ in the second (6E, FF).
 */
class Murmur3Test {
  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "''|00000000000000000000000000000000",
      "a|85555565f6597889e6b53a48510e895a",
      "470.txt|006e88df5847e67c5caf26247c7f3a29",
      "742.txt|00ff87d129ae542828a059b0b9335f89",
      "hello world|533f6046eb7f610eab97467d60eb63b1",
      "file-1.txt|c853837405db7a886295012e4dff585e",
      "émoji-😀.txt|81639e18fb6a3e6d53f15d4d71151938",
      "0123456789abcdef|4be06d94cf4ad1a787c35b5c63a708da",
      "0123456789abcdef0|eb24ae8785a5c07573fb68b3313128ca",
      "The quick brown fox jumps over the lazy dog|e34bbc7bbc071b6c7a433ca9c49a9347"})
  void matchesTheJsImplementation(String input, String expectedHex) {
    long[] h = Murmur3.hash128(input.getBytes(StandardCharsets.UTF_8), 0);
    assertEquals(expectedHex, String.format("%016x%016x", h[0], h[1]));
    assertEquals(HexFormat.fromHexDigitsToLong(expectedHex.substring(0, 16)),
        Murmur3.hash64(input.getBytes(StandardCharsets.UTF_8)));
  }
}
