package az.disclose.cli;

import az.disclose.publish.ContentCheck;
import az.disclose.publish.Finding;
import az.disclose.publish.PublicationWindow;
import az.disclose.publish.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {
        "Check the content against the publishing rules: the three-day window (rule 6 of the FOI rules),",
        "confidential markers (rule 4.3), personal data, plain language and spelling (rule 4).",
        "Exit code 1 when there is an error; warnings alone exit 0. See docs/publishing.md."})
final class CheckCommand implements Callable<Integer> {
  enum Format { text, json }

  @Option(names = "--content", paramLabel = "DIR", description = "content directory (default: ${DEFAULT-VALUE})", defaultValue = "content")
  Path content;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})", defaultValue = "text")
  Format format;

  @Option(names = "--delays", description = "also list every dated item's delay from its event to publication")
  boolean delays;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The real clock, in Baku; tests call {@link #check} with their own. */
  static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Baku"));

  @Override
  public Integer call() {
    return check(content, format, delays, CLOCK, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  static int check(Path content, Format format, boolean delays, Clock clock, PrintWriter out, PrintWriter err) {
    if (!Files.isDirectory(content)) {
      err.println("disclose check: no content directory " + content);
      err.flush();
      return Main.USAGE;
    }
    ContentCheck.Result result;
    try {
      result = new ContentCheck(clock).run(content);
    } catch (IOException e) {
      err.println("disclose check: " + e.getMessage());
      err.flush();
      return Main.FAILURE;
    }
    if (format == Format.json) {
      out.println(Finding.toJson(result.findings()));
    } else {
      result.findings().forEach(out::println);
      if (delays) {
        for (PublicationWindow.Delay d : result.delays()) {
          out.printf("%s: %s event %s, %s, %d day%s (%s)%n", d.item().file().toString().replace('\\', '/'), d.item().sitePath(),
              d.item().eventDate(), d.publishedOn().map(p -> "live " + p + (d.fromLedger() ? " (ledger)" : " (date)")).orElse("not live"),
              d.days(), d.days() == 1 ? "" : "s", d.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
      }
      long errors = result.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
      long warnings = result.findings().size() - errors;
      out.printf("%d error%s, %d warning%s%n", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    }
    out.flush();
    return result.hasErrors() ? Main.PROBLEMS : Main.OK;
  }
}
