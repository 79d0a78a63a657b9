package az.disclose.report;

import az.disclose.content.AnnualPlanReport;
import java.time.Instant;
import java.util.Objects;

/**
 * The annual report on the work plan (points 4.2 and 7.2 of the order): the plan's measures as
 * {@link AnnualPlanReport} puts them together from the commission's data and the units' reports,
 * and the year's FOI figures counted from the register (a {@link MonthlyReport} over the whole
 * year; null when the report is made without the register).
 */
public record AnnualReport(AnnualPlanReport plan, MonthlyReport foi, Instant generatedAt) {
  public AnnualReport {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(generatedAt, "generatedAt");
  }

  /** Every day of {@code year}. */
  public static ReportPeriod period(int year) {
    return new ReportPeriod(java.time.LocalDate.of(year, 1, 1), java.time.LocalDate.of(year, 12, 31));
  }
}
