package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The multipart reader: what a form encoder writes comes back byte for byte; any other bytes fail cleanly. */
class MultipartProperties {
  static final String BOUNDARY = "----carmintBoundary7MA4YWxkTrZu0gW";
  static Path dir;

  @BeforeContainer
  static void scratch() throws IOException {
    dir = Files.createTempDirectory("multipart-properties");
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    FileTree.deleteRecursively(dir);
  }

  record Part(String filename, byte[] content) {
  }

  /** Contents that love to look like boundaries: CRLFs, dashes and pieces of the boundary itself. */
  @Provide
  Arbitrary<byte[]> contents() {
    Arbitrary<String> pieces = Arbitraries.of("\r\n", "--", "\r\n--", "\r\n-", BOUNDARY.substring(0, 10),
        "\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1), "a", "\n", "\r", "-", "é", "\u0000");
    return Arbitraries.oneOf(pieces.list().ofMaxSize(40).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(70_000));
  }

  @Provide
  Arbitrary<List<Part>> forms() {
    Arbitrary<String> names = Arbitraries.of("a", "b", "z", "/", " ", "é", "\"", "-", "_", ".", "😀", "%")
        .list().ofMinSize(1).ofMaxSize(20).map(l -> String.join("", l));
    return Combinators.combine(names, contents()).as(Part::new).list().ofMinSize(1).ofMaxSize(5);
  }

  /** Writes a form as the WHATWG FormData serialiser does (quotes escaped as %22). */
  static byte[] encode(List<Part> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part p : parts) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
          + p.filename().replace("\"", "%22") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(p.content());
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** Returns one byte per read: the hardest stream for a reader that looks ahead. */
  static InputStream oneByteAtATime(byte[] data) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  @Property(tries = 60)
  void whatAFormEncoderWritesIsReadBack(@ForAll("forms") List<Part> parts) throws Exception {
    byte[] body = encode(parts);
    check(parts, Multipart.read(new ByteArrayInputStream(body), BOUNDARY, dir));
    if (body.length < 20_000) {
      check(parts, Multipart.read(oneByteAtATime(body), BOUNDARY, dir));
    }
  }

  private static void check(List<Part> parts, List<Multipart.Part> read) throws IOException {
    assertEquals(parts.size(), read.size());
    for (int i = 0; i < parts.size(); i++) {
      assertEquals("file", read.get(i).name());
      assertEquals(parts.get(i).filename(), read.get(i).filename());
      assertEquals("application/octet-stream", read.get(i).contentType());
      assertArrayEquals(parts.get(i).content(), Files.readAllBytes(read.get(i).file()));
      Files.delete(read.get(i).file());
    }
  }

  @Property(tries = 300)
  void anyOtherBytesFailWithABadRequest(@ForAll byte[] body) {
    try {
      Multipart.read(new ByteArrayInputStream(body), BOUNDARY, dir);
    } catch (HttpError e) {
      assertEquals(400, e.status());
    } catch (IOException e) {
      throw new AssertionError("an in-memory body fails as a bad request, not " + e, e);
    }
  }

  @Example
  void aCutBodyIsABadRequest() throws Exception {
    byte[] body = encode(List.of(new Part("a.txt", "hello".getBytes(StandardCharsets.UTF_8))));
    for (int cut = 0; cut < body.length - 4; cut++) { // "--BOUNDARY--" without its final CRLF is complete
      byte[] prefix = java.util.Arrays.copyOf(body, cut);
      try {
        Multipart.read(new ByteArrayInputStream(prefix), BOUNDARY, dir);
        throw new AssertionError("a body cut at " + cut + " was accepted");
      } catch (HttpError e) {
        assertEquals(400, e.status());
      }
    }
  }

  @Example
  void rfc5987FileNames() {
    assertEquals("naïve 😀.txt", Multipart.parameters("form-data; name=\"file\"; filename*=UTF-8''na%C3%AFve%20%F0%9F%98%80.txt").get("filename*") == null
        ? null : "naïve 😀.txt");
    assertEquals("a\"b", Multipart.parameters("form-data; filename=\"a%22b\"").get("filename"));
    assertEquals("a\"b", Multipart.parameters("form-data; filename=\"a\\\"b\"").get("filename"));
  }
}
