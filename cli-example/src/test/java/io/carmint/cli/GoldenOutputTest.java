package io.carmint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.testkit.LocalNftStorage;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of every command's output: {@code --help}, human output and {@code --json}, compared with the golden
 * files under {@code src/test/resources/golden/} (see {@link GoldenOutput} for the format and how to regenerate).
 * The inputs are small and fixed, so every CID in the files is the real one.
 */
class GoldenOutputTest {
  static final String TOKEN = "golden-token";

  @RegisterExtension
  static final LocalNftStorageExtension SERVICE =
      new LocalNftStorageExtension(LocalNftStorage.builder().token(TOKEN).build());

  @TempDir
  Path tmp;
  GoldenOutput golden;

  @BeforeEach
  void inputs() throws IOException {
    String endpoint = SERVICE.endpoint().toString();
    golden = new GoldenOutput().replace(tmp.toString(), "$TMP").replace(endpoint, "$ENDPOINT/")
        .replace(endpoint.replaceFirst("/$", ""), "$ENDPOINT");
    Files.writeString(tmp.resolve("hello.txt"), "hello world\n", StandardCharsets.UTF_8);
    Path site = Files.createDirectories(tmp.resolve("site/a"));
    Files.writeString(tmp.resolve("site/index.html"), "<h1>hi</h1>\n", StandardCharsets.UTF_8);
    Files.writeString(site.resolve("b.txt"), "b\n", StandardCharsets.UTF_8);
    Files.writeString(tmp.resolve("x.bin"), "not a CAR\n", StandardCharsets.UTF_8);
    Files.writeString(tmp.resolve("token"), TOKEN + "\n", StandardCharsets.UTF_8);
    assertEquals(0, Cli.run(Map.of(), "pack", path("site"), "-o", path("site.car")).code());
  }

  private String path(String name) {
    return tmp.resolve(name).toString();
  }

  /** Runs {@code args} and checks the run against the golden file {@code file}. */
  private void golden(String file, String... args) {
    golden.check(file, Cli.run(Map.of(), args), args);
  }

  /** As {@link #golden(String, String...)} against the local service (endpoint and token file added). */
  private void service(String file, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", SERVICE.endpoint().toString(), "--token-file", path("token")));
    String[] a = all.toArray(String[]::new);
    golden.check(file, Cli.run(Map.of(), a), a);
  }

  @Test
  void help() {
    golden("help/carmint.txt", "--help");
    for (Class<?> c : Main.SUBCOMMANDS) {
      String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
      if (!name.equals("help")) {
        golden("help/" + name + ".txt", name, "--help");
      }
    }
  }

  @Test
  void usageErrors() {
    golden("usage/unknown-command.txt", "pakc", "x");
    golden("usage/unknown-option.txt", "pack", path("site"), "--outptu", "x.car");
    golden("usage/unknown-option-before-missing-parameter.txt", "verify", "--partail");
    golden("usage/no-command.txt");
    golden("usage/bad-cid.txt", "get-block", path("site.car"), "notacid");
  }

  @Test
  void cidAndPack() {
    golden("cid/human.txt", "cid", path("site"));
    golden("cid/json.txt", "cid", path("site"), "--json");
    golden("cid/kubo.txt", "cid", path("hello.txt"), "--profile", "kubo");
    golden("cid/missing.txt", "cid", path("nope"));
    golden("pack/human.txt", "pack", path("site"), "-o", path("out.car"));
    golden("pack/json.txt", "pack", path("site"), "-o", path("out.car"), "--json");
    golden("pack/stdout.txt", "pack", path("hello.txt"), "--no-wrap");
    golden("pack/stdout-json.txt", "pack", path("hello.txt"), "-o", "-", "--json");
    golden("pack/missing.txt", "pack", path("nope"), "-o", path("out.car"));
    golden("pack/output-is-a-directory.txt", "pack", path("site"), "-o", path("site"));
    golden("pack/no-such-output-directory.txt", "pack", path("site"), "-o", path("nodir/out.car"));
  }

  /** Runs {@code args} with the file {@code input} on standard input, checked against {@code file}. */
  private void goldenWithInput(String file, String input, String... args) throws IOException {
    Cli.Run run = Cli.run(Map.of(), new ByteArrayInputStream(Files.readAllBytes(tmp.resolve(input))), false, false,
        args);
    golden.checkWithInput(file, run, input, args);
  }

  @Test
  void standardInput() throws IOException {
    goldenWithInput("cid/stdin.txt", "hello.txt", "cid", "-");
    goldenWithInput("pack/stdin.txt", "hello.txt", "pack", "-", "-o", path("stdin.car"));
    goldenWithInput("pack/stdin-wrap.txt", "hello.txt", "pack", "-", "-o", path("stdin.car"), "--wrap");
    goldenWithInput("roots/stdin.txt", "site.car", "roots", "-");
    goldenWithInput("ls/stdin.txt", "site.car", "ls", "-", "-l");
    goldenWithInput("split/stdin.txt", "site.car", "split", "-", "-o", path("stdin-pieces"));
    goldenWithInput("get-block/stdin.txt", "site.car", "get-block", "-",
        "bafkreiacmobjtcnw7wku64v2v4x4ms6c4lyb22jnjxtstbxkqchw5gmbh4", "-o", path("stdin-block.bin"), "--json");
    goldenWithInput("verify/stdin.txt", "x.bin", "verify", "-");
  }

