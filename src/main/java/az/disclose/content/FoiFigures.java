package az.disclose.content;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The published figures of an FOI report (the monthly report of point 6 of the order, or a whole
 * year's for the annual plan report), from {@code data/foi/<YYYY-MM>.yaml} or {@code
 * data/foi/<YYYY>.yaml}, written by {@code disclose report monthly --publish} and {@code disclose
 * report annual --publish} (docs/reports.md). Counts only: no number, name, address, text or
 * refusal ground of any request, so nothing personal can reach the site through it.
 *
 * @param partial the period was not over when the figures were made ({@code asOf})
 * @param median working days from registration to answer (nearest rank); 0 when {@code answers} is 0
 */
public record FoiFigures(LocalDate first, LocalDate last, LocalDate asOf, boolean partial, List<TypeCount> received,
    List<ClassCount> answered, int openAtStart, int openAtEnd, int openAtEndOverdue, int extensions,
    int clarifications, int forwarded, int refused, int answers, int median, int p90, boolean reconciles) {
  /** The directory of the files, under content/. */
  public static final String DIR = "data/foi";

  public FoiFigures {
    received = List.copyOf(received);
    answered = List.copyOf(answered);
  }

  /** Requests of one type ({@code information}, {@code proposal}, ...) received, by channel. */
  public record TypeCount(String type, int web, int email) {
    public int total() {
      return web + email;
    }
  }

  /** Answers given to requests of one deadline class, with its statutory period as printed. */
  public record ClassCount(String key, String periodAz, String periodEn, int inTime, int late) {
    public int total() {
      return inTime + late;
    }
  }

  /** A whole calendar month. */
  public boolean month() {
    return first.getDayOfMonth() == 1 && last.equals(YearMonth.from(first).atEndOfMonth());
  }

  /** A whole calendar year. */
  public boolean year() {
    return first.getDayOfYear() == 1 && last.equals(first.withDayOfYear(first.lengthOfYear()));
  }

  /** {@code 2026-11} for a month, {@code 2026} for a year (the file's name and the page's address). */
  public String slug() {
    if (month()) {
      return YearMonth.from(first).toString();
    }
    if (year()) {
      return Integer.toString(first.getYear());
    }
    throw new IllegalStateException("published FOI figures are of a month or a year, not " + first + " to " + last);
  }

  public String url() {
    return "/reports/monthly/" + slug() + "/";
  }

  public int receivedWeb() {
    return received.stream().mapToInt(TypeCount::web).sum();
  }

  public int receivedEmail() {
    return received.stream().mapToInt(TypeCount::email).sum();
  }

  public int receivedTotal() {
    return receivedWeb() + receivedEmail();
  }

  public int answeredInTime() {
    return answered.stream().mapToInt(ClassCount::inTime).sum();
  }

  public int answeredLate() {
    return answered.stream().mapToInt(ClassCount::late).sum();
  }

  /** The file's text: YAML, keys in a fixed order, so the same figures give the same bytes. */
  public String toYaml() {
    StringBuilder y = new StringBuilder();
    y.append("# Written by disclose report ").append(year() ? "annual" : "monthly")
        .append(" --publish from the request register; do not edit by hand (docs/reports.md).\n");
    y.append("# Counts only: no request, requester or refusal ground is named here.\n");
    y.append("first: ").append(first).append('\n');
    y.append("last: ").append(last).append('\n');
    y.append("as_of: ").append(asOf).append('\n');
    y.append("partial: ").append(partial).append('\n');
    y.append("received:\n");
    for (TypeCount t : received) {
      y.append("  - type: ").append(t.type()).append("\n    web: ").append(t.web()).append("\n    email: ")
          .append(t.email()).append('\n');
    }
    y.append("answered:\n");
    for (ClassCount c : answered) {
      y.append("  - class: ").append(c.key()).append("\n    period_az: \"").append(c.periodAz())
          .append("\"\n    period_en: \"").append(c.periodEn()).append("\"\n    in_time: ").append(c.inTime())
          .append("\n    late: ").append(c.late()).append('\n');
    }
    y.append("open_at_start: ").append(openAtStart).append('\n');
    y.append("open_at_end: ").append(openAtEnd).append('\n');
    y.append("open_at_end_overdue: ").append(openAtEndOverdue).append('\n');
    y.append("extensions: ").append(extensions).append('\n');
    y.append("clarifications: ").append(clarifications).append('\n');
    y.append("forwarded: ").append(forwarded).append('\n');
    y.append("refused: ").append(refused).append('\n');
    y.append("answers: ").append(answers).append('\n');
    y.append("median_working_days: ").append(median).append('\n');
    y.append("p90_working_days: ").append(p90).append('\n');
    y.append("reconciles: ").append(reconciles).append('\n');
    return y.toString();
  }
}
