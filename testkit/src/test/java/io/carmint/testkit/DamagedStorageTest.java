package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmint.block.Block;
import io.carmint.car.BlockLocation;
import io.carmint.car.CarFile;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, defect 8: damage on disk showed up late and unevenly. A flipped byte in a stored directory block made
 * that upload's status and every list page holding it answer 500; a flipped byte in a file block was never noticed;
 * a record that did not parse stopped the service from starting. Stored blocks are now checked when read, a damaged
 * upload is reported failed (and nothing else is disturbed), the store can be checked whole, and unreadable files
 * are set aside at start.
 */
class DamagedStorageTest {
  static final String TOKEN = "damage-token";

  @TempDir
  Path data;
  final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  private LocalNftStorage start() throws IOException {
    return LocalNftStorage.builder().token(TOKEN).dataDirectory(data).warnings(warnings::add).build().start();
  }

  /** A directory of two one-block files, and its CAR. */
  record Upload(Block root, List<Block> blocks, byte[] car) {
    static Upload directory(long seed) throws IOException {
      Block a = TestDags.raw(seed, 300);
      Block b = TestDags.raw(seed + 1, 300);
      Map<String, Block> entries = new LinkedHashMap<>();
      entries.put("a.txt", a);
      entries.put("b.txt", b);
      Block dir = TestDags.directory(entries);
      List<Block> blocks = List.of(dir, a, b);
      return new Upload(dir, blocks, TestDags.car(dir.cid(), blocks));
    }

    static Upload leaf(long seed) throws IOException {
      Block leaf = TestDags.raw(seed, 50);
      return new Upload(leaf, List.of(leaf), TestDags.car(leaf.cid(), List.of(leaf)));
    }
  }

  private static void upload(Http http, Upload u) throws Exception {
    Http.Reply r = http.postCar("upload", TOKEN, u.car());
    assertEquals("pinned", r.value().path("pin").path("status").asText(), r.json().toString());
  }

  /** Starts a service on the data directory, uploads, and stops it. */
  private void uploadAll(Upload... uploads) throws Exception {
    try (LocalNftStorage service = start()) {
      Http http = new Http(service.endpoint());
      for (Upload u : uploads) {
        upload(http, u);
      }
    }
  }

  /** Flips one bit in the middle of {@code block}'s bytes inside the stored copy of {@code car}. */
  private void flip(byte[] car, Block block) throws IOException {
    flip(data, car, block);
  }

  /** Flips one bit in the middle of {@code block}'s bytes inside the copy of {@code car} kept in {@code data}. */
  static void flip(Path data, byte[] car, Block block) throws IOException {
    Path file = data.resolve("cars").resolve(TestDags.carCid(car) + ".car");
    BlockLocation loc;
    try (CarFile f = CarFile.open(file)) {
      loc = f.location(block.cid()).orElseThrow();
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long at = loc.blockOffset() + loc.blockLength() / 2;
      raf.seek(at);
      int b = raf.read();
      raf.seek(at);
      raf.write(b ^ 1);
    }
  }

