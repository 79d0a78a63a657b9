package az.disclose.report;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code disclose report units} through {@link Main#run}, on the fixture units of UnitTrackerTest. */
class UnitsCliTest {
  record Result(int code, String out, String err) {}

  private Result run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of("report", "--content", UnitTrackerTest.FIXTURE.toString(), "units"));
    all.addAll(List.of(args));
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Main.run(all.toArray(String[]::new));
      return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
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
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      assertThat(Main.run("report", "--content", MonthlyFixture.CONTENT.toString(), "units")).isEqualTo(Main.PROBLEMS);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(e.toString(StandardCharsets.UTF_8)).contains("data/units.yaml: missing: the units' reports are tracked")
        .contains("data/plan.yaml: missing");
  }
}
