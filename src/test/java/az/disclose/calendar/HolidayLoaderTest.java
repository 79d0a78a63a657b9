package az.disclose.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import az.disclose.site.TestSites;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayLoaderTest {
  private static final Path SHIPPED = TestSites.CONTENT.resolve("data/holidays");

  @TempDir Path dir;

  private void write(String fileName, String yaml) throws IOException {
    Files.writeString(dir.resolve(fileName), yaml);
  }

  private List<String> problems() {
    try {
      HolidayLoader.load(dir);
    } catch (ProblemsException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    return fail("expected the holiday data to be rejected");
  }

  private String at(String fileName, int line, String message) {
    return dir.resolve(fileName) + ":" + line + ": " + message;
  }

  @Test
  void shippedFilesFor2025And2026LoadCleanly() throws ProblemsException {
    HolidayCalendar calendar = HolidayLoader.load(SHIPPED);

    assertThat(calendar.years()).contains(2025, 2026);
    assertThat(calendar.fileFor(2027)).isEqualTo(SHIPPED.resolve("2027.yaml"));
    assertThat(calendar.year(2026).orElseThrow().sources()).isNotEmpty();
    assertThat(calendar.lookup(LocalDate.of(2026, 3, 20)).orElseThrow().kind()).isEqualTo(HolidayKind.NOVRUZ);
    assertThat(calendar.lookup(LocalDate.of(2025, 6, 21)).orElseThrow().kind()).isEqualTo(HolidayKind.WORKING_DAY);
    assertThat(calendar.lookup(LocalDate.of(2026, 4, 1))).isEmpty();
  }

  @Test
  void aValidFileGivesItsDaysAndSources() throws Exception {
    write("2026.yaml", """
        year: 2026
        sources:
          - "Labour Code, art. 105"
        days:
          - date: 2026-01-01
            name: "Yeni il bayramı"
            kind: fixed
          - date: 2026-06-27
            name: "İş günü"
            kind: working_day
        """);

    HolidayCalendar calendar = HolidayLoader.load(dir);

    HolidayYear year = calendar.year(2026).orElseThrow();
    assertThat(year.sources()).containsExactly("Labour Code, art. 105");
    assertThat(year.days()).containsExactly(
        new Holiday(LocalDate.of(2026, 1, 1), "Yeni il bayramı", HolidayKind.FIXED),
        new Holiday(LocalDate.of(2026, 6, 27), "İş günü", HolidayKind.WORKING_DAY));
    assertThat(year.file()).isEqualTo(dir.resolve("2026.yaml"));
  }

  @Test
  void aDateThatIsNotIsoIsReportedWithFileAndLine() throws IOException {
    write("2026.yaml", """
        year: 2026
        sources:
          - "Labour Code, art. 105"
        days:
          - {date: 2026-01-01, name: "Yeni il bayramı", kind: fixed}
          - {date: 2026-01-02, name: "Yeni il bayramı", kind: fixed}
          - date: 2026-13-01
            name: "Yanlış"
            kind: fixed
        """);

    assertThat(problems()).containsExactly(at("2026.yaml", 7, "'date' is not an ISO date: '2026-13-01'"));
  }

  @Test
  void aDateOutsideTheFilesYearIsReported() throws IOException {
    write("2026.yaml", """
        year: 2026
        sources: ["Labour Code, art. 105"]
        days:
          - date: 2025-12-31
            name: "Dünya Azərbaycanlılarının Həmrəyliyi Günü"
            kind: fixed
        """);

    assertThat(problems()).containsExactly(
        at("2026.yaml", 4, "'date' 2025-12-31 is outside the file's year 2026"));
  }

  @Test
  void aDuplicateDateIsReportedWithTheLineOfTheFirst() throws IOException {
    write("2026.yaml", """
        year: 2026
        sources: ["Labour Code, art. 105"]
        days:
          - date: 2026-03-20
            name: "Novruz bayramı"
            kind: novruz
          - date: 2026-03-20
            name: "Ramazan bayramı"
            kind: ramazan
        """);

    assertThat(problems()).singleElement().asString()
        .startsWith(at("2026.yaml", 7, "duplicate date 2026-03-20 (first listed at line 4)"));
  }

  @Test
  void anUnknownKindIsReported() throws IOException {
    write("2026.yaml", """
        year: 2026
        sources: ["Labour Code, art. 105"]
        days:
          - date: 2026-01-01
            name: "Yeni il bayramı"
            kind: holiday
        """);

    assertThat(problems()).containsExactly(at("2026.yaml", 6,
        "unknown kind 'holiday' (allowed: fixed, novruz, ramazan, gurban, one_off, carried_over, working_day)"));
  }

  @Test
  void unknownKeysAreReportedAtTopLevelAndInADay() throws IOException {
    write("2026.yaml", """
        year: 2026
        sources: ["Labour Code, art. 105"]
        note: "not allowed"
        days:
          - date: 2026-01-01
            name: "Yeni il bayramı"
            kind: fixed
            comment: "not allowed either"
        """);

    assertThat(problems()).containsExactly(
        at("2026.yaml", 3, "unknown key 'note' (allowed: year, sources, days)"),
        at("2026.yaml", 8, "unknown key 'comment' (allowed: date, name, kind)"));
  }

  @Test
  void aFileNameThatDoesNotMatchTheYearIsReported() throws IOException {
    write("2025.yaml", """
        year: 2026
        sources: ["Labour Code, art. 105"]
        days:
          - date: 2025-01-01
            name: "Yeni il bayramı"
            kind: fixed
        """);

    assertThat(problems()).containsExactly(at("2025.yaml", 1,
        "'year' is 2026 but the file is named 2025.yaml; the file name must match 'year'"));
  }

  @Test
  void aFileNameThatIsNotAYearIsReported() throws IOException {
    write("holidays.yml", """
        year: 2026
        sources: ["Labour Code, art. 105"]
        days:
          - date: 2026-01-01
            name: "Yeni il bayramı"
            kind: fixed
        """);

    assertThat(problems()).containsExactly(
        at("holidays.yml", 1, "file name must be the year followed by .yaml, e.g. 2026.yaml"));
  }

  @Test
  void missingKeysAreReported() throws IOException {
    write("2026.yaml", """
        year: 2026
        days:
          - date: 2026-01-01
            kind: fixed
        """);

    assertThat(problems()).containsExactly(
        at("2026.yaml", 1, "'sources' is required: name the law and the Cabinet decisions"),
        at("2026.yaml", 3, "'name' is required"));
  }

  @Test
  void aYamlSyntaxErrorIsReportedWithItsLine() throws IOException {
    write("2026.yaml", """
        year: 2026
        sources: ["Labour Code, art. 105"]
        days:
          - date: 2026-01-01
            name: "Yeni il bayramı
            kind: fixed
        """);

    assertThat(problems()).singleElement().asString()
        .startsWith(dir.resolve("2026.yaml") + ":")
        .contains("YAML syntax error");
  }

  @Test
  void weekdayRulesOfWorkingDayAndCarriedOverAreChecked() throws IOException {
    write("2026.yaml", """
        year: 2026
        sources: ["Labour Code, art. 105"]
        days:
          - date: 2026-03-10
            name: "İş günü"
            kind: working_day
          - date: 2026-03-14
            name: "İstirahət günü"
            kind: carried_over
        """);

    assertThat(problems()).containsExactly(
        at("2026.yaml", 4, "kind working_day is for a Saturday or Sunday made a working day; 2026-03-10 is a Tuesday"),
        at("2026.yaml", 7, "kind carried_over is for a weekday made a day off; 2026-03-14 is a Saturday"));
  }

  @Test
  void everyProblemOfEveryFileIsListedInOneException() throws IOException {
    write("2025.yaml", """
        year: 2025
        sources: ["Labour Code, art. 105"]
        days:
          - date: 2025-02-30
            name: "Yanlış"
            kind: fixed
        """);
    write("2026.yaml", """
        year: 2026
        sources: ["Labour Code, art. 105"]
        days:
          - date: 2026-01-01
            name: "Yeni il bayramı"
            kind: festive
        """);

    assertThatThrownBy(() -> HolidayLoader.load(dir))
        .isInstanceOf(ProblemsException.class)
        .hasMessageContaining("2 problems")
        .hasMessageContaining(at("2025.yaml", 4, "'date' is not an ISO date: '2025-02-30'"))
        .hasMessageContaining(at("2026.yaml", 6, "unknown kind 'festive'"));
  }

  @Test
  void aMissingDirectoryIsAProblem() {
    assertThatThrownBy(() -> HolidayLoader.load(dir.resolve("absent")))
        .isInstanceOf(ProblemsException.class)
        .hasMessageContaining("holiday directory not found");
  }

  @Test
  void otherFilesInTheDirectoryAreIgnored() throws Exception {
    write("README.md", "# Holidays\n");

    assertThat(HolidayLoader.load(dir).years()).isEmpty();
  }
}