  @Test
  void aDamagedDirectoryBlockFailsItsUploadAndNothingElse() throws Exception {
    Upload dir = Upload.directory(1);
    Upload one = Upload.leaf(10);
    Upload two = Upload.leaf(11);
    uploadAll(one, dir, two);
    flip(dir.car(), dir.root());
    try (LocalNftStorage service = start()) {
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains(dir.root().cid().toString()), warnings.get(0));
      Http http = new Http(service.endpoint());
      Http.Reply status = http.get(dir.root().cid().toString(), TOKEN);
      assertEquals(200, status.status());
      assertFailed(status.value().path("pin"), dir.root().cid());
      assertFailed(http.get("check/" + dir.root().cid(), null).value().path("pin"), dir.root().cid());
      Http.Reply list = http.get("?limit=2", TOKEN);
      assertEquals(200, list.status());
      assertEquals("pinned", list.value().get(0).path("pin").path("status").asText());
      assertEquals("failed", list.value().get(1).path("pin").path("status").asText());
      assertEquals("pinned", http.get(one.root().cid().toString(), TOKEN).value().path("pin").path("status")
          .asText());
      GatewayClient gw = new GatewayClient(service.endpoint());
      assertEquals(404, gw.get("ipfs/" + dir.root().cid() + "?format=raw").status(), "a damaged block is not held");
      assertEquals(404, gw.car("ipfs/" + dir.root().cid(), "").status());
      assertEquals(404, gw.car("ipfs/" + dir.root().cid() + "/a.txt", "").status());
    }
  }

  @Test
  void aDamagedFileBlockIsFoundWhenReadAndFailsItsUpload() throws Exception {
    Upload dir = Upload.directory(20);
    Upload other = Upload.leaf(30);
    Block leaf = dir.blocks().get(2);
    uploadAll(dir, other);
    flip(dir.car(), leaf);
    try (LocalNftStorage service = start()) {
      Http http = new Http(service.endpoint());
      assertEquals(List.of(), warnings, "leaves are not read at start");
      assertEquals("pinned", http.get(dir.root().cid().toString(), TOKEN).value().path("pin").path("status")
          .asText());
      GatewayClient gw = new GatewayClient(service.endpoint());
      // the stream was committed (200) before the leaf was read: it is cut short, never answered 500
      assertThrows(IOException.class, () -> gw.car("ipfs/" + dir.root().cid(), ""));
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains(leaf.cid().toString()), warnings.get(0));
      assertFailed(http.get(dir.root().cid().toString(), TOKEN).value().path("pin"), leaf.cid());
      assertEquals(404, gw.get("ipfs/" + leaf.cid() + "?format=raw").status());
      assertEquals(200, gw.car("ipfs/" + dir.root().cid() + "/a.txt", "").status(), "the sound file is served");
      assertEquals(200, http.get("", TOKEN).status());
      assertEquals("pinned", http.get(other.root().cid().toString(), TOKEN).value().path("pin").path("status")
          .asText());
    }
  }

  @Test
  void checkDataReportsEveryDamagedBlockAndTheUploadsHoldingIt() throws Exception {
    Upload dir = Upload.directory(40);
    Upload other = Upload.leaf(50);
    Block leaf = dir.blocks().get(1);
    try (LocalNftStorage service = start()) {
      Http http = new Http(service.endpoint());
      upload(http, dir);
      upload(http, other);
      assertEquals(List.of(), LocalNftStorage.checkData(data).problems(), "sound, and checked while serving");
      flip(dir.car(), leaf);
      // --- Javadoc example ---
      DataCheck check = LocalNftStorage.checkData(data);
      check.problems().forEach(System.out::println);   // empty when the store is sound
      // --- end ---
      assertFalse(check.ok());
      assertEquals(2, check.cars());
      assertEquals(4, check.blocks());
      assertEquals(2, check.uploads());
      assertEquals(1, check.pinned());
      assertEquals(0, check.pinning());
      String car = "cars/" + TestDags.carCid(dir.car()) + ".car";
      assertEquals(3, check.problems().size(), check.problems().toString());
      assertEquals(car + ": its bytes no longer hash to the CAR CID that names it: the file was altered after it "
          + "was stored", check.problems().get(0));
      assertTrue(check.problems().get(1).startsWith(car + ": Block hash mismatch"), check.problems().get(1));
      assertTrue(check.problems().get(1).contains(leaf.cid().toString()), check.problems().get(1));
      assertTrue(check.problems().get(2).matches("records/[0-9a-f]{32}/" + dir.root().cid() + "\\.json: upload "
          + dir.root().cid() + " failed: block " + leaf.cid() + " is damaged in storage: its bytes no longer hash "
          + "to its CID"), check.problems().get(2));
    }
  }

  @Test
  void unreadableRecordsAndCarsAreSetAsideAtStartWithAWarning() throws Exception {
    Upload kept = Upload.leaf(60);
    Upload badRecord = Upload.leaf(61);
    Upload badCar = Upload.leaf(62);
    uploadAll(kept, badRecord, badCar);
    Path record;
    try (var files = Files.walk(data.resolve("records"))) {
      record = files.filter(f -> f.getFileName().toString().equals(badRecord.root().cid() + ".json")).findFirst()
          .orElseThrow();
    }
    Files.writeString(record, "{\"owner\":", StandardCharsets.UTF_8);
    Path car = data.resolve("cars").resolve(TestDags.carCid(badCar.car()) + ".car");
    Files.write(car, new byte[] {(byte) 0xff, (byte) 0xff});

    try (LocalNftStorage service = start()) {
      Http http = new Http(service.endpoint());
      assertEquals(2, warnings.size(), warnings.toString());
      warnings.forEach(w -> assertFalse(w.contains("\n"), "one line: " + w));
      assertTrue(warnings.stream().anyMatch(w -> w.startsWith("set aside cars/" + car.getFileName() + " in "
          + "quarantine/cars/" + car.getFileName() + ": it cannot be read as a CAR: ")), warnings.toString());
      String recordName = data.relativize(record).toString();
      assertTrue(warnings.stream().anyMatch(w -> w.startsWith("set aside " + recordName + " in quarantine/"
          + recordName + ": it cannot be read as an upload record: ")), warnings.toString());
      assertTrue(Files.exists(data.resolve("quarantine").resolve(recordName)));
      assertEquals("pinned", http.get(kept.root().cid().toString(), TOKEN).value().path("pin").path("status")
          .asText());
      assertEquals(404, http.get(badRecord.root().cid().toString(), TOKEN).status(), "its record was set aside");
      assertEquals("pinning", http.get(badCar.root().cid().toString(), TOKEN).value().path("pin").path("status")
          .asText(), "its blocks were set aside: it waits for them");
      assertEquals("2", http.get("", TOKEN).headers().firstValue("Count").orElseThrow());
      assertEquals(200, http.postCar("upload", TOKEN, badCar.car()).status());
      assertEquals("pinned", http.get(badCar.root().cid().toString(), TOKEN).value().path("pin").path("status")
          .asText(), "sent again, it is whole again");
    }
    DataCheck check = LocalNftStorage.checkData(data);
    assertEquals(2, check.problems().size(), check.problems().toString());
    check.problems().forEach(p -> assertTrue(p.startsWith("quarantine/"), p));
  }

  static void assertFailed(JsonNode pin, Cid damaged) {
    assertEquals("failed", pin.path("status").asText(), pin.toString());
    String error = pin.path("error").asText();
    assertTrue(error.startsWith("block " + damaged + " is damaged in storage"), error);
    assertNotEquals(-1, error.indexOf("no longer hash"), error);
  }
}
