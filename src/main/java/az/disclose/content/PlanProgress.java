package az.disclose.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The plan as the public sees it: data/plan.yaml brought up to date by the units' twice-monthly
 * reports (rule 3), so that the plan page is never older than the last report (docs/reports.md).
 * A pure function of the plan and the reports.
 */
public final class PlanProgress {
  private PlanProgress() {}

  /**
   * For each measure: every unit report's entry on it becomes a progress note (the day it was
   * submitted, what was done, its evidence links, the unit and half-month), beside the plan's own
   * notes, oldest first; and the status is the one of the latest half-month in which any unit
   * reported on the measure — the least advanced of those units' statuses, since each executor
   * reports its own share — when that report was submitted after the newest of the plan's own
   * notes on the measure. Otherwise (no report, or the plan's note is as new or newer) the plan's
   * status stands.
   *
   * @param units for the units' names in the notes (null: their ids)
   */
  public static Plan apply(Plan plan, Units units, List<UnitReport> reports) {
    if (reports.isEmpty()) {
      return plan;
    }
    List<Plan.Section> sections = new ArrayList<>();
    for (Plan.Section s : plan.sections()) {
      sections.add(new Plan.Section(s.number(), s.title(), s.titleEn(), s.measures().stream().map(m -> measure(m, units, reports)).toList()));
    }
    return new Plan(plan.title(), plan.approvedBy(), sections, plan.en());
  }

  private record Entry(UnitReport report, UnitReport.MeasureEntry entry) {}

  private static Measure measure(Measure m, Units units, List<UnitReport> reports) {
    List<Entry> entries = new ArrayList<>();
    for (UnitReport r : reports) {
      for (UnitReport.MeasureEntry e : r.measures()) {
        if (e.measure().equals(m.id()) && e.status() != null) {
          entries.add(new Entry(r, e));
        }
      }
    }
    if (entries.isEmpty()) {
      return m;
    }
    List<ProgressNote> notes = new ArrayList<>(m.progress());
    for (Entry e : entries) {
      String unit = units == null ? e.report().unit()
          : units.find(e.report().unit()).map(Units.Unit::name).orElse(e.report().unit());
      notes.add(new ProgressNote(e.report().submitted(), e.entry().done(), e.entry().evidence(),
          unit + ", " + e.report().period().key()));
    }
    notes.sort(Comparator.comparing(ProgressNote::date)); // stable: the plan's notes first on a day
    HalfMonth last = entries.stream().map(e -> e.report().period()).max(Comparator.naturalOrder()).orElseThrow();
    List<Entry> latest = entries.stream().filter(e -> e.report().period().equals(last)).toList();
    LocalDate reported = latest.stream().map(e -> e.report().submitted()).max(Comparator.naturalOrder()).orElseThrow();
    LocalDate planNewest = m.progress().stream().map(ProgressNote::date).max(Comparator.naturalOrder()).orElse(LocalDate.MIN);
    if (!reported.isAfter(planNewest)) {
      return new Measure(m.id(), m.text(), m.executors(), m.term(), m.status(), notes, m.statusSource(), m.en());
    }
    Status status = latest.stream().map(e -> e.entry().status()).min(Comparator.naturalOrder()).orElseThrow();
    return new Measure(m.id(), m.text(), m.executors(), m.term(), status, notes, last.key(), m.en());
  }
}
