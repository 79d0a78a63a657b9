package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.content.AnnualFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annual report on the work plan is due by 15 January: warned from 1 January, an error of
 * `check` after the 15th, in Baku time (UTC+4). The fixture's units report since 2026-11-01, so the
 * report of 2026 is due by 2027-01-15.
 */
class AnnualReportDueTest {
  @TempDir Path dir;

  private Path withoutApproval() throws Exception {
    Path content = AnnualFixture.content(dir);
    Path file = content.resolve("reports/annual/2026.yaml");
    Files.writeString(file, Files.readString(file).replace("approved: 2027-01-12\n", "")
        .replace("signatory: \"Komissiyanın sədri İ. Ağayev\"\n", ""), StandardCharsets.UTF_8);
    return content;
  }

  @Test
  void nothingIsDueOn31December() throws Exception {
    assertThat(AnnualReportDue.check(withoutApproval(), LocalDate.of(2026, 12, 31))).isEmpty();
  }

  @Test
  void aWarningFrom1JanuaryThrough15January() throws Exception {
    Path content = withoutApproval();
    for (LocalDate day : new LocalDate[] {LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 15)}) {
      Optional<Finding> f = AnnualReportDue.check(content, day);
      assertThat(f).get().extracting(Finding::severity).isEqualTo(Severity.WARNING);
      assertThat(f.get().message()).contains("the annual report on the work plan for 2026 is due by 2027-01-15")
          .contains("it is not approved yet");
      assertThat(f.get().file().toString()).endsWith("reports/annual/2026.yaml");
    }
  }

  @Test
  void anErrorFrom16January() throws Exception {
    Path content = withoutApproval();
    assertThat(AnnualReportDue.check(content, LocalDate.of(2027, 1, 16))).get().extracting(Finding::severity)
        .isEqualTo(Severity.ERROR);
    assertThat(AnnualReportDue.check(content, LocalDate.of(2027, 12, 31))).get().extracting(Finding::severity)
        .isEqualTo(Severity.ERROR);
  }

  @Test
  void aMissingFileIsNamed() throws Exception {
    Path content = AnnualFixture.content(dir);
    Files.delete(content.resolve("reports/annual/2026.yaml"));
    assertThat(AnnualReportDue.check(content, LocalDate.of(2027, 1, 20)).orElseThrow().message())
        .contains("there is no reports/annual/2026.yaml");
  }

  @Test
  void anApprovedReportIsDueNoMoreFromItsApprovalDay() throws Exception {
    Path content = AnnualFixture.content(dir); // approved 2027-01-12
    assertThat(AnnualReportDue.check(content, LocalDate.of(2027, 1, 11)).orElseThrow().message())
        .contains("its 'approved' date 2027-01-12 is still to come");
    assertThat(AnnualReportDue.check(content, LocalDate.of(2027, 1, 12))).isEmpty();
    assertThat(AnnualReportDue.check(content, LocalDate.of(2027, 6, 1))).isEmpty();
  }

  @Test
  void anEmptySignatoryIsNoSignatureAndACommentIsNoPartOfTheDate() throws Exception {
    Path content = AnnualFixture.content(dir);
    Path file = content.resolve("reports/annual/2026.yaml");
    Files.writeString(file, Files.readString(file).replace("approved: 2027-01-12\n", "approved: 2027-01-12   # the meeting\n"),
        StandardCharsets.UTF_8);
    assertThat(AnnualReportDue.check(content, LocalDate.of(2027, 1, 20))).isEmpty();
    Files.writeString(file, Files.readString(file).replace("signatory: \"Komissiyanın sədri İ. Ağayev\"", "signatory: \"\""),
        StandardCharsets.UTF_8);
    assertThat(AnnualReportDue.check(content, LocalDate.of(2027, 1, 20)).orElseThrow().message()).contains("not approved yet");
  }

  @Test
  void yearsBeforeTheUnitsReportingSinceAreNotAskedFor() throws Exception {
    Path content = AnnualFixture.content(dir); // reporting_since 2026-11-01: 2025's report is not due
    assertThat(AnnualReportDue.check(content, LocalDate.of(2026, 1, 20))).isEmpty();
    assertThat(AnnualReportDue.check(AnnualFixture.SITE, LocalDate.of(2027, 1, 20))).isEmpty(); // no units at all
  }

  @Test
  void checkUsesBakuTimeAroundMidnight() throws Exception {
    Path content = withoutApproval();
    // 2026-12-31 20:30 UTC is 2027-01-01 00:30 in Baku: a warning already
    assertThat(finding(content, "2026-12-31T20:30:00Z")).get().extracting(Finding::severity).isEqualTo(Severity.WARNING);
    assertThat(finding(content, "2026-12-31T19:30:00Z")).isEmpty();
    // 2027-01-15 19:59 UTC is still the 15th in Baku; 20:00 UTC is the 16th: an error, and check fails
    assertThat(finding(content, "2027-01-15T19:59:00Z")).get().extracting(Finding::severity).isEqualTo(Severity.WARNING);
    assertThat(finding(content, "2027-01-15T20:00:00Z")).get().extracting(Finding::severity).isEqualTo(Severity.ERROR);
    assertThat(new ContentCheck(clock("2027-01-15T19:59:00Z")).run(content).findings())
        .filteredOn(f -> f.rule().equals(Rules.ANNUAL_REPORT)).extracting(Finding::severity).containsExactly(Severity.WARNING);
    ContentCheck.Result after = new ContentCheck(clock("2027-01-15T20:00:00Z")).run(content);
    assertThat(after.findings()).filteredOn(f -> f.rule().equals(Rules.ANNUAL_REPORT)).extracting(Finding::severity)
        .containsExactly(Severity.ERROR);
    assertThat(after.hasErrors()).isTrue();
  }

  private static Optional<Finding> finding(Path content, String instant) throws Exception {
    return new ContentCheck(clock(instant)).run(content).findings().stream()
        .filter(f -> f.rule().equals(Rules.ANNUAL_REPORT)).findFirst();
  }

  private static Clock clock(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }
}
