package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carmint.testsupport.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official multihash vectors (../shared/conformance/multihash/tests/values/test_cases.csv): each input is
 * hashed as its ASCII text; rows with fewer bits than the function's digest are truncated multihashes; the
 * algorithm "sha3" is sha3-512 (0x14).
 */
class MultihashConformanceTest {
  private static final HexFormat HEX = HexFormat.of();

  static Stream<Arguments> testCases() throws Exception {
    if (!SharedData.hasConformanceDir("multihash/tests/values")) {
      return SharedData.absentRow(0, "", "");
    }
    Path csv = SharedData.conformanceDir("multihash/tests/values").resolve("test_cases.csv");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.US_ASCII);
    assertEquals("algorithm,bits,input,multihash", lines.get(0));
    return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(","))
        .map(f -> Arguments.of(f[0], Integer.parseInt(f[1]), f[2], f[3]));
  }

  @ParameterizedTest(name = "{0} {1} bits {2}")
  @MethodSource("testCases")
  void computesDecodesAndChecksLength(String algorithm, int bits, String input, String multihashHex) {
    SharedData.assumePresent(algorithm);
    HashFunction f = HashFunction.forName(algorithm.equals("sha3") ? "sha3-512" : algorithm);
    byte[] expected = HEX.parseHex(multihashHex);

    Multihash computed = f.newHasher(bits / 8).update(input.getBytes(StandardCharsets.US_ASCII)).digest();
    assertArrayEquals(expected, computed.toBytes());

    Multihash decoded = Multihash.decode(expected);
    assertEquals(f.code(), decoded.code());
    assertEquals(bits / 8, decoded.digestLength());
    assertEquals(computed, decoded);

    // A declared length that does not match the bytes that follow is rejected, both ways.
    assertThrows(InvalidMultihashException.class,
        () -> Multihash.decode(Arrays.copyOf(expected, expected.length - 1)));
    assertThrows(InvalidMultihashException.class,
        () -> Multihash.decode(Arrays.copyOf(expected, expected.length + 1)));
  }
}
