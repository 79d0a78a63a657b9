package az.disclose.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import az.disclose.yaml.ProblemsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annual plan report put together from the fixture (AnnualFixture), every figure worked out by
 * hand from its files:
 *
 * <ul>
 *   <li>1.1: no completion in the commission's data; the units' latest half-month with a report on
 *       it is 2026-12/2 (elektron-idareetme: complete) → complete, from the units; evidence: the
 *       units' /news/ (November) and /documents/ (December); opened government: major.
 *   <li>1.2: the commission's not_started, did_not_change, with its deviation.
 *   <li>2.1: the commission's substantial (the units' latest would be limited: metbuat's limited is
 *       below elektron-idareetme's substantial in 2026-12/2); evidence: the commission's /news/,
 *       then the units' https://example.az/arxiv; marginal; the commission's next step.
 *   <li>2.3: no completion given; metbuat's not_started of 2026-12/2 → not started, from the units.
 *   <li>5.1: its only unit report is of January 2027, not of 2026 → no evidence.
 *   <li>the 11 others: no report, no completion given → no evidence; did_not_change.
 * </ul>
 *
 * Completion: no evidence 12 (11 + 5.1), not started 2 (1.2, 2.3), limited 0, substantial 1 (2.1),
 * complete 1 (1.1): 16. Opened government: did_not_change 14, marginal 1, major 1: 16.
 */
class AnnualPlanReportTest {
  @TempDir Path dir;

  @Test
  void putsTheYearTogetherFromTheCommissionsDataAndTheUnitsLatestReports() throws Exception {
    AnnualPlanReport r = new ContentLoader().loadAnnual(AnnualFixture.content(dir), 2026);

    assertThat(r.year()).isEqualTo(2026);
    assertThat(r.published()).isTrue();
    assertThat(r.approved()).contains(LocalDate.of(2027, 1, 12));
    assertThat(r.signatory()).isEqualTo("Komissiyanın sədri İ. Ağayev");
    assertThat(r.lines()).hasSize(16);
    assertThat(r.lines()).extracting(AnnualPlanReport.Line::measure).startsWith("1.1", "1.2", "2.1", "2.2").endsWith("5.2");

    AnnualPlanReport.Line m11 = line(r, "1.1");
    assertThat(m11.completion()).isEqualTo(Completion.COMPLETE);
    assertThat(m11.completionFromUnits()).isTrue();
    assertThat(m11.evidence()).containsExactly("/news/", "/documents/");
    assertThat(m11.openedGovernment()).isEqualTo(OpenedGovernment.MAJOR);
    assertThat(m11.text()).startsWith("Nazirlikdə informasiya azadlığı üzrə məsul şəxslərin");
    assertThat(m11.executors()).isEqualTo("Aparatın rəhbəri, Elektron İdarəetmə şöbəsi və Mətbuat katibi");
    assertThat(m11.period()).isEqualTo("2012-2014-cü illər");
    assertThat(m11.unitNotes()).extracting(AnnualPlanReport.UnitNote::period, AnnualPlanReport.UnitNote::status)
        .containsExactly(tuple("2026-11/2", Completion.SUBSTANTIAL), tuple("2026-12/2", Completion.COMPLETE));

    AnnualPlanReport.Line m12 = line(r, "1.2");
    assertThat(m12.completion()).isEqualTo(Completion.NOT_STARTED);
    assertThat(m12.completionFromUnits()).isFalse();
    assertThat(m12.deviations()).isEqualTo("Büdcə ayrılmayıb.");

    AnnualPlanReport.Line m21 = line(r, "2.1");
    assertThat(m21.completion()).isEqualTo(Completion.SUBSTANTIAL);
    assertThat(m21.completionFromUnits()).isFalse();
    assertThat(m21.evidence()).containsExactly("/news/", "https://example.az/arxiv");
    assertThat(m21.openedGovernment()).isEqualTo(OpenedGovernment.MARGINAL);
    assertThat(m21.next()).isEqualTo("Arxiv 2027-ci ilin martınadək yenilənəcək.");

    AnnualPlanReport.Line m23 = line(r, "2.3");
    assertThat(m23.completion()).isEqualTo(Completion.NOT_STARTED);
    assertThat(m23.completionFromUnits()).isTrue();

    AnnualPlanReport.Line m51 = line(r, "5.1");
    assertThat(m51.completion()).isEqualTo(Completion.NO_EVIDENCE);
    assertThat(m51.unitNotes()).isEmpty();
    assertThat(m51.evidence()).isEmpty();

    assertThat(r.completionCounts()).extracting(AnnualPlanReport.Count::key, AnnualPlanReport.Count::count).containsExactly(
        tuple("no_evidence", 12), tuple("not_started", 2), tuple("limited", 0), tuple("substantial", 1), tuple("complete", 1));
    assertThat(r.openedCounts()).extracting(AnnualPlanReport.Count::key, AnnualPlanReport.Count::count).containsExactly(
        tuple("worsened", 0), tuple("did_not_change", 14), tuple("marginal", 1), tuple("major", 1), tuple("outstanding", 0),
        tuple("none", 0));
  }

