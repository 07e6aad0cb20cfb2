package io.carmint.unixfs.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeystreamTest {
  @Test
  void equalsAesCtrOfZerosAsTheVectorsReadmeSays() throws Exception {
    String seed = "public-p-f-1000";
    int size = 16 * 4096 * 2 + 77; // crosses batch boundaries
    byte[] key = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)), 16);
    Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
    ctr.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
    byte[] expected = ctr.doFinal(new byte[size]);
    assertArrayEquals(expected, Keystream.bytes(seed, size));
    assertArrayEquals(new byte[1000], Keystream.bytes("zero", 1000));
  }
}
