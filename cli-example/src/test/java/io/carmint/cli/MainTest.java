package io.carmint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line built for one subcommand (the fast start-up path of {@link Main#main}) equals the full one, and
 * the converters {@link Main#main} leaves out are not needed.
 */
class MainTest {
  private static CommandLine full() {
    return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of());
  }

  @Test
  void aLoneSubcommandHasTheSameHelpAndInheritedOptionsAsInTheFullCommandLine() {
    CommandLine full = full();
    assertEquals(Main.SUBCOMMANDS.size(), full.getSubcommands().size());
    for (String name : full.getSubcommands().keySet()) {
      String[] args = {name, "--help"};
      CommandLine alone = Main.commandLineFor(args, new PrintWriter(new StringWriter()),
          new PrintWriter(new StringWriter()), Map.of());
      if (name.equals("help")) {
        assertEquals(full.getSubcommands().keySet(), alone.getSubcommands().keySet());
        continue;
      }
      assertEquals(java.util.Set.of(name), alone.getSubcommands().keySet(), name);
      CommandLine a = alone.getSubcommands().get(name);
      CommandLine f = full.getSubcommands().get(name);
      assertEquals(f.getUsageMessage(CommandLine.Help.Ansi.OFF), a.getUsageMessage(CommandLine.Help.Ansi.OFF), name);
      assertTrue(a.getCommandSpec().findOption("--verbose") != null, name + " inherits --verbose");
    }
  }

  @Test
  void anUnknownOrMissingSubcommandGetsTheFullCommandLine() {
    for (String[] args : new String[][] {{}, {"--verbose", "pack"}, {"no-such-command"}, {"help", "pack"}}) {
      CommandLine cl = Main.commandLineFor(args, new PrintWriter(new StringWriter()),
          new PrintWriter(new StringWriter()), Map.of());
      assertEquals(full().getSubcommands().keySet(), cl.getSubcommands().keySet(), String.join(" ", args));
    }
  }

  @Test
  void noOptionNeedsAConverterThatMainLeavesOut() {
    List<Pattern> excluded = Arrays.stream(Main.UNUSED_CONVERTERS.split(",")).map(Pattern::compile).toList();
    assertTrue(excluded.stream().anyMatch(p -> p.matcher("java.time.Duration").matches()), "the patterns are regexes");
    int checked = 0;
    for (CommandLine sub : full().getSubcommands().values()) {
      for (CommandLine.Model.ArgSpec arg : sub.getCommandSpec().args()) {
        boolean ownConverter = arg.converters().length > 0;
        for (Class<?> type : Stream.concat(Stream.of(arg.type()), Arrays.stream(arg.auxiliaryTypes())).toList()) {
          String name = type.getName();
          checked++;
          assertTrue(ownConverter || excluded.stream().noneMatch(p -> p.matcher(name).matches()),
              sub.getCommandName() + " " + arg + " has type " + name + ", whose converter Main leaves out");
        }
      }
    }
    assertTrue(checked > 50, "options checked: " + checked);
  }
}
