package az.disclose.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A unit's twice-monthly report (rule 3), from a Markdown file under {@code content/reports/units/}:
 * its front matter says which unit, which half-month, when it was submitted, and per plan measure
 * the status on the IRM scale, what was done, the evidence, the next step and the risks.
 */
public record UnitReport(Path file, String unit, HalfMonth period, LocalDate submitted, List<MeasureEntry> measures) {
  public UnitReport {
    measures = List.copyOf(measures);
  }

  /** What a unit reports on one measure. {@code evidence}: site paths or http(s) addresses. */
  public record MeasureEntry(String measure, Status status, String done, List<String> evidence, String next,
      String risks) {
    public MeasureEntry {
      evidence = List.copyOf(evidence);
    }
  }
}
