package io.carmint.testkit;

import io.carmint.multiformats.HashFunction;
import java.nio.charset.StandardCharsets;

/**
 * An account of the service, known by its token. Only a digest of the token is kept and written to disk.
 *
 * @param owner hex of the first 16 bytes of the token's SHA-256
 * @param scope the token's name, reported as {@code scope}
 */
record Account(String owner, String scope) {
  static Account of(String token, String scope) {
    byte[] digest = HashFunction.SHA2_256.digest(token.getBytes(StandardCharsets.UTF_8)).digest();
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      hex.append(String.format("%02x", digest[i] & 0xff));
    }
    return new Account(hex.toString(), scope);
  }

  @Override
  public String toString() {
    return "Account{" + owner + ", " + scope + "}";
  }
}
