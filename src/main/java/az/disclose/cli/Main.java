package az.disclose.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code disclose} command: subcommands and exit codes only. */
@Command(
    name = "disclose",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Open-government disclosure: builds the public site from content/ and theme/.",
    subcommands = {BuildCommand.class, ServeCommand.class, RequestsCommand.class, CheckCommand.class, CommandLine.HelpCommand.class},
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
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: build, serve, requests (see --help)");
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests; {@link #main} exits with it). */
  public static int run(String... args) {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler((e, cmd, parseResult) -> {
          cmd.getErr().println("disclose: " + e);
          return FAILURE;
        })
        .execute(args);
  }
}
