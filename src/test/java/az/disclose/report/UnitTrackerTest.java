package az.disclose.report;

import static az.disclose.report.UnitTracker.State.LATE;
import static az.disclose.report.UnitTracker.State.MISSING;
import static az.disclose.report.UnitTracker.State.NOT_DUE;
import static az.disclose.report.UnitTracker.State.ON_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import az.disclose.content.HalfMonth;
import az.disclose.content.Status;
import az.disclose.content.UnitReport;
import az.disclose.content.Units;
import az.disclose.files.Trees;
import az.disclose.yaml.ProblemsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The units' twice-monthly reports (rule 3) on a fixture calendar of January and February 2027
 * (src/test/resources/report/units-content): February's second half is due on the 28th.
 */
class UnitTrackerTest {
  static final Path FIXTURE = Path.of("src/test/resources/report/units-content");
  static final HalfMonth JAN_1 = new HalfMonth(YearMonth.of(2027, 1), 1);
  static final HalfMonth FEB_2 = new HalfMonth(YearMonth.of(2027, 2), 2);

  @TempDir Path tmp;

  @Test
  void theDueDatesAreThe15thAndTheMonthsLastDayFebruaryIncluded() {
    assertThat(JAN_1.due()).isEqualTo(LocalDate.of(2027, 1, 15));
    assertThat(new HalfMonth(YearMonth.of(2027, 1), 2).due()).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(FEB_2.due()).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(new HalfMonth(YearMonth.of(2028, 2), 2).due()).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(new HalfMonth(YearMonth.of(2027, 4), 2).due()).isEqualTo(LocalDate.of(2027, 4, 30));
    assertThat(HalfMonth.of(LocalDate.of(2027, 2, 16))).isEqualTo(FEB_2);
    assertThat(HalfMonth.parse("2027-02/2")).contains(FEB_2);
    assertThat(HalfMonth.parse("2027-02/3")).isEmpty();
    assertThat(HalfMonth.parse("2027-13/1")).isEmpty();
  }

  @Test
  void findsTheMissingAndLateReportsOfJanuaryAndFebruary() throws Exception {
    UnitsLoader.Loaded loaded = new UnitsLoader().load(FIXTURE);
    UnitTracker.Table t = UnitTracker.track(loaded.units(), loaded.reports(), JAN_1, FEB_2, LocalDate.of(2027, 3, 2));
    assertThat(t.lines()).extracting(l -> l.period().key(), l -> l.unit().id(), UnitTracker.Line::state,
        UnitTracker.Line::daysLate).containsExactly(
            tuple("2027-01/1", "elektron-idareetme", ON_TIME, 0L),
            tuple("2027-01/1", "metbuat", LATE, 2L),
            tuple("2027-01/1", "umumi", ON_TIME, 0L),
            tuple("2027-01/2", "elektron-idareetme", ON_TIME, 0L),
            tuple("2027-01/2", "metbuat", ON_TIME, 0L),
            tuple("2027-01/2", "umumi", MISSING, 0L),
            tuple("2027-02/1", "elektron-idareetme", ON_TIME, 0L),
            tuple("2027-02/1", "metbuat", MISSING, 0L),
            tuple("2027-02/1", "umumi", MISSING, 0L),
            // due on 28 February 2027: 1 March is a day late
            tuple("2027-02/2", "elektron-idareetme", LATE, 1L),
            tuple("2027-02/2", "metbuat", ON_TIME, 0L),
            tuple("2027-02/2", "umumi", MISSING, 0L));
    assertThat(t.count(MISSING)).isEqualTo(4);
    assertThat(t.count(LATE)).isEqualTo(2);
  }

  @Test
  void onTheDueDayAnAbsentReportIsNotDueYetAndALaterOneIsNotKnown() throws Exception {
    UnitsLoader.Loaded loaded = new UnitsLoader().load(FIXTURE);
    UnitTracker.Table t = UnitTracker.track(loaded.units(), loaded.reports(), FEB_2, FEB_2, LocalDate.of(2027, 2, 28));
    assertThat(t.lines()).extracting(l -> l.unit().id(), UnitTracker.Line::state).containsExactly(
        tuple("elektron-idareetme", NOT_DUE), tuple("metbuat", ON_TIME), tuple("umumi", NOT_DUE));
  }

