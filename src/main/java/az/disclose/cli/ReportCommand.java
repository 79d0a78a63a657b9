package az.disclose.cli;

import az.disclose.app.Configuration;
import az.disclose.calendar.Deadline;
import az.disclose.content.AnnualPlanReport;
import az.disclose.content.ContentLoader;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.StoreException;
import az.disclose.content.HalfMonth;
import az.disclose.report.AnnualRenderer;
import az.disclose.report.AnnualReport;
import az.disclose.report.FoiPublication;
import az.disclose.report.MonthlyCalculator;
import az.disclose.report.MonthlyReport;
import az.disclose.report.RegisterReader;
import az.disclose.report.ReportPeriod;
import az.disclose.report.ReportRenderer;
import az.disclose.report.ReportTexts;
import az.disclose.report.UnitTracker;
import az.disclose.report.UnitsLoader;
import az.disclose.yaml.ProblemsException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/** {@code disclose report ...}: the reports the order asks for (docs/reports.md). */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "The order's reports: the monthly FOI report from the request register, the tracker of the"
        + " units' twice-monthly reports, and the annual report on the work plan.",
    subcommands = {ReportCommand.MonthlyCommand.class, ReportCommand.UnitsCommand.class, ReportCommand.AnnualCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:invalid settings, holiday data, plan, units, unit reports or annual data (each problem with file:line)",
      "2:wrong command-line usage: an unknown option, a wrong month or date (named in the message)",
      "3:the database, a file or another part failed"
    })
