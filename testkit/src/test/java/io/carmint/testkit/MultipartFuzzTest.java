package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.carmint.testsupport.FuzzSeeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzz test (Jazzer) of the service's multipart parser. The input is a {@code Content-Type} value,
 * a line feed, and the body: the boundary is read from the value (or, if that is refused, the usual one is used)
 * and the body is read with it. An in-memory body is read or refused as a bad request (HTTP 400), nothing else.
 * {@code mvn verify} replays the named regression inputs under
 * {@code src/test/resources/io/carmint/testkit/MultipartFuzzTestInputs/<method>}; the README's Reliability section
 * gives the command that fuzzes it.
 */
class MultipartFuzzTest {
  private static Path dir;

  static Stream<byte[]> seeds() {
    if (!FuzzSeeds.fuzzing()) {
      return Stream.empty();
    }
    String type = "multipart/form-data; boundary=" + MultipartProperties.BOUNDARY + "\n";
    Stream<byte[]> encoded = Stream.of(
        List.of(new MultipartProperties.Part("a.txt", "hello".getBytes(StandardCharsets.UTF_8))),
        List.of(new MultipartProperties.Part("dir/b \"q\".bin", new byte[] {'\r', '\n', '-', '-'}),
            new MultipartProperties.Part("naïve.txt", new byte[0])))
        .map(parts -> concat(type.getBytes(StandardCharsets.UTF_8), MultipartProperties.encode(parts)));
    // A file name the RFC 5987 way, as curl and some browsers send non-ASCII names.
    String extended = type + "--" + MultipartProperties.BOUNDARY + "\r\nContent-Disposition: form-data; "
        + "name=\"file\"; filename*=UTF-8''na%C3%AFve%20%F0%9F%98%80.txt\r\n\r\nx\r\n--"
        + MultipartProperties.BOUNDARY + "--\r\n";
    return Stream.concat(encoded, Stream.of(extended.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @MethodSource("seeds")
  @FuzzTest
  void multipart(byte[] input) throws IOException {
    int newline = 0;
    while (newline < input.length && input[newline] != '\n') {
      newline++;
    }
    String contentType = new String(input, 0, newline, StandardCharsets.ISO_8859_1);
    byte[] body = Arrays.copyOfRange(input, Math.min(newline + 1, input.length), input.length);
    String boundary;
    try {
      boundary = Multipart.boundary(contentType);
    } catch (HttpError e) {
      assertEquals(400, e.status());
      boundary = MultipartProperties.BOUNDARY;
    }
    Path scratch = scratch();
    try {
      List<Multipart.Part> parts = Multipart.read(new ByteArrayInputStream(body), boundary, scratch);
      for (Multipart.Part p : parts) {
        assertTrue(Files.size(p.file()) <= body.length, "a part larger than the body");
      }
    } catch (HttpError e) {
      assertEquals(400, e.status());
    } finally {
      FileTree.deleteRecursively(scratch);
      Files.createDirectories(scratch);
    }
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (dir != null) {
      FileTree.deleteRecursively(dir);
    }
  }

  private static synchronized Path scratch() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("multipart-fuzz");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }
}
