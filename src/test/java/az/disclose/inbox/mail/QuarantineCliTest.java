package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.InboxSettingsLoader;
import az.disclose.inbox.store.Inbox;
import az.disclose.testing.CliRun;
import az.disclose.testing.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code disclose requests quarantine list | register ID | dismiss ID --reason TEXT}. */
class QuarantineCliTest {
  @TempDir Path tmp;

  private Result run(Path config, String... args) {
    return CliRun.run(List.of("requests", "--config", config.toString(), "--content",
        tmp.resolve("content").toString()), args);
  }

  @Test
  void listRegisterDismiss() throws Exception {
    Path config = Files.writeString(tmp.resolve("disclose.yaml"), """
        number_prefix: SEN
        data_dir: data
        mail:
          smtp:
            host: 127.0.0.1
            port: 2525
            security: none
            from: "Nazirlik <sorgu@ministry.example>"
          status_url: https://ministry.example/requests/status/
        """);
    try (Inbox inbox = Inbox.open(InboxSettingsLoader.load(config, Map.of()), tmp.resolve("content"),
        Clock.systemUTC())) {
      MailIntake intake = new MailIntake(inbox.register(), new MailStore(inbox.store()),
          new Classifier("SEN", Set.of()), Clock.systemUTC());
      intake.ingest(Corpus.bytes("too-deep.eml"));
      intake.ingest(Corpus.bytes("garbage.eml"));
    }
    Result list = run(config, "quarantine", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("nested more than").contains("not an RFC 822 message");
    Result reg = run(config, "quarantine", "register", "1", "--actor", "leyla");
    assertThat(reg.code()).as(reg.err()).isZero();
    assertThat(reg.out()).contains("registered as SEN-");
    // CRLF text of the registered message prints without replacement characters
    String registered = reg.out().replaceAll("(?s).*registered as (SEN-\\d{4}-\\d{5}).*", "$1");
    Result shown = run(config, "show", registered);
    assertThat(shown.code()).as(shown.err()).isZero();
    assertThat(shown.out()).contains("deep text").doesNotContain("\ufffd").doesNotContain("\r");
    Result dismiss = run(config, "quarantine", "dismiss", "2", "--reason", "binary junk", "--actor", "leyla");
    assertThat(dismiss.code()).as(dismiss.err()).isZero();
    assertThat(run(config, "quarantine", "list").out()).contains("no open entries");
    assertThat(run(config, "quarantine", "list", "--all").out()).contains("registered").contains("dismissed")
        .contains("binary junk");
    Result again = run(config, "quarantine", "dismiss", "2", "--reason", "x", "--actor", "leyla");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("already dismissed");
    assertThat(run(config, "quarantine", "dismiss", "1").code()).isEqualTo(2); // --reason is required

    // with mail.smtp configured, an answer given on the command line is queued in the outbox
    String number = reg.out().replaceAll("(?s).*registered as (SEN-\\d{4}-\\d{5}).*", "$1");
    Path answer = Files.writeString(tmp.resolve("answer.md"), "Cavab mətni");
    Result answered = run(config, "answer", number, "--file", answer.toString(), "--actor", "leyla");
    assertThat(answered.code()).as(answered.err()).isZero();
    try (Inbox inbox = Inbox.open(InboxSettingsLoader.load(config, Map.of()), tmp.resolve("content"),
        Clock.systemUTC())) {
      assertThat(new MailStore(inbox.store()).outbox(number)).extracting(MailStore.OutboxEntry::kind)
          .contains("answer");
    }
  }

  @Test
  void listShowsSenderSubjectDateAndReasonAndShowPrintsTheMessageAndWritesTheRawFile() throws Exception {
    Path config = Files.writeString(tmp.resolve("disclose.yaml"), """
        number_prefix: SEN
        data_dir: data
        """);
    byte[] deep = Corpus.bytes("too-deep.eml");
    try (Inbox inbox = Inbox.open(InboxSettingsLoader.load(config, Map.of()), tmp.resolve("content"),
        Clock.systemUTC())) {
      MailIntake intake = new MailIntake(inbox.register(), new MailStore(inbox.store()),
          new Classifier("SEN", Set.of()), Clock.systemUTC());
      assertThat(intake.ingest(deep).outcome()).isEqualTo(MailIntake.Outcome.QUARANTINED);
    }
    Result list = run(config, "quarantine", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("aysel@example.az").contains("Too deep").contains("2026-03-02")
        .contains("nested more than");

    Result show = run(config, "quarantine", "show", "1");
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out()).contains("From: Aysel Mammadova <aysel@example.az>").contains("Subject: Too deep")
        .contains("Message-ID: <toodeep@example.az>").contains("deep text").contains("nested more than")
        .doesNotContain("\r").doesNotContain("\ufffd");

    Path eml = tmp.resolve("entry-1.eml");
    Result raw = run(config, "quarantine", "show", "1", "--raw", eml.toString());
    assertThat(raw.code()).as(raw.err()).isZero();
    assertThat(Files.readAllBytes(eml)).isEqualTo(deep);
    Result again = run(config, "quarantine", "show", "1", "--raw", eml.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains(eml.toString()).contains("exists");
    assertThat(run(config, "quarantine", "show", "99").err()).contains("no quarantined message 99");
  }

  @Test
  void purgeOnTheCommandLineRemovesThePurgedRequestsMailInTheSameRun() throws Exception {
    Path config = Files.writeString(tmp.resolve("disclose.yaml"), """
        number_prefix: SEN
        data_dir: data
        """);
    // two years ago: a request by mail, answered at once
    az.disclose.testing.TestClock longAgo = new az.disclose.testing.TestClock(
        Clock.systemUTC().instant().minus(java.time.Duration.ofDays(730)));
    String number;
    try (Inbox inbox = Inbox.open(InboxSettingsLoader.load(config, Map.of()), tmp.resolve("content"), longAgo)) {
      MailIntake intake = new MailIntake(inbox.register(), new MailStore(inbox.store()),
          new Classifier("SEN", Set.of()), longAgo);
      number = intake.ingest(MailPurgeTest.message("cli-purge", "Köhnə sorğu")).number().orElseThrow();
      inbox.register().answer(number, "leyla", "cavab", List.of());
      assertThat(new MailStore(inbox.store()).processed("<cli-purge@example.az>")).isPresent();
    }
    Result purged = run(config, "purge", "--older-than", "365", "--actor", "admin");
    assertThat(purged.code()).as(purged.err()).isZero();
    assertThat(purged.out()).contains("removed 1 request").contains(number);
    try (Inbox inbox = Inbox.open(InboxSettingsLoader.load(config, Map.of()), tmp.resolve("content"),
        Clock.systemUTC())) {
      assertThat(inbox.register().find(number)).isEmpty();
      assertThat(new MailStore(inbox.store()).processed("<cli-purge@example.az>")).isEmpty();
    }
  }
}
