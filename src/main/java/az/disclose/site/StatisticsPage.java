package az.disclose.site;

import az.disclose.content.RequestStatistics;
import az.disclose.render.AzDates;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The model of {@code /statistics/}: the request statistics the inbox published (or none yet), as
 * typed rows the template prints — years and months newest first, labels and decimals in the site's
 * language.
 */
public final class StatisticsPage {
  public static final String URL = az.disclose.content.PageKind.STATISTICS.path();

  private StatisticsPage() {}

  /**
   * One row of a table: a year or a month and its counts.
   *
   * @param iso {@code 2026} or {@code 2026-02}, for the {@code <time>} element
   * @param percentOnTime the share answered on time, or empty when nothing was answered
   * @param median the median working days to answer, or empty
   */
  public record Row(String iso, String label, RequestStatistics.Counts counts, String percentOnTime, String median) {}

  /** The page's statistics; {@code available} is false before the inbox wrote any. */
  public record View(boolean available, String asOfIso, String asOfText, List<Row> years, List<Row> months) {}

  /** The template model: {@code stats}, a {@link View}. */
  public static Map<String, Object> model(Optional<RequestStatistics> statistics, Locale locale) {
    return Map.of("stats", view(statistics, locale));
  }

  static View view(Optional<RequestStatistics> statistics, Locale locale) {
    if (statistics.isEmpty()) {
      return new View(false, "", "", List.of(), List.of());
    }
    RequestStatistics s = statistics.get();
    List<Row> years = new ArrayList<>();
    for (RequestStatistics.Year y : s.years()) {
      years.add(0, row(Integer.toString(y.year()), Integer.toString(y.year()), y.counts(), locale));
    }
    List<Row> months = new ArrayList<>();
    for (RequestStatistics.Month m : s.months()) {
      months.add(0, row(m.month().toString(), monthLabel(m.month(), locale), m.counts(), locale));
    }
    return new View(true, s.asOf().toString(), AzDates.format(s.asOf(), locale), List.copyOf(years), List.copyOf(months));
  }

  private static Row row(String iso, String label, RequestStatistics.Counts c, Locale locale) {
    String percent = c.answered() == 0 ? "" : c.percentOnTime() + "%";
    String median = c.medianWorkingDays().map(m -> decimal(m, locale)).orElse("");
    return new Row(iso, label, c, percent, median);
  }

  /** "2,5" in Azerbaijani, "2.5" in English. */
  static String decimal(BigDecimal value, Locale locale) {
    String plain = value.stripTrailingZeros().toPlainString();
    return locale.getLanguage().equals("en") ? plain : plain.replace('.', ',');
  }

  /** "fevral 2026". */
  static String monthLabel(YearMonth m, Locale locale) {
    String day = AzDates.format(m.atDay(1), locale);
    return day.substring(day.indexOf(' ') + 1);
  }
}
