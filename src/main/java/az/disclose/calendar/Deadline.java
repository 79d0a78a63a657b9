package az.disclose.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes due dates of statutory periods.
 *
 * <p>Working-day rules follow art. 24.5 of the Law on the right to obtain information: the period
 * counts from the working day after the registration day. Day 1 is the first working day after the
 * registration date (whatever the registration time, and whether or not the registration day is a
 * working day); the due date is the N-th working day, until the end of that day. Hour rules are
 * plain elapsed hours from the registration instant.
 */
public final class Deadline {
  /** The zone of every statutory date. */
  public static final ZoneId BAKU = ZoneId.of("Asia/Baku");

  private final WorkingDays workingDays;
  private final ZoneId zone;

  public Deadline(WorkingDays workingDays, ZoneId zone) {
    this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** A calculator in {@link #BAKU}. */
  public static Deadline baku(WorkingDays workingDays) {
    return new Deadline(workingDays, BAKU);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The due date of {@code rule} for a request registered at {@code registeredAt} (any zone). */
  public DeadlineExplanation compute(ZonedDateTime registeredAt, DeadlineRule rule) {
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(rule, "rule");
    ZonedDateTime registered = registeredAt.withZoneSameInstant(zone);
    return switch (rule.unit()) {
      case WORKING_DAYS -> workingDaysRule(registered, rule);
      case HOURS -> hoursRule(registered, rule);
    };
  }

  /** The due date of {@code rule} for a request registered now, by {@code clock}. */
  public DeadlineExplanation computeNow(Clock clock, DeadlineRule rule) {
    return compute(ZonedDateTime.now(clock.withZone(zone)), rule);
  }

  private DeadlineExplanation workingDaysRule(ZonedDateTime registered, DeadlineRule rule) {
    WorkingDays.Walk walk = workingDays.walk(registered.toLocalDate(), rule.amount());
    List<DeadlineExplanation.CountedDay> counted = new ArrayList<>();
    for (int i = 0; i < walk.counted().size(); i++) {
      counted.add(new DeadlineExplanation.CountedDay(i + 1, walk.counted().get(i)));
    }
    List<DeadlineExplanation.SkippedDay> skipped = new ArrayList<>();
    for (LocalDate day : walk.skipped()) {
      skipped.add(DeadlineExplanation.SkippedDay.of(day, workingDays.holiday(day)));
    }
    LocalDate due = walk.end();
    return new DeadlineExplanation(
        rule,
        registered,
        walk.counted().get(0),
        counted,
        skipped,
        due,
        due.atTime(LocalTime.MAX).atZone(zone),
        walk.warnings());
  }

  private DeadlineExplanation hoursRule(ZonedDateTime registered, DeadlineRule rule) {
    ZonedDateTime dueAt = registered.plusHours(rule.amount());
    LocalDate dueDate = dueAt.toLocalDate();
    List<CalendarWarning> warnings = new ArrayList<>(workingDays.missingDataWarnings(dueDate, dueDate));
    workingDays.whyNotWorking(dueDate).ifPresent(why -> warnings.add(
        CalendarWarning.dueOnNonWorkingDay(why.reason(java.util.Locale.ENGLISH), why.reason())));
    return new DeadlineExplanation(
        rule, registered, registered.toLocalDate(), List.of(), List.of(), dueDate, dueAt, warnings);
  }
}
