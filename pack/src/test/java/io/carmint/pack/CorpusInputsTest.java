package io.carmint.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmint.block.Block;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.car.Fixtures;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The regenerated corpus inputs are the ones the reference tools saw: for files of one chunk, ipfs-car's CAR is a
 * header and a single raw block, so its CID and the CAR's SHA-256 (from expected.json) follow from the bytes alone.
 */
class CorpusInputsTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"p-f-0", "p-f-2", "p-f-1000", "p-f-256k", "p-f-1m"})
  void singleChunkFilesGiveIpfsCarsCidAndCar(String id) throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode corpusCase = null;
    for (JsonNode c : json.readTree(Fixtures.testdata().resolve("vectors/corpus.json").toFile())) {
      if (c.get("id").asText().equals(id)) {
        corpusCase = c;
      }
    }
    JsonNode expected = null;
    for (JsonNode c : json.readTree(Fixtures.testdata().resolve("vectors/expected.json").toFile())) {
      if (c.get("id").asText().equals(id)) {
        expected = c.get("results").get("ipfs-car");
      }
    }
    Path f = CorpusInputs.write(corpusCase, tmp);
    Block leaf = Block.create(Multicodec.RAW, HashFunction.SHA2_256, Files.readAllBytes(f));
    assertEquals(expected.get("cid").asText(), leaf.cid().toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CarWriter w = CarWriter.create(Channels.newChannel(out), List.of(leaf.cid()), CarWriteOptions.DEFAULTS);
    w.put(leaf);
    w.finish();
    assertEquals(expected.get("carSha256").asText(),
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray())));
  }
}
