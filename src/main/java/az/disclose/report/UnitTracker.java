package az.disclose.report;

import az.disclose.content.HalfMonth;
import az.disclose.content.UnitReport;
import az.disclose.content.Units;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which unit has reported for which half-month (rule 3 of the internal FOI rules), and which report
 * is missing or was late, as of a given day: a pure function of the units, their reports and the
 * date (docs/reports.md).
 */
public final class UnitTracker {
  private UnitTracker() {}

  /** Where one unit stands for one half-month. */
  public enum State {
    /** Submitted by the due date. */
    ON_TIME,
    /** Submitted after the due date. */
    LATE,
    /** Not submitted, and the due date has passed. */
    MISSING,
    /** Not submitted yet, and not due yet (the due date is today or later). */
    NOT_DUE
  }

  /** One unit in one half-month; {@code report} null unless submitted, {@code daysLate} 0 unless late. */
  public record Line(HalfMonth period, Units.Unit unit, State state, UnitReport report, long daysLate) {}

  /** The tracker's table and its counts. */
  public record Table(LocalDate asOf, HalfMonth from, HalfMonth to, List<Line> lines) {
    public Table {
      lines = List.copyOf(lines);
    }

    public long count(State state) {
      return lines.stream().filter(l -> l.state() == state).count();
    }
  }

  /**
   * Every unit in every half-month from {@code from} to {@code to} (both included, and none before
   * the units' {@code reporting_since}), in period order and then in the order of the units' file.
   */
  public static Table track(Units units, List<UnitReport> reports, HalfMonth from, HalfMonth to, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    HalfMonth first = from.compareTo(HalfMonth.of(units.reportingSince())) < 0 ? HalfMonth.of(units.reportingSince()) : from;
    Map<String, UnitReport> byKey = new HashMap<>();
    for (UnitReport r : reports) {
      byKey.putIfAbsent(r.unit() + " " + r.period().key(), r);
    }
    List<Line> lines = new ArrayList<>();
    for (HalfMonth p = first; p.compareTo(to) <= 0; p = p.next()) {
      for (Units.Unit u : units.units()) {
        UnitReport r = byKey.get(u.id() + " " + p.key());
        // a report submitted after the day the table is made is not known on that day
        if (r != null && r.submitted().isAfter(asOf)) {
          r = null;
        }
        if (r != null) {
          long late = ChronoUnit.DAYS.between(p.due(), r.submitted());
          lines.add(new Line(p, u, late > 0 ? State.LATE : State.ON_TIME, r, Math.max(0, late)));
        } else {
          lines.add(new Line(p, u, asOf.isAfter(p.due()) ? State.MISSING : State.NOT_DUE, null, 0));
        }
      }
    }
    return new Table(asOf, first, to, lines);
  }
}
