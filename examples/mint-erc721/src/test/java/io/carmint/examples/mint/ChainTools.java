package io.carmint.examples.mint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The example's npm project ({@code src/test/js/chain}: Hardhat's node, solc, OpenZeppelin's contracts, pinned by its
 * {@code package-lock.json}) installed with {@code npm ci} into {@code ~/.cache/carmint/mint-erc721-<lock hash>},
 * once per lock file (about 290 MB, half a minute), so that a run installs exactly the locked packages and
 * {@code mvn clean} does not throw them away. The machine's {@code node} runs them (Node.js 20 or later, as Hardhat's EDR runtime needs).
 */
final class ChainTools {
  /** The pinned versions, as package.json names them (the lock file pins their dependencies too). */
  static final String HARDHAT = "2.29.1";
  static final String SOLC = "0.8.37";
  static final String OPENZEPPELIN = "5.7.0";
  /** The EVM the contract is compiled for; hardhat.config.cjs runs the chain at the same hardfork. */
  static final String EVM_VERSION = "prague";

  private static final List<String> FILES = List.of("package.json", "package-lock.json", "hardhat.config.cjs",
      "compile.mjs", "contracts/CarmintCollection.sol");

  private final Path dir;

  private ChainTools(Path dir) {
    this.dir = dir;
  }

  /** Thrown where node or npm cannot provide the chain: the example cannot run here (the test is skipped). */
  static final class UnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnavailableException(String message) {
      super(message);
    }
  }

  /**
   * Installs the npm project of {@code source} unless the same lock file was installed before.
   *
   * @throws UnavailableException if node (20 or later) or npm is missing, or {@code npm ci} fails (no registry)
   * @throws IOException if the files cannot be copied
   */
  static ChainTools install(Path source) throws IOException, InterruptedException, UnavailableException {
    String node = output("node", "--version");
    if (node == null) {
      throw new UnavailableException("node is not installed: the example's chain (Hardhat) needs Node.js 20+");
    }
    Matcher major = Pattern.compile("v(\\d+)\\.").matcher(node);
    if (!major.lookingAt() || Integer.parseInt(major.group(1)) < 20) {
      throw new UnavailableException("node " + node.strip() + " is too old: Hardhat " + HARDHAT + " (its EDR runtime) "
          + "needs Node.js 20+");
    }
    String key = sha256(Files.readAllBytes(source.resolve("package-lock.json"))).substring(0, 16);
    Path dir = Path.of(System.getProperty("user.home"), ".cache", "carmint", "mint-erc721-" + key);
    Files.createDirectories(dir.resolve("contracts"));
    // Another run (a second build on the same machine) may be installing the same lock file: one at a time.
    try (FileChannel lockFile = FileChannel.open(dir.resolve(".install.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      lockFile.lock(); // released when the channel closes
      for (String f : FILES) {
        Files.copy(source.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
      Path done = dir.resolve("node_modules").resolve(".carmint-installed");
      if (!Files.exists(done)) {
        npmCi(dir);
        Files.writeString(done, key);
      }
    }
    return new ChainTools(dir);
  }

  private static void npmCi(Path dir) throws IOException, InterruptedException, UnavailableException {
    if (output("npm", "--version") == null) {
      throw new UnavailableException("npm is not installed: the example installs its chain with npm ci");
    }
    Path log = dir.resolve("npm-ci.log");
    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!npm.waitFor(10, TimeUnit.MINUTES)) {
      npm.destroyForcibly();
      throw new UnavailableException("npm ci did not finish in 10 minutes in " + dir + " (log: " + log + ")");
    }
    if (npm.exitValue() != 0) {
      throw new UnavailableException("npm ci failed (no npm registry?) in " + dir + ": "
          + Files.readString(log).strip());
    }
  }

  /** @return where the packages are installed */
  Path dir() {
    return dir;
  }

  /** @return {@code node}, the script and its arguments, to run in {@link #dir()} */
  List<String> node(String script, String... args) {
    return Stream.concat(Stream.of("node", dir.resolve(script).toString()), Stream.of(args)).toList();
  }

  /**
   * Compiles {@code contracts/<name>.sol} with the pinned solc for {@link #EVM_VERSION} (a few seconds), or reads
   * the output of an earlier compilation of the same contract, script and lock file ({@code build/} in
   * {@link #dir()}).
   *
   * @throws IOException if solc fails (its messages in the exception)
   */
  Compiled compile(String name) throws IOException, InterruptedException {
    String key = sha256((Files.readString(dir.resolve("contracts/" + name + ".sol"))
        + Files.readString(dir.resolve("compile.mjs")) + Files.readString(dir.resolve("package-lock.json")))
        .getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    Path cached = dir.resolve("build").resolve(name + "-" + key + ".json");
    if (Files.exists(cached)) {
      return parse(Files.readString(cached));
    }
    Path errors = Files.createTempFile("solc", ".log");
    try {
      Process p = new ProcessBuilder(node("compile.mjs", name, EVM_VERSION)).directory(dir.toFile())
          .redirectError(errors.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("solc failed to compile " + name + ": " + Files.readString(errors).strip());
      }
      Compiled compiled = parse(out);
      Files.createDirectories(cached.getParent());
      Path partial = Files.createTempFile(cached.getParent(), name, ".tmp");
      Files.writeString(partial, out);
      Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE);
      return compiled;
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  private static Compiled parse(String out) throws IOException {
    JsonNode json = new ObjectMapper().readTree(out);
    return new Compiled(json.get("contract").asText(), json.get("compiler").asText(), json.get("evmVersion").asText(),
        json.get("openzeppelin").asText(), json.get("bytecode").asText());
  }

  /**
   * A compiled contract.
   *
   * @param bytecode the creation code, 0x-prefixed hex; the ABI-encoded constructor arguments follow it
   */
  record Compiled(String contract, String compiler, String evmVersion, String openzeppelin, String bytecode) {}

  /** @return the whole output of a command, or null if it cannot be run or fails */
  private static String output(String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException notInstalled) {
      return null;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
