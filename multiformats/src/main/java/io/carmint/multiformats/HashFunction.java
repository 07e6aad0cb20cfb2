package io.carmint.multiformats;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A multihash function carmint can compute: its code, name, default digest length and a factory for
 * {@link Hasher}s.
 *
 * <p>SHA-1, SHA2 and SHA3 come from the JDK; BLAKE2b, BLAKE3 and Keccak from Bouncy Castle, an optional
 * dependency that must be on the class path to compute them ({@link UnsupportedHashException} otherwise).
 * Instances are immutable and thread-safe; their hashers are not.
 */
public final class HashFunction {
  /** identity (0x00): the "digest" is the input itself. */
  public static final HashFunction IDENTITY = new HashFunction(0x00, "identity", -1, IdentityHasher::new);
  /** sha1 (0x11), 20 bytes. */
  public static final HashFunction SHA1 = jdk(0x11, "sha1", 20, "SHA-1");
  /** sha2-256 (0x12), 32 bytes: the hash of every CIDv0 and the default everywhere. */
  public static final HashFunction SHA2_256 = jdk(0x12, "sha2-256", 32, "SHA-256");
  /** sha2-512 (0x13), 64 bytes. */
  public static final HashFunction SHA2_512 = jdk(0x13, "sha2-512", 64, "SHA-512");
  /** sha3-512 (0x14), 64 bytes. */
  public static final HashFunction SHA3_512 = jdk(0x14, "sha3-512", 64, "SHA3-512");
  /** sha3-384 (0x15), 48 bytes. */
  public static final HashFunction SHA3_384 = jdk(0x15, "sha3-384", 48, "SHA3-384");
  /** sha3-256 (0x16), 32 bytes. */
  public static final HashFunction SHA3_256 = jdk(0x16, "sha3-256", 32, "SHA3-256");
  /** sha3-224 (0x17), 28 bytes. */
  public static final HashFunction SHA3_224 = jdk(0x17, "sha3-224", 28, "SHA3-224");

  /** blake2b-256 (0xb220), 32 bytes; needs Bouncy Castle on the class path (Filecoin and go-car samples use it). */
  public static final HashFunction BLAKE2B_256 = new HashFunction(0xb220, "blake2b-256", 32,
      f -> BouncyCastle.blake2b(f, 256));
  /** blake2b-512 (0xb240), 64 bytes; needs Bouncy Castle on the class path. */
  public static final HashFunction BLAKE2B_512 = new HashFunction(0xb240, "blake2b-512", 64,
      f -> BouncyCastle.blake2b(f, 512));

