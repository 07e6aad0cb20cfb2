package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: uploads built to hurt the service (defects 7, 9, 14 and the size of defect 16). */
class HostileUploadsTest {
  static final String TOKEN = "hostile-token";

  @TempDir
  Path tmp;

  /** Defect 7: a CAR whose root decodes but a block below does not was stored, then every list page answered 500. */
  @Test
  void aBlockThatDoesNotDecodeIsRefusedNamingItAndNothingIsStored() throws Exception {
    Block garbage = Block.create(Multicodec.DAG_PB, HashFunction.SHA2_256, new byte[] {(byte) 0xff, 0x01, 0x02});
    Block root = TestDags.node(List.of(garbage), List.of(3L));
    Block badRoot = Block.create(Multicodec.DAG_CBOR, HashFunction.SHA2_256, new byte[] {(byte) 0xa1});
    Block leaf = TestDags.raw(1, 10);
    try (LocalNftStorage service = LocalNftStorage.builder().token(TOKEN).build().start()) {
      Http http = new Http(service.endpoint());
      Http.Reply below = http.postCar("upload", TOKEN, TestDags.car(root.cid(), List.of(root, garbage)));
      assertEquals(400, below.status(), below.json().toString());
      assertEquals("ERROR_INVALID_CAR", below.errorCode());
      assertTrue(below.errorMessage().contains(garbage.cid().toString()), below.errorMessage());
      assertTrue(below.errorMessage().contains("not valid dag-pb"), below.errorMessage());

      Http.Reply top = http.postCar("upload", TOKEN, TestDags.car(badRoot.cid(), List.of(badRoot, leaf)));
      assertEquals(400, top.status(), top.json().toString());
      assertEquals("ERROR_INVALID_CAR", top.errorCode());
      assertTrue(top.errorMessage().contains(badRoot.cid().toString()), top.errorMessage());

      assertEquals(404, http.get(root.cid().toString(), TOKEN).status());
      Http.Reply list = http.get("", TOKEN);
      assertEquals(200, list.status());
      assertEquals("0", list.headers().firstValue("Count").orElseThrow(), "nothing was recorded");
      assertEquals(404, new GatewayClient(service.endpoint()).car("ipfs/" + garbage.cid(), "").status(),
          "nor kept");
    }
  }

  /** Defect 16: two links of 2^63-1 bytes gave "size":108. */
  @Test
  void linkSizesThatOverflowAreRefused() throws Exception {
    Block a = TestDags.raw(2, 10);
    Block b = TestDags.raw(3, 10);
    Block root = TestDags.node(List.of(a, b), List.of(Long.MAX_VALUE, Long.MAX_VALUE));
    try (LocalNftStorage service = LocalNftStorage.builder().token(TOKEN).build().start()) {
      Http http = new Http(service.endpoint());
      Http.Reply r = http.postCar("upload", TOKEN, TestDags.car(root.cid(), List.of(root, a, b)));
      assertEquals(400, r.status(), r.json().toString());
      assertEquals("ERROR_INVALID_CAR", r.errorCode());
      assertTrue(r.errorMessage().contains(root.cid() + " add up to more than 9223372036854775807 bytes"),
          r.errorMessage());
      assertEquals("0", http.get("", TOKEN).headers().firstValue("Count").orElseThrow());
    }
  }

