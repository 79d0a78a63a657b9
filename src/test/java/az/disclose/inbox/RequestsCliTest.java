package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.cli.Main;
import az.disclose.site.TestSites;
import az.disclose.testing.CliRun;
import az.disclose.testing.CliRun.Result;
import az.disclose.testing.TestClock;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.store.Inbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code disclose requests ...} end to end, through {@link Main#run}, on SQLite in a temporary directory. */
class RequestsCliTest {
  @TempDir Path tmp;
  Path config;
  String fresh;
  String old;
  String answeredLongAgo;

  private Result run(String... args) {
    return CliRun.run(List.of("requests", "--config", config.toString()), args);
  }

  @BeforeEach
  void registerSomeRequests() throws Exception {
    config = Files.writeString(tmp.resolve("disclose.yaml"), """
        number_prefix: SEN
        data_dir: data
        """);
    InboxSettings settings = InboxSettingsLoader.load(config, Map.of());
    Instant now = Instant.now();
    TestClock clock = new TestClock(now.minus(Duration.ofDays(500)));
    try (Inbox inbox = Inbox.open(settings, TestSites.CONTENT, clock)) {
      RegisterService r = inbox.register();
      answeredLongAgo = r.register(Submissions.information("Köhnə sorğu")).number();
      r.answer(answeredLongAgo, "leyla", "Cavab", List.of());
      clock.set(now.minus(Duration.ofDays(40)));
      old = r.register(new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, "Evil \u001b[31mRed",
          "x@example.az", "Büdcə \u001b]0;pwned\u0007", "line one\nline two \u001b[2J", "az", List.of(),
          new byte[] {1}, "text/plain", "203.0.113.9")).number();
      clock.set(now);
      fresh = r.register(Submissions.of(RequestType.COMPLAINT, Urgency.NORMAL, "Yeni şikayət", List.of())).number();
    }
  }

  @Test
  void listShowsEveryRequestAndFiltersByStatusOverdueAndDueWithin() {
    Result all = run("list");
    assertThat(all.code()).isZero();
    assertThat(all.out()).contains(answeredLongAgo, old, fresh).contains("3 requests").contains("OVERDUE");
    assertThat(run("list", "--status", "answered").out()).contains(answeredLongAgo).doesNotContain(old)
        .contains("1 request\n");
    Result overdue = run("list", "--overdue");
    assertThat(overdue.out()).contains(old).doesNotContain(fresh).doesNotContain(answeredLongAgo);
    assertThat(run("list", "--due-within", "40").out()).contains(old, fresh).doesNotContain(answeredLongAgo);
    assertThat(run("list", "--status", "open").out()).contains(old, fresh).contains("2 requests");
  }

  @Test
  void anUnknownStatusIsABadInputListingTheStatuses() {
    Result r = run("list", "--status", "lost");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("unknown status 'lost'").contains("registered, clarification, extended");
  }

  @Test
  void showPrintsFieldsHistoryAndTheDeadlineInEnglishAndAzerbaijaniWithoutTerminalEscapes() {
    Result r = run("show", old);
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(old + "  information (normal)  registered")
        .contains("E-mail:     x@example.az")
        .contains("  line one\n  line two")
        .contains("History:").contains("system   REGISTERED")
        .contains("How the deadline was computed:").contains("Rule: info-request")
        .contains("Son müddətin hesablanması:").contains("Qayda: info-request")
        .contains("OVERDUE")
        .doesNotContain("\u001b").doesNotContain("\u0007");
    assertThat(r.out()).contains("Evil \uFFFD[31mRed");
  }

  @Test
  void eachActionIsRecordedInTheHistoryWithItsActor() throws Exception {
    Path answer = Files.writeString(tmp.resolve("answer.md"), "# Cavab\n\nHesabat əlavə olunur.\n");
    Path pdf = Files.write(tmp.resolve("hesabat.pdf"), new byte[] {'%', 'P', 'D', 'F'});
    assertThat(run("note", old, "--text", "statistika şöbəsinə soruşuldu", "--actor", "leyla").code()).isZero();
    assertThat(run("clarify", old, "--text", "Hansı il?", "--actor", "leyla").code()).isZero();
    Result extended = run("extend", old, "--reason", "məlumat toplanır", "--actor", "leyla");
    assertThat(extended.code()).isZero();
    assertThat(extended.out()).contains("new due date:");
    Result answered = run("answer", old, "--file", answer.toString(), "--attach", pdf.toString(), "--actor", "rashad");
    assertThat(answered.code()).isZero();
    assertThat(answered.out()).contains(old + ": ANSWERED recorded");
    String second = fresh;
    assertThat(run("forward", second, "--to", "İqtisadiyyat Nazirliyi", "--actor", "leyla").code()).isZero();

    Result show = run("show", old);
    assertThat(show.out())
        .containsSubsequence("REGISTERED", "NOTE", "CLARIFICATION_REQUESTED", "EXTENDED", "ANSWERED")
        .contains("leyla    NOTE").contains("[internal]").contains("rashad   ANSWERED")
        .contains("# Cavab  Hesabat əlavə olunur.")
        .contains("hesabat.pdf (").contains("[answer]")
        .contains("Extension 1 (counted after the previous due date):");
    assertThat(run("show", second).out()).contains("forwarded to İqtisadiyyat Nazirliyi");
  }

  @Test
  void refuseRecordsTheLegalGroundAndClosesTheRequest() {
    assertThat(run("refuse", fresh, "--ground", "not-held", "--actor", "leyla").code()).isZero();
    Result again = run("answer", fresh, "--file", "whatever.md", "--actor", "leyla");
    assertThat(again.code()).isEqualTo(1);
    assertThat(run("show", fresh).out()).contains("refused on ground not-held").contains("  refused\n");
  }

  @Test
  void theActorDefaultsToTheLoggedInUser() {
    String user = System.getenv("USER") != null && !System.getenv("USER").isBlank()
        ? System.getenv("USER") : System.getProperty("user.name");
    assertThat(run("note", fresh, "--text", "x").code()).isZero();
    assertThat(run("show", fresh).out()).contains(user + " ").contains("NOTE");
  }

  @Test
  void anUnknownNumberOrAMissingFileIsABadInputWithAClearMessage() {
    Result unknown = run("note", "SEN-2026-99999", "--text", "x", "--actor", "leyla");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no request SEN-2026-99999 in the register");
    Result missing = run("answer", fresh, "--file", tmp.resolve("nope.md").toString(), "--actor", "leyla");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("cannot read").contains("nope.md");
    assertThat(run("show", fresh).out()).doesNotContain("ANSWERED");
    assertThat(run("note", fresh).code()).isEqualTo(Main.USAGE);
  }

  @Test
  void purgeRefusesRecordsYoungerThanTheRetentionAndReportsWhatItRemoves() {
    Result refused = run("purge", "--older-than", "100", "--actor", "admin");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("less than the retention period of 365 days").contains("rule 5.2");

    Result dry = run("purge", "--older-than", "365", "--dry-run", "--actor", "admin");
    assertThat(dry.out()).contains("would remove 1 request").contains(answeredLongAgo);
    Result purged = run("purge", "--older-than", "365", "--actor", "admin");
    assertThat(purged.code()).isZero();
    assertThat(purged.out()).contains("removed 1 request").contains(answeredLongAgo)
        .contains("mail: removed 0 processed-message keys, 0 outbox rows, 0 registered and 0 dismissed quarantine entries");
    assertThat(run("show", answeredLongAgo).code()).isEqualTo(1);
    assertThat(run("list").out()).contains("2 requests");
  }

  @Test
  void aRetentionUnderOneYearStopsEveryCommandWithTheFileAndLine() throws Exception {
    Files.writeString(config, """
        data_dir: data
        retention_days: 200
        """);
    Result r = run("list");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(config + ":2: retention_days is 200").contains("rule 5.2");
  }

  @Test
  void recomputeReportsWhatChanged() {
    Result r = run("recompute");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("checked 2 open requests; 0 due dates changed");
  }

  @Test
  void statisticsPrintsTheTableAndWithWriteUpdatesTheSiteDataOnlyWhenChanged() throws Exception {
    Path content = az.disclose.site.TestSites.copyProject(tmp.resolve("project")).resolve("content");
    Path file = content.resolve("data/request-statistics.yaml");

    Result printed = run("statistics", "--content", content.toString());
    assertThat(printed.code()).isZero();
    assertThat(printed.out()).contains("Request statistics as of", "received", "on time", "overdue")
        .doesNotContain("wrote");
    assertThat(file).doesNotExist();

    Result written = run("statistics", "--write", "--content", content.toString());
    assertThat(written.code()).isZero();
    assertThat(written.out()).contains("wrote " + file);
    assertThat(Files.readString(file)).startsWith("# Request statistics, written by disclose")
        .contains("received: 1").doesNotContain("Evil", "x@example.az", "Aysel", "SEN-");
    assertThat(run("statistics", "--write", "--content", content.toString()).out()).contains(file + " is up to date");
  }
}
