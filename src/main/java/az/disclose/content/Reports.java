package az.disclose.content;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reports the site publishes under {@code /reports/} (docs/reports.md): the annual plan reports
 * ({@code reports/annual/<year>.yaml}, put together with the plan and the units' reports) and the
 * published FOI figures ({@code data/foi/}). Both lists are newest first.
 */
public record Reports(List<AnnualPlanReport> annual, List<FoiFigures> foi) {
  public static final Reports NONE = new Reports(List.of(), List.of());

  public Reports {
    annual = annual.stream().sorted(Comparator.comparingInt(AnnualPlanReport::year).reversed()).toList();
    foi = foi.stream().sorted(Comparator.comparing(FoiFigures::first).reversed()
        .thenComparing(FoiFigures::last, Comparator.reverseOrder())).toList();
  }

  /** What the site may show on {@code today}: annual reports approved on or before it (with a signatory). */
  public Reports publishable(LocalDate today) {
    return new Reports(annual.stream().filter(a -> a.published() && !a.approved().get().isAfter(today)).toList(), foi);
  }

  /** The published FOI figures of whole months. */
  public List<FoiFigures> months() {
    return foi.stream().filter(FoiFigures::month).toList();
  }

  /** The published FOI figures of {@code year} as a whole, if written. */
  public Optional<FoiFigures> ofYear(int year) {
    return foi.stream().filter(f -> f.year() && f.first().getYear() == year).findFirst();
  }

  public Optional<AnnualPlanReport> annual(int year) {
    return annual.stream().filter(a -> a.year() == year).findFirst();
  }
}
