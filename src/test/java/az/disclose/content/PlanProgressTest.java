package az.disclose.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public plan follows the units' latest reports (AnnualFixture's four unit reports). By hand:
 * 1.1's latest half-month is 2026-12/2 (elektron-idareetme: complete, submitted 2026-12-31, after the
 * plan's own note of 2012-10-30) → complete; 2.1's is 2026-12/2 with substantial and limited → the
 * least advanced, limited; 2.3's is 2026-12/2, not started; 5.1's is 2027-01/1, substantial; 1.2 has
 * no report and keeps the plan's status.
 */
class PlanProgressTest {
  @TempDir Path dir;

  @Test
  void statusesAndNotesComeFromTheLatestUnitReportsWithTheirEvidence() throws Exception {
    Plan plan = new ContentLoader().load(AnnualFixture.content(dir)).plan();

    Measure m11 = measure(plan, "1.1");
    assertThat(m11.status()).isEqualTo(Status.COMPLETE);
    assertThat(m11.statusSource()).isEqualTo("2026-12/2");
    assertThat(m11.progress()).extracting(ProgressNote::date).containsExactly(
        LocalDate.of(2012, 10, 30), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 31));
    ProgressNote december = m11.progress().get(2);
    assertThat(december.text()).isEqualTo("Daxili qaydalar saytda dərc olunub.");
    assertThat(december.links()).containsExactly("/documents/");
    assertThat(december.source()).isEqualTo("Elektron İdarəetmə şöbəsi, 2026-12/2");
    assertThat(m11.progress().get(0).source()).isEmpty(); // the plan's own note stays

    assertThat(measure(plan, "2.1").status()).isEqualTo(Status.LIMITED);
    assertThat(measure(plan, "2.1").progress()).hasSize(3);
    assertThat(measure(plan, "2.3").status()).isEqualTo(Status.NOT_STARTED);
    assertThat(measure(plan, "2.3").statusSource()).isEqualTo("2026-12/2");
    assertThat(measure(plan, "5.1").status()).isEqualTo(Status.SUBSTANTIAL);
    assertThat(measure(plan, "5.1").statusSource()).isEqualTo("2027-01/1");
    assertThat(measure(plan, "1.2").statusSource()).isEmpty();
    assertThat(measure(plan, "1.2").progress()).isEmpty();
  }

  @Test
  void aPlanNoteNewerThanTheLatestReportKeepsThePlansStatus() throws Exception {
    Path content = AnnualFixture.content(dir);
    AnnualPlanReportTest.replace(content.resolve("data/plan.yaml"),
        "        status: not_started\n        progress: []\n      - id: \"5.2\"",
        "        status: limited\n        progress:\n          - date: 2027-02-01\n"
            + "            text: \"Komissiya vəziyyəti yeniləyib.\"\n      - id: \"5.2\"");
    Measure m51 = measure(new ContentLoader().load(content).plan(), "5.1");
    assertThat(m51.status()).isEqualTo(Status.LIMITED);
    assertThat(m51.statusSource()).isEmpty();
    // the unit's note is still shown, before the plan's newer one
    assertThat(m51.progress()).extracting(ProgressNote::date).containsExactly(LocalDate.of(2027, 1, 14), LocalDate.of(2027, 2, 1));
  }

  @Test
  void withoutUnitReportsThePlanIsAsWritten() throws Exception {
    Plan plan = new ContentLoader().load(AnnualFixture.SITE).plan();
    assertThat(plan.measures().map(Measure::statusSource)).allMatch(String::isEmpty);
    assertThat(PlanProgress.apply(plan, null, List.of())).isSameAs(plan);
  }

  private static Measure measure(Plan plan, String id) {
    return plan.measures().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }
}
