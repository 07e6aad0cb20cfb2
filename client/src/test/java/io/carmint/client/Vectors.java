package io.carmint.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reference vectors of testdata/vectors: inputs described in corpus.json, root CIDs computed by the reference
 * tools in expected.json (facts, not our output). File bytes are the AES-128-CTR keystream of the seed.
 */
final class Vectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vectors() {
  }

  static Path dir() {
    return Path.of(System.getProperty("carmint.testdata", "../testdata"), "vectors");
  }

  static JsonNode corpusCase(String id) throws IOException {
    for (JsonNode c : JSON.readTree(dir().resolve("corpus.json").toFile())) {
      if (c.path("id").asText().equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no corpus case " + id);
  }

  /** @return the root CID the reference tool behind {@code profile} computed for case {@code id} */
  static String expected(String id, String profile) throws IOException {
    for (JsonNode c : JSON.readTree(dir().resolve("expected.json").toFile())) {
      if (c.path("id").asText().equals(id)) {
        return c.path("results").path(profile).path("cid").asText();
      }
    }
    throw new IllegalArgumentException("no expected result for " + id);
  }

  /** Writes the file {@code size} bytes of {@code seed}'s keystream. */
  static void write(Path file, String seed, long size) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      if (seed.equals("zero")) {
        byte[] zeros = new byte[65536];
        for (long left = size; left > 0; left -= zeros.length) {
          out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
        return;
      }
      Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
      byte[] key = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)),
          16);
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
      byte[] zeros = new byte[65536];
      for (long left = size; left > 0; left -= zeros.length) {
        int n = (int) Math.min(zeros.length, left);
        out.write(aes.update(zeros, 0, n));
      }
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  /** Materialises a case: a file, or a directory tree under {@code at}. */
  static Path materialise(String id, Path at) throws IOException {
    JsonNode c = corpusCase(id);
    if (c.path("kind").asText().equals("file")) {
      write(at, c.path("seed").asText(), c.path("size").asLong());
      return at;
    }
    Files.createDirectories(at);
    for (JsonNode e : c.path("entries")) {
      write(at.resolve(e.path("path").asText()), e.path("seed").asText(), e.path("size").asLong());
    }
    return at;
  }
}
