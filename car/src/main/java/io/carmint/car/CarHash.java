package io.carmint.car;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The CID of a CAR file as a whole, as {@code ipfs-car hash} prints it: CIDv1, codec {@code car} (0x0202), over the
 * sha2-256 of every byte of the file ({@code bagbaiera…}). It names the file's bytes, not its DAG: two CARs holding
 * the same blocks in another order or with another header have different CAR CIDs (the root CID in the header
 * names the DAG).
 *
 * <pre>{@code
 * Cid carCid;
 * try (InputStream in = Files.newInputStream(car)) {
 *   carCid = CarHash.ofCar(in, CarReadOptions.DEFAULTS); // bagbaiera…, the CAR's structure checked on the way
 * }
 * }</pre>
 *
 * <p>Streaming: the bytes are hashed as they are read, 64 KiB at a time, so memory does not depend on the file's
 * size. {@link #of(InputStream)} hashes any bytes, as ipfs-car does; {@link #ofCar(InputStream, CarReadOptions)}
 * also reads the CAR's structure in the same pass (headers, section lengths and CIDs, a CARv2 index) and fails on
 * bytes that are not a CAR, but does not hash the blocks (see {@link CarVerifier}). Stateless and thread-safe.
 */
public final class CarHash {
  /** The CID codec of a whole CAR file: {@code car}, 0x0202. */
  public static final Multicodec CODEC = Multicodec.CAR;

  private static final int BUFFER = 64 * 1024;

  private CarHash() {}

  /**
   * Hashes a stream to its end, without looking at what it holds (what {@code ipfs-car hash} does). The stream is
   * not closed.
   *
   * @param in the bytes
   * @return CIDv1 {@code car} over the sha2-256 of the bytes
   * @throws IOException if the stream fails
   */
  public static Cid of(InputStream in) throws IOException {
    MessageDigest sha = sha256();
    byte[] buf = new byte[BUFFER];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      sha.update(buf, 0, n);
    }
    return cid(sha);
  }

  /**
   * Hashes a file, without looking at what it holds.
   *
   * @param file the file
   * @return CIDv1 {@code car} over the sha2-256 of the file's bytes
   * @throws IOException if the file cannot be read
   */
  public static Cid of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(in);
    }
  }

  /**
   * Hashes a stream to its end while reading it as a CAR: the headers, every section's length and CID, and a
   * CARv2's index are checked as {@link CarReader} checks them (with {@code options}' limits); block hashes are not
   * checked whatever {@code options} say. Bytes after a CARv2's payload and index are hashed too. The stream is not
   * closed.
   *
   * @param in the CAR's bytes
   * @param options the limits the CAR is read with (its hash check is ignored)
   * @return CIDv1 {@code car} over the sha2-256 of every byte of the stream
   * @throws CarFormatException if the bytes are not a well-formed CAR (a subclass names the problem and offset)
   * @throws TruncatedCarException if the stream ends inside a header or section
   * @throws io.carmint.multiformats.LimitExceededException if a header, section or index is above its limit
   * @throws IOException if the stream fails
   */
  public static Cid ofCar(InputStream in, CarReadOptions options) throws IOException {
    MessageDigest sha = sha256();
    InputStream hashing = new HashingStream(in, sha);
    CarReader reader = CarReader.open(hashing, options.toBuilder().verifyHashes(false).build());
    while (reader.nextLocation() != null) {
      // each section's length and CID are checked as it is read; its block bytes are skipped (and hashed)
    }
    reader.readIndex();
    hashing.transferTo(OutputStream.nullOutputStream());
    return cid(sha);
  }

  /** @return the CAR CID of a sha2-256 {@code digest} of a whole file */
  private static Cid cid(MessageDigest sha) {
    return Cid.v1(CODEC, Multihash.of(0x12, sha.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }

  /** Hashes what is read or skipped through it; never closes the stream it reads. */
  private static final class HashingStream extends FilterInputStream {
    private final MessageDigest sha;
    private final byte[] skipBuffer = new byte[8192];

    HashingStream(InputStream in, MessageDigest sha) {
      super(in);
      this.sha = sha;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        sha.update((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        sha.update(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // skipped bytes must be hashed too, so they are read
      int r = read(skipBuffer, 0, (int) Math.min(skipBuffer.length, Math.max(n, 0)));
      return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() {
      // the caller owns the stream
    }
  }
}
