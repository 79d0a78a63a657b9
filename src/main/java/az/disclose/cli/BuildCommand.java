package az.disclose.cli;

import az.disclose.app.App;
import az.disclose.site.BuildReport;
import az.disclose.site.SiteBuilder;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Build the public site from the content and the theme.")
final class BuildCommand implements Callable<Integer> {
  @Mixin SiteOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--strict",
      description = "run `disclose check` first and build nothing when it finds an error (three-day window, confidential markers, personal data)")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (strict) {
      int checked = CheckCommand.check(options.content, CheckCommand.Format.text, false, CheckCommand.CLOCK, out, err);
      if (checked != Main.OK) {
        err.println("build --strict: not built, because the check found errors (see above)");
        err.flush();
        return checked;
      }
    }
    return build(options, out, err);
  }

  /** Runs the --after-build command; a failure is reported loudly and fails the build. */
  private static int afterBuild(SiteOptions options, PrintWriter out, PrintWriter err) {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", options.afterBuild).redirectErrorStream(true);
    pb.environment().put("DISCLOSE_OUT", options.out.toAbsolutePath().toString());
    try {
      Process p = pb.start();
      try (Reader output = new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)) {
        output.transferTo(out);
      }
      int code = p.waitFor();
      out.flush();
      if (code != 0) {
        err.printf("!!! the after-build command failed with exit code %d: %s%n!!! the site was built in %s but NOT deployed%n",
            code, options.afterBuild, options.out);
        err.flush();
        return Main.FAILURE;
      }
      return Main.OK;
    } catch (IOException e) {
      err.println("!!! the after-build command could not be started: " + e.getMessage());
      err.flush();
      return Main.FAILURE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("!!! interrupted while the after-build command ran");
      err.flush();
      return Main.FAILURE;
    }
  }

  static int build(SiteOptions options, PrintWriter out, PrintWriter err) {
    return build(new SiteBuilder(options.content, options.theme, options.out), null, options, out, err).code();
  }

  /**
   * Whether a debug line would be printed: logback.xml takes the root level from
   * DISCLOSE_LOG_LEVEL (INFO when unset). Asked without the logging framework, because looking up
   * a logger initialises it, which costs a command-line build ~85 ms at its end for a line that
   * is not printed.
   */
  private static boolean debugLogged() {
    String level = System.getenv("DISCLOSE_LOG_LEVEL");
    return level != null && (level.equalsIgnoreCase("DEBUG") || level.equalsIgnoreCase("TRACE"));
  }

  /** How a build ended: its exit code, its report when it succeeded, else its problems as printed. */
  record Outcome(int code, BuildReport report, List<String> problems) {
    Outcome(int code, BuildReport report) {
      this(code, report, List.of());
    }

    /** As the serve loop takes it. */
    App.Result result() {
      return report != null ? App.Result.ok(report) : App.Result.failed(problems);
    }
  }

  /**
   * Builds with {@code builder} and reports on {@code out}/{@code err}; {@code changed}: the files a
   * watcher saw change since the builder's last build, or null when not known.
   */
  static Outcome build(SiteBuilder builder, Set<Path> changed, SiteOptions options, PrintWriter out, PrintWriter err) {
    return build(c -> c == null ? builder.build() : builder.rebuild(c), changed, options, out, err);
  }

  /**
   * One build: {@link SiteBuilder#build()} or {@link SiteBuilder#rebuild}. The seam through which a
   * test makes a build throw an {@link Error} that no real input can provoke any more.
   */
  @FunctionalInterface
  interface Build {
    BuildReport run(Set<Path> changed) throws ProblemsException, IOException;
  }

  /** As {@link #build(SiteBuilder, Set, SiteOptions, PrintWriter, PrintWriter)}, with {@code build} doing the work. */
  static Outcome build(Build build, Set<Path> changed, SiteOptions options, PrintWriter out, PrintWriter err) {
    try {
      BuildReport r = build.run(changed);
      // Not printf: java.util.Formatter's first use costs ~20 ms, a tenth of a build with nothing to do.
      out.println("built " + options.out + ": " + r.pages() + " files (" + r.changed() + " written, " + r.unchanged() + " unchanged, "
          + r.removed().size() + " removed) in " + r.millis() + " ms");
      out.flush();
      if (!r.heldBack().isEmpty()) {
        err.println("!!! held back from the site (not published) because the publishing check finds errors in them:");
        r.heldBack().forEach(line -> err.println("  " + line));
        err.println("!!! fix them and build again; or, for a justified exception, give the reason in the item's front matter"
            + " (late_reason: ... for lateness, publish_despite: ... for a public number or a marker that marks no secret);"
            + " see docs/publishing.md");
        err.flush();
      }
      if (debugLogged() && !r.phases().isEmpty()) {
        org.slf4j.LoggerFactory.getLogger(BuildCommand.class).debug("build phases: {}", r.phases());
      }
      return new Outcome(options.afterBuild == null ? Main.OK : afterBuild(options, out, err), r);
    } catch (ProblemsException e) {
      for (Problem p : e.problems()) {
        err.println(p);
      }
      err.printf("build failed: %d problem%s; fix them and build again%n",
          e.problems().size(), e.problems().size() == 1 ? "" : "s");
      err.flush();
      return new Outcome(Main.PROBLEMS, null, e.problems().stream().map(Problem::toString).toList());
    } catch (IOException e) {
      err.println("disclose build: " + e.getMessage());
      err.flush();
      return new Outcome(Main.FAILURE, null, List.of("disclose build: " + e.getMessage()));
    } catch (Error e) {
      // Out of memory, a stack overflow, a class that cannot be loaded: as loud as any failure, and
      // not the end of `serve`, which builds again on the next change (an Error left to its
      // executor vanished without a word, and so did every later rebuild's).
      err.flush();
      String what = unexpected(e, options);
      org.slf4j.LoggerFactory.getLogger(BuildCommand.class).error(what, e);
      return new Outcome(Main.FAILURE, null, List.of(what));
    }
  }

  /** What an {@link Error} in a build means, and what to do about it. */
  static String unexpected(Error e, SiteOptions options) {
    String advice;
    if (e instanceof OutOfMemoryError) {
      advice = "The build ran out of memory: a content file too large for the memory given (see max_text_file_mib and "
          + "max_published_file_mib in site.yaml, docs/operations.md), or too little memory: start disclose with more "
          + "(JAVA_OPTS=-Xmx1g ./disclose ...).";
    } else if (e instanceof StackOverflowError) {
      advice = "Something is nested too deeply to process (thousands of levels of lists, quotes or brackets): "
          + "simplify the file changed last and save it again.";
    } else {
      advice = "An internal error: the program may be damaged or mixed with another version (rebuild it with "
          + "mvn package and start it again); report it with the stack trace below if it happens again.";
    }
    return "!!! the build of " + options.out + " failed with " + e + ". The site stays as the last successful build left it. "
        + advice + " Then build again (disclose serve builds again at the next change).";
  }
}
