package az.disclose.site;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.content.AnnualFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The /reports/ pages and the plan pages built from the annual fixture (AnnualFixture; its figures
 * are worked out in content.AnnualPlanReportTest and content.PlanProgressTest).
 */
class ReportsPagesTest {
  @TempDir Path dir;

  private BuildReport build(String instant) throws Exception {
    AnnualFixture.content(dir.resolve("content"));
    TestSites.copyTree(TestSites.THEME, dir.resolve("theme"));
    return new SiteBuilder(dir.resolve("content"), dir.resolve("theme"), dir.resolve("site"),
        Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)).build();
  }

  private String page(String sitePath) throws Exception {
    return Files.readString(dir.resolve("site").resolve(sitePath.substring(1)).resolve("index.html"), StandardCharsets.UTF_8);
  }

  @Test
  void theApprovedAnnualReportIsPublishedWithItsMeasuresCountsAndTheYearsFigures() throws Exception {
    BuildReport r = build("2027-01-20T08:00:00Z");
    assertThat(r.warnings()).isEmpty();
    String index = page("/reports/");
    assertThat(index).contains("href=\"/reports/annual/2026/\"", "İş Planının icrası barədə illik hesabat — 2026",
        "datetime=\"2027-01-12\"", "href=\"/reports/monthly/2026-11/\"");
    String annual = page("/reports/annual/2026/");
    assertThat(annual).contains("Komissiyanın sədri İ. Ağayev", "Büdcə ayrılmayıb.", "href=\"https://example.az/arxiv\"",
        "bölmələrin son hesabatlarına görə");
    // completion: no evidence 12, not started 2, limited 0, substantial 1, complete 1
    String counts = annual.replaceAll("\\s+", " ");
    assertThat(counts).contains("<th scope=\"row\">sübut yoxdur</th><td>12</td>", "<th scope=\"row\">başlanmayıb</th><td>2</td>",
        "<th scope=\"row\">tamamlanıb</th><td>1</td>", "<th scope=\"row\">dəyişdirməyib</th><td>14</td>");
    assertThat(annual.split("class=\"measure-report\"", -1)).hasSize(17);
    assertThat(annual).contains("42 (sayt vasitəsilə: 41"); // the year's published figures (data/foi/2026.yaml)
    String month = page("/reports/monthly/2026-11/");
    assertThat(month.replaceAll("\\s+", " ")).contains("İnformasiya sorğusu</th><td>3</td><td>1</td><td>4</td>",
        "Cəmi</th><td>4</td><td>1</td><td>5</td>", "7 iş günü");
    assertThat(page("/openness/")).contains("href=\"/reports/\"");
    assertThat(page("/statistics/")).contains("href=\"/reports/\"");
  }

  @Test
  void beforeItsApprovalDayTheAnnualReportIsNotPublishedAndTheBuildWarns() throws Exception {
    BuildReport r = build("2027-01-10T08:00:00Z");
    assertThat(Files.exists(dir.resolve("site/reports/annual/2026/index.html"))).isFalse();
    assertThat(page("/reports/")).contains("Hələ təsdiq edilmiş illik hesabat yoxdur.");
    assertThat(r.warnings()).singleElement().asString()
        .contains("the annual report on the work plan for 2026 is due by 2027-01-15", "is still to come");
  }

  @Test
  void onItsApprovalDayTheAnnualReportAppearsWithNoFileChanged() throws Exception {
    build("2027-01-11T08:00:00Z");
    assertThat(Files.exists(dir.resolve("site/reports/annual/2026/index.html"))).isFalse();
    // the same inputs a day later (Baku): the approval day is a release day, so the build is not skipped
    new SiteBuilder(dir.resolve("content"), dir.resolve("theme"), dir.resolve("site"),
        Clock.fixed(Instant.parse("2027-01-11T20:30:00Z"), ZoneOffset.UTC)).build();
    assertThat(page("/reports/annual/2026/")).contains("Komissiyanın sədri İ. Ağayev");
  }

  @Test
  void theBuildStillOnlyWarnsAfter15January() throws Exception {
    AnnualFixture.content(dir.resolve("content"));
    Files.delete(dir.resolve("content/reports/annual/2026.yaml"));
    TestSites.copyTree(TestSites.THEME, dir.resolve("theme"));
    BuildReport r = new SiteBuilder(dir.resolve("content"), dir.resolve("theme"), dir.resolve("site"),
        Clock.fixed(Instant.parse("2027-02-01T08:00:00Z"), ZoneOffset.UTC)).build();
    assertThat(r.warnings()).singleElement().asString().contains("error [annual-report]", "there is no reports/annual/2026.yaml");
    assertThat(Files.exists(dir.resolve("site/reports/index.html"))).isTrue();
  }

  @Test
  void thePlanPagesShowTheUnitsLatestStatusesNotesAndEvidence() throws Exception {
    build("2027-01-20T08:00:00Z");
    String m11 = page("/plan/1-1/");
    assertThat(m11).contains("status-complete", "vəziyyət bölmələrin hesabatından: 2026-12/2",
        "Daxili qaydalar saytda dərc olunub.", "href=\"/documents/\"", "Hesabat verən: Elektron İdarəetmə şöbəsi, 2026-12/2");
    assertThat(page("/plan/")).contains("status-limited"); // 2.1: the least advanced of 2026-12/2
    String json = Files.readString(dir.resolve("site/plan.json"));
    assertThat(json).contains("\"source\"", "Elektron İdarəetmə şöbəsi, 2026-12/2");
  }
}
