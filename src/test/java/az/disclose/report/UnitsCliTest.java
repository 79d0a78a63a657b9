package az.disclose.report;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.cli.Main;
import az.disclose.testing.CliRun;
import az.disclose.testing.CliRun.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code disclose report units} through {@link Main#run}, on the fixture units of UnitTrackerTest. */
class UnitsCliTest {
  private Result run(String... args) {
    return CliRun.run(List.of("report", "--content", UnitTrackerTest.FIXTURE.toString(), "units"), args);
  }

  @Test
  void listsEachUnitsStateForEachHalfMonthWithTheTotals() {
    Result r = run("--to", "2027-02", "--as-of", "2027-03-02");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("units' reports (rule 3), 2027-01/1 to 2027-02/2, as of 2027-03-02\n")
        .contains("2027-01/1  2027-01-15  metbuat              LATE     2027-01-17 (2 days late)  "
            + "reports/units/m-2027-01-1.md\n")
        .contains("2027-02/1  2027-02-15  metbuat              MISSING\n")
        .contains("2027-02/2  2027-02-28  elektron-idareetme   LATE     2027-03-01 (1 day late)")
        .endsWith("4 missing, 2 late, 6 on time, 0 not due yet\n");
  }

  @Test
  void badDatesAreUsageErrorsNamingTheOption() {
    Result r = run("--as-of", "2027-02-30");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--as-of must be a date as YYYY-MM-DD");
    Result backwards = run("--from", "2027-02", "--to", "2027-01");
    assertThat(backwards.code()).isEqualTo(Main.USAGE);
    assertThat(backwards.err()).contains("--to (2027-01) is before --from (2027-02)");
  }

  @Test
  void aContentDirectoryWithoutUnitsIsAProblemNamingTheFile() {
    Result r = CliRun.run(List.of("report", "--content", MonthlyFixture.CONTENT.toString(), "units"));
    assertThat(r.code()).isEqualTo(Main.PROBLEMS);
    assertThat(r.err()).contains("data/units.yaml: missing: the units' reports are tracked")
        .contains("data/plan.yaml: missing");
  }
}
