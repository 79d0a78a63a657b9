package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicationWindowTest {
  @TempDir Path dir;

  private static final Path FILE = Path.of("content/news/x.md");

  private static PublicationWindow.DatedItem item(String event, String date) {
    return new PublicationWindow.DatedItem(FILE, 4, "/news/x/", LocalDate.parse(event), LocalDate.parse(date));
  }

  private PublicationLedger ledger(String yaml) throws Exception {
    Fixtures.write(dir.resolve("data/publication-ledger.yaml"), yaml);
    return PublicationLedger.load(dir);
  }

  @Test
  void anItemThatWentLiveFourDaysAfterItsEventFailsWithHowLateItIs() throws Exception {
    PublicationLedger ledger = ledger("""
        published:
          "/news/x/": "2026-05-05T08:00:00Z"
        """);
    List<Finding> findings = PublicationWindow.check(List.of(item("2026-05-01", "2026-05-01")), ledger, Fixtures.bakuAt(2026, 5, 10, 12, 0));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.rule()).isEqualTo("three-day-window");
      assertThat(f.line()).isEqualTo(4);
      assertThat(f.message()).contains("4 days after its event", "1 day late", "per the publication ledger");
    });
  }

  @Test
  void threeCalendarDaysAfterTheEventIsStillOnTimeEvenOverAWeekend() throws Exception {
    // Friday 2026-05-01 event, Monday 2026-05-04 publication: 3 calendar days.
    PublicationLedger ledger = ledger("""
        published:
          "/news/x/": 2026-05-04
        """);
    assertThat(PublicationWindow.check(List.of(item("2026-05-01", "2026-05-01")), ledger, Fixtures.bakuAt(2026, 5, 10, 12, 0))).isEmpty();
    assertThat(PublicationWindow.delay(item("2026-05-01", "2026-05-01"), ledger, Fixtures.bakuAt(2026, 5, 10, 12, 0)).days()).isEqualTo(3);
  }

  @Test
  void withoutALedgerEntryAPastDateCountsAsThePublicationDay() {
    PublicationLedger empty = PublicationLedger.empty(dir.resolve("l.yaml"));
    List<Finding> findings = PublicationWindow.check(List.of(item("2026-05-01", "2026-05-06")), empty, Fixtures.bakuAt(2026, 5, 10, 12, 0));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).contains("5 days after", "2 days late", "per its date");
      assertThat(f.advice()).contains("2026-05-04");
    });
  }

  @Test
  void anUnpublishedItemWhoseEventIsMoreThanThreeDaysOldIsOverdue() {
    PublicationLedger empty = PublicationLedger.empty(dir.resolve("l.yaml"));
    // dated in the future (held back), not in the ledger; event five days ago
    List<Finding> findings = PublicationWindow.check(List.of(item("2026-05-05", "2026-05-08")), empty, Fixtures.bakuAt(2026, 5, 6, 9, 0));
    assertThat(findings).isEmpty(); // still within its window, dated within it
    findings = PublicationWindow.check(List.of(item("2026-05-05", "2026-05-12")), empty, Fixtures.bakuAt(2026, 5, 10, 9, 0));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).contains("not published yet", "5 days ago", "2 days overdue");
    });
  }

  @Test
  void anItemScheduledBeyondItsWindowIsAnErrorBeforeItIsLate() {
    PublicationLedger empty = PublicationLedger.empty(dir.resolve("l.yaml"));
    List<Finding> findings = PublicationWindow.check(List.of(item("2026-05-09", "2026-05-20")), empty, Fixtures.bakuAt(2026, 5, 10, 9, 0));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).contains("scheduled for 2026-05-20", "publish by 2026-05-12");
    });
  }

  @Test
  void anItemHeldBackUntilTheLastDayOfItsWindowIsAWarningTheDayBefore() {
    PublicationLedger empty = PublicationLedger.empty(dir.resolve("l.yaml"));
    // event 2026-05-07: the window closes at the end of 2026-05-10 (Baku); dated the 10th
    PublicationWindow.DatedItem lastDay = item("2026-05-07", "2026-05-10");
    assertThat(PublicationWindow.check(List.of(lastDay), empty, Fixtures.bakuAt(2026, 5, 8, 12, 0))).isEmpty();
    assertThat(PublicationWindow.check(List.of(lastDay), empty, Fixtures.bakuAt(2026, 5, 9, 12, 0))).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).contains("due within a day", "until the end of 2026-05-10");
    });
    assertThat(PublicationWindow.check(List.of(lastDay), empty, Fixtures.bakuAt(2026, 5, 10, 0, 5))).isEmpty(); // live now
    assertThat(PublicationWindow.delay(lastDay, empty, Fixtures.bakuAt(2026, 5, 10, 0, 5)).status()).isEqualTo(PublicationWindow.Status.ON_TIME);
  }

  @Test
  void aFutureItemIsHeldBackUntilItsDayInBaku() {
    LocalDate may10 = LocalDate.of(2026, 5, 10);
    // 2026-05-09 20:30 UTC is already 2026-05-10 00:30 in Baku (UTC+4)
    Clock justAfterMidnightInBaku = Clock.fixed(Instant.parse("2026-05-09T20:30:00Z"), java.time.ZoneOffset.UTC);
    Clock justBefore = Clock.fixed(Instant.parse("2026-05-09T19:59:00Z"), java.time.ZoneOffset.UTC);
    assertThat(PublicationWindow.isHeldBack(may10, justBefore)).isTrue();
    assertThat(PublicationWindow.isHeldBack(may10, justAfterMidnightInBaku)).isFalse();
    assertThat(PublicationWindow.isHeldBack(LocalDate.of(2026, 5, 1), justBefore)).isFalse();
  }

  @Test
  void ledgerRecordsOnlyTheFirstPublicationAndWritesItBackSorted() throws Exception {
    PublicationLedger ledger = PublicationLedger.load(dir);
    assertThat(ledger.recordFirstPublication("/news/b/", Instant.parse("2026-05-02T06:00:00Z"))).isTrue();
    assertThat(ledger.recordFirstPublications(Map.of("/news/a/", Instant.parse("2026-05-03T06:00:00Z"),
        "/news/b/", Instant.parse("2026-06-01T00:00:00Z")))).isEqualTo(1);
    String yaml = Fixtures.read(dir.resolve("data/publication-ledger.yaml"));
    assertThat(yaml).startsWith("# Publication ledger").endsWith("""
        published:
          "/news/a/": "2026-05-03T06:00:00Z"
          "/news/b/": "2026-05-02T06:00:00Z"
        """);
    PublicationLedger again = PublicationLedger.load(dir);
    assertThat(again.entry("/news/b/").orElseThrow().instant()).contains(Instant.parse("2026-05-02T06:00:00Z"));
    assertThat(again.toYaml()).isEqualTo(yaml);
  }

  @Test
  void ledgerProblemsNameTheirLine() throws Exception {
    Fixtures.write(dir.resolve("data/publication-ledger.yaml"), """
        published:
          "/news/a/": 2026-05-03
          "news/b": 2026-05-03
          "/news/c/": 3 May
        colour: red
        """);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PublicationLedger.load(dir))
        .isInstanceOf(az.disclose.yaml.ProblemsException.class)
        .hasMessageContaining("publication-ledger.yaml:3: 'news/b' is not a site path")
        .hasMessageContaining("publication-ledger.yaml:4: '/news/c/': '3 May' is neither a day")
        .hasMessageContaining("publication-ledger.yaml:5: unknown key 'colour'");
  }
}
