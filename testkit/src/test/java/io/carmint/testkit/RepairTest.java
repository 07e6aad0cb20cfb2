package io.carmint.testkit;

import static io.carmint.testkit.DamagedStorageTest.TOKEN;
import static io.carmint.testkit.DamagedStorageTest.assertFailed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.testkit.DamagedStorageTest.Upload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A block found damaged in storage made every upload holding it {@code failed} for good: sending the same content
 * again was deduplicated against the damaged copy (and the same CAR's file name was already taken), so the pin stayed
 * failed until someone replaced files by hand. Now an upload that brings a sound copy of a damaged block repairs it:
 * the uploads holding it are pinned again, the gateway serves the original bytes, {@code --check-data} finds the store
 * sound, and a restart keeps it so.
 */
class RepairTest {
  @TempDir
  Path data;
  final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  private LocalNftStorage start() throws IOException {
    return LocalNftStorage.builder().token(TOKEN).dataDirectory(data).warnings(warnings::add).build().start();
  }

  private static String status(Http http, Block root) throws Exception {
    return http.get(root.cid().toString(), TOKEN).value().path("pin").path("status").asText();
  }

  private static void send(Http http, byte[] car) throws Exception {
    Http.Reply r = http.postCar("upload", TOKEN, car);
    assertEquals(200, r.status(), r.json().toString());
  }

  /** @return a CAR holding {@code block} alone, as its root */
  private static byte[] alone(Block block) throws IOException {
    return TestDags.car(block.cid(), List.of(block));
  }

  /** The whole DAG through {@code ?format=car} (every block's hash checked as it is read) and each block raw. */
  private static void assertServedWhole(LocalNftStorage service, Upload u) throws Exception {
    GatewayClient gw = new GatewayClient(service.endpoint());
    GatewayClient.Reply car = gw.car("ipfs/" + u.root().cid(), "");
    assertEquals(200, car.status());
    assertEquals(u.blocks().stream().map(Block::cid).toList(), car.blocks());
    for (Block b : u.blocks()) {
      GatewayClient.Reply raw = gw.get("ipfs/" + b.cid() + "?format=raw");
      assertEquals(200, raw.status(), b.cid().toString());
      assertArrayEquals(b.toBytes(), raw.body(), b.cid().toString());
    }
  }

  /** Sends {@code car}; then {@code u} must be pinned and served whole. */
  private static void assertRepairedBy(LocalNftStorage service, byte[] car, Upload u) throws Exception {
    Http http = new Http(service.endpoint());
    send(http, car);
    assertEquals("pinned", status(http, u.root()));
    assertServedWhole(service, u);
  }

  /** @return a directory of two files uploaded to a service on the data directory, which is stopped */
  private Upload stored(long seed) throws Exception {
    Upload u = Upload.directory(seed);
    try (LocalNftStorage service = start()) {
      Http http = new Http(service.endpoint());
      send(http, u.car());
      assertEquals("pinned", status(http, u.root()));
    }
    return u;
  }

  /** Flips a byte of {@code damaged} on disk, starts, and makes the service find it (a leaf is found when served). */
  private LocalNftStorage damageAndStart(Upload u, Block damaged) throws Exception {
    DamagedStorageTest.flip(data, u.car(), damaged);
    LocalNftStorage service = start();
    Http http = new Http(service.endpoint());
    if (!damaged.equals(u.root())) {
      assertThrows(IOException.class, () -> new GatewayClient(service.endpoint()).car("ipfs/" + u.root().cid(), ""));
    }
    assertFailed(http.get(u.root().cid().toString(), TOKEN).value().path("pin"), damaged.cid());
    return service;
  }

  private void assertRepairedAfterRestart(Upload u) throws Exception {
    try (LocalNftStorage service = start()) {
      assertEquals("pinned", status(new Http(service.endpoint()), u.root()));
      assertServedWhole(service, u);
    }
    assertEquals("pinned", status(u), "a second start reads the same");
  }

  private String status(Upload u) throws Exception {
    try (LocalNftStorage service = start()) {
      return status(new Http(service.endpoint()), u.root());
    }
  }

  @Test
  void theSameCarSentAgainRepairsADamagedDirectoryBlockOnDisk() throws Exception {
    Upload dir = stored(100);
    try (LocalNftStorage service = damageAndStart(dir, dir.root())) {
      assertRepairedBy(service, dir.car(), dir);
      assertEquals(List.of(), LocalNftStorage.checkData(data).problems(), "the damaged file was replaced");
    }
    assertRepairedAfterRestart(dir);
    assertEquals(List.of(), LocalNftStorage.checkData(data).problems());
  }

  @Test
  void theSameCarSentAgainRepairsADamagedFileBlockOnDisk() throws Exception {
    Upload dir = stored(110);
    Block leaf = dir.blocks().get(2);
    try (LocalNftStorage service = damageAndStart(dir, leaf)) {
      assertEquals(404, new GatewayClient(service.endpoint()).get("ipfs/" + leaf.cid() + "?format=raw").status());
      assertRepairedBy(service, dir.car(), dir);
      assertEquals(List.of(), LocalNftStorage.checkData(data).problems());
    }
    assertRepairedAfterRestart(dir);
  }

  @Test
  void anotherCarHoldingTheDamagedBlockRepairsIt() throws Exception {
    Upload dir = stored(120);
    Block leaf = dir.blocks().get(1);
    try (LocalNftStorage service = damageAndStart(dir, leaf)) {
      assertRepairedBy(service, alone(leaf), dir);
    }
    // the damaged CAR still holds the only copies of the directory and of b.txt: it is kept, and reported, but
    // its damaged block is read from the sound copy, so no upload fails
    DataCheck check = LocalNftStorage.checkData(data);
    String damagedCar = "cars/" + TestDags.carCid(dir.car()) + ".car";
    assertEquals(2, check.problems().size(), check.problems().toString());
    check.problems().forEach(p -> assertTrue(p.startsWith(damagedCar + ": "), p));
    assertEquals(2, check.pinned());
    assertRepairedAfterRestart(dir);
  }

  @Test
  void theSameDagSentAgainInPiecesRepairsItAndRemovesTheDamagedCar() throws Exception {
    Upload dir = stored(130);
    Block root = dir.root();
    byte[] first = TestDags.car(root.cid(), List.of(root, dir.blocks().get(1)));
    byte[] second = TestDags.car(root.cid(), List.of(root, dir.blocks().get(2)));
    Path damagedCar = data.resolve("cars").resolve(TestDags.carCid(dir.car()) + ".car");
    byte[] damagedBytes;
    try (LocalNftStorage service = damageAndStart(dir, root)) {
      Http http = new Http(service.endpoint());
      send(http, first);
      assertEquals("pinned", status(http, root), "the damaged block is read from the first piece");
      assertTrue(Files.exists(damagedCar), "it still holds the only copy of b.txt");
      damagedBytes = Files.readAllBytes(damagedCar);
      send(http, second);
      assertFalse(Files.exists(damagedCar), "every block of it is now read from the pieces");
      assertTrue(warnings.stream().anyMatch(w -> w.startsWith("removed cars/" + damagedCar.getFileName())),
          warnings.toString());
      assertServedWhole(service, dir);
    }
    assertEquals(List.of(), LocalNftStorage.checkData(data).problems());
    assertRepairedAfterRestart(dir);
    // a crash after the second piece was renamed into place, before the damaged CAR was deleted: both are there
    Files.write(damagedCar, damagedBytes);
    assertRepairedAfterRestart(dir);
  }

  @Test
  void aDamagedBlockFoundByTheUploadBringingItIsReplaced() throws Exception {
    Upload dir = stored(140);
    Block leaf = dir.blocks().get(2);
    DamagedStorageTest.flip(data, dir.car(), leaf);
    try (LocalNftStorage service = start()) {
      Http http = new Http(service.endpoint());
      assertEquals("pinned", status(http, dir.root()), "a leaf is not read at start: its damage is not known yet");
      send(http, alone(leaf));
      assertServedWhole(service, dir);
      assertEquals("pinned", status(http, dir.root()));
    }
    assertRepairedAfterRestart(dir);
  }

  @Test
  void inMemoryTheSameCarOrAnotherSentAgainRepairsDamagedBlocks() throws Exception {
    MemoryStorage[] memory = new MemoryStorage[1];
    Upload dir = Upload.directory(150);
    Block leaf = dir.blocks().get(1);
    try (LocalNftStorage service = LocalNftStorage.builder().token(TOKEN).warnings(warnings::add)
        .storage(s -> memory[0] = (MemoryStorage) s).build().start()) {
      Http http = new Http(service.endpoint());
      GatewayClient gw = new GatewayClient(service.endpoint());
      send(http, dir.car());
      for (Block damaged : List.of(dir.root(), leaf)) {
        memory[0].heldBytes(damaged.cid().multihash())[damaged.length() / 2] ^= 1;
        assertEquals(404, gw.get("ipfs/" + damaged.cid() + "?format=raw").status());
        assertFailed(http.get(dir.root().cid().toString(), TOKEN).value().path("pin"), damaged.cid());
        send(http, dir.car());
        assertEquals("pinned", status(http, dir.root()));
        assertServedWhole(service, dir);
      }
      memory[0].heldBytes(leaf.cid().multihash())[0] ^= 1;
      assertThrows(IOException.class, () -> gw.car("ipfs/" + dir.root().cid(), ""));
      assertEquals("failed", status(http, dir.root()));
      send(http, alone(leaf));
      assertEquals("pinned", status(http, dir.root()), "repaired through a CAR of the damaged block alone");
      assertServedWhole(service, dir);
    }
  }
}
