package io.carmint.unixfs.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reference vectors' file bytes (testdata/vectors/README): the AES-128-CTR keystream with key = the first 16
 * bytes of SHA-256(UTF-8 of the seed) and an all-zero IV, cut to {@code size}; seed {@code "zero"} = zero bytes.
 *
 * <p>The keystream is computed as AES-ECB over the big-endian counter blocks 0, 1, 2…, which is what CTR mode with
 * a zero IV encrypts (checked against {@code AES/CTR/NoPadding} in {@code KeystreamTest}); it is several times
 * faster than the JDK's CTR implementation here, and the vectors hold gigabytes.
 */
final class Keystream extends InputStream {
  private static final int BLOCKS_PER_BATCH = 4096; // 64 KiB of keystream per cipher call

  private final boolean zero;
  private final Cipher cipher;
  private final byte[] counters;
  private final byte[] batch;
  private long nextCounter;
  private int batchPos;
  private long remaining;

  private Keystream(String seed, long size) {
    this.remaining = size;
    this.zero = seed.equals("zero");
    int blocks = (int) Math.min(BLOCKS_PER_BATCH, Math.max(1, (size + 15) / 16));
    this.counters = new byte[16 * blocks];
    this.batch = new byte[16 * blocks];
    this.batchPos = batch.length;
    if (zero) {
      cipher = null;
      Arrays.fill(batch, (byte) 0);
      return;
    }
    try {
      byte[] key = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)), 16);
      cipher = Cipher.getInstance("AES/ECB/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static InputStream open(String seed, long size) {
    return new Keystream(seed, size);
  }

  static byte[] bytes(String seed, int size) throws IOException {
    try (InputStream in = open(seed, size)) {
      return in.readAllBytes();
    }
  }

  private void refill() throws IOException {
    if (zero) {
      batchPos = 0;
      return;
    }
    for (int b = 0; b < counters.length / 16; b++) {
      long v = nextCounter++;
      int o = b * 16 + 8;
      for (int k = 7; k >= 0; k--) {
        counters[o + k] = (byte) v;
        v >>>= 8;
      }
    }
    try {
      cipher.update(counters, 0, counters.length, batch, 0);
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
    batchPos = 0;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (remaining == 0) {
      return len == 0 ? 0 : -1;
    }
    int total = 0;
    while (len > 0 && remaining > 0) {
      if (batchPos == batch.length) {
        refill();
      }
      int n = (int) Math.min(Math.min(len, batch.length - batchPos), remaining);
      System.arraycopy(batch, batchPos, b, off, n);
      batchPos += n;
      off += n;
      len -= n;
      remaining -= n;
      total += n;
    }
    return total;
  }
}
