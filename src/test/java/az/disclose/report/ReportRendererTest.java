package az.disclose.report;

import static az.disclose.report.MonthlyFixture.AZ_GROUND;
import static az.disclose.report.MonthlyFixture.BAKU;
import static az.disclose.report.MonthlyFixture.baku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import az.disclose.calendar.DeadlineRules;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.store.ReportQueries.ReportRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {
  static final String HOSTILE = "<script>alert(1)</script>, \"quoted\"";

  MonthlyReport report;

  @BeforeEach
  void setUp() throws Exception {
    MonthlyCalculator calculator = new MonthlyCalculator(BAKU, MonthlyFixture.workingDays(), DeadlineRules.defaults(),
        "SEN");
    report = calculator.compute(MonthlyCalculatorTest.NOVEMBER, new MonthlyInput(MonthlyCalculatorTest.rows(),
        MonthlyCalculatorTest.events(), List.of(), Map.of(2026, MonthlyCalculatorTest.numbers(100, 110))),
        baku(12, 3, 9, 0));
  }

  @Test
  void theHtmlIsAPrintableA4PageWithTheFigures() {
    String html = new ReportRenderer(BAKU, ReportTexts.of("az")).html(report);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"az\">");
    assertThat(html).contains("@page { size: A4").contains("@media print");
    assertThat(html).contains("İnformasiya sorğuları üzrə aylıq hesabat").contains("2026-11");
    assertThat(html).contains("<strong>10 = 6 + 2 + 1 + 0 + (5 − 4)</strong> — uzlaşır");
    assertThat(html).contains("nömrələr SEN-2026-00101-dən SEN-2026-00110-dək, 10 sorğu").contains("heç biri əskik deyil");
    assertThat(html).contains("SEN-2026-00097 (2026-10-20)");
    assertThat(html).contains("Bölmələr: dövrdə heç bir sorğu bölməyə təyin edilməyib.");
    assertThat(html).contains(AZ_GROUND);
  }

  @Test
  void theEnglishReportUsesTheEnglishTexts() {
    String html = new ReportRenderer(BAKU, ReportTexts.of("en")).html(report);
    assertThat(html).contains("<html lang=\"en\">").contains("Monthly report on information requests")
        .contains("Units: no request of the period is assigned to a unit.").contains("— reconciles");
  }

  @Test
  void aHostileRefusalGroundIsEscapedInTheHtmlAndQuotedInTheCsv() throws Exception {
    MonthlyReport hostile = withGround(HOSTILE);
    String html = new ReportRenderer(BAKU, ReportTexts.of("az")).html(hostile);
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    String csv = new ReportRenderer(BAKU, ReportTexts.of("az")).csv(hostile);
    assertThat(csv).contains("refusals,ground,\"<script>alert(1)</script>, \"\"quoted\"\"\",1\r\n");
  }

  @Test
  void aRefusalGroundReadsAsItsNameInTheReportsLanguageWithItsKeyAndTheCsvKeepsTheKey() throws Exception {
    MonthlyReport keyed = withRefusalText(az.disclose.inbox.model.Refusal.of("state-secret",
        Map.of("az", "Məlumat dövlət sirridir", "en", "The information is a state secret"), "Hörmətli Aysel xanım, ...").text());
    assertThat(new ReportRenderer(BAKU, ReportTexts.of("az")).html(keyed))
        .contains("<td>Məlumat dövlət sirridir (state-secret)</td>").doesNotContain("Hörmətli");
    assertThat(new ReportRenderer(BAKU, ReportTexts.of("en")).html(keyed))
        .contains("<td>The information is a state secret (state-secret)</td>");
    assertThat(new ReportRenderer(BAKU, ReportTexts.of("en")).csv(keyed)).contains("refusals,ground,state-secret,1\r\n");
  }

  @Test
  void aFormulaLikeGroundCannotRunInASpreadsheet() throws Exception {
    String csv = new ReportRenderer(BAKU, ReportTexts.of("en")).csv(withGround("=HYPERLINK(\"http://x\")"));
    assertThat(csv).contains("refusals,ground,\"'=HYPERLINK(\"\"http://x\"\")\",1");
  }

  @Test
  void theCsvHasOneFigureALine() {
    String csv = new ReportRenderer(BAKU, ReportTexts.of("az")).csv(report);
    assertThat(csv).startsWith("section,item,detail,value\r\n");
    assertThat(csv).contains("received,information,web,5\r\n", "received,total,total,10\r\n",
        "answered,info-request,late,1\r\n", "answered,threat-to-life,late,1\r\n", "open_at_start,overdue,,1\r\n",
        "open_at_end,oldest,2026-10-28,SEN-2026-00098\r\n", "speed,median_working_days,,2\r\n",
        "speed,p90_working_days,,10\r\n", "integrity,missing,2026,0\r\n", "reconciliation,change_in_open,,1\r\n",
        "reconciliation,holds,,yes\r\n", "units,assigned,,no\r\n");
  }

  @Test
  void thePdfCarriesEveryAzerbaijaniLetterAndTheFigures(@TempDir Path dir) throws Exception {
    assumeTrue(onPath("pdftotext"), "pdftotext is not installed (Debian: apt-get install poppler-utils); .ci/run"
        + " installs it, so CI never skips this");
    byte[] pdf = new ReportRenderer(BAKU, ReportTexts.of("az")).pdf(report);
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Path file = dir.resolve("report.pdf");
    Files.write(file, pdf);
    String text = run(dir, "pdftotext", "-enc", "UTF-8", "-layout", file.toString(), "-");
    for (String letter : List.of("ə", "Ə", "ı", "İ", "ğ", "Ğ", "ö", "Ö", "ü", "Ü", "ç", "Ç", "ş", "Ş")) {
      assertThat(text).as("the letter %s in the PDF's text", letter).contains(letter);
    }
    assertThat(text).contains("İnformasiya sorğuları üzrə aylıq hesabat").contains(AZ_GROUND);
    assertThat(text).contains("10 = 6 + 2 + 1 + 0 + (5 − 4)").contains("SEN-2026-00101").contains("SEN-2026-00110");
    assertThat(text).contains("Bölmələr: dövrdə heç bir sorğu bölməyə təyin edilməyib.");
    String fonts = run(dir, "pdffonts", file.toString());
    assertThat(fonts).contains("DejaVuSans");
    for (String line : fonts.lines().skip(2).toList()) {
      assertThat(line).as("every font embedded: %s", line).contains(" yes ");
    }
  }

  @Test
  void theUnitsTableAndCsvLinesShowEachUnitsFigures() throws Exception {
    MonthlyCalculator calculator = new MonthlyCalculator(BAKU, MonthlyFixture.workingDays(), DeadlineRules.defaults(),
        "SEN");
    MonthlyReport withUnits = calculator.compute(MonthlyCalculatorTest.NOVEMBER, new MonthlyInput(
        MonthlyUnitsTest.rows(), MonthlyCalculatorTest.events(), List.of(),
        Map.of(2026, MonthlyCalculatorTest.numbers(96, 112))), baku(12, 3, 9, 0));
    ReportRenderer renderer = new ReportRenderer(BAKU, ReportTexts.of("en"));

    String html = renderer.html(withUnits);
    assertThat(html).contains("<td>kadrlar</td><td class=\"n\">3</td><td class=\"n\">1</td><td class=\"n\">1</td>"
        + "<td class=\"n\">2</td>").contains("<td>Not assigned to a unit</td><td class=\"n\">6</td>")
        .contains("<strong>12 = 7 + 2 + 1 + 1 + (5 − 4)</strong> — reconciles")
        .doesNotContain("Units: no request");
    String csv = renderer.csv(withUnits);
    assertThat(csv).contains("units,assigned,,yes").contains("units,received,huquq,3").contains("units,overdue,kadrlar,2")
        .contains("units,received,(none),6").contains("actions,withdrawn,,1");
  }

  @Test
  void thePdfPageIsA4(@TempDir Path dir) throws Exception {
    assumeTrue(onPath("pdfinfo"), "pdfinfo is not installed (Debian: apt-get install poppler-utils)");
    Path file = dir.resolve("report.pdf");
    Files.write(file, new ReportRenderer(BAKU, ReportTexts.of("en")).pdf(report));
    assertThat(run(dir, "pdfinfo", file.toString())).containsPattern("Page size:\\s+595\\.\\d+ x 841\\.\\d+ pts \\(A4\\)");
  }

  private MonthlyReport withGround(String ground) throws Exception {
    return withRefusalText("refused: " + ground);
  }

  private MonthlyReport withRefusalText(String text) throws Exception {
    List<ReportRow> rows = new ArrayList<>(MonthlyCalculatorTest.rows());
    rows.replaceAll(r -> r.sequence() == 107
        ? new ReportRow(r.number(), r.year(), r.sequence(), r.channel(), r.type(), r.urgency(), r.registeredAt(),
            r.dueAt(), r.status(), Optional.of(EventKind.REFUSED), r.closedAt(), text)
        : r);
    MonthlyCalculator calculator = new MonthlyCalculator(BAKU, MonthlyFixture.workingDays(), DeadlineRules.defaults(),
        "SEN");
    return calculator.compute(MonthlyCalculatorTest.NOVEMBER, new MonthlyInput(rows, MonthlyCalculatorTest.events(),
        List.of(), Map.of(2026, MonthlyCalculatorTest.numbers(100, 110))), baku(12, 3, 9, 0));
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  static String run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
    assertThat(p.exitValue()).as("%s exit code; output: %s", command[0], new String(out, StandardCharsets.UTF_8)).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
