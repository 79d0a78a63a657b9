package az.disclose.content;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of rule 3 of the internal FOI rules ("twice a month, by the 15th and by the
 * 30th"): the first half of a month (1st–15th, due on the 15th) or the second (16th–last day, due on
 * the month's last day: the 28th or 29th in February, the 31st in a 31-day month, so that the
 * second half always ends with its month). Written {@code 2026-11/1} and {@code 2026-11/2}.
 */
public record HalfMonth(YearMonth month, int half) implements Comparable<HalfMonth> {
  private static final Pattern KEY = Pattern.compile("(\\d{4})-(\\d{2})/([12])");
  /** The last day of the first half, and its due date. */
  public static final int FIRST_HALF_DUE_DAY = 15;

  public HalfMonth {
    Objects.requireNonNull(month, "month");
    if (half != 1 && half != 2) {
      throw new IllegalArgumentException("a month has halves 1 and 2, not " + half);
    }
  }

  /** {@code 2026-11/1}; empty for anything else. */
  public static java.util.Optional<HalfMonth> parse(String text) {
    Matcher m = KEY.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      return java.util.Optional.empty();
    }
    int monthNumber = Integer.parseInt(m.group(2));
    if (monthNumber < 1 || monthNumber > 12) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new HalfMonth(YearMonth.of(Integer.parseInt(m.group(1)), monthNumber),
        Integer.parseInt(m.group(3))));
  }

  /** The half that {@code day} falls in. */
  public static HalfMonth of(LocalDate day) {
    return new HalfMonth(YearMonth.from(day), day.getDayOfMonth() <= FIRST_HALF_DUE_DAY ? 1 : 2);
  }

  public LocalDate first() {
    return half == 1 ? month.atDay(1) : month.atDay(FIRST_HALF_DUE_DAY + 1);
  }

  public LocalDate last() {
    return half == 1 ? month.atDay(FIRST_HALF_DUE_DAY) : month.atEndOfMonth();
  }

  /** The day the unit's report is due, until the end of that day (Baku time). */
  public LocalDate due() {
    return last();
  }

  public HalfMonth next() {
    return half == 1 ? new HalfMonth(month, 2) : new HalfMonth(month.plusMonths(1), 1);
  }

  public String key() {
    return month + "/" + half;
  }

  @Override
  public int compareTo(HalfMonth o) {
    int c = month.compareTo(o.month);
    return c != 0 ? c : Integer.compare(half, o.half);
  }

  @Override
  public String toString() {
    return key();
  }
}