  /**
   * Defect 9: in {@code --data} mode a root CID longer than 255 characters (an identity CID holds its block) failed
   * with 500 "File name too long", left its CAR behind without a record, and named server paths. It behaves as in
   * memory now, across a restart too.
   */
  @Test
  void aRootCidLongerThanAFileNameWorksOnDiskAsInMemory() throws Exception {
    Block leaf = TestDags.raw(4, 100);
    String name = "n".repeat(200);
    byte[] node = DagPb.encode(PbNode.of(List.of(PbLink.of(leaf.cid(), name, 100))));
    Block root = Block.create(Multicodec.DAG_PB, HashFunction.IDENTITY, node);
    assertTrue(root.cid().toString().length() > 255, "the root's text is longer than a file name");
    byte[] car = TestDags.car(root.cid(), List.of(root, leaf));

    SettableClock clock = new SettableClock(Instant.parse("2024-05-01T12:00:00Z"));
    Http.Reply inMemory;
    try (LocalNftStorage service = LocalNftStorage.builder().token(TOKEN).clock(clock).build().start()) {
      inMemory = new Http(service.endpoint()).postCar("upload", TOKEN, car);
      assertEquals(200, inMemory.status(), inMemory.json().toString());
    }
    Path data = tmp.resolve("data");
    try (LocalNftStorage service = LocalNftStorage.builder().token(TOKEN).clock(clock).dataDirectory(data).build()
        .start()) {
      Http http = new Http(service.endpoint());
      Http.Reply onDisk = http.postCar("upload", TOKEN, car);
      assertEquals(200, onDisk.status(), onDisk.json().toString());
      assertEquals(inMemory.value(), onDisk.value(), "the same answer as in memory");
      assertEquals("pinned", onDisk.value().path("pin").path("status").asText());
    }
    try (LocalNftStorage service = LocalNftStorage.builder().token(TOKEN).dataDirectory(data).build().start()) {
      Http http = new Http(service.endpoint());
      Http.Reply status = http.get(root.cid().toString(), TOKEN);
      assertEquals(200, status.status(), "found again after a restart");
      assertEquals(inMemory.value(), status.value());
      assertEquals(202, http.send("DELETE", root.cid().toString(), TOKEN, null, null).status());
      assertEquals(404, http.get(root.cid().toString(), TOKEN).status());
    }
    try (Stream<Path> records = Files.walk(data.resolve("records"))) {
      assertEquals(0, records.filter(Files::isRegularFile).count(), "the record was deleted");
    }
  }

  /** Defect 9: no answer names a server path or carries a stack trace, even when the storage fails. */
  @Test
  void aStorageFailureIsAnswered500WithoutServerDetail() throws Exception {
    StorageProbe[] probe = new StorageProbe[1];
    Path data = tmp.resolve("secret-server-path");
    try (LocalNftStorage service = LocalNftStorage.builder().token(TOKEN).dataDirectory(data)
        .storage(s -> probe[0] = new StorageProbe(s)).warnings(w -> { }).build().start()) {
      probe[0].failWrites = new java.nio.file.FileSystemException(data.resolve("cars/x.car").toString(), null,
          "No space left on device");
      Block leaf = TestDags.raw(5, 10);
      Http.Reply r = new Http(service.endpoint()).postCar("upload", TOKEN, TestDags.car(leaf.cid(), List.of(leaf)));
      assertEquals(500, r.status());
      assertEquals("Internal Server Error", r.errorMessage());
      assertFalse(r.json().toString().contains("secret-server-path"), r.json().toString());
    }
  }

  /** Defect 14: multipart files with clashing paths were answered 200 and all but one silently dropped. */
  @Test
  void multipartFilesWhosePathsClashAreRefusedNamingTheClash() throws Exception {
    try (LocalNftStorage service = LocalNftStorage.builder().token(TOKEN).build().start()) {
      Http http = new Http(service.endpoint());
      assertClash(http, List.of("same", "same"), "'same' and 'same' both need 'same' (both files)");
      assertClash(http, List.of("a/b", "a"), "'a/b' and 'a' both need 'a' (a directory of the first, and a file)");
      assertClash(http, List.of("a", "a/b"), "'a' and 'a/b' both need 'a' (a file, and a directory of the second)");
      assertClash(http, List.of("same", " same"), "'same' and ' same' both need 'same' (both files)");
      assertEquals("0", http.get("", TOKEN).headers().firstValue("Count").orElseThrow(), "nothing was stored");

      Http.Reply fine = multipart(http, List.of("a/b", "a/c", ".hidden", ".hidden"));
      assertEquals(200, fine.status(), fine.json().toString());
      assertEquals(4, fine.value().path("files").size());
    }
  }

  private static void assertClash(Http http, List<String> names, String clash) throws Exception {
    Http.Reply r = multipart(http, names);
    assertEquals(400, r.status(), names + ": " + r.json());
    assertEquals("multipart files clash: " + clash + "; send each path once", r.errorMessage());
  }

  private static Http.Reply multipart(Http http, List<String> names) throws IOException, InterruptedException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < names.size(); i++) {
      body.writeBytes(("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + names.get(i)
          + "\"\r\nContent-Type: text/plain\r\n\r\ncontent " + i + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes("--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
    return http.send("POST", "upload", TOKEN, "multipart/form-data; boundary=XyZ", body.toByteArray());
  }
}
