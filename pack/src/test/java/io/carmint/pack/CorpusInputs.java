package io.carmint.pack;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Regenerates the inputs that testdata/vectors/corpus.json describes (see its README): a file's bytes are the
 * AES-128-CTR keystream with key = the first 16 bytes of SHA-256(seed) and a zero IV, cut to the size; the seed
 * "zero" means zero bytes.
 */
final class CorpusInputs {
  private CorpusInputs() {}

  /** Writes {@code size} bytes of seed {@code seed} to {@code file}, streaming. */
  static void writeFile(Path file, long size, String seed) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      Cipher aes = null;
      if (!seed.equals("zero")) {
        try {
          byte[] key = Arrays.copyOf(MessageDigest.getInstance("SHA-256")
              .digest(seed.getBytes(StandardCharsets.UTF_8)), 16);
          aes = Cipher.getInstance("AES/CTR/NoPadding");
          aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("AES-CTR and SHA-256 are required JDK algorithms", e);
        }
      }
      byte[] zeros = new byte[1 << 16];
      long left = size;
      while (left > 0) {
        int n = (int) Math.min(zeros.length, left);
        byte[] chunk = aes == null ? Arrays.copyOf(zeros, n) : aes.update(zeros, 0, n);
        out.write(chunk, 0, n);
        left -= n;
      }
    }
  }

  /**
   * Writes a corpus case under {@code dir}: a file case as {@code dir/<id>.bin}, a directory case as
   * {@code dir/<id>/…}.
   *
   * @return the path to pack
   */
  static Path write(JsonNode corpusCase, Path dir) throws IOException {
    String id = corpusCase.get("id").asText();
    if (corpusCase.get("kind").asText().equals("file")) {
      Path f = dir.resolve(id + ".bin");
      writeFile(f, corpusCase.get("size").asLong(), corpusCase.get("seed").asText());
      return f;
    }
    Path root = dir.resolve(id);
    Files.createDirectories(root);
    writeEntries(corpusCase.get("entries"), root);
    return root;
  }

  /**
   * Writes directory entries under {@code root}: {@code {path, size, seed}} files, {@code {path, kind: emptydir}}
   * directories and {@code {path, kind: symlink, target}} symbolic links (target verbatim).
   */
  static void writeEntries(JsonNode entries, Path root) throws IOException {
    Files.createDirectories(root);
    for (JsonNode e : entries) {
      Path p = root;
      for (String part : e.get("path").asText().split("/")) {
        p = p.resolve(part);
      }
      String kind = e.has("kind") ? e.get("kind").asText() : "file";
      switch (kind) {
        case "emptydir" -> Files.createDirectories(p);
        case "symlink" -> {
          Files.createDirectories(p.getParent());
          Files.createSymbolicLink(p, Path.of(e.get("target").asText()));
        }
        default -> writeFile(p, e.get("size").asLong(), e.get("seed").asText());
      }
    }
  }
}
