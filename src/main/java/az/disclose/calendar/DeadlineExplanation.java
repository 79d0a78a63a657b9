package az.disclose.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a due date was computed, day by day.
 *
 * @param registeredAt the registration instant, in the deadline's zone
 * @param startDay for working-day rules the first counted day (day 1, the first working day after
 *     the registration day); for hour rules the registration day
 * @param counted the working days counted, numbered from 1 (empty for hour rules)
 * @param skipped the days between the registration day and the due date that were not counted, with
 *     the reason (empty for hour rules)
 * @param dueDate the day the period ends
 * @param dueAt the last instant of the period: the end of {@code dueDate} for working-day rules,
 *     registration plus the hours for hour rules
 * @param warnings what the computation could not rely on, or should be pointed out
 */
public record DeadlineExplanation(
    DeadlineRule rule,
    ZonedDateTime registeredAt,
    LocalDate startDay,
    List<CountedDay> counted,
    List<SkippedDay> skipped,
    LocalDate dueDate,
    ZonedDateTime dueAt,
    List<CalendarWarning> warnings) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  public DeadlineExplanation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(startDay, "startDay");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(dueAt, "dueAt");
    counted = List.copyOf(counted);
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }

  /** A counted working day: {@code number} 1 is the start day, the last one is the due date. */
  public record CountedDay(int number, LocalDate date) {}

  /**
   * A day not counted.
   *
   * @param reason in Azerbaijani: {@code şənbə}, {@code bazar}, or the listed day's name and kind,
   *     e.g. {@code Novruz bayramı (novruz)}
   * @param holiday the listed entry, when the day is listed in a holiday file
   */
  public record SkippedDay(LocalDate date, String reason, Optional<Holiday> holiday) {
    public SkippedDay {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(holiday, "holiday");
    }

    static SkippedDay of(LocalDate date, Optional<Holiday> listed) {
      Optional<Holiday> holiday = listed.filter(Holiday::nonWorking);
      String reason = holiday.map(Holiday::describe).orElseGet(() -> Texts.dayName(date, true));
      return new SkippedDay(date, reason, holiday);
    }

    /** The reason in the locale's language ("Saturday" in English; holiday names stay Azerbaijani). */
    public String reason(Locale locale) {
      return holiday.map(Holiday::describe).orElseGet(() -> Texts.dayName(date, Texts.isAzerbaijani(locale)));
    }
  }

  /** Whether the period is over at the clock's instant. */
  public boolean isOverdue(Clock clock) {
    return clock.instant().isAfter(dueAt.toInstant());
  }

  /** Time left at the clock's instant; negative once overdue. */
  public Duration remaining(Clock clock) {
    return Duration.between(clock.instant(), dueAt.toInstant());
  }

  /**
   * The explanation as plain text, in Azerbaijani for a locale whose language is {@code az} and in
   * English otherwise: the rule, the registration, every day from the registration day to the due
   * date (counted days numbered, skipped days with their reason), the due date and the warnings.
   */
  public String toText(Locale locale) {
    boolean az = Texts.isAzerbaijani(locale);
    List<String> lines = new ArrayList<>();
    lines.add((az ? "Qayda: " : "Rule: ") + rule.id() + " — " + rule.periodText(az));
    lines.add((az ? "Hüquqi əsas: " : "Legal basis: ") + rule.legalBasis());
    lines.add((az ? "Qeydiyyat: " : "Registered: ")
        + registeredAt.toLocalDate() + " " + registeredAt.format(TIME)
        + " (" + Texts.dayName(registeredAt.toLocalDate(), az) + "), " + registeredAt.getZone().getId());
    if (rule.unit() == DeadlineRule.Unit.HOURS) {
      lines.add(az
          ? "Müddət qeydiyyat anından keçən saatlarla hesablanır (istirahət və bayram günləri daxil)."
          : "Counted in elapsed hours from the moment of registration (weekends and holidays included).");
      lines.add((az ? "Son müddət: " : "Due: ") + dueAt.toLocalDate() + " " + dueAt.format(TIME)
          + " (" + Texts.dayName(dueAt.toLocalDate(), az) + ")");
    } else {
      lines.add(az
          ? "Müddət qeydiyyat günündən sonrakı ilk iş günündən hesablanır; 1-ci gün: " + Texts.dated(startDay, true)
          : "Counting starts on the first working day after the registration day; day 1: " + Texts.dated(startDay, false));
      lines.add(az ? "Günlər:" : "Days:");
      int s = 0;
      for (CountedDay day : counted) {
        while (s < skipped.size() && skipped.get(s).date().isBefore(day.date())) {
          SkippedDay skip = skipped.get(s++);
          lines.add("   –  " + Texts.dated(skip.date(), az) + (az ? " — sayılmır: " : " — not counted: ") + skip.reason(locale));
        }
        lines.add(String.format(Locale.ROOT, "  %2d. %s", day.number(), Texts.dated(day.date(), az)));
      }
      lines.add((az ? "Son müddət: " : "Due: ") + Texts.dated(dueDate, az)
          + (az ? ", günün sonunadək" : ", end of the day"));
    }
    if (!warnings.isEmpty()) {
      lines.add(az ? "Xəbərdarlıqlar:" : "Warnings:");
      for (CalendarWarning warning : warnings) {
        lines.add("  - " + warning.text(locale));
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