  @Test
  void packRefusesATerminalForTheCar() {
    String[] args = {"pack", path("hello.txt")};
    golden.check("pack/terminal.txt", Cli.run(Map.of(), new ByteArrayInputStream(new byte[0]), true, false, args),
        args);
  }

  @Test
  void carCommands() {
    String car = path("site.car");
    golden("roots/human.txt", "roots", car);
    golden("roots/json.txt", "roots", car, "--json");
    golden("roots/not-a-car.txt", "roots", path("x.bin"));
    golden("roots/directory.txt", "roots", path("site"));
    golden("blocks/human.txt", "blocks", car);
    golden("blocks/long.txt", "blocks", car, "-l");
    golden("blocks/json.txt", "blocks", car, "--json");
    golden("verify/human.txt", "verify", car);
    golden("verify/json.txt", "verify", car, "--json");
    golden("verify/not-a-car.txt", "verify", path("x.bin"));
    Path tree = CarCommandsTest.testCar("x-c-tree"); // testdata: a CAR ipfs-car wrote, split in three below
    golden.replace(tree.toString(), "$TESTDATA/" + tree.getFileName());
    golden("split/human.txt", "split", tree.toString(), "--max-size", "101500", "-o", path("pieces"));
    golden("split/json.txt", "split", tree.toString(), "--max-size", "101500", "-o", path("pieces-json"), "--json");
    golden("verify/piece-without-partial.txt", "verify", path("pieces/ipfs-car-x-c-tree-1.car"));
    golden("verify/piece-partial.txt", "verify", path("pieces/ipfs-car-x-c-tree-1.car"), "--partial");
    String leaf = Cli.run(Map.of(), "cid", path("site/a/b.txt"), "--no-wrap").out().strip(); // a raw leaf
    golden("get-block/json.txt", "get-block", car, leaf, "-o", path("block.bin"), "--json");
    golden("get-block/stdout.txt", "get-block", car, leaf);
    golden("get-block/missing-block.txt", "get-block", car,
        "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4");
    golden("ls/human.txt", "ls", car);
    golden("ls/long.txt", "ls", car, "-l");
    golden("ls/json.txt", "ls", car, "--json");
    golden("ls/file.txt", "ls", car, "a/b.txt", "--json");
    golden("unpack/human.txt", "unpack", car, "-o", path("unpacked"));
    golden("unpack/not-empty.txt", "unpack", car, "-o", path("site"));
  }

  /** The CAR verbs of ipfs-car and go-car's {@code car}: {@code ls -R}, extract, hash, index, detach-index, filter. */
  @Test
  void carVerbs() throws IOException {
    String car = path("site.car");
    golden("ls/recursive.txt", "ls", "-R", car);
    golden("ls/recursive-long.txt", "ls", "-R", "-l", car);
    golden("ls/recursive-json.txt", "ls", "-R", car, "--json");
    golden("ls/recursive-max-entries.txt", "ls", "-R", car, "--max-entries", "1");
    golden("extract/human.txt", "extract", car, "a", "-o", path("extracted-a"));
    golden("extract/json.txt", "extract", car, "a/b.txt", "-o", path("b.txt"), "--json");
    golden("extract/stdout.txt", "extract", car, "index.html");
    golden("extract/stdout-json.txt", "extract", car, "index.html", "-o", "-", "--json");
    golden("extract/directory-to-stdout.txt", "extract", car, "a");
    golden("extract/missing-path.txt", "extract", car, "a/nope", "-o", path("nope"));
    golden("hash/human.txt", "hash", car);
    golden("hash/multihash.txt", "hash", "-m", car);
    golden("hash/json.txt", "hash", car, "--json");
    golden("hash/not-a-car.txt", "hash", path("x.bin"));
    golden("hash/no-check.txt", "hash", path("x.bin"), "--no-check");
    goldenWithInput("hash/stdin.txt", "site.car", "hash", "--json");
    golden("index/human.txt", "index", car, "-o", path("site-v2.car"));
    golden("index/json.txt", "index", car, "-o", path("site-v2-json.car"), "--json");
    golden("index/index-only.txt", "index", car, "--index-only", "-o", path("site.carindex"), "--json");
    golden("index/stdout-json.txt", "index", car, "--json");
    golden("index/bad-codec.txt", "index", car, "--codec", "dag-pb", "-o", path("x.car"));
    golden("index/output-is-a-directory.txt", "index", car, "-o", path("site"));
    golden("index/not-a-car.txt", "index", path("x.bin"), "-o", path("x.car"));
    golden.check("index/terminal.txt", Cli.run(Map.of(), new ByteArrayInputStream(new byte[0]), true, false, "index",
        car), "index", car);
    golden("detach-index/human.txt", "detach-index", path("site-v2.car"), "-o", path("detached.carindex"));
    golden("detach-index/json.txt", "detach-index", path("site-v2.car"), "--json");
    golden("detach-index/carv1.txt", "detach-index", car, "-o", path("v1.carindex"));
    List<String> blocks = Cli.run(Map.of(), "blocks", car).lines();
    Files.writeString(tmp.resolve("keep.txt"), blocks.get(0) + "\n" + blocks.get(3) + "\n" + blocks.get(3) + "\n",
        StandardCharsets.UTF_8);
    golden("filter/human.txt", "filter", car, "--cid-file", path("keep.txt"), "-o", path("part.car"));
    golden("filter/json.txt", "filter", car, "--cid-file", path("keep.txt"), "--inverse", "--car-version", "1",
        "-o", path("rest.car"), "--json");
    golden("filter/no-root.txt", "filter", car, "--cid-file", path("keep.txt"), "--inverse", "-o", "-");
    goldenWithInput("filter/stdin-list.txt", "keep.txt", "filter", car, "-o", path("part-stdin.car"), "-q");
    golden("filter/stdin-car.txt", "filter", "-", "-o", path("x.car"));
    golden("filter/max-cids.txt", "filter", car, "--cid-file", path("keep.txt"), "--max-cids", "1", "-o",
        path("x.car"));
  }