  @Test
  void nothingIsTrackedBeforeTheUnitsReportingSince() throws Exception {
    UnitsLoader.Loaded loaded = new UnitsLoader().load(FIXTURE);
    UnitTracker.Table t = UnitTracker.track(loaded.units(), loaded.reports(),
        new HalfMonth(YearMonth.of(2026, 11), 1), JAN_1, LocalDate.of(2027, 3, 2));
    assertThat(t.from()).isEqualTo(JAN_1);
    assertThat(t.lines()).hasSize(3);
  }

  @Test
  void aReportIsReadWithEveryField() throws Exception {
    UnitReport r = new UnitsLoader().load(FIXTURE).reports().stream()
        .filter(x -> x.file().getFileName().toString().equals("m-2027-01-1.md")).findFirst().orElseThrow();
    assertThat(r.unit()).isEqualTo("metbuat");
    assertThat(r.period()).isEqualTo(JAN_1);
    assertThat(r.submitted()).isEqualTo(LocalDate.of(2027, 1, 17));
    assertThat(r.measures()).singleElement().satisfies(m -> {
      assertThat(m.measure()).isEqualTo("2.1");
      assertThat(m.status()).isEqualTo(Status.LIMITED);
      assertThat(m.evidence()).containsExactly("/news/", "https://example.az/hesabat");
      assertThat(m.next()).startsWith("Növbəti");
    });
  }

  @Test
  void everyProblemOfAReportIsNamedWithItsFileAndLine() throws Exception {
    Path content = copy();
    Path bad = content.resolve("reports/units/bad.md");
    Files.writeString(bad, """
        ---
        unit: iqtisadiyyat
        period: "2027-02/3"
        submitted: 2027-02-30
        measures:
          - measure: "5.1"
            status: complete
            done: "Hazırdır"
            colour: blue
        ---
        """);
    assertThatThrownBy(() -> new UnitsLoader().load(content)).isInstanceOf(ProblemsException.class)
        .satisfies(e -> assertThat(((ProblemsException) e).problems()).extracting(Object::toString).containsExactly(
            bad + ":2: unknown unit 'iqtisadiyyat'; the units are in data/units.yaml: elektron-idareetme, metbuat,"
                + " umumi",
            bad + ":3: 'period' must be a half-month such as 2026-11/1 (1st-15th) or 2026-11/2 (16th to the month's"
                + " last day), not '2027-02/3'",
            bad + ":4: 'submitted' is not an ISO date (yyyy-mm-dd): '2027-02-30'",
            bad + ":7: measures[1]: 'complete' needs evidence: add the 'evidence' links that show it",
            bad + ":9: measures[1]: unknown key 'colour' (allowed: done, evidence, measure, next, risks, status)"));
  }

  @Test
  void aMeasureTheUnitDoesNotExecuteAndASecondReportForTheSamePeriodAreProblems() throws Exception {
    Path content = copy();
    Path other = content.resolve("reports/units/u-again.md");
    Files.writeString(other, """
        ---
        unit: umumi
        period: "2027-01/1"
        submitted: 2027-01-15
        measures:
          - measure: "1.1"
            status: limited
            done: "..."
        ---
        """);
    assertThatThrownBy(() -> new UnitsLoader().load(content)).isInstanceOf(ProblemsException.class)
        .satisfies(e -> assertThat(((ProblemsException) e).problems()).extracting(Object::toString).contains(
            other + ":6: measures[1]: unit 'umumi' does not execute measure '1.1' (its measures in data/units.yaml:"
                + " 5.1)",
            other + ":1: a second report of unit 'umumi' for 2027-01/1 (the first is "
                + content.resolve("reports/units/u-2027-01-1.md") + "); merge them into one file"));
  }

  @Test
  void aUnitListingAMeasureNotInThePlanIsAProblem() throws Exception {
    Path content = copy();
    Files.writeString(content.resolve("data/units.yaml"), """
        reporting_since: 2027-01-01
        units:
          - id: umumi
            name: "Ümumi şöbə"
            measures: ["9.9"]
        """);
    assertThatThrownBy(() -> new UnitsLoader().load(content)).isInstanceOf(ProblemsException.class)
        .satisfies(e -> assertThat(((ProblemsException) e).problems()).extracting(Object::toString)
            .anyMatch(p -> p.contains("units.yaml:5: units[1]: measure '9.9' is not in data/plan.yaml (its ids: 1.1, 2.1, 5.1)")));
  }

  private Path copy() throws Exception {
    Path content = tmp.resolve("content");
    Trees.copy(FIXTURE, content);
    return content;
  }
}
