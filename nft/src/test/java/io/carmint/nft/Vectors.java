package io.carmint.nft;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reference vectors of {@code testdata/nft} (made with the npm packages; see its README) and their inputs. Public
 * for the CLI's tests (this module's test-jar).
 */
public final class Vectors {
  private Vectors() {}

  /** @return {@code testdata/nft/<name>} parsed, or the test is skipped when testdata is not there */
  public static Map<String, Object> read(String name) throws IOException {
    String dir = System.getProperty("carmint.testdata");
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "nft")), "testdata/nft not found (carmint.testdata)");
    return TestJson.object(TestJson.parse(Files.readString(Path.of(dir, "nft", name))));
  }

  /**
   * Writes the vectors' file bytes: the AES-128-CTR keystream with key = the first 16 bytes of SHA-256(seed) and a
   * zero IV, cut to {@code size}; seed {@code zero} gives zero bytes.
   *
   * @return the SHA-256 of what was written, in hex, to compare with the vectors' record of it
   */
  public static String write(Path file, String seed, long size) throws IOException {
    MessageDigest sha;
    InputStream in;
    try {
      sha = MessageDigest.getInstance("SHA-256");
      InputStream zeros = new InputStream() {
        long left = size;

        @Override
        public int read() {
          return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (left == 0) {
            return -1;
          }
          int n = (int) Math.min(len, left);
          Arrays.fill(b, off, off + n, (byte) 0);
          left -= n;
          return n;
        }
      };
      if (seed.equals("zero")) {
        in = zeros;
      } else {
        byte[] key = Arrays.copyOf(sha.digest(seed.getBytes(StandardCharsets.UTF_8)), 16);
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        in = new CipherInputStream(zeros, aes);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    try (in; OutputStream out = Files.newOutputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        sha.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** @return the case with this {@code id} in the list {@code key} of {@code file} */
  public static Map<String, Object> find(String file, String key, String id) throws IOException {
    for (Object o : TestJson.array(read(file).get(key))) {
      Map<String, Object> m = TestJson.object(o);
      if (m.get("id").equals(id)) {
        return m;
      }
    }
    throw new AssertionError("no case " + id + " in " + file);
  }

  /** @return {@code m.get(key)} as a list */
  static List<Object> list(Map<String, Object> m, String key) {
    return TestJson.array(m.get(key));
  }

  /** @return {@code m.get(key)} as an object */
  static Map<String, Object> obj(Map<String, Object> m, String key) {
    return TestJson.object(m.get(key));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