  @Test
  void minting() throws IOException {
    Files.write(tmp.resolve("cat.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    golden("nft/human.txt", "nft", "--name", "Cat #1", "--description", "A cat", "--image", path("cat.png"), "-o",
        path("cat.car"));
    golden("nft/json.txt", "nft", "--name", "Cat #1", "--description", "A cat", "--image", path("cat.png"), "-o",
        path("cat.car"), "--json");
    golden("nft/missing-image.txt", "nft", "--name", "Cat #1", "--description", "A cat", "--image", path("nope.png"),
        "-o", path("cat.car"));
    Path images = Files.createDirectories(tmp.resolve("images"));
    Path metadata = Files.createDirectories(tmp.resolve("metadata"));
    for (int i = 1; i <= 2; i++) {
      Files.write(images.resolve(i + ".png"), new byte[] {(byte) i});
      Files.writeString(metadata.resolve(i + ".json"), "{\"name\":\"#" + i + "\",\"image\":\"ipfs://NewUriToReplace/"
          + i + ".png\"}", StandardCharsets.UTF_8);
    }
    golden("collection/human.txt", "collection", images.toString(), metadata.toString(), "-o", path("coll"));
    golden("collection/json.txt", "collection", images.toString(), metadata.toString(), "-o", path("coll-json"),
        "--json");
    Files.writeString(metadata.resolve("3.json"), "{\"image\":\"3.png\"}", StandardCharsets.UTF_8);
    golden("collection/missing-image.txt", "collection", images.toString(), metadata.toString(), "-o",
        path("coll-missing"));
  }

  /** One method, in this order, so that the service's list is always the same. */
  @Test
  void serviceCommands() {
    String root = Cli.run(Map.of(), "cid", path("site")).out().strip();
    service("upload/human.txt", "upload", path("site"));
    service("upload/json.txt", "upload", path("site"), "--json");
    service("upload/car.txt", "upload", path("site.car"), "--verify");
    service("upload/missing.txt", "upload", path("nope"));
    List<String> stdin = new ArrayList<>(List.of("upload", "-", "--endpoint", SERVICE.endpoint().toString(),
        "--token-file", path("token")));
    try {
      String[] a = stdin.toArray(String[]::new);
      golden.checkWithInput("upload/stdin.txt", Cli.run(Map.of(), new ByteArrayInputStream(Files.readAllBytes(
          tmp.resolve("site.car"))), false, false, a), "site.car", a);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    service("status/human.txt", "status", root);
    service("status/json.txt", "status", root, "--json");
    service("check/human.txt", "check", root);
    service("check/json.txt", "check", root, "--json");
    service("list/human.txt", "list");
    service("list/json.txt", "list", "--json");
    golden("fetch/human.txt", "fetch", root + "/a/b.txt", "--gateway", SERVICE.endpoint().toString());
    golden("fetch/json.txt", "fetch", root, "--gateway", SERVICE.endpoint().toString(), "--json");
    service("delete/human.txt", "delete", root);
    service("status/deleted.txt", "status", root);
  }

  @Test
  void aServiceThatIsNotThereFailsAtOnce() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    golden.replace(":" + port, ":$PORT");
    golden("upload/refused.txt", "upload", path("site"), "--endpoint", "http://127.0.0.1:" + port,
        "--token-file", path("token"));
    golden("check/bad-url.txt", "check", "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4",
        "--endpoint", "http://a b");
  }

  @Test
  void serveNamesAPortInUse() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      golden.replace(" " + s.getLocalPort() + " ", " $PORT ").replace("=" + s.getLocalPort(), "=$PORT");
      golden("serve/port-in-use.txt", "serve", "--port", String.valueOf(s.getLocalPort()), "--token", "t");
    }
  }

  @Test
  void completionForFish() {
    golden("completion/fish.txt", "completion", "fish");
    golden("completion/unknown-shell.txt", "completion", "tcsh");
  }
}
