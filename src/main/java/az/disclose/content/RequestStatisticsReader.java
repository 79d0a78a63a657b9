package az.disclose.content;

import az.disclose.yaml.Fields;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code data/request-statistics.yaml} (see content/README.md). The inbox writes it, but it
 * is checked as strictly as any hand-written file: unknown keys, missing or negative counts and
 * counts that do not add up are problems with their {@code file:line}.
 */
final class RequestStatisticsReader {
  /** More requests than any ministry receives in a period: a larger count is a typo. */
  static final int MAX_COUNT = 10_000_000;

  private RequestStatisticsReader() {}

  static RequestStatistics read(Fields root) {
    var asOf = root.requiredDate("as_of");
    List<RequestStatistics.Year> years = new ArrayList<>();
    Map<Integer, Integer> yearLines = new HashMap<>();
    for (Fields y : root.list("years", true)) {
      int year = whole(y, "year", 1900, 9999);
      RequestStatistics.Counts counts = counts(y);
      y.rejectUnknownKeys();
      Integer previous = yearLines.putIfAbsent(year, y.line());
      if (previous != null) {
        y.problemAt("year", "year " + year + " is listed twice (first on line " + previous + ")");
      }
      years.add(new RequestStatistics.Year(year, counts));
    }
    List<RequestStatistics.Month> months = new ArrayList<>();
    Map<YearMonth, Integer> monthLines = new HashMap<>();
    for (Fields m : root.list("months", true)) {
      Optional<YearMonth> month = month(m);
      RequestStatistics.Counts counts = counts(m);
      m.rejectUnknownKeys();
      if (month.isPresent()) {
        Integer previous = monthLines.putIfAbsent(month.get(), m.line());
        if (previous != null) {
          m.problemAt("month", "month " + month.get() + " is listed twice (first on line " + previous + ")");
        }
        months.add(new RequestStatistics.Month(month.get(), counts));
      }
    }
    root.rejectUnknownKeys();
    years.sort(Comparator.comparingInt(RequestStatistics.Year::year));
    months.sort(Comparator.comparing(RequestStatistics.Month::month));
    return new RequestStatistics(asOf, years, months);
  }

  private static Optional<YearMonth> month(Fields f) {
    Optional<String> text = f.optionalText("month");
    if (text.isEmpty()) {
      f.problemAt("month", "'month' is required (yyyy-mm)");
      return Optional.empty();
    }
    try {
      return Optional.of(YearMonth.parse(text.get().trim()));
    } catch (DateTimeParseException e) {
      f.problemAt("month", "'month' must be a year and month (yyyy-mm), not '" + text.get() + "'");
      return Optional.empty();
    }
  }

  private static RequestStatistics.Counts counts(Fields f) {
    int problemsBefore = f.problems().size();
    int received = count(f, "received");
    int web = count(f, "received_web");
    int email = count(f, "received_email");
    int answered = count(f, "answered");
    int onTime = count(f, "answered_on_time");
    int late = count(f, "answered_late");
    int refused = count(f, "refused");
    int forwarded = count(f, "forwarded");
    int open = count(f, "open");
    int overdue = count(f, "open_overdue");
    Optional<BigDecimal> median = median(f);
    if (f.problems().size() > problemsBefore) {
      // a count that did not read is taken as 0: its sums would only repeat the problem
      return new RequestStatistics.Counts(received, web, email, answered, onTime, late, refused, forwarded, open,
          overdue, median);
    }
    if (web + email != received) {
      f.problemAt("received", "received_web + received_email (" + (web + email) + ") must equal received ("
          + received + ")");
    }
    if (onTime + late != answered) {
      f.problemAt("answered", "answered_on_time + answered_late (" + (onTime + late) + ") must equal answered ("
          + answered + ")");
    }
    if (answered + refused + forwarded + open != received) {
      f.problemAt("received", "answered + refused + forwarded + open (" + (answered + refused + forwarded + open)
          + ") must equal received (" + received + ")");
    }
    if (overdue > open) {
      f.problemAt("open_overdue", "open_overdue (" + overdue + ") cannot be more than open (" + open + ")");
    }
    if (median.isPresent() && answered == 0) {
      f.problemAt("median_working_days", "'median_working_days' is given but nothing was answered");
    }
    return new RequestStatistics.Counts(received, web, email, answered, onTime, late, refused, forwarded, open,
        overdue, median);
  }

  private static Optional<BigDecimal> median(Fields f) {
    return f.optionalText("median_working_days").flatMap(text -> {
      try {
        BigDecimal v = new BigDecimal(text.trim());
        if (v.signum() < 0) {
          f.problemAt("median_working_days", "'median_working_days' must not be negative, not " + text.trim());
          return Optional.empty();
        }
        return Optional.of(v);
      } catch (NumberFormatException e) {
        f.problemAt("median_working_days", "'median_working_days' must be a number of days, not '" + text + "'");
        return Optional.empty();
      }
    });
  }

  private static int count(Fields f, String key) {
    return whole(f, key, 0, MAX_COUNT);
  }

  /** A required whole number between {@code min} and {@code max}; 0 (after recording a problem) otherwise. */
  private static int whole(Fields f, String key, int min, int max) {
    Optional<String> text = f.optionalText(key);
    if (text.isEmpty()) {
      f.problemAt(key, "'" + key + "' is required (a whole number)");
      return 0;
    }
    try {
      int v = Integer.parseInt(text.get().trim());
      if (v < min || v > max) {
        f.problemAt(key, "'" + key + "' must be between " + min + " and " + max + ", not " + v);
        return 0;
      }
      return v;
    } catch (NumberFormatException e) {
      f.problemAt(key, "'" + key + "' must be a whole number, not '" + text.get() + "'");
      return 0;
    }
  }
}
