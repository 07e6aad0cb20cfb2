package io.carmint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.carmint.block.Block;
import io.carmint.car.CarReadOptions;
import io.carmint.car.CarReader;
import io.carmint.cli.Cli.Run;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What every command shares: completion scripts, the progress bar's rendering and terminal decision, the client's
 * log lines, and the rule that a CAR on standard output never has the CID mixed into it.
 */
class CliConventionsTest {
  @TempDir
  Path tmp;

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void theBashScriptIsValidAndCompletesEveryCommand() throws Exception {
    Run r = Cli.run(Map.of(), "completion", "bash");
    assertEquals(0, r.code(), r.err());
    Path script = Files.writeString(tmp.resolve("carmint.bash"), r.out(), StandardCharsets.UTF_8);
    Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
    String syntax = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(bash.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, bash.exitValue(), syntax);
    for (Class<?> c : Main.SUBCOMMANDS) {
      String name = c.getAnnotation(CommandLine.Command.class).name();
      assertTrue(r.out().contains(name), "completes " + name);
    }
    assertEquals(r.out(), Cli.run(Map.of(), "completion", "zsh").out(), "zsh uses the bash script");
  }

  @Test
  void theFishScriptHasEveryCommandAndItsOptions() {
    String fish = Cli.run(Map.of(), "completion", "fish").out();
    CommandLine all = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        Map.of());
    all.getSubcommands().forEach((name, sub) -> {
      assertTrue(fish.contains(" -a " + name + " -d "), name);
      List<String> lines = fish.lines().filter(l -> l.contains("__fish_seen_subcommand_from " + name + "'")).toList();
      for (CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
        for (String n : o.hidden() ? new String[0] : o.names()) {
          String flag = n.startsWith("--") ? " -l " + n.substring(2) + " " : " -s " + n.substring(1) + " ";
          assertTrue(lines.stream().anyMatch(l -> l.contains(flag)), name + " " + n);
        }
      }
    });
  }

  /** Every command's help ends with 2 to 4 examples, each an invocation and a line saying what it does. */
  @Test
  void everyCommandHasExamples() {
    CommandLine all = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        Map.of());
    all.getSubcommands().forEach((name, sub) -> {
      if (name.equals("help")) {
        return; // picocli's own
      }
      String help = sub.getUsageMessage(CommandLine.Help.Ansi.OFF);
      int at = help.indexOf("\nExamples:\n");
      assertTrue(at > 0, name + " has no Examples section");
      List<String> lines = help.substring(at + "\nExamples:\n".length()).lines().toList();
      int invocations = 0;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("  ") && !lines.get(i).startsWith("   ")) {
          invocations++;
          assertTrue(lines.get(i).contains("carmint"), name + ": " + lines.get(i));
          assertTrue(i + 1 < lines.size() && lines.get(i + 1).startsWith("      "), name + ": no explanation for "
              + lines.get(i));
        }
      }
      assertTrue(invocations >= 2 && invocations <= 4, name + ": " + invocations + " examples");
    });
  }

  @Test
  void theBarShowsTheShareDoneTheSizesAndTheTime() {
    assertEquals("pack  [############............]  50%  1.50 MB of 3.00 MB  2.5 s",
        ProgressBar.render("pack", 1_500_000, 3_000_000, 2_500_000_000L));
    assertEquals("upload  [........................]   0%  0 B of 300 MB  0.0 s",
        ProgressBar.render("upload", 0, 300_000_000, 0));
    assertEquals("unpack  [########################] 100%  2.00 kB of 2.00 kB  1 min 5 s",
        ProgressBar.render("unpack", 5_000, 2_000, 65_000_000_000L), "done past the total is shown as the total");
    assertEquals("fetch  12.3 MB  0.4 s", ProgressBar.render("fetch", 12_345_678, -1, 400_000_000));
    assertEquals("split  0.0 s", ProgressBar.render("split", 0, -1, 0));
    assertEquals("collection  [########################] 100%  0 B of 0 B  0.0 s",
        ProgressBar.render("collection", 0, 0, 0));
  }

  @Test
  void theBarIsDrawnInPlaceAndErasedSoTheNextLineStartsClean() {
    StringWriter err = new StringWriter();
    ProgressBar bar = ProgressBar.drawnOnDemand(new PrintWriter(err), "pack");
    bar.total(1000);
    bar.done(250);
    bar.draw();
    String drawn = err.toString();
    assertTrue(drawn.matches("\r" + java.util.regex.Pattern.quote("pack  [######..................]  25%  250 B of "
        + "1.00 kB  ") + "\\d+\\.\\d s\u001B\\[K"), drawn);
    bar.close();
    assertEquals(drawn + "\r\u001B[K", err.toString());
    bar.close();
    assertEquals(drawn + "\r\u001B[K", err.toString(), "erased once");
  }

  @Test
  void withoutATerminalOrWithQuietNoBarIsDrawn() throws IOException {
    Path big = Files.write(tmp.resolve("big.bin"), new byte[3 << 20]);
    Run plain = Cli.run(Map.of(), "pack", big.toString(), "-o", tmp.resolve("a.car").toString());
    assertEquals("", plain.err());
    Run quiet = Cli.run(Map.of(), new ByteArrayInputStream(new byte[0]), false, true, "-q", "pack", big.toString(),
        "-o", tmp.resolve("b.car").toString());
    assertEquals("", quiet.err());
    assertEquals(plain.out(), quiet.out());
  }

  @Test
  void aRetryIsOneShortLine() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger requests = new AtomicInteger();
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(503, -1); // unavailable, no body: the client retries
      exchange.close();
    });
    server.start();
    try {
      String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
      Run r = Cli.run(Map.of(), "check", "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4",
          "--endpoint", endpoint, "--retries", "1");
      assertEquals(1, r.code(), r.err());
      assertEquals(2, requests.get());
      List<String> lines = List.of(r.err().split("\n"));
      assertEquals(2, lines.size(), r.err());
      assertTrue(lines.get(0).matches("carmint: retry 1/1 in (0\\.\\d|1) s: HTTP 503"), lines.get(0));
      assertTrue(lines.get(1).startsWith("carmint: ") && lines.get(1).contains("503"), lines.get(1));

      Run quiet = Cli.run(Map.of(), "-q", "check", "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4",
          "--endpoint", endpoint, "--retries", "1");
      assertEquals(1, quiet.err().split("\n").length, "-q leaves the error only: " + quiet.err());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void clientRecordsOtherThanRetriesAreWarningsOrNothing() {
    assertEquals("warning: upload threads still running after cancellation",
        ClientLog.line(Level.WARNING, "upload threads still running after cancellation"));
    assertEquals(null, ClientLog.line(Level.INFO, "something the CLI need not say"));
    assertEquals("retry 3/5 in 4 s: Failed to connect to /127.0.0.1:1",
        ClientLog.line(Level.INFO, "POST /upload failed (ConnectException: Failed to connect to /127.0.0.1:1); "
            + "retry 3 of 5 in 4000 ms"));
  }

  /** A jittered wait just under a second printed as "1.0 s", which the retry line's shape does not allow. */
  @Test
  void aWaitJustUnderASecondIsOneSecond() {
    assertEquals("retry 1/1 in 1 s: HTTP 503",
        ClientLog.line(Level.INFO, "GET /x failed (HTTP 503); retry 1 of 1 in 999 ms"));
    assertEquals("retry 1/1 in 0.9 s: HTTP 503",
        ClientLog.line(Level.INFO, "GET /x failed (HTTP 503); retry 1 of 1 in 949 ms"));
  }

  /**
   * The CAR written to {@code /dev/stdout} of a real process parses as a CAR whose root is the CID printed on
   * standard error: nothing else is in the stream.
   */
  @Test
  @EnabledOnOs(OS.LINUX)
  void aCarOnStandardOutputHoldsNoCid() throws Exception {
    Path hello = Files.writeString(tmp.resolve("hello.txt"), "hello world\n", StandardCharsets.UTF_8);
    for (List<String> output : List.of(List.of("-o", "/dev/stdout"), List.of("-o", "-"), List.<String>of())) {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "pack",
          hello.toString()));
      command.addAll(output);
      Path out = tmp.resolve("stdout.car");
      Path err = tmp.resolve("stderr.txt");
      Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), Files.readString(err));
      String cid = Files.readString(err).strip();
      assertEquals("bafybeidhkumeonuwkebh2i4fc7o7lguehauradvlk57gzake6ggjsy372a", cid, output.toString());
      long blocks = 0;
      try (CarReader r = CarReader.open(Files.newInputStream(out), CarReadOptions.DEFAULTS)) {
        assertEquals(cid, r.roots().get(0).toString());
        for (Block b = r.next(); b != null; b = r.next()) {
          blocks++;
        }
      }
      assertEquals(2, blocks, output.toString());
      assertArrayEquals(Files.readAllBytes(CarCommandsTest.testCar("x-c-hello-wrap")), Files.readAllBytes(out));
    }
  }
}
