package az.disclose.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import az.disclose.content.AnnualFixture;
import az.disclose.content.AnnualPlanReport;
import az.disclose.content.ContentLoader;
import az.disclose.content.FoiFigures;
import az.disclose.files.Trees;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.store.Inbox;
import az.disclose.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annual report of 2026 made on 20 January 2027 from the fixture content (AnnualFixture; the
 * plan's figures are worked out in content.AnnualPlanReportTest) and the fixture register in SQLite
 * (RegisterReportContract.fixtureRegister). The year's FOI figures by hand: 96 information requests
 * on the web in January, all answered; four in October (97 web, 98 e-mail, 99 web, a complaint 100
 * on the web); the ten of November (MonthlyFixture: six on the web, four by e-mail... 101-110); one
 * on 1 December (111, web). Received 111: information 107, complaint, proposal, question,
 * consultation comment 1 each; web 106, e-mail 5. Answered 103 (96 + 97, 99, 101, 102, 103, 104,
 * 109), refused 2 (100, 107), forwarded 1 (105), open at the end 5 (98, 106, 108, 110, 111), open
 * at the start 0: 111 = 103 + 2 + 1 + 0 + (5 − 0).
 */
class AnnualReportTest {
  @TempDir static Path tmp;
  static AnnualReport report;
  static InboxSettings settings;

  /** Once for the class: the fixture register is 111 requests. */
  @BeforeAll
  static void makeTheReport() throws Exception {
    Path content = AnnualFixture.content(tmp.resolve("content"));
    Trees.copy(MonthlyFixture.CONTENT, content); // the holidays of the register fixture
    settings = InboxSettings.defaults(tmp.resolve("data")).withNumberPrefix("SEN");
    TestClock clock = TestClock.baku(2026, 1, 1, 0, 0);
    try (Inbox inbox = RegisterReportContract.fixtureRegister(settings, clock)) {
      clock.setBaku(2027, 1, 20, 10, 0);
      AnnualPlanReport plan = new ContentLoader().loadAnnual(content, 2026);
      MonthlyCalculator calculator = new MonthlyCalculator(settings.zone(), inbox.register().workingDays(),
          settings.deadlineRules(), settings.numberPrefix());
      ReportPeriod year = AnnualReport.period(2026);
      MonthlyReport foi = calculator.compute(year, new RegisterReader(inbox.store(), settings.zone()).read(year, calculator),
          clock.instant());
      report = new AnnualReport(plan, foi, clock.instant());
    }
  }

  @Test
  void theCsvHasTheMeasuresTheCountsAndTheYearsFoiFiguresWorkedOutByHand() {
    String csv = new AnnualRenderer(settings.zone(), ReportTexts.of("az")).csv(report);
    assertThat(csv).startsWith("section,item,detail,value\r\nreport,year,,2026\r\nreport,approved,,2027-01-12\r\n");
    assertThat(csv).contains(
        "measure,1.1,completion,complete\r\n", "measure,1.1,completion_source,unit_reports\r\n",
        "measure,1.1,opened_government,major\r\n", "measure,1.1,evidence,/news/\r\n", "measure,1.1,evidence,/documents/\r\n",
        "measure,2.1,completion,substantial\r\n", "measure,2.1,completion_source,commission\r\n",
        "measure,5.1,completion,no_evidence\r\n",
        "completion,no_evidence,,12\r\n", "completion,not_started,,2\r\n", "completion,limited,,0\r\n",
        "completion,substantial,,1\r\n", "completion,complete,,1\r\n",
        "opened_government,did_not_change,,14\r\n", "opened_government,marginal,,1\r\n", "opened_government,major,,1\r\n",
        "foi.period,first,,2026-01-01\r\n", "foi.period,last,,2026-12-31\r\n",
        "foi.received,total,total,111\r\n", "foi.received,information,total,107\r\n", "foi.received,total,web,106\r\n",
        "foi.received,total,email,5\r\n", "foi.received,complaint,total,1\r\n",
        "foi.reconciliation,answered,,103\r\n", "foi.reconciliation,refused,,2\r\n", "foi.reconciliation,forwarded,,1\r\n",
        "foi.reconciliation,change_in_open,,5\r\n",
        "foi.reconciliation,holds,,yes\r\n");
    assertThat(report.foi().openAtEnd().total()).isEqualTo(5);
    assertThat(report.foi().partial()).isFalse();
  }

  @Test
  void theHtmlIsAPrintableA4PageWithEveryMeasure() {
    String html = new AnnualRenderer(settings.zone(), ReportTexts.of("az")).html(report);
    assertThat(html).contains("@page { size: A4", "@media print", "Açıq Hökumət üzrə İş Planının icrası barədə illik hesabat — 2026",
        "Komissiyanın sədri İ. Ağayev", "Tam icra edilib", "bölmələrin son hesabatlarına görə", "Büdcə ayrılmayıb.");
    assertThat(html.split("class=\"measure\"", -1)).hasSize(17); // 16 measures
    String en = new AnnualRenderer(settings.zone(), ReportTexts.of("en")).html(report);
    assertThat(en).contains("Annual report on the Open Government work plan — 2026", "Did it open government?", "Marginal");
  }

  @Test
  void theHtmlIsValidInBothLanguagesAndAsADraftWithoutTheRegister() throws Exception {
    Path pages = tmp.resolve("html");
    Files.createDirectories(pages);
    var p = report.plan();
    AnnualReport draft = new AnnualReport(new AnnualPlanReport(p.file(), p.year(), java.util.Optional.empty(), "",
        p.planTitle(), p.lines()), null, report.generatedAt());
    int i = 0;
    for (AnnualReport r : java.util.List.of(report, draft)) {
      for (String lang : java.util.List.of("az", "en")) {
        Files.writeString(pages.resolve("annual-" + i++ + ".html"), new AnnualRenderer(settings.zone(), ReportTexts.of(lang)).html(r));
      }
    }
    assertThat(Files.readString(pages.resolve("annual-2.html"))).contains("Hesabat hələ təsdiq edilməyib (layihə).")
        .doesNotContain("İl ərzində informasiya sorğuları");
    assertThat(az.disclose.testing.HtmlChecker.create().checkAll(pages)).isEmpty();
  }

  @Test
  void thePdfCarriesEveryAzerbaijaniLetterAndTheFigures() throws Exception {
    assumeTrue(ReportRendererTest.onPath("pdftotext"), "pdftotext is not installed (apt-get install poppler-utils)");
    Path pdf = tmp.resolve("annual.pdf");
    Files.write(pdf, new AnnualRenderer(settings.zone(), ReportTexts.of("az")).pdf(report));
    String text = ReportRendererTest.run(tmp, "pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
    // ə ı İ ş ğ ç ö ü, each in the report's own words
    assertThat(text).contains("İş Planının", "Açıq Hökumət", "ə", "ı", "ş", "ğ", "ç", "ö", "ü",
        "Təsdiq edilib", "Ağayev", "Büdcə ayrılmayıb", "Dəyişdirməyib");
    assertThat(text).contains("İl ərzində informasiya sorğuları", "111", "107", "Sübut yoxdur");
    assertThat(text.replaceAll("\\s+", " ")).contains("Sübut yoxdur 12", "Başlanmayıb 2", "Tam icra edilib 1");
    String fonts = ReportRendererTest.run(tmp, "pdffonts", pdf.toString());
    assertThat(fonts).contains("DejaVuSans");
    assertThat(ReportRendererTest.run(tmp, "pdfinfo", pdf.toString())).contains("(A4)");
  }

  @Test
  void theYearsPublishedFiguresAreCountsOnly() throws Exception {
    FoiFigures f = FoiPublication.of(report.foi(), settings.zone());
    assertThat(f.slug()).isEqualTo("2026");
    assertThat(f.receivedTotal()).isEqualTo(111);
    assertThat(f.openAtEnd()).isEqualTo(5);
    String yaml = f.toYaml();
    assertThat(yaml).doesNotContain("SEN-", "Aysel", "aysel@", "Zəhmət", MonthlyFixture.AZ_GROUND, "Energetika", "leyla");
    Path content = tmp.resolve("published");
    FoiPublication.Written first = FoiPublication.write(content, f);
    assertThat(first.changed()).isTrue();
    assertThat(first.file()).isEqualTo(content.resolve("data/foi/2026.yaml"));
    assertThat(FoiPublication.write(content, f).changed()).isFalse(); // same bytes: not rewritten
  }
}