final class ReportCommand implements Runnable {
  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "settings file (default: ./disclose.yaml when present, else the embedded defaults)")
  Path config;

  @Option(names = "--content", paramLabel = "DIR", scope = ScopeType.INHERIT, defaultValue = "content",
      description = "content directory: holidays (data/holidays), units (data/units.yaml) and their reports"
          + " (reports/units) (default: ${DEFAULT-VALUE})")
  Path content;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a report: monthly, units, annual (see --help)");
  }

  /** The output formats of a report. */
  enum Format {
    HTML("html"),
    CSV("csv"),
    PDF("pdf");

    final String extension;

    Format(String extension) {
      this.extension = extension;
    }
  }

  @Command(name = "monthly", mixinStandardHelpOptions = true,
      description = {
        "The FOI officers' monthly report to the leadership (point 6 of the order), counted from the register:",
        "received, answered in time and late, open, extensions, forwards, clarifications, refusals,"
            + " working days to answer, the integrity of the numbering and the reconciliation of the totals.",
        "Default: the previous month (Baku time). HTML and CSV go to standard output unless --out is given."
      })
  static final class MonthlyCommand implements Callable<Integer> {
    @ParentCommand ReportCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "the month (default: the previous month)")
    String month;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day of any period (with --to)")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day of the period, inclusive (with --from)")
    String to;

    @CommandLine.Mixin ReportOutput output;

    @Option(names = "--publish", description = "also write the month's figures (counts only, no personal data) to"
        + " <content>/data/foi/YYYY-MM.yaml for the site's /reports/ pages; only for a month that is over."
        + " The report itself is then written only with --out")
    boolean publish;

    /** The real clock; tests set their own. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Format f;
      ReportTexts texts;
      try {
        f = output.format("foi-report.pdf");
        texts = output.texts();
      } catch (IllegalArgumentException e) {
        err.println("disclose report monthly: " + e.getMessage());
        return Main.USAGE;
      }
      try {
        // The same resolved configuration as serve's and requests'.
        InboxSettings settings = Configuration.resolve(parent.content, parent.config, System.getenv()).inbox();
        ReportPeriod period;
        try {
          // the default month is decided in the register's zone (Baku)
          period = period(settings, clock.instant());
        } catch (IllegalArgumentException e) {
          err.println("disclose report monthly: " + e.getMessage());
          return Main.USAGE;
        }
        try (Inbox inbox = Inbox.open(settings, parent.content, clock)) {
          MonthlyCalculator calculator = new MonthlyCalculator(settings.zone(), inbox.register().workingDays(),
              settings.deadlineRules(), settings.numberPrefix());
          MonthlyReport report = calculator.compute(period,
              new RegisterReader(inbox.store(), settings.zone()).read(period, calculator), clock.instant());
          ReportRenderer renderer = new ReportRenderer(settings.zone(), texts);
          if (publish) {
            if (!period.isMonth()) {
              err.println("disclose report monthly: --publish publishes whole months: use --month YYYY-MM, not --from/--to");
              return Main.USAGE;
            }
            if (report.partial()) {
              err.println("disclose report monthly: " + period.slug() + " is not over yet; publish it from its last day's"
                  + " end (Baku time)");
              return Main.USAGE;
            }
            FoiPublication.Written w = FoiPublication.write(parent.content, FoiPublication.of(report, settings.zone()));
            err.println("disclose report monthly: the figures of " + period.slug() + (w.changed() ? " written to " : " unchanged in ")
                + w.file() + "; the site shows them under /reports/ at its next build");
            if (output.out == null) {
              return Main.OK;
            }
          }
          byte[] bytes = switch (f) {
            case HTML -> renderer.html(report).getBytes(StandardCharsets.UTF_8);
            case CSV -> renderer.csv(report).getBytes(StandardCharsets.UTF_8);
            case PDF -> renderer.pdf(report);
          };
          if (output.write(spec, bytes)) {
            err.println("disclose report monthly: " + period.first() + " to " + period.last() + " written to " + output.out
                + (report.reconciliation().holds() ? "" : " (THE TOTALS DO NOT RECONCILE: see the report)"));
          }
          return Main.OK;
        }
      } catch (ProblemsException e) {
        return Failures.problems(err, e);
      } catch (RegisterException | StoreException e) {
        err.println("disclose report monthly: cannot read the register: " + e.getMessage());
        return Main.FAILURE;
      } catch (IOException e) {
        err.println("disclose report monthly: cannot write " + output.out + ": " + e.getMessage());
        return Main.FAILURE;
      } finally {
        err.flush();
      }
    }

    private ReportPeriod period(InboxSettings settings, Instant now) {
      if (from != null || to != null) {
        if (month != null) {
          throw new IllegalArgumentException("give either --month or --from and --to, not both");
        }
        if (from == null || to == null) {
          throw new IllegalArgumentException("--from and --to go together: give both days of the period");
        }
        LocalDate first = ReportPeriod.parseDay(from, "--from");
        LocalDate last = ReportPeriod.parseDay(to, "--to");
        return new ReportPeriod(first, last);
      }
      YearMonth m = month != null ? ReportPeriod.parseMonth(month, "--month")
          : YearMonth.from(now.atZone(settings.zone())).minusMonths(1);
      return ReportPeriod.month(m);
    }

  }

  /** Where and how a report is written: the options monthly and annual share. */
  static final class ReportOutput {
    @Option(names = "--format", paramLabel = "F", defaultValue = "html",
        description = "html (printable, A4), csv or pdf (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--lang", paramLabel = "L", defaultValue = "az", description = "az (default) or en")
    String lang;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report to FILE (required for pdf)")
    Path out;

    /** The format asked for; a PDF needs --out ({@code example} names a file in the message). */
    Format format(String example) {
      for (Format f : Format.values()) {
        if (f.extension.equals(format.trim().toLowerCase(Locale.ROOT))) {
          if (f == Format.PDF && out == null) {
            throw new IllegalArgumentException("a PDF needs a file: add --out FILE (e.g. --out " + example + ")");
          }
          return f;
        }
      }
      throw new IllegalArgumentException("--format must be html, csv or pdf, not '" + format + "'");
    }

    ReportTexts texts() {
      return ReportTexts.of(lang);
    }

    /** Writes the report to --out (atomically: true) or to standard output (false). */
    boolean write(CommandLine.Model.CommandSpec spec, byte[] bytes) throws IOException {
      if (out == null) {
        spec.commandLine().getOut().flush();
        OutputStream stdout = System.out;
        stdout.write(bytes);
        stdout.flush();
        return false;
      }
      az.disclose.files.AtomicFiles.write(out, bytes);
      return true;
    }
  }

  @Command(name = "units", mixinStandardHelpOptions = true,
      description = {
        "Which units have reported for each half-month (rule 3 of the internal FOI rules: by the 15th and by the"
            + " month's last day, Baku time), and which reports are missing or late.",
        "Units: content/data/units.yaml; their reports: content/reports/units/*.md (content/README.md)."
      })
  static final class UnitsCommand implements Callable<Integer> {
    @ParentCommand ReportCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "YYYY-MM", description = "first month (default: the units' reporting_since)")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM", description = "last month (default: the current month)")
    String to;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "the day the table describes (default: today in Baku)")
    String asOf;

    @Option(names = "--remind", description = "also queue the e-mail reminders due on that day to the units that have"
        + " not reported (each once; sent by the running server's outbox; needs mail.smtp)")
    boolean remind;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        UnitsLoader.Loaded loaded = new UnitsLoader().load(parent.content);
        LocalDate today;
        HalfMonth first;
        HalfMonth last;
        try {
          today = asOf != null ? ReportPeriod.parseDay(asOf, "--as-of") : LocalDate.now(Clock.system(Deadline.BAKU));
          first = from != null ? new HalfMonth(ReportPeriod.parseMonth(from, "--from"), 1)
              : HalfMonth.of(loaded.units().reportingSince());
          last = to != null ? new HalfMonth(ReportPeriod.parseMonth(to, "--to"), 2) : HalfMonth.of(today);
          if (last.compareTo(first) < 0) {
            throw new IllegalArgumentException("--to (" + last.month() + ") is before --from (" + first.month() + ")");
          }
        } catch (IllegalArgumentException e) {
          err.println("disclose report units: " + e.getMessage());
          return Main.USAGE;
        }
        UnitTracker.Table t = UnitTracker.track(loaded.units(), loaded.reports(), first, last, today);
        out.printf("units' reports (rule 3), %s to %s, as of %s%n", t.from(), t.to(), t.asOf());
        out.printf("%-10s %-11s %-20s %-8s %s%n", "PERIOD", "DUE", "UNIT", "STATE", "SUBMITTED");
        for (UnitTracker.Line l : t.lines()) {
          String state = switch (l.state()) {
            case ON_TIME -> "on time";
            case LATE -> "LATE";
            case MISSING -> "MISSING";
            case NOT_DUE -> "not due";
          };
          String submitted = l.report() == null ? "" : l.report().submitted()
              + (l.daysLate() > 0 ? " (" + l.daysLate() + (l.daysLate() == 1 ? " day" : " days") + " late)" : "")
              + "  " + parent.content.relativize(l.report().file());
          out.println(String.format("%-10s %-11s %-20s %-8s %s", l.period(), l.period().due(), l.unit().id(), state,
              submitted).stripTrailing());
        }
        out.printf("%d missing, %d late, %d on time, %d not due yet%n", t.count(UnitTracker.State.MISSING),
            t.count(UnitTracker.State.LATE), t.count(UnitTracker.State.ON_TIME), t.count(UnitTracker.State.NOT_DUE));
        return remind ? remind(today, out, err) : Main.OK;
      } catch (ProblemsException e) {
        return Failures.problems(err, e);
      } finally {
        out.flush();
        err.flush();
      }
    }

    private int remind(LocalDate today, PrintWriter out, PrintWriter err) throws ProblemsException {
      Configuration resolved = Configuration.resolve(parent.content, parent.config, System.getenv());
      if (resolved.mail().smtp().isEmpty()) {
        err.println("disclose report units --remind: no mail.smtp in disclose.yaml: the reminders could not be sent;"
            + " configure it (docs/mail.md)");
        return Main.USAGE;
      }
      try (Inbox inbox = Inbox.open(resolved.inbox(), resolved.content(), Clock.systemUTC())) {
        UnitReminding.Result r = UnitReminding.run(inbox, resolved.mail(), parent.content, today, Clock.systemUTC());
        for (var q : r.queued()) {
          out.printf("reminder (%s) for %s queued to %s (%s)%n", q.kind(), q.period(), q.email(), q.unit());
        }
        for (String unit : r.noAddress()) {
          err.printf("unit '%s' has no email in data/units.yaml: it cannot be reminded%n", unit);
        }
        out.printf("%d reminder(s) due, %d queued now (the others were queued before)%n", r.due(), r.queued().size());
        return r.noAddress().isEmpty() ? Main.OK : Main.FAILURE;
      } catch (az.disclose.inbox.Register.RegisterException | az.disclose.inbox.StoreException e) {
        return Failures.failed(err, "report units", e.getMessage());
      }
    }
  }

  @Command(name = "annual", mixinStandardHelpOptions = true,
      description = {
        "The annual report on the Open Government work plan (points 4.2 and 7.2 of the order; due by 15 January):",
        "for each measure of data/plan.yaml its completion and whether it opened government, with reasons, evidence,"
            + " deviations and next steps, from reports/annual/YYYY.yaml and the units' latest reports; the counts per"
            + " status; and the year's FOI figures from the register.",
        "Default: the previous year (Baku time). HTML and CSV go to standard output unless --out is given."
      })
  static final class AnnualCommand implements Callable<Integer> {
    @ParentCommand ReportCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--year", paramLabel = "YYYY", description = "the year (default: the previous year)")
    String year;

    @CommandLine.Mixin ReportOutput output;

    @Option(names = "--publish", description = "also write the year's FOI figures (counts only) to"
        + " <content>/data/foi/YYYY.yaml, which the site's annual report page shows once the report is approved;"
        + " only for a year that is over. The report itself is then written only with --out")
    boolean publish;

    /** The real clock; tests set their own. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Format f;
      ReportTexts texts;
      int y;
      try {
        f = output.format("annual-report.pdf");
        texts = output.texts();
        y = year == null ? LocalDate.now(clock.withZone(Deadline.BAKU)).getYear() - 1 : parseYear(year);
      } catch (IllegalArgumentException e) {
        err.println("disclose report annual: " + e.getMessage());
        return Main.USAGE;
      }
      try {
        AnnualPlanReport plan = new ContentLoader().loadAnnual(parent.content, y);
        InboxSettings settings = Configuration.resolve(parent.content, parent.config, System.getenv()).inbox();
        ReportPeriod period = AnnualReport.period(y);
        MonthlyReport foi;
        try (Inbox inbox = Inbox.open(settings, parent.content, clock)) {
          MonthlyCalculator calculator = new MonthlyCalculator(settings.zone(), inbox.register().workingDays(),
              settings.deadlineRules(), settings.numberPrefix());
          foi = calculator.compute(period, new RegisterReader(inbox.store(), settings.zone()).read(period, calculator),
              clock.instant());
        }
        if (publish) {
          if (foi.partial()) {
            err.println("disclose report annual: " + y + " is not over yet; its figures are published from 1 January");
            return Main.USAGE;
          }
          FoiPublication.Written w = FoiPublication.write(parent.content, FoiPublication.of(foi, settings.zone()));
          err.println("disclose report annual: the FOI figures of " + y + (w.changed() ? " written to " : " unchanged in ")
              + w.file() + (plan.published() ? "; the site shows the report under /reports/ at its next build"
                  : "; the site shows the report once reports/annual/" + y + ".yaml has 'approved' and 'signatory'"));
          if (output.out == null) {
            return Main.OK;
          }
        }
        AnnualReport report = new AnnualReport(plan, foi, clock.instant());
        AnnualRenderer renderer = new AnnualRenderer(settings.zone(), texts);
        byte[] bytes = switch (f) {
          case HTML -> renderer.html(report).getBytes(StandardCharsets.UTF_8);
          case CSV -> renderer.csv(report).getBytes(StandardCharsets.UTF_8);
          case PDF -> renderer.pdf(report);
        };
        if (output.write(spec, bytes)) {
          err.println("disclose report annual: " + y + " written to " + output.out
              + (plan.published() ? "" : " (NOT APPROVED YET: a draft)"));
        }
        return Main.OK;
      } catch (ProblemsException e) {
        return Failures.problems(err, e);
      } catch (RegisterException | StoreException e) {
        err.println("disclose report annual: cannot read the register: " + e.getMessage());
        return Main.FAILURE;
      } catch (IOException e) {
        err.println("disclose report annual: cannot write: " + e.getMessage());
        return Main.FAILURE;
      } finally {
        err.flush();
      }
    }

    private static int parseYear(String text) {
      if (!text.trim().matches("\\d{4}")) {
        throw new IllegalArgumentException("--year must be a year such as 2026, not '" + text + "'");
      }
      return Integer.parseInt(text.trim());
    }
  }
}
