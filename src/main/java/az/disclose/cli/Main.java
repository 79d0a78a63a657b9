package az.disclose.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code disclose} command: subcommands and exit codes only. */
@Command(
    name = "disclose",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Open-government disclosure: builds the public site from content/ and theme/.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:content or theme problems (each listed with file:line)",
      "2:wrong command-line usage",
      "3:an input/output or internal failure"
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int PROBLEMS = 1;
  public static final int USAGE = 2;
  public static final int FAILURE = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: build, serve, requests, users, check, report (see --help)");
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests; {@link #main} exits with it). */
  public static int run(String... args) {
    Optional<SiteOptions> plain = PlainBuild.parse(args);
    if (plain.isPresent()) {
      // The common `build` without picocli (see PlainBuild): the same writers, the same failure handling.
      PrintWriter err = new PrintWriter(System.err, true);
      try {
        return BuildCommand.build(plain.get(), new PrintWriter(System.out, true), err);
      } catch (RuntimeException e) {
        return failed(e, err);
      }
    }
    CommandLine cli = new CommandLine(new Main());
    // Only the command asked for is set up (picocli reflects over every command it is given, which
    // is a good part of a quick command's start-up); help, errors and a bare `disclose` get them all.
    String asked = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    Map<String, Supplier<Object>> commands = commands();
    boolean one = commands.containsKey(asked) && !asked.equals("help");
    commands.forEach((name, command) -> {
      if (!one || name.equals(asked)) {
        cli.addSubcommand(name, command.get());
      }
    });
    return cli
        .setExecutionExceptionHandler((e, cmd, parseResult) -> failed(e, cmd.getErr()))
        .execute(args);
  }

  /** Reports a command that ended with an unexpected exception; returns {@link #FAILURE}. */
  private static int failed(Exception e, PrintWriter err) {
    err.println("disclose: " + e);
    return FAILURE;
  }

  /** The subcommands, in the order of the help (made when picocli runs, not at a plain build's start). */
  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> c = new LinkedHashMap<>();
    c.put("build", BuildCommand::new);
    c.put("serve", ServeCommand::new);
    c.put("requests", RequestsCommand::new);
    c.put("users", UsersCommand::new);
    c.put("check", CheckCommand::new);
    c.put("report", ReportCommand::new);
    c.put("help", CommandLine.HelpCommand::new);
    c.put("warm-up", WarmUpCommand::new);
    return c;
  }
}
