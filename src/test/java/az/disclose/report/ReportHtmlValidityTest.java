package az.disclose.report;

import static az.disclose.report.MonthlyFixture.BAKU;
import static az.disclose.report.MonthlyFixture.baku;
import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.calendar.DeadlineRules;
import az.disclose.inbox.store.ReportQueries.ReportRow;
import az.disclose.testing.HtmlChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monthly report's HTML is valid HTML (the W3C checker), in both languages and with every optional part shown. */
class ReportHtmlValidityTest {
  @Test
  void theReportPagesAreValidHtml(@TempDir Path dir) throws Exception {
    MonthlyCalculator calculator = new MonthlyCalculator(BAKU, MonthlyFixture.workingDays(), DeadlineRules.defaults(),
        "SEN");
    MonthlyReport full = calculator.compute(MonthlyCalculatorTest.NOVEMBER, new MonthlyInput(MonthlyCalculatorTest.rows(),
        MonthlyCalculatorTest.events(), List.of(), Map.of(2026, MonthlyCalculatorTest.numbers(100, 110))),
        baku(12, 3, 9, 0));
    // not over yet, with a missing number and calendar warnings for a year without data
    List<ReportRow> rows = new ArrayList<>(MonthlyCalculatorTest.rows());
    rows.removeIf(r -> r.sequence() == 105);
    MonthlyReport partial = new MonthlyCalculator(BAKU, new az.disclose.calendar.WorkingDays(
        az.disclose.calendar.HolidayCalendar.empty(dir)), DeadlineRules.defaults(), "SEN").compute(
        MonthlyCalculatorTest.NOVEMBER, new MonthlyInput(rows, MonthlyCalculatorTest.events(), List.of(),
            Map.of(2026, MonthlyCalculatorTest.numbers(100, 110, 105))), baku(11, 21, 0, 0));
    MonthlyReport empty = calculator.compute(MonthlyCalculatorTest.NOVEMBER,
        new MonthlyInput(List.of(), List.of(), List.of(), Map.of()), baku(12, 3, 9, 0));
    assertThat(partial.partial()).isTrue();
    assertThat(partial.warningsEn()).isNotEmpty();
    int i = 0;
    for (MonthlyReport r : List.of(full, partial, empty)) {
      for (String lang : List.of("az", "en")) {
        Files.writeString(dir.resolve("report-" + i++ + ".html"), new ReportRenderer(BAKU, ReportTexts.of(lang)).html(r));
      }
    }
    assertThat(HtmlChecker.create().checkAll(dir)).isEmpty();
  }
}