  @Test
  void theLatestHalfMonthsLeastAdvancedUnitDecidesWhenTheCommissionGivesNoCompletion() throws Exception {
    Path content = AnnualFixture.content(dir);
    // 2.1 without the commission's completion: elektron-idareetme substantial and metbuat limited in 2026-12/2
    replace(content.resolve("reports/annual/2026.yaml"), "    completion: substantial\n", "");
    AnnualPlanReport.Line m21 = line(new ContentLoader().loadAnnual(content, 2026), "2.1");
    assertThat(m21.completion()).isEqualTo(Completion.LIMITED);
    assertThat(m21.completionFromUnits()).isTrue();
  }

  @Test
  void completeWithoutAnyEvidenceIsAnErrorNamingTheMeasureAndItsLine() throws Exception {
    Path content = AnnualFixture.content(dir);
    // 1.2 has no unit report and no evidence: line 10 of the file is its completion
    replace(content.resolve("reports/annual/2026.yaml"), "    completion: not_started\n", "    completion: complete\n");
    assertThat(Files.readAllLines(content.resolve("reports/annual/2026.yaml")).get(9)).isEqualTo("    completion: complete");
    assertThatThrownBy(() -> new ContentLoader().loadAnnual(content, 2026))
        .isInstanceOf(ProblemsException.class)
        .hasMessageContaining("2026.yaml:10")
        .hasMessageContaining("measure 1.2: 'complete' needs evidence");
  }

  @Test
  void anApprovedReportMustSayForEveryMeasureWhetherItOpenedGovernment() throws Exception {
    Path content = AnnualFixture.content(dir);
    replace(content.resolve("reports/annual/2026.yaml"), "  - measure: \"5.2\"\n    opened_government: did_not_change\n", "");
    assertThatThrownBy(() -> new ContentLoader().loadAnnual(content, 2026))
        .hasMessageContaining("measure 5.2: an approved report says for every measure whether it opened government");
    // a draft (not approved yet) may leave it open
    replace(content.resolve("reports/annual/2026.yaml"), "approved: 2027-01-12\nsignatory: \"Komissiyanın sədri İ. Ağayev\"\n", "");
    AnnualPlanReport draft = new ContentLoader().loadAnnual(content, 2026);
    assertThat(draft.published()).isFalse();
    assertThat(line(draft, "5.2").openedGovernment()).isNull();
    assertThat(draft.openedCounts()).contains(new AnnualPlanReport.Count("none", 1));
  }

