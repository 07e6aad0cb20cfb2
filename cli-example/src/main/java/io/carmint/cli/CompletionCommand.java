package io.carmint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint completion bash|zsh|fish}: prints a shell completion script for every command and option. Bash and
 * zsh get picocli's {@link AutoComplete} script (zsh through its {@code bashcompinit}); fish's is written here from
 * the same command model.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Print a completion script for bash, zsh or fish: the commands, their options, and file names "
        + "where a command takes a path.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  source <(carmint completion bash)",
        "      Complete carmint commands in this bash session (put it in ~/.bashrc).",
        "  carmint completion zsh > ~/.zfunc/_carmint",
        "      Install for zsh (the script calls bashcompinit itself).",
        "  carmint completion fish > ~/.config/fish/completions/carmint.fish",
        "      Install for fish."})
final class CompletionCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
  String shell;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    // The whole command line, whichever subcommands this run built.
    CommandLine all = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        Map.of());
    String script = switch (shell.toLowerCase(Locale.ROOT)) {
      case "bash", "zsh" -> AutoComplete.bash("carmint", all);
      case "fish" -> fish(all);
      default -> throw new UsageException("completion: unknown shell '" + shell + "'; use bash, zsh or fish");
    };
    PrintWriter out = spec.commandLine().getOut();
    out.print(script);
    out.flush();
    return Main.EXIT_OK;
  }

  /** @return a fish completion script for {@code root}'s subcommands and their options */
  static String fish(CommandLine root) {
    StringBuilder b = new StringBuilder("# fish completion for carmint (carmint completion fish)\n");
    b.append("complete -c carmint -f\n");
    List<String> names = root.getSubcommands().keySet().stream().toList();
    String none = "not __fish_seen_subcommand_from " + String.join(" ", names);
    for (OptionSpec o : root.getCommandSpec().options()) {
      b.append(option("__fish_use_subcommand", o));
    }
    root.getSubcommands().forEach((name, sub) -> {
      b.append("complete -c carmint -n '").append(none).append("' -a ").append(name).append(" -d ")
          .append(quote(firstSentence(sub.getCommandSpec().usageMessage().description()))).append('\n');
      String seen = "__fish_seen_subcommand_from " + name;
      for (OptionSpec o : sub.getCommandSpec().options()) {
        b.append(option(seen, o));
      }
      if (!sub.getCommandSpec().positionalParameters().isEmpty()) {
        b.append("complete -c carmint -n '").append(seen).append("' -F\n");
      }
    });
    return b.toString();
  }

  private static String option(String condition, OptionSpec o) {
    if (o.hidden()) {
      return "";
    }
    StringBuilder b = new StringBuilder("complete -c carmint -n '").append(condition).append("'");
    for (String n : o.names()) {
      if (n.startsWith("--")) {
        b.append(" -l ").append(n.substring(2));
      } else if (n.startsWith("-") && n.length() == 2) {
        b.append(" -s ").append(n.substring(1));
      } else {
        b.append(" -o ").append(n.substring(1));
      }
    }
    if (o.arity().max() > 0) {
      b.append(" -r");
      if (o.type() == java.nio.file.Path.class) {
        b.append(" -F");
      }
    }
    return b.append(" -d ").append(quote(firstSentence(o.description()))).append('\n').toString();
  }

  /** A full stop ending a sentence: not the one in "e.g." or "i.e.". */
  private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile(
      "(?<!\\be\\.g|\\bi\\.e)\\. ");

  private static String firstSentence(String[] description) {
    if (description.length == 0) {
      return "";
    }
    String d = description[0].replace("%n", " ").replaceAll("\\s+", " ").strip();
    java.util.regex.Matcher end = SENTENCE_END.matcher(d);
    return end.find() ? d.substring(0, end.start()) : d.replaceFirst("\\.$", "");
  }

  /** @return {@code s} as a fish single-quoted string */
  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
