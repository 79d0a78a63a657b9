package az.disclose.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The commission's own part of one year's annual plan report (points 4.2 and 7.2 of the order),
 * from {@code content/reports/annual/<year>.yaml}: per plan measure, its completion (when the
 * latest unit reports are not to decide it), whether it opened government and why, evidence,
 * deviations and next steps; and, once the commission has approved the report, the date and the
 * signatory. The rest of the report (the measures' texts, the unit reports' statuses and evidence)
 * is put together by {@link AnnualPlanReport#assemble}.
 *
 * @param approved empty until the commission approves the report
 * @param signatory who signed it (empty until approved)
 */
public record AnnualData(Path file, int year, Optional<LocalDate> approved, String signatory,
    List<Assessment> measures) {
  public AnnualData {
    measures = List.copyOf(measures);
  }

  /**
   * The commission's word on one measure; {@code completion} and {@code openedGovernment} may be
   * null (completion then comes from the unit reports; an approved report needs the other).
   *
   * @param line where the measure's entry is, for problems found when the report is put together
   * @param completionLine the line of its {@code completion} (or of the entry)
   */
  public record Assessment(String measure, Completion completion, OpenedGovernment openedGovernment, String reasons,
      List<String> evidence, String deviations, String next, int line, int completionLine) {
    public Assessment {
      evidence = List.copyOf(evidence);
    }
  }

  /** Approved: an explicit {@code approved} date and a {@code signatory}. */
  public boolean approvedReport() {
    return approved.isPresent() && !signatory.isBlank();
  }

  public Optional<Assessment> assessment(String measureId) {
    return measures.stream().filter(a -> a.measure().equals(measureId)).findFirst();
  }
}
