package az.disclose.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Working days of Azerbaijan: Monday to Friday, minus the non-working days listed in the holiday
 * files, plus the weekend days listed as {@link HolidayKind#WORKING_DAY}. Immutable.
 */
public final class WorkingDays {
  private final HolidayCalendar calendar;

  public WorkingDays(HolidayCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  public HolidayCalendar calendar() {
    return calendar;
  }

  public boolean hasDataFor(int year) {
    return calendar.hasDataFor(year);
  }

  /**
   * Whether {@code date} is a working day. For a year without holiday data only weekends are
   * known; use {@link #hasDataFor(int)} or the warnings of {@link #addWorkingDays} to notice that.
   */
  public boolean isWorkingDay(LocalDate date) {
    Optional<Holiday> listed = calendar.lookup(date);
    if (listed.isPresent()) {
      return !listed.get().nonWorking();
    }
    return !isWeekend(date);
  }

  /** The listed entry for {@code date}, if any. */
  public Optional<Holiday> holiday(LocalDate date) {
    return calendar.lookup(date);
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }

  /**
   * The {@code n}-th working day after {@code from} ({@code from} itself is never counted); with
   * {@code n == 0}, {@code from}. Warns once for every year it looked at that has no holiday data.
   */
  public WorkingDayResult addWorkingDays(LocalDate from, int n) {
    Walk walk = walk(from, n);
    return new WorkingDayResult(walk.end(), walk.warnings());
  }

  /** The first working day after {@code date}. */
  public WorkingDayResult nextWorkingDayAfter(LocalDate date) {
    return addWorkingDays(date, 1);
  }

  /** One "no holiday data" warning for every year from {@code from} to {@code to} without data. */
  public List<CalendarWarning> missingDataWarnings(LocalDate from, LocalDate to) {
    List<CalendarWarning> warnings = new ArrayList<>();
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      if (!calendar.hasDataFor(year)) {
        warnings.add(CalendarWarning.noHolidayData(year, calendar.fileFor(year).toString()));
      }
    }
    return warnings;
  }

  /** The day-by-day record of a count: the days counted, in order, and the days passed over. */
  record Walk(List<LocalDate> counted, List<LocalDate> skipped, LocalDate end, List<CalendarWarning> warnings) {}

  Walk walk(LocalDate from, int n) {
    Objects.requireNonNull(from, "from");
    if (n < 0) {
      throw new IllegalArgumentException("cannot count " + n + " working days");
    }
    List<LocalDate> counted = new ArrayList<>();
    List<LocalDate> skipped = new ArrayList<>();
    SortedSet<Integer> missing = new TreeSet<>();
    LocalDate day = from;
    while (counted.size() < n) {
      day = day.plusDays(1);
      if (!calendar.hasDataFor(day.getYear())) {
        missing.add(day.getYear());
      }
      if (isWorkingDay(day)) {
        counted.add(day);
      } else {
        skipped.add(day);
      }
    }
    List<CalendarWarning> warnings = new ArrayList<>();
    for (int year : missing) {
      warnings.add(CalendarWarning.noHolidayData(year, calendar.fileFor(year).toString()));
    }
    return new Walk(List.copyOf(counted), List.copyOf(skipped), day, List.copyOf(warnings));
  }

  /** Why {@code date} is not a working day, as shown in explanations; empty for a working day. */
  Optional<DeadlineExplanation.SkippedDay> whyNotWorking(LocalDate date) {
    if (isWorkingDay(date)) {
      return Optional.empty();
    }
    return Optional.of(DeadlineExplanation.SkippedDay.of(date, calendar.lookup(date)));
  }
}
