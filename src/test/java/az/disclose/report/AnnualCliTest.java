package az.disclose.report;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.cli.Main;
import az.disclose.content.AnnualFixture;
import az.disclose.files.Trees;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.InboxSettingsLoader;
import az.disclose.inbox.store.Inbox;
import az.disclose.site.SiteBuilder;
import az.disclose.testing.CliRun;
import az.disclose.testing.CliRun.Result;
import az.disclose.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose report annual} and {@code disclose report monthly --publish} end to end, on the
 * fixture register (SQLite, requesters with names, addresses and texts) and the annual fixture
 * content; then the site is built from that content and no personal data may be in it.
 */
class AnnualCliTest {
  @TempDir static Path tmp;
  static Path config;
  static Path content;

  @BeforeAll
  static void fixture() throws Exception {
    content = AnnualFixture.content(tmp.resolve("content"));
    Trees.copy(MonthlyFixture.CONTENT, content);
    config = Files.writeString(tmp.resolve("disclose.yaml"), """
        number_prefix: SEN
        data_dir: %s
        """.formatted(tmp.resolve("data")));
    InboxSettings settings = InboxSettingsLoader.load(config, Map.of());
    try (Inbox inbox = RegisterReportContract.fixtureRegister(settings, TestClock.baku(2026, 1, 1, 0, 0))) {
      assertThat(inbox.store()).isNotNull();
    }
  }

  private static Result run(String... args) {
    return CliRun.run(List.of("report", "--config", config.toString(), "--content", content.toString()), args);
  }

  @Test
  void theAnnualReportIsWrittenAsCsvAndPdf() throws Exception {
    Path csv = tmp.resolve("annual.csv");
    Result r = run("annual", "--year", "2026", "--format", "csv", "--out", csv.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("2026 written to " + csv);
    assertThat(Files.readString(csv)).contains("completion,no_evidence,,12\r\n", "measure,1.1,completion,complete\r\n",
        "foi.received,total,total,111\r\n");
    Path pdf = tmp.resolve("annual.pdf");
    assertThat(run("annual", "--year", "2026", "--format", "pdf", "--out", pdf.toString()).code()).isZero();
    assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void mistakesAreNamed() throws Exception {
    Result year = run("annual", "--year", "26");
    assertThat(year.code()).isEqualTo(Main.USAGE);
    assertThat(year.err()).contains("--year must be a year such as 2026, not '26'");
    Result missing = run("annual", "--year", "2025", "--format", "csv");
    assertThat(missing.code()).isEqualTo(Main.PROBLEMS);
    assertThat(missing.err()).contains("reports/annual/2025.yaml: missing");
    Result pdf = run("annual", "--year", "2026", "--format", "pdf");
    assertThat(pdf.code()).isEqualTo(Main.USAGE);
    assertThat(pdf.err()).contains("a PDF needs a file");
    Result period = run("monthly", "--from", "2026-11-01", "--to", "2026-11-15", "--publish");
    assertThat(period.code()).isEqualTo(Main.USAGE);
    assertThat(period.err()).contains("--publish publishes whole months");
    Result early = run("monthly", "--month", "2099-01", "--publish");
    assertThat(early.code()).isEqualTo(Main.USAGE);
    assertThat(early.err()).contains("2099-01 is not over yet");
    assertThat(content.resolve("data/foi/2099-01.yaml")).doesNotExist();
    Result earlyYear = run("annual", "--year", "2099", "--publish");
    assertThat(earlyYear.code()).isEqualTo(Main.PROBLEMS); // no reports/annual/2099.yaml: nothing is made
    assertThat(content.resolve("data/foi/2099.yaml")).doesNotExist();
    Path draft = content.resolve("reports/annual/2099.yaml");
    try {
      Files.writeString(draft, "year: 2099\n");
      Result notOver = run("annual", "--year", "2099", "--publish");
      assertThat(notOver.code()).isEqualTo(Main.USAGE);
      assertThat(notOver.err()).contains("2099 is not over yet");
      assertThat(content.resolve("data/foi/2099.yaml")).doesNotExist();
    } finally {
      Files.deleteIfExists(draft);
    }
  }

  @Test
  void thePublishedMonthReachesTheSiteWithNoPersonalData() throws Exception {
    Result r = run("monthly", "--month", "2026-11", "--publish");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty(); // --publish without --out writes only the data file
    Path file = content.resolve("data/foi/2026-11.yaml");
    assertThat(r.err()).contains("written to " + file);
    // MonthlyFixture: 10 received in November, 6 on the web
    assertThat(Files.readString(file)).contains("first: 2026-11-01", "refused: 2", "forwarded: 1");
    assertThat(run("monthly", "--month", "2026-11", "--publish").err()).contains("unchanged in " + file);

    Path site = tmp.resolve("site");
    Trees.copy(Path.of("theme"), tmp.resolve("theme"));
    new SiteBuilder(content, tmp.resolve("theme"), site, Clock.fixed(Instant.parse("2027-01-20T08:00:00Z"), ZoneOffset.UTC))
        .build();
    String month = Files.readString(site.resolve("reports/monthly/2026-11/index.html")).replaceAll("\\s+", " ");
    assertThat(month).contains("Cəmi</th><td>6</td><td>4</td><td>10</td>");
    // nothing of a requester, a request's text, an officer's note or a request number, in any built file
    List<String> personal = List.of("Aysel", "Məmmədova", "aysel@example.az", "Zəhmət olmasa", "192.0.2.7",
        MonthlyFixture.AZ_GROUND, "art. 21.2.1", "Hansı il?", "əlavə yoxlama", "leyla", "SEN-2026");
    try (Stream<Path> files = Files.walk(site)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        for (String p : personal) {
          assertThat(text).as("%s must not hold '%s'", site.relativize(f), p).doesNotContain(p);
        }
      }
    }
  }
}
