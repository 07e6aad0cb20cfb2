package io.carmint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.car.UnverifiableBlockException;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.UnsupportedHashException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The one-line messages: library settings replaced by the options of the command that ran. */
class ErrorHandlerTest {
  private static final Cid CID = Cid.parse("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");

  /** A file error of the JDK names what went wrong, then the file; never the exception's class. */
  @Test
  void fileErrorsSayWhatThenWhich() {
    assertEquals("permission denied: out/x.car",
        ErrorHandler.oneLine(new java.nio.file.AccessDeniedException("out/x.car"), Map.of()));
    assertEquals("no such file: in", ErrorHandler.oneLine(new java.nio.file.NoSuchFileException("in"), Map.of()));
    assertEquals("already exists: out/a",
        ErrorHandler.oneLine(new java.nio.file.FileAlreadyExistsException("out/a"), Map.of()));
    assertEquals("Is a directory: out",
        ErrorHandler.oneLine(new java.nio.file.FileSystemException("out", null, "Is a directory"), Map.of()));
    assertEquals("out: the target directory is not empty; merge with --merge", ErrorHandler.oneLine(
        new java.nio.file.FileSystemException("out", null, "the target directory is not empty; merge with "
            + "TargetPolicy.MERGE"), ErrorHandler.OPTIONS.get("unpack")));
    assertEquals("connection failed (Failed to connect to /127.0.0.1:1)", ErrorHandler.oneLine(
        new IOException("connection failed (java.net.ConnectException: Failed to connect to /127.0.0.1:1)"),
        Map.of()));
    assertEquals("failed without a message (run with --verbose for its stack trace)",
        ErrorHandler.oneLine(new IllegalArgumentException(), Map.of()));
  }

  @Test
  void suggestionsAreTheNamesAFewEditsAway() {
    assertEquals(1, Suggestions.distance("pakc", "pack"), "a swap is one edit");
    assertEquals(2, Suggestions.distance("--outptu", "--outputs"), "a swap and an insertion");
    picocli.CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        Map.of());
    assertEquals(List.of("verify"), Suggestions.near("verfy", cl.getCommandSpec()));
    assertEquals(List.of("--output"), Suggestions.near("--outptu=x.car",
        cl.getSubcommands().get("pack").getCommandSpec()));
    assertEquals(List.of(), Suggestions.near("zzzzzz", cl.getCommandSpec()), "nothing close: no suggestion");
    assertEquals(List.of(), Suggestions.near("-x", cl.getSubcommands().get("ls").getCommandSpec()),
        "one letter is close to every short option: none suggested");
  }

  @Test
  void aLimitNamesTheCommandsOption() {
    LimitExceededException e = new LimitExceededException("Unpacking stopped at 'a': 4 block reads",
        "Unpacker.Builder.maxBlocks", 3, 4, -1);
    assertEquals("Unpacking stopped at 'a': 4 block reads, above the limit of 3; if the input is genuine, raise "
        + "--max-blocks", ErrorHandler.oneLine(e, ErrorHandler.OPTIONS.get("unpack")));
  }

  @Test
  void aPolicyNamesTheCommandsOption() {
    UnverifiableBlockException e = new UnverifiableBlockException(12, CID, new UnsupportedHashException("no BLAKE2b"));
    assertEquals("Cannot verify block " + CID + " at offset 12: no BLAKE2b; read with --no-verify only if the file "
        + "is trusted", ErrorHandler.oneLine(e, ErrorHandler.OPTIONS.get("blocks")));
  }

  @Test
  void aCommandWithoutSuchAnOptionKeepsTheLibrarysWords() {
    LimitExceededException e = new LimitExceededException("CAR section at offset 0 declares 9 bytes",
        "CarReadOptions.maxSectionSize", 8, 9, 0);
    assertEquals(e.getMessage(), ErrorHandler.oneLine(e, Map.of()));
    assertEquals(e.getMessage(), ErrorHandler.oneLine(e, ErrorHandler.OPTIONS.get("unpack")));
  }

  /**
   * Issue 12, defect 11: a message carrying a service's text could hold escape sequences and line breaks; the line
   * printed keeps its tabs, turns line breaks into spaces and escapes every other control or format character.
   */
  @Test
  void aMessageCannotRewriteTheTerminal() {
    IOException e = new IOException("HTTP 400: bad\u001b[2J\rname\nnext\tcol\u202e");
    assertEquals("HTTP 400: bad\\u001B[2J\\u000Dname next\tcol\\u202E", ErrorHandler.oneLine(e, Map.of()));
  }

  /** Throws the error its argument names, as a command that ran out of memory or stack would. */
  @Command(name = "throw")
  static final class Thrower implements Callable<Integer> {
    @Parameters(index = "0")
    String what;

    @Override
    public Integer call() {
      switch (what) {
        case "oom" -> throw new OutOfMemoryError("Java heap space");
        case "soe" -> throw new StackOverflowError();
        default -> throw new AssertionError("unexpected");
      }
    }
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err), Map.of(),
        List.of(Thrower.class)).execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  /**
   * Issue 12: an OutOfMemoryError or StackOverflowError ended the CLI with a raw stack trace. Errors are one line and
   * exit code 1 like any other failure; the stack trace comes with --verbose only.
   */
  @Test
  void errorsOfTheJvmAreOneLineWithoutVerbose() {
    assertEquals(List.of("1", "", "carmint: out of memory (Java heap space); give Java a larger heap, e.g. "
        + "CARMINT_JAVA_OPTS=-Xmx2g\n"), List.of(run("throw", "oom")));
    assertEquals(List.of("1", "", "carmint: stack overflow: the input nests too deeply for this thread's "
        + "stack; a larger one, e.g. CARMINT_JAVA_OPTS=-Xss16m, may help\n"), List.of(run("throw", "soe")));
    assertEquals(List.of("1", "", "carmint: internal error: java.lang.AssertionError: unexpected (run with "
        + "--verbose for its stack trace)\n"), List.of(run("throw", "other")));
    String verbose = run("--verbose", "throw", "oom")[2];
    assertTrue(verbose.contains("\tat io.carmint.cli.ErrorHandlerTest$Thrower.call"),
        verbose);
  }
}