  private static final List<HashFunction> ALL = List.of(IDENTITY, SHA1, SHA2_256, SHA2_512, SHA3_512, SHA3_384,
      SHA3_256, SHA3_224, BLAKE2B_256, BLAKE2B_512);
  private static final Map<Long, HashFunction> BY_CODE =
      ALL.stream().collect(Collectors.toUnmodifiableMap(HashFunction::code, Function.identity()));
  private static final Map<String, HashFunction> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(HashFunction::name, Function.identity()));

  private final long code;
  private final String name;
  private final int digestLength;
  private final Supplier<Hasher> factory;

  private HashFunction(long code, String name, int digestLength, Function<HashFunction, Hasher> factory) {
    this.code = code;
    this.name = name;
    this.digestLength = digestLength;
    this.factory = () -> factory.apply(this);
  }

  private static HashFunction jdk(long code, String name, int length, String algorithm) {
    return new HashFunction(code, name, length, f -> new MessageDigestHasher(f, algorithm));
  }

  /** @return the function with this multihash code, if carmint knows it */
  public static Optional<HashFunction> forCode(long code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /**
   * @param name a multihash table name such as {@code sha2-256} (case-insensitive)
   * @throws UnsupportedHashException if carmint does not know it; the message lists the known names
   */
  public static HashFunction forName(String name) {
    HashFunction f = BY_NAME.get(Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT));
    if (f == null) {
      throw new UnsupportedHashException("Unknown hash function '" + name + "'; known: "
          + ALL.stream().map(HashFunction::name).collect(Collectors.joining(", ")));
    }
    return f;
  }

  /** @return every function carmint knows, in code order */
  public static Collection<HashFunction> all() {
    return ALL;
  }

  /** @return the multihash code */
  public long code() {
    return code;
  }

  /** @return the multihash table name */
  public String name() {
    return name;
  }

  /** @return the digest length in bytes, or -1 for identity (the input's length) */
  public int digestLength() {
    return digestLength;
  }

  /**
   * @return a new incremental hasher
   * @throws UnsupportedHashException if the function's provider is not available
   */
  public Hasher newHasher() {
    return factory.get();
  }

  /** @return the multihash of {@code data} */
  public Multihash digest(byte[] data) {
    return digest(data, 0, data.length);
  }

  /** @return the multihash of {@code data[off..off+len)} */
  public Multihash digest(byte[] data, int off, int len) {
    return newHasher().update(data, off, len).digest();
  }

  /** @return the multihash of the buffer's remaining bytes (the position is not moved) */
  public Multihash digest(ByteBuffer data) {
    return newHasher().update(data.duplicate()).digest();
  }

  @Override
  public String toString() {
    return name;
  }

  /** JDK MessageDigest-backed hasher; clones a prototype to skip the provider lookup. */
  private static final class MessageDigestHasher implements Hasher {
    private static final Map<String, MessageDigest> PROTOTYPES = new java.util.concurrent.ConcurrentHashMap<>();
    private final HashFunction function;
    private final MessageDigest md;

    MessageDigestHasher(HashFunction function, String algorithm) {
      this.function = function;
      this.md = newDigest(algorithm);
    }

    private static MessageDigest newDigest(String algorithm) {
      MessageDigest proto = PROTOTYPES.computeIfAbsent(algorithm, a -> {
        try {
          return MessageDigest.getInstance(a);
        } catch (NoSuchAlgorithmException e) {
          throw new UnsupportedHashException("The JDK does not provide " + a, e);
        }
      });
      try {
        return (MessageDigest) proto.clone();
      } catch (CloneNotSupportedException e) {
        try {
          return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e2) {
          throw new UnsupportedHashException("The JDK does not provide " + algorithm, e2);
        }
      }
    }

    @Override
    public HashFunction function() {
      return function;
    }

    @Override
    public Hasher update(byte[] data, int off, int len) {
      md.update(data, off, len);
      return this;
    }

    @Override
    public Hasher update(ByteBuffer data) {
      md.update(data);
      return this;
    }

    @Override
    public Multihash digest() {
      return Multihash.wrapDigest(function.code, md.digest());
    }
  }

  /**
   * Hashers backed by Bouncy Castle, an optional dependency: this class is only loaded when such a function is
   * used, and reports a missing provider as {@link UnsupportedHashException}.
   */
  private static final class BouncyCastle {
    private BouncyCastle() {}

    static Hasher blake2b(HashFunction f, int bits) {
      try {
        return new DigestHasher(f, new org.bouncycastle.crypto.digests.Blake2bDigest(bits));
      } catch (NoClassDefFoundError e) {
        throw new UnsupportedHashException(f.name() + " needs Bouncy Castle (org.bouncycastle:bcprov-jdk18on) on "
            + "the class path", e);
      }
    }

    private static final class DigestHasher implements Hasher {
      private final HashFunction function;
      private final org.bouncycastle.crypto.Digest digest;

      DigestHasher(HashFunction function, org.bouncycastle.crypto.Digest digest) {
        this.function = function;
        this.digest = digest;
      }

      @Override
      public HashFunction function() {
        return function;
      }

      @Override
      public Hasher update(byte[] data, int off, int len) {
        digest.update(data, off, len);
        return this;
      }

      @Override
      public Hasher update(ByteBuffer data) {
        if (data.hasArray()) {
          digest.update(data.array(), data.arrayOffset() + data.position(), data.remaining());
          data.position(data.limit());
        } else {
          byte[] tmp = new byte[Math.min(data.remaining(), 64 * 1024)];
          while (data.hasRemaining()) {
            int n = Math.min(tmp.length, data.remaining());
            data.get(tmp, 0, n);
            digest.update(tmp, 0, n);
          }
        }
        return this;
      }

      @Override
      public Multihash digest() {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return Multihash.wrapDigest(function.code, out);
      }
    }
  }

  /** The identity "hash": the multihash holds the input. */
  private static final class IdentityHasher implements Hasher {
    private final HashFunction function;
    private byte[] buf = new byte[64];
    private int len;

    IdentityHasher(HashFunction function) {
      this.function = function;
    }

    @Override
    public HashFunction function() {
      return function;
    }

    @Override
    public Hasher update(byte[] data, int off, int n) {
      ensure(n);
      System.arraycopy(data, off, buf, len, n);
      len += n;
      return this;
    }

    @Override
    public Hasher update(ByteBuffer data) {
      int n = data.remaining();
      ensure(n);
      data.get(buf, len, n);
      len += n;
      return this;
    }

    private void ensure(int n) {
      if ((long) len + n > Multihash.MAX_DIGEST_LENGTH) {
        throw new IllegalArgumentException("Identity multihash limited to " + Multihash.MAX_DIGEST_LENGTH
            + " bytes");
      }
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
    }

    @Override
    public Multihash digest() {
      byte[] d = Arrays.copyOf(buf, len);
      len = 0;
      return Multihash.wrapDigest(function.code, d);
    }
  }
}
