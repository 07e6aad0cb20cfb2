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
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A multihash function carmint can compute: its code, name, default digest length and a factory for
 * {@link Hasher}s. See the <a href="https://github.com/multiformats/multicodec/blob/master/table.csv">multicodec
 * table</a> for codes and names.
 *
 * <table>
 *   <caption>Functions</caption>
 *   <tr><th>name</th><th>code</th><th>digest bytes</th><th>provider</th></tr>
 *   <tr><td>identity</td><td>0x00</td><td>the input</td><td>-</td></tr>
 *   <tr><td>sha1</td><td>0x11</td><td>20</td><td>JDK</td></tr>
 *   <tr><td>sha2-256</td><td>0x12</td><td>32</td><td>JDK</td></tr>
 *   <tr><td>sha2-512</td><td>0x13</td><td>64</td><td>JDK</td></tr>
 *   <tr><td>sha3-512, sha3-384, sha3-256, sha3-224</td><td>0x14-0x17</td><td>64, 48, 32, 28</td><td>JDK</td></tr>
 *   <tr><td>keccak-256</td><td>0x1b</td><td>32</td><td>Bouncy Castle</td></tr>
 *   <tr><td>blake3</td><td>0x1e</td><td>32 by default, any length</td><td>Bouncy Castle</td></tr>
 *   <tr><td>sha2-384</td><td>0x20</td><td>48</td><td>JDK</td></tr>
 *   <tr><td>blake2b-256, blake2b-512</td><td>0xb220, 0xb240</td><td>32, 64</td><td>Bouncy Castle</td></tr>
 * </table>
 *
 * <p>Bouncy Castle ({@code org.bouncycastle:bcprov-jdk18on}) is an optional dependency: without it on the class
 * path this class still loads and every JDK function works, and {@link #newHasher()} of a Bouncy Castle function
 * throws {@link UnsupportedHashException} saying what to add. Parsing and printing multihashes never needs it.
 *
 * <p>Digests may be <em>truncated</em>, as the multihash spec allows ({@link #newHasher(int)}); blake3, an
 * extendable-output function, may also be longer than its default. Instances are immutable and thread-safe;
 * their hashers are not.
 */
public final class HashFunction {
  /** identity (0x00): the "digest" is the input itself. */
  public static final HashFunction IDENTITY = new HashFunction(0x00, "identity", -1, false, (f, n) -> {
    throw new IllegalArgumentException("The identity multihash has no digest length to choose");
  }, IdentityHasher::new);
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
  /** keccak-256 (0x1b), 32 bytes: the original Keccak padding (Ethereum), not SHA3-256. Needs Bouncy Castle. */
  public static final HashFunction KECCAK_256 =
      bc(0x1b, "keccak-256", 32, false, (f, n) -> BouncyCastleHashers.keccak(f, 256, n));
  /**
   * blake3 (0x1e), 32 bytes by default; extendable to any length up to {@link Multihash#MAX_DIGEST_LENGTH}. Needs
   * Bouncy Castle.
   */
  public static final HashFunction BLAKE3 = bc(0x1e, "blake3", 32, true, (f, n) -> BouncyCastleHashers.blake3(f, n));
  /** sha2-384 (0x20), 48 bytes. */
  public static final HashFunction SHA2_384 = jdk(0x20, "sha2-384", 48, "SHA-384");
  /** blake2b-256 (0xb220, varint {@code a0 e4 02}), 32 bytes: Filecoin's hash. Needs Bouncy Castle. */
  public static final HashFunction BLAKE2B_256 =
      bc(0xb220, "blake2b-256", 32, false, (f, n) -> BouncyCastleHashers.blake2b(f, 256, n));
  /** blake2b-512 (0xb240, varint {@code c0 e4 02}), 64 bytes. Needs Bouncy Castle. */
  public static final HashFunction BLAKE2B_512 =
      bc(0xb240, "blake2b-512", 64, false, (f, n) -> BouncyCastleHashers.blake2b(f, 512, n));

  private static final List<HashFunction> ALL = List.of(IDENTITY, SHA1, SHA2_256, SHA2_512, SHA3_512, SHA3_384,
      SHA3_256, SHA3_224, KECCAK_256, BLAKE3, SHA2_384, BLAKE2B_256, BLAKE2B_512);
  private static final Map<Long, HashFunction> BY_CODE =
      ALL.stream().collect(Collectors.toUnmodifiableMap(HashFunction::code, Function.identity()));
  private static final Map<String, HashFunction> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(HashFunction::name, Function.identity()));

  private final long code;
  private final String name;
  private final int digestLength;
  private final boolean extendable;
  private final BiFunction<HashFunction, Integer, Hasher> factory;
  private final Function<HashFunction, Hasher> defaultFactory;

  private HashFunction(long code, String name, int digestLength, boolean extendable,
      BiFunction<HashFunction, Integer, Hasher> factory, Function<HashFunction, Hasher> defaultFactory) {
    this.code = code;
    this.name = name;
    this.digestLength = digestLength;
    this.extendable = extendable;
    this.factory = factory;
    this.defaultFactory = defaultFactory;
  }

  private static HashFunction jdk(long code, String name, int length, String algorithm) {
    BiFunction<HashFunction, Integer, Hasher> factory = (f, n) -> new MessageDigestHasher(f, algorithm, n);
    return new HashFunction(code, name, length, false, factory, f -> factory.apply(f, length));
  }

  /**
   * A Bouncy Castle function: {@code factory} is only invoked once Bouncy Castle is known to be present, so this
   * class never links against it otherwise. Pass a lambda, never a method reference to
   * {@link BouncyCastleHashers}: a method reference is resolved when this class is initialised, which loads Bouncy
   * Castle (HashFunctionWithoutBouncyCastleTest catches that); a lambda body is linked only when first called.
   */
  private static HashFunction bc(long code, String name, int length, boolean extendable,
      BiFunction<HashFunction, Integer, Hasher> factory) {
    BiFunction<HashFunction, Integer, Hasher> guarded = (f, n) -> {
      if (!BouncyCastlePresence.PRESENT) {
        throw new UnsupportedHashException("Cannot compute " + name + ": it needs Bouncy Castle, which is not on"
            + " the class path; add the dependency org.bouncycastle:bcprov-jdk18on");
      }
      return factory.apply(f, n);
    };
    return new HashFunction(code, name, length, extendable, guarded, f -> guarded.apply(f, length));
  }

  /** Whether Bouncy Castle's digests can be loaded; checked once, without linking this class against them. */
  private static final class BouncyCastlePresence {
    static final boolean PRESENT = isPresent();

    private static boolean isPresent() {
      try {
        Class.forName("org.bouncycastle.crypto.digests.Blake2bDigest", false, HashFunction.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }

  /**
   * @param code a multihash function code, e.g. 0x12 for sha2-256
   * @return the function with this multihash code, if carmint knows it
   */
  public static Optional<HashFunction> forCode(long code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /**
   * @param name a multihash table name such as {@code sha2-256} (case-insensitive)
   * @return the function of that name
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

  /** @return every function carmint knows, in the order of the table above */
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

  /** @return the default (for fixed-length functions: the full) digest length in bytes, or -1 for identity */
  public int digestLength() {
    return digestLength;
  }

  /** @return whether digests longer than {@link #digestLength()} exist (blake3, an extendable-output function) */
  public boolean isExtendable() {
    return extendable;
  }

  /**
   * @return whether this function can be computed here: true for the JDK functions and identity; for the Bouncy
   *     Castle ones, whether Bouncy Castle is on the class path
   */
  public boolean isAvailable() {
    try {
      defaultFactory.apply(this);
      return true;
    } catch (UnsupportedHashException e) {
      return false;
    }
  }

  /**
   * @return a new incremental hasher giving the full (default) digest length
   * @throws UnsupportedHashException if the function's provider is not available
   */
  public Hasher newHasher() {
    return defaultFactory.apply(this);
  }

  /**
   * @param digestLength digest length in bytes: 1 to {@link #digestLength()} (a truncated digest, as the
   *     multihash spec allows), or for an {@linkplain #isExtendable() extendable} function up to
   *     {@link Multihash#MAX_DIGEST_LENGTH}
   * @return a new incremental hasher whose multihashes have that digest length
   * @throws IllegalArgumentException if the length is out of range, or this is identity
   * @throws UnsupportedHashException if the function's provider is not available
   */
  public Hasher newHasher(int digestLength) {
    int max = extendable ? Multihash.MAX_DIGEST_LENGTH : this.digestLength;
    if (this != IDENTITY && (digestLength < 1 || digestLength > max)) {
      throw new IllegalArgumentException(name + " digest length must be 1 to " + max + " bytes, got "
          + digestLength);
    }
    return factory.apply(this, digestLength);
  }

  /**
   * @param data the bytes to hash
   * @return the multihash of {@code data}
   * @throws UnsupportedHashException if the function's provider is not available
   */
  public Multihash digest(byte[] data) {
    return digest(data, 0, data.length);
  }

  /**
   * @param data the bytes to hash
   * @param off where the range starts
   * @param len the length of the range
   * @return the multihash of {@code data[off..off+len)}
   * @throws UnsupportedHashException if the function's provider is not available
   */
  public Multihash digest(byte[] data, int off, int len) {
    return newHasher().update(data, off, len).digest();
  }

  /**
   * @param data the bytes to hash, from position to limit
   * @return the multihash of the buffer's remaining bytes (the position is not moved)
   * @throws UnsupportedHashException if the function's provider is not available
   */
  public Multihash digest(ByteBuffer data) {
    return newHasher().update(data.duplicate()).digest();
  }

  /** @return the name, e.g. {@code sha2-256} */
  @Override
  public String toString() {
    return name;
  }

  /** JDK MessageDigest-backed hasher; clones a prototype to skip the provider lookup. */
  private static final class MessageDigestHasher implements Hasher {
    private static final Map<String, MessageDigest> PROTOTYPES = new java.util.concurrent.ConcurrentHashMap<>();
    private final HashFunction function;
    private final MessageDigest md;
    private final int length;

    MessageDigestHasher(HashFunction function, String algorithm, int length) {
      this.function = function;
      this.md = newDigest(algorithm);
      this.length = length;
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
      byte[] d = md.digest();
      return Multihash.wrapDigest(function.code, d.length == length ? d : Arrays.copyOf(d, length));
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
