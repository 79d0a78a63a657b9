package az.disclose.inbox;

import az.disclose.calendar.WorkingDays;
import az.disclose.files.AtomicFiles;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.StatisticsRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The request statistics the public site shows, exported by the inbox as a data file that the
 * site build reads ({@value #FILE} in the content directory): aggregate counts of the register by
 * month and by year of registration (in the register's time zone, Asia/Baku), and nothing else —
 * no number, name, address or text of any request.
 *
 * <p>Every request is counted in the month and the year it was registered in, in its state as of
 * today: received (web, e-mail), answered (on time or late against its final due date, extensions
 * included), refused, forwarded, still open, and open past its due date. So for every period
 * {@code received = answered + refused + forwarded + open}.
 */
public final class PublishedStatistics {
  /** Where the file lives, relative to the content directory. */
  public static final String FILE = "data/request-statistics.yaml";

  static final String HEADER = """
      # Request statistics, written by disclose from the request register (disclose requests statistics --write,
      # and disclose serve within seconds of every change of the register). Do not edit: it is rewritten from the register.
      # Aggregate counts only, by the month and year of registration (Baku time); no personal data.
      # See docs/register.md, "Published statistics".
      """;

  private PublishedStatistics() {}

  /**
   * The counts of one period.
   *
   * @param answeredOnTime answered no later than the request's due date (extensions included)
   * @param open still waiting for an answer (registered, clarification asked, extended)
   * @param openOverdue open and past the due date
   * @param medianWorkingDays the median number of working days from registration to the answer,
   *     counted from the working day after registration (art. 24.5); empty when nothing was answered
   */
  public record Counts(int received, int web, int email, int answered, int answeredOnTime, int answeredLate,
      int refused, int forwarded, int open, int openOverdue, Optional<BigDecimal> medianWorkingDays) {}

  /** A period and its counts; {@code period} is {@code 2026} for a year or {@code 2026-02} for a month. */
  public record Period(String period, Counts counts) {}

  /**
   * The statistics as of {@code asOf} (today in Baku): one entry for every year and every month
   * from the first registration to today, oldest first, months without requests included.
   */
  public record Snapshot(LocalDate asOf, List<Period> years, List<Period> months) {
    public Snapshot {
      years = List.copyOf(years);
      months = List.copyOf(months);
    }

    /** The data file's text: a header comment and then the counts, always in the same order. */
    public String yaml() {
      StringBuilder out = new StringBuilder(HEADER);
      out.append("as_of: ").append(asOf).append('\n');
      section(out, "years", "year", years);
      section(out, "months", "month", months);
      return out.toString();
    }

    private static void section(StringBuilder out, String name, String key, List<Period> periods) {
      if (periods.isEmpty()) {
        out.append(name).append(": []\n");
        return;
      }
      out.append(name).append(":\n");
      for (Period p : periods) {
        Counts c = p.counts();
        out.append("  - ").append(key).append(": ").append(p.period()).append('\n');
        field(out, "received", c.received());
        field(out, "received_web", c.web());
        field(out, "received_email", c.email());
        field(out, "answered", c.answered());
        field(out, "answered_on_time", c.answeredOnTime());
        field(out, "answered_late", c.answeredLate());
        field(out, "refused", c.refused());
        field(out, "forwarded", c.forwarded());
        field(out, "open", c.open());
        field(out, "open_overdue", c.openOverdue());
        c.medianWorkingDays().ifPresent(m -> out.append("    median_working_days: ").append(m.toPlainString()).append('\n'));
      }
    }

    private static void field(StringBuilder out, String key, int value) {
      out.append("    ").append(key).append(": ").append(value).append('\n');
    }
  }

  /**
   * Computes the statistics of {@code rows} as of {@code now}: months and years in {@code zone},
   * "overdue" as in the officers' list (now after the due time), working days with {@code workingDays}.
   */
  public static Snapshot compute(List<StatisticsRow> rows, Instant now, ZoneId zone, WorkingDays workingDays) {
    LocalDate today = now.atZone(zone).toLocalDate();
    TreeMap<YearMonth, Tally> months = new TreeMap<>();
    TreeMap<Integer, Tally> years = new TreeMap<>();
    for (StatisticsRow r : rows) {
      LocalDate registered = r.registeredAt().atZone(zone).toLocalDate();
      Tally month = months.computeIfAbsent(YearMonth.from(registered), m -> new Tally());
      Tally year = years.computeIfAbsent(registered.getYear(), y -> new Tally());
      Integer days = r.status() == RequestStatus.ANSWERED && r.closedAt().isPresent()
          ? workingDaysBetween(registered, r.closedAt().get().atZone(zone).toLocalDate(), workingDays)
          : null;
      month.add(r, now, days);
      year.add(r, now, days);
    }
    List<Period> monthList = new ArrayList<>();
    List<Period> yearList = new ArrayList<>();
    if (!months.isEmpty()) {
      YearMonth first = months.firstKey();
      YearMonth last = max(months.lastKey(), YearMonth.from(today));
      for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        monthList.add(new Period(m.toString(), months.getOrDefault(m, new Tally()).counts()));
      }
      int lastYear = Math.max(years.lastKey(), today.getYear());
      for (int y = first.getYear(); y <= lastYear; y++) {
        yearList.add(new Period(Year.of(y).toString(), years.getOrDefault(y, new Tally()).counts()));
      }
    }
    return new Snapshot(today, yearList, monthList);
  }

  private static YearMonth max(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * Working days from registration to the answer: the working days after {@code registered} up to
   * and including {@code answered} (an answer on the day of registration takes 0).
   */
  static int workingDaysBetween(LocalDate registered, LocalDate answered, WorkingDays workingDays) {
    int n = 0;
    for (LocalDate d = registered.plusDays(1); !d.isAfter(answered); d = d.plusDays(1)) {
      if (workingDays.isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  /** The running counts of one period. */
  private static final class Tally {
    int received;
    int web;
    int email;
    int answered;
    int onTime;
    int late;
    int refused;
    int forwarded;
    int open;
    int overdue;
    final List<Integer> days = new ArrayList<>();

    /** {@code workingDays}: from registration to the answer, for an answered request; else null. */
    void add(StatisticsRow r, Instant now, Integer workingDays) {
      received++;
      if (r.channel() == Channel.WEB) {
        web++;
      } else {
        email++;
      }
      switch (r.status()) {
        case ANSWERED -> {
          answered++;
          boolean late = r.closedAt().map(at -> at.isAfter(r.dueAt())).orElse(false);
          if (late) {
            this.late++;
          } else {
            onTime++;
          }
          if (workingDays != null) {
            days.add(workingDays);
          }
        }
        case REFUSED -> refused++;
        case FORWARDED -> forwarded++;
        case REGISTERED, CLARIFICATION_REQUESTED, EXTENDED -> {
          open++;
          if (now.isAfter(r.dueAt())) {
            overdue++;
          }
        }
      }
    }

    Counts counts() {
      return new Counts(received, web, email, answered, onTime, late, refused, forwarded, open, overdue, median());
    }

    private Optional<BigDecimal> median() {
      if (days.isEmpty()) {
        return Optional.empty();
      }
      int[] sorted = days.stream().mapToInt(Integer::intValue).sorted().toArray();
      int mid = sorted.length / 2;
      if (sorted.length % 2 == 1) {
        return Optional.of(BigDecimal.valueOf(sorted[mid]));
      }
      int sum = sorted[mid - 1] + sorted[mid];
      return Optional.of(sum % 2 == 0 ? BigDecimal.valueOf(sum / 2) : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(2)));
    }
  }

  /**
   * Writes {@code snapshot} to {@value #FILE} under {@code contentDir}, only when its bytes differ
   * from the file's (so that an unchanged register never triggers a rebuild), atomically: a
   * temporary file ({@code .request-statistics.yaml.<pid>.<thread>.tmp}, which the serve watcher
   * ignores; see {@link AtomicFiles}) moved over the old one. Calls within the process are serialised; two processes writing at once
   * each write whole files (the last move wins).
   *
   * @return whether the file changed
   */
  public static boolean write(Path contentDir, Snapshot snapshot) throws IOException {
    Objects.requireNonNull(snapshot, "snapshot");
    Path file = contentDir.resolve(FILE);
    byte[] bytes = snapshot.yaml().getBytes(StandardCharsets.UTF_8);
    synchronized (PublishedStatistics.class) {
      if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
        return false;
      }
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, bytes);
      return true;
    }
  }

  /** The statistics as a plain-text table for the officers' command line (years, then months). */
  public static String table(Snapshot s) {
    StringBuilder out = new StringBuilder();
    out.append("Request statistics as of ").append(s.asOf()).append(" (by month and year of registration, Baku time)\n");
    if (s.months().isEmpty()) {
      return out.append("no requests in the register\n").toString();
    }
    String head = String.format(Locale.ROOT, "%-8s %8s %5s %6s %8s %8s %5s %7s %9s %5s %8s %7s%n", "period",
        "received", "web", "e-mail", "answered", "on time", "late", "refused", "forwarded", "open", "overdue",
        "median");
    out.append('\n').append(head);
    s.years().forEach(p -> row(out, p));
    out.append('\n').append(head);
    s.months().forEach(p -> row(out, p));
    out.append("\nmedian: working days from registration to the answer (from the working day after registration)\n");
    return out.toString();
  }

  private static void row(StringBuilder out, Period p) {
    Counts c = p.counts();
    out.append(String.format(Locale.ROOT, "%-8s %8d %5d %6d %8d %8d %5d %7d %9d %5d %8d %7s%n", p.period(),
        c.received(), c.web(), c.email(), c.answered(), c.answeredOnTime(), c.answeredLate(), c.refused(),
        c.forwarded(), c.open(), c.openOverdue(), c.medianWorkingDays().map(BigDecimal::toPlainString).orElse("-")));
  }
}
