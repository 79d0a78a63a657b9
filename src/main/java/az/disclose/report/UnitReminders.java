package az.disclose.report;

import az.disclose.calendar.WorkingDays;
import az.disclose.content.HalfMonth;
import az.disclose.content.UnitReport;
import az.disclose.content.Units;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which units are to be reminded of their twice-monthly report (rule 3 of the internal FOI rules) on
 * a given day: a pure function of the units, their reports, the day and the working days. A unit
 * that has not reported for a half-month is reminded {@code before} from {@code daysBefore} working
 * days before the due day up to the due day, and {@code after} from the day after the due day until
 * the next half-month's due day, when still missing. Whether a reminder was already sent is the
 * sender's business (it records each one once).
 */
public final class UnitReminders {
  private UnitReminders() {}

  public enum Kind {
    /** Ahead of the due day. */
    BEFORE,
    /** After the due day, the report still missing. */
    AFTER;

    /** {@code before} or {@code after}, as recorded. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One reminder due today: the unit, the half-month, which reminder. */
  public record Due(Units.Unit unit, HalfMonth period, Kind kind) {}

  /** The first day of the {@code before} reminder: {@code daysBefore} working days before the due day. */
  public static LocalDate remindFrom(HalfMonth period, int daysBefore, WorkingDays workingDays) {
    LocalDate d = period.due();
    for (int left = daysBefore; left > 0; ) {
      d = d.minusDays(1);
      if (workingDays.isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  /**
   * The reminders due on {@code today} (Baku time), in the order of the units' file; units without an
   * address are included (the caller says they cannot be reminded).
   */
  public static List<Due> due(Units units, List<UnitReport> reports, LocalDate today, int daysBefore,
      WorkingDays workingDays) {
    Objects.requireNonNull(today, "today");
    HalfMonth current = HalfMonth.of(today);
    HalfMonth previous = current.half() == 2 ? new HalfMonth(current.month(), 1)
        : new HalfMonth(current.month().minusMonths(1), 2);
    HalfMonth since = HalfMonth.of(units.reportingSince());
    List<Due> out = new ArrayList<>();
    for (HalfMonth p : List.of(current, current.next())) {
      if (p.compareTo(since) >= 0 && !today.isBefore(remindFrom(p, daysBefore, workingDays)) && !today.isAfter(p.due())) {
        missing(units, reports, p, today).forEach(u -> out.add(new Due(u, p, Kind.BEFORE)));
      }
    }
    if (previous.compareTo(since) >= 0 && today.isAfter(previous.due())) {
      missing(units, reports, previous, today).forEach(u -> out.add(new Due(u, previous, Kind.AFTER)));
    }
    return out;
  }

  private static List<Units.Unit> missing(Units units, List<UnitReport> reports, HalfMonth p, LocalDate today) {
    List<Units.Unit> out = new ArrayList<>();
    for (Units.Unit u : units.units()) {
      boolean reported = reports.stream().anyMatch(r -> r.unit().equals(u.id()) && r.period().equals(p)
          && !r.submitted().isAfter(today));
      if (!reported) {
        out.add(u);
      }
    }
    return out;
  }
}
