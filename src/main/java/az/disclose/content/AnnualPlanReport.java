package az.disclose.content;

import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The annual report on the work plan (points 4.2 and 7.2 of the order) for one year: every measure
 * of the plan with its completion and whether it opened government, put together from the
 * commission's annual data ({@link AnnualData}) and the units' reports of that year
 * (docs/reports.md). A pure function of the plan, the data and the reports, used alike by
 * {@code disclose report annual} and by the site's {@code /reports/} pages.
 *
 * @param lines the plan's measures, in the plan's order
 */
public record AnnualPlanReport(Path file, int year, Optional<LocalDate> approved, String signatory, String planTitle,
    List<Line> lines) {
  public AnnualPlanReport {
    lines = List.copyOf(lines);
  }

  /**
   * One measure in the year.
   *
   * @param completionFromUnits whether {@code completion} comes from the units' latest reports (the
   *     commission's data gives none)
   * @param openedGovernment null: not assessed
   * @param unitNotes what the units reported on it during the year, oldest first
   */
  public record Line(String measure, String section, String text, String executors, String period,
      Completion completion, boolean completionFromUnits, OpenedGovernment openedGovernment, String reasons,
      List<String> evidence, String deviations, String next, List<UnitNote> unitNotes) {
    public Line {
      evidence = List.copyOf(evidence);
      unitNotes = List.copyOf(unitNotes);
    }

    public String url() {
      return "/plan/" + measure.replace('.', '-') + "/";
    }
  }

  /** One unit's report on a measure in a half-month. */
  public record UnitNote(String unit, String unitName, String period, LocalDate submitted, Completion status,
      String done) {}

  /** A count of measures at one step of a scale ({@code key} of the step; {@code none} for "not assessed"). */
  public record Count(String key, int count) {}

  public boolean published() {
    return approved.isPresent() && !signatory.isBlank();
  }

  /** Measures per completion step, in the scale's order (every step, zeros included). */
  public List<Count> completionCounts() {
    return Stream.of(Completion.values())
        .map(c -> new Count(c.key(), (int) lines.stream().filter(l -> l.completion() == c).count()))
        .toList();
  }

  /** Measures per step of "did it open government?", then {@code none}: not assessed. */
  public List<Count> openedCounts() {
    List<Count> out = new ArrayList<>(Stream.of(OpenedGovernment.values())
        .map(o -> new Count(o.key(), (int) lines.stream().filter(l -> l.openedGovernment() == o).count()))
        .toList());
    out.add(new Count("none", (int) lines.stream().filter(l -> l.openedGovernment() == null).count()));
    return out;
  }

  /**
   * Puts the year's report together: for each measure of {@code plan}, the commission's
   * assessment in {@code data}, else the latest unit reports of the year (the least advanced status
   * among the units that reported on it in the latest half-month that has any report on it), else
   * "no evidence". Evidence: the commission's links, then every link the units gave in the year.
   * Every problem is thrown together with its {@code file:line}: an assessment of a measure the plan
   * does not have; "complete" with no evidence at all; an approved report with a measure whose
   * opening of government is not assessed.
   *
   * @param units for the units' names (null: ids only)
   */
  public static AnnualPlanReport assemble(Plan plan, AnnualData data, Units units, List<UnitReport> reports)
      throws ProblemsException {
    List<Problem> problems = new ArrayList<>();
    Set<String> planIds = new LinkedHashSet<>();
    plan.measures().forEach(m -> planIds.add(m.id()));
    for (AnnualData.Assessment a : data.measures()) {
      if (!planIds.contains(a.measure())) {
        problems.add(new Problem(data.file(), a.line(), "measure '" + a.measure() + "' is not in data/plan.yaml (its"
            + " measures: " + String.join(", ", planIds) + ")"));
      }
    }
    List<Line> lines = new ArrayList<>();
    for (Plan.Section section : plan.sections()) {
      for (Measure m : section.measures()) {
        Optional<AnnualData.Assessment> a = data.assessment(m.id());
        List<Entry> year = entries(m.id(), data.year(), reports, units);
        Completion fromUnits = latestCompletion(year);
        Completion completion = a.map(AnnualData.Assessment::completion).orElse(null);
        boolean fromUnitReports = completion == null;
        if (completion == null) {
          completion = fromUnits;
        }
        Set<String> evidence = new LinkedHashSet<>(a.map(AnnualData.Assessment::evidence).orElse(List.of()));
        year.forEach(e -> evidence.addAll(e.entry().evidence()));
        if (completion == Completion.COMPLETE && evidence.isEmpty()) {
          problems.add(new Problem(data.file(), a.map(AnnualData.Assessment::completionLine).orElse(1), "measure "
              + m.id() + ": 'complete' needs evidence; add 'evidence' links (site paths or http(s) addresses) that show"
              + " it, or give a lower completion"));
        }
        OpenedGovernment opened = a.map(AnnualData.Assessment::openedGovernment).orElse(null);
        if (opened == null && data.approvedReport()) {
          problems.add(new Problem(data.file(), a.map(AnnualData.Assessment::line).orElse(1), "measure " + m.id()
              + ": an approved report says for every measure whether it opened government: add 'opened_government' ("
              + OpenedGovernment.keys() + ")" + (a.isEmpty() ? " in an entry '- measure: \"" + m.id() + "\"'" : "")));
        }
        String next = a.map(AnnualData.Assessment::next).filter(s -> !s.isBlank())
            .orElseGet(() -> latest(year).stream().map(e -> e.entry().next()).filter(s -> !s.isBlank()).distinct()
                .reduce((x, y) -> x + " " + y).orElse(""));
        lines.add(new Line(m.id(), section.number(), m.text(), m.executors(), m.term().text(), completion,
            fromUnitReports && !year.isEmpty(), opened, a.map(AnnualData.Assessment::reasons).orElse(""),
            List.copyOf(evidence), a.map(AnnualData.Assessment::deviations).orElse(""), next,
            year.stream().map(Entry::note).toList()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    return new AnnualPlanReport(data.file(), data.year(), data.approved(), data.signatory(), plan.title(), lines);
  }

  /** A unit report's entry on one measure, with its report. */
  private record Entry(UnitReport report, UnitReport.MeasureEntry entry, String unitName) {
    UnitNote note() {
      return new UnitNote(report.unit(), unitName, report.period().key(), report.submitted(),
          Completion.of(entry.status()), entry.done());
    }
  }

  private static List<Entry> entries(String measure, int year, List<UnitReport> reports, Units units) {
    List<Entry> out = new ArrayList<>();
    for (UnitReport r : reports) {
      if (r.period().month().getYear() != year) {
        continue;
      }
      String name = units == null ? r.unit() : units.find(r.unit()).map(Units.Unit::name).orElse(r.unit());
      for (UnitReport.MeasureEntry e : r.measures()) {
        if (e.measure().equals(measure) && e.status() != null) {
          out.add(new Entry(r, e, name));
        }
      }
    }
    out.sort(Comparator.comparing((Entry e) -> e.report().period()).thenComparing(e -> e.report().unit()));
    return out;
  }

  /** The entries of the latest half-month that has any. */
  private static List<Entry> latest(List<Entry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    HalfMonth last = entries.get(entries.size() - 1).report().period();
    return entries.stream().filter(e -> e.report().period().equals(last)).toList();
  }

  private static Completion latestCompletion(List<Entry> entries) {
    return latest(entries).stream().map(e -> Completion.of(e.entry().status())).min(Comparator.naturalOrder())
        .orElse(Completion.NO_EVIDENCE);
  }
}