  @Test
  void theStrictReaderNamesEveryMistakeWithItsLine() throws Exception {
    Path content = AnnualFixture.content(dir);
    Files.writeString(content.resolve("reports/annual/2026.yaml"), """
        year: 2025
        signatory: "İ. Ağayev"
        colour: blue
        measures:
          - measure: "9.9"
            completion: done
            opened_government: hugely
            evidence: ["javascript:alert(1)", "//evil.example/x"]
          - measure: "1.1"
          - measure: "1.1"
        """, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new ContentLoader().loadAnnual(content, 2026))
        .isInstanceOf(ProblemsException.class)
        .hasMessageContaining("2026.yaml:1: 'year' is 2025 but the file is named 2026.yaml")
        .hasMessageContaining("2026.yaml:2: 'signatory' without 'approved'")
        .hasMessageContaining("2026.yaml:3: unknown key 'colour'")
        .hasMessageContaining("2026.yaml:6: measures[1]: 'completion' must be one of no_evidence, not_started, limited, substantial, complete, not 'done'")
        .hasMessageContaining("2026.yaml:7: measures[1]: 'opened_government' must be one of worsened, did_not_change, marginal, major, outstanding")
        .hasMessageContaining("2026.yaml:8: measures[1]: evidence must be a site path starting with '/' or an http(s) address, not 'javascript:alert(1)'")
        .hasMessageContaining("not '//evil.example/x'")
        .hasMessageContaining("2026.yaml:10: measures[3]: measure '1.1' is assessed twice");
  }

  @Test
  void aMissingAnnualFileIsNamed() {
    Path content = AnnualFixture.content(dir);
    assertThatThrownBy(() -> new ContentLoader().loadAnnual(content, 2025))
        .hasMessageContaining("reports/annual/2025.yaml: missing");
  }

  @Test
  void theSiteSeesTheAnnualReportOnlyFromItsApprovalDayAndEveryPublishedFigure() throws Exception {
    Content all = new ContentLoader().load(AnnualFixture.content(dir));
    assertThat(all.reports().annual()).extracting(AnnualPlanReport::year).containsExactly(2026);
    assertThat(all.publishable(LocalDate.of(2027, 1, 11)).reports().annual()).isEmpty();
    assertThat(all.publishable(LocalDate.of(2027, 1, 12)).reports().annual()).hasSize(1);
    assertThat(all.reports().months()).extracting(FoiFigures::slug).containsExactly("2026-11");
    FoiFigures nov = all.reports().months().get(0);
    assertThat(nov.receivedTotal()).isEqualTo(5);
    assertThat(nov.answeredInTime()).isEqualTo(3);
    assertThat(all.reports().ofYear(2026)).map(FoiFigures::receivedTotal).contains(42);
    // a draft is never published, whatever the day
    replace(dir.resolve("reports/annual/2026.yaml"), "approved: 2027-01-12\nsignatory: \"Komissiyanın sədri İ. Ağayev\"\n", "");
    assertThat(new ContentLoader().load(dir).publishable(LocalDate.of(2030, 1, 1)).reports().annual()).isEmpty();
  }

  @Test
  void foiFiguresAreReadStrictlyAndBackFromTheirOwnText() throws Exception {
    Path content = AnnualFixture.content(dir);
    FoiFigures nov = new ContentLoader().load(content).reports().months().get(0);
    assertThat(nov.toYaml()).isEqualTo(Files.readString(content.resolve("data/foi/2026-11.yaml")));
    Files.writeString(content.resolve("data/foi/2026-10.yaml"), nov.toYaml().replace("open_at_end: 2", "open_at_end: -2"));
    assertThatThrownBy(() -> new ContentLoader().load(content))
        .hasMessageContaining("data/foi/2026-10.yaml:")
        .hasMessageContaining("the figures of 2026-11 belong in data/foi/2026-11.yaml, not 2026-10.yaml")
        .hasMessageContaining("'open_at_end' must be between 0");
  }

  private static AnnualPlanReport.Line line(AnnualPlanReport r, String measure) {
    return r.lines().stream().filter(l -> l.measure().equals(measure)).findFirst().orElseThrow();
  }

  static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }
}
