package az.disclose.site;

import az.disclose.content.AnnualPlanReport;
import az.disclose.content.FoiFigures;
import az.disclose.content.PageKind;
import az.disclose.content.Reports;
import az.disclose.render.AzDates;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * The models of the {@code /reports/} pages (docs/publishing.md): the list of the published reports,
 * each approved annual report on the work plan ({@code /reports/annual/<year>/}) and each month's
 * published FOI figures ({@code /reports/monthly/<YYYY-MM>/}). Typed records only; the figures are
 * counts (content.FoiFigures), so nothing personal is shown.
 */
public final class ReportsPages {
  public static final String URL = PageKind.REPORTS.path();

  private ReportsPages() {}

  /** One annual report in the list: its year, address and approval. */
  public record AnnualEntry(int year, String url, String approvedIso, String approvedText) {}

  /** One month of FOI figures in the list. */
  public record MonthEntry(String iso, String label, String url, int received, int answered) {}

  /** {@code /reports/}: approved annual reports and published months, newest first. */
  public record Index(List<AnnualEntry> annual, List<MonthEntry> months) {}

  /**
   * An approved annual report's page; {@code foi} null when the year's FOI figures are not published
   * ({@code disclose report annual --publish}).
   */
  public record AnnualView(AnnualPlanReport report, String approvedIso, String approvedText, FoiFigures foi) {
    public boolean hasFoi() {
      return foi != null;
    }
  }

  /** A month's FOI figures' page. */
  public record MonthView(FoiFigures figures, String label, String asOfText) {}

  static String annualUrl(int year) {
    return URL + "annual/" + year + "/";
  }

  static String monthUrl(FoiFigures f) {
    return URL + "monthly/" + f.slug() + "/";
  }

  /** {@code reports} must be the publishable ones (approved annual reports only). */
  static Index index(Reports reports, Locale locale) {
    return new Index(
        reports.annual().stream().map(a -> new AnnualEntry(a.year(), annualUrl(a.year()), a.approved().orElseThrow().toString(),
            AzDates.format(a.approved().orElseThrow(), locale))).toList(),
        reports.months().stream().map(f -> new MonthEntry(f.slug(), monthLabel(f, locale), monthUrl(f), f.receivedTotal(),
            f.answeredInTime() + f.answeredLate())).toList());
  }

  static AnnualView annual(AnnualPlanReport a, Reports reports, Locale locale) {
    return new AnnualView(a, a.approved().orElseThrow().toString(), AzDates.format(a.approved().orElseThrow(), locale),
        reports.ofYear(a.year()).orElse(null));
  }

  static MonthView month(FoiFigures f, Locale locale) {
    return new MonthView(f, monthLabel(f, locale), AzDates.format(f.asOf(), locale));
  }

  static String monthLabel(FoiFigures f, Locale locale) {
    return StatisticsPage.monthLabel(YearMonth.from(f.first()), locale);
  }
}
