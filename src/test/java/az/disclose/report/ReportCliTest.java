package az.disclose.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import az.disclose.cli.Main;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.InboxSettingsLoader;
import az.disclose.testing.CliRun;
import az.disclose.testing.CliRun.Result;
import az.disclose.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code disclose report monthly} end to end through {@link Main#run}, on the fixture month in SQLite. */
class ReportCliTest {
  @TempDir Path tmp;
  Path config;

  private Result run(String... args) {
    return CliRun.run(List.of("report", "--config", config.toString(), "--content",
        MonthlyFixture.CONTENT.toString()), args);
  }

  @BeforeEach
  void fixtureRegister() throws Exception {
    config = Files.writeString(tmp.resolve("disclose.yaml"), """
        number_prefix: SEN
        data_dir: %s
        """.formatted(tmp.resolve("data")));
    InboxSettings settings = InboxSettingsLoader.load(config, Map.of());
    try (Inbox inbox = RegisterReportContract.fixtureRegister(settings, TestClock.baku(2026, 1, 1, 0, 0))) {
      assertThat(inbox.store()).isNotNull();
    }
  }

  @Test
  void theCsvOfAMonthGoesToStandardOutput() {
    Result r = run("monthly", "--month", "2026-11", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("received,total,total,10\r\n", "reconciliation,holds,,yes\r\n",
        "integrity,first,2026,SEN-2026-00101\r\n");
  }

  @Test
  void anyPeriodIsReportedWithFromAndTo() {
    Result r = run("monthly", "--from", "2026-11-01", "--to", "2026-11-07", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("received,total,total,4\r\n", "period,last,,2026-11-07\r\n");
  }

  @Test
  void theHtmlAndThePdfAreWrittenToTheFileNamed() throws Exception {
    Path html = tmp.resolve("out/nov.html");
    Files.createDirectories(html.getParent());
    Result r = run("monthly", "--month", "2026-11", "--lang", "en", "--out", html.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(html)).contains("Monthly report on information requests", "— reconciles");
    assertThat(r.err()).contains("written to " + html);
    Path pdf = tmp.resolve("out/nov.pdf");
    assertThat(run("monthly", "--month", "2026-11", "--format", "pdf", "--out", pdf.toString()).code()).isZero();
    assumeTrue(ReportRendererTest.onPath("pdftotext"), "pdftotext is not installed (apt-get install poppler-utils)");
    assertThat(ReportRendererTest.run(tmp, "pdftotext", "-enc", "UTF-8", pdf.toString(), "-"))
        .contains("aylıq hesabat", "Şikayət", "10 = 6 + 2 + 1 + 0 + (5 − 4)");
  }

  @Test
  void wrongInputIsAUsageErrorNamingTheOption() {
    Result month = run("monthly", "--month", "11/2026");
    assertThat(month.code()).isEqualTo(Main.USAGE);
    assertThat(month.err()).contains("--month must be a month as YYYY-MM", "'11/2026'");
    Result half = run("monthly", "--from", "2026-11-01");
    assertThat(half.code()).isEqualTo(Main.USAGE);
    assertThat(half.err()).contains("--from and --to go together");
    Result backwards = run("monthly", "--from", "2026-11-30", "--to", "2026-11-01");
    assertThat(backwards.code()).isEqualTo(Main.USAGE);
    assertThat(backwards.err()).contains("ends (2026-11-01) before it starts (2026-11-30)");
    Result pdf = run("monthly", "--format", "pdf");
    assertThat(pdf.code()).isEqualTo(Main.USAGE);
    assertThat(pdf.err()).contains("a PDF needs a file: add --out FILE");
    Result format = run("monthly", "--format", "docx");
    assertThat(format.code()).isEqualTo(Main.USAGE);
    assertThat(format.err()).contains("--format must be html, csv or pdf, not 'docx'");
  }

  @Test
  void anUnwritableOutputIsAFailureNamingTheFile() throws Exception {
    Path blocker = Files.writeString(tmp.resolve("file"), "x");
    Result r = run("monthly", "--month", "2026-11", "--out", blocker.resolve("nov.html").toString());
    assertThat(r.code()).isEqualTo(Main.FAILURE);
    assertThat(r.err()).contains("cannot write " + blocker.resolve("nov.html"));
  }
}
