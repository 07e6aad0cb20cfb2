package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.carmint.testsupport.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official multibase vectors (../shared/conformance/multibase/tests/*.csv), one case per row. Each file's
 * header gives the input ({@code \x00} = a zero byte); each row an encoding name and the multibase text.
 */
class MultibaseConformanceTest {
  static Stream<Arguments> canonicalRows() {
    return rows("basic.csv", "leading_zero.csv", "two_leading_zeros.csv");
  }

  static Stream<Arguments> caseInsensitivityRows() {
    return rows("case_insensitivity.csv");
  }

  /** basic, leading_zero, two_leading_zeros: encode exactly (prefix included) and decode back. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("canonicalRows")
  void encodesExactlyAndDecodes(String file, String encoding, byte[] input, String text) {
    SharedData.assumePresent(file);
    Multibase base = Multibase.forName(encoding);
    assertEquals(text, base.encode(input));
    assertSame(base, Multibase.forText(text));
    assertArrayEquals(input, Multibase.decodeAny(text));
    assertArrayEquals(input, base.decode(text));
  }

  /** Mixed-case payloads in the case-insensitive bases decode; the prefix alone picks the base. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("caseInsensitivityRows")
  void decodesMixedCase(String file, String encoding, byte[] input, String text) {
    SharedData.assumePresent(file);
    assertSame(Multibase.forName(encoding), Multibase.forText(text));
    assertArrayEquals(input, Multibase.decodeAny(text));
  }

  private static Stream<Arguments> rows(String... files) {
    if (!SharedData.hasConformanceDir("multibase/tests")) {
      return SharedData.absentRow("", new byte[0], "");
    }
    Path dir = SharedData.conformanceDir("multibase/tests");
    return Stream.of(files).flatMap(f -> {
      List<String> lines;
      try {
        lines = Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byte[] input = unescape(quoted(lines.get(0)));
      return lines.stream().skip(1).filter(l -> !l.isBlank())
          .map(l -> Arguments.of(f, l.substring(0, l.indexOf(',')).trim(), input, quoted(l)));
    });
  }

  private static String quoted(String line) {
    return line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'));
  }

  private static byte[] unescape(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("\\x", i)) {
        out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        out.write(s.charAt(i));
      }
    }
    return out.toByteArray();
  }
}
