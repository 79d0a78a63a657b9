package az.disclose.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The days a report covers, {@code first} to {@code last} inclusive, as calendar days in the
 * register's zone (Baku): from the start of {@code first} to the start of the day after {@code last}.
 */
public record ReportPeriod(LocalDate first, LocalDate last) {
  /** The longest period a report may cover (ten years): a mistyped year is an error, not a long wait. */
  public static final int MAX_DAYS = 3_660;

  public ReportPeriod {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("the period ends (" + last + ") before it starts (" + first + ")");
    }
    if (first.plusDays(MAX_DAYS).isBefore(last)) {
      throw new IllegalArgumentException("the period " + first + " to " + last + " is longer than " + MAX_DAYS
          + " days; give a shorter one");
    }
  }

  public static ReportPeriod month(YearMonth month) {
    return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
  }

  /** {@code 2026-11} as that month; a clear message naming {@code what} otherwise. */
  public static YearMonth parseMonth(String text, String what) {
    try {
      return YearMonth.parse(text.trim());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(what + " must be a month as YYYY-MM (e.g. 2026-11), not '" + text + "'");
    }
  }

  /** {@code 2026-11-05} as that day; a clear message naming {@code what} otherwise. */
  public static LocalDate parseDay(String text, String what) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(what + " must be a date as YYYY-MM-DD (e.g. 2026-11-05), not '" + text + "'");
    }
  }

  /** Whether the period is exactly one calendar month. */
  public boolean isMonth() {
    return first.getDayOfMonth() == 1 && last.equals(YearMonth.from(first).atEndOfMonth());
  }

  /** {@code 2026-11} for a month, {@code 2026-11-01_2026-11-15} otherwise (for file names). */
  public String slug() {
    return isMonth() ? YearMonth.from(first).toString() : first + "_" + last;
  }

  public Instant start(ZoneId zone) {
    return first.atStartOfDay(zone).toInstant();
  }

  /** The end, exclusive: the start of the day after {@code last}. */
  public Instant end(ZoneId zone) {
    return last.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
