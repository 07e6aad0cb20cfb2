import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Creates the inputs of bench/compare.sh, deterministically (run as {@code java bench/MakeInputs.java DIR NAME...}):
 *
 * <ul>
 *   <li>{@code big.bin}: 1 GiB; {@code big10g.bin}: 10 GiB (memory check only)
 *   <li>{@code small10k/}: 10,000 files of 1 to 8 KiB in 20 directories of 500
 *   <li>{@code files100k/}: 100,000 files of 1 to 8 KiB in 200 directories of 500 (memory check only)
 *   <li>{@code hamt2000/}: 2,000 small files in one directory (ipfs-car shards it: a HAMT)
 *   <li>{@code tiny.txt}: 12 bytes
 * </ul>
 *
 * <p>Contents are the AES-128-CTR keystream of testdata/vectors (key = first 16 bytes of SHA-256(seed), zero IV),
 * so {@code big.bin} equals {@code head -c 1073741824 /dev/zero | openssl enc -aes-128-ctr -K … -iv 0 -nosalt}.
 * An input that is complete (a {@code .NAME.done} marker) is left as it is.
 */
public final class MakeInputs {
  public static void main(String[] args) throws IOException, GeneralSecurityException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      Path done = dir.resolve("." + name + ".done");
      if (Files.exists(done)) {
        continue;
      }
      System.err.println("# creating " + dir.resolve(name));
      switch (name) {
        case "big.bin" -> file(dir.resolve(name), 1L << 30, "bench-1g");
        case "big10g.bin" -> file(dir.resolve(name), 10L << 30, "bench-10g");
        case "small10k" -> files(dir.resolve(name), 10_000, "bench-small");
        case "files100k" -> files(dir.resolve(name), 100_000, "bench-100k");
        case "hamt2000" -> hamt(dir.resolve(name));
        case "tiny.txt" -> Files.writeString(dir.resolve(name), "hello world\n", StandardCharsets.UTF_8);
        default -> throw new IllegalArgumentException("unknown input " + name);
      }
      Files.createFile(done);
    }
  }

  private static Cipher keystream(String seed) throws GeneralSecurityException {
    byte[] key = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
    Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, 0, 16, "AES"), new IvParameterSpec(new byte[16]));
    return c;
  }

  private static void file(Path path, long size, String seed) throws IOException, GeneralSecurityException {
    Cipher c = keystream(seed);
    byte[] zeros = new byte[1 << 20];
    byte[] out = new byte[1 << 20];
    try (OutputStream o = Files.newOutputStream(path)) {
      for (long left = size; left > 0; ) {
        int n = (int) Math.min(zeros.length, left);
        int k = c.update(zeros, 0, n, out, 0);
        o.write(out, 0, k);
        left -= k;
      }
    }
  }

  /** {@code count} files, file i of 1024 + (i * 7919) % 7169 bytes, 500 to a directory d0, d1, ... */
  private static void files(Path root, int count, String seed) throws IOException, GeneralSecurityException {
    Cipher c = keystream(seed);
    byte[] zeros = new byte[8 * 1024];
    for (int i = 0; i < count; i++) {
      Path d = root.resolve("d" + i / 500);
      if (i % 500 == 0) {
        Files.createDirectories(d);
      }
      int size = 1024 + (int) ((i * 7919L) % 7169);
      Files.write(d.resolve("f" + i + ".bin"), c.update(zeros, 0, size));
    }
  }

  private static void hamt(Path root) throws IOException {
    Files.createDirectories(root);
    for (int i = 0; i < 2000; i++) {
      Files.writeString(root.resolve("file-" + i + ".txt"), "entry " + i + "\n", StandardCharsets.UTF_8);
    }
  }
}
