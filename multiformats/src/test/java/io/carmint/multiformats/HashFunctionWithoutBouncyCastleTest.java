package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Bouncy Castle is optional: loads carmint's compiled classes in a class loader that cannot see Bouncy Castle and
 * checks that the JDK functions work and the Bouncy Castle ones fail with a clear {@link UnsupportedHashException}.
 */
class HashFunctionWithoutBouncyCastleTest {
  @Test
  void jdkFunctionsWorkAndBouncyCastleOnesSayWhatIsMissing() throws Exception {
    URL classes = HashFunction.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      assertThrows(ClassNotFoundException.class,
          () -> Class.forName("org.bouncycastle.crypto.digests.Blake2bDigest", false, loader));
      Class<?> hf = Class.forName(HashFunction.class.getName(), true, loader);
      Method digest = hf.getMethod("digest", byte[].class);
      Method newHasher = hf.getMethod("newHasher");
      Method isAvailable = hf.getMethod("isAvailable");

      Object sha256 = hf.getField("SHA2_256").get(null);
      Object mh = digest.invoke(sha256, (Object) "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] bytes = (byte[]) mh.getClass().getMethod("toBytes").invoke(mh);
      assertEquals("1220ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
          HexFormat.of().formatHex(bytes));
      assertTrue((Boolean) isAvailable.invoke(sha256));

      for (String name : new String[] {"BLAKE2B_256", "BLAKE2B_512", "BLAKE3", "KECCAK_256"}) {
        Object f = hf.getField(name).get(null);
        assertFalse((Boolean) isAvailable.invoke(f), name);
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> newHasher.invoke(f));
        assertEquals(UnsupportedHashException.class.getName(), e.getCause().getClass().getName());
        assertTrue(e.getCause().getMessage().contains("org.bouncycastle:bcprov-jdk18on"), e.getCause().getMessage());
      }
      // Parsing a blake2b-256 CID needs no hashing, so no Bouncy Castle.
      Class<?> cid = Class.forName(Cid.class.getName(), true, loader);
      Object parsed = cid.getMethod("parse", CharSequence.class)
          .invoke(null, "bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5oy");
      assertEquals("bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5oy", parsed.toString());
    }
  }
}
