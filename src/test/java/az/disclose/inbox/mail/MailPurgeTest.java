package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.PurgeReport;
import az.disclose.inbox.RegisterService;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.mail.MailIntake.Outcome;
import az.disclose.inbox.mail.MailIntake.Result;
import az.disclose.inbox.store.Inbox;
import az.disclose.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code disclose requests purge} and the mail tables: SQLite here, PostgreSQL in {@link MailPurgePostgresIT}. */
class MailPurgeTest {
  @TempDir Path dir;
  TestClock clock;
  Inbox inbox;
  RegisterService register;
  MailStore mail;
  MailIntake intake;
  Quarantine quarantine;

  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir);
  }

  @BeforeEach
  void open() throws Exception {
    clock = TestClock.baku(2025, 1, 10, 10, 0);
    inbox = Inbox.open(settings(dir.resolve("data")), dir.resolve("content"), clock);
    register = inbox.register();
    MailService.installOutbox(inbox, MailSettings.none()
        .withSmtp(new MailSettings.Server("127.0.0.1", 2525, MailSettings.Security.NONE, "", ""),
            "Nazirlik <sorgu@ministry.example>")
        .withStatusUrl("https://ministry.example/requests/status/").withMessageIdHost("ministry.example"));
    mail = new MailStore(inbox.store());
    register.addPurgeParticipant(mail.purgeParticipant());
    intake = new MailIntake(register, mail, new Classifier("SEN", Set.of("sorgu@ministry.example")), clock);
    quarantine = new Quarantine(register, mail, clock);
  }

  @AfterEach
  void close() {
    inbox.close();
  }

  static byte[] message(String id, String subject) {
    return ("From: Aysel <aysel@example.az>\r\nTo: sorgu@ministry.example\r\nSubject: " + subject + "\r\nMessage-ID: <"
        + id + "@example.az>\r\nDate: Fri, 10 Jan 2025 10:15:00 +0400\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n\r\nməlumat\r\n").getBytes(StandardCharsets.UTF_8);
  }

  long quarantined(byte[] raw) throws Exception {
    Result r = intake.ingest(raw);
    assertThat(r.outcome()).isEqualTo(Outcome.QUARANTINED);
    List<MailStore.Quarantined> all = quarantine.list(true);
    return all.get(all.size() - 1).id();
  }

  static byte[] garbage(String tail) throws Exception {
    byte[] g = Corpus.bytes("garbage.eml");
    byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
    byte[] out = java.util.Arrays.copyOf(g, g.length + t.length);
    System.arraycopy(t, 0, out, g.length, t.length);
    return out;
  }

  @Test
  void purgeRemovesTheMailOfPurgedRequestsAndOldDismissedQuarantineEntriesOnly() throws Exception {
    // January 2025: a request by mail (acknowledged: an outbox row), answered; one registered from the
    // quarantine, answered; one dismissed; one left open
    Result byMail = intake.ingest(message("old", "Köhnə sorğu"));
    String old = byMail.number().orElseThrow();
    register.answer(old, "leyla", "cavab", List.of());
    long registeredEntry = quarantined(Corpus.bytes("too-deep.eml"));
    String fromQuarantine = quarantine.register(registeredEntry, "officer").number();
    register.answer(fromQuarantine, "leyla", "cavab", List.of());
    long oldDismissed = quarantined(garbage("1"));
    quarantine.dismiss(oldDismissed, "officer", "junk");
    long stillOpen = quarantined(garbage("2"));
    // June 2025: a message dismissed only then, and a young open request by mail
    clock.setBaku(2025, 6, 1, 10, 0);
    long youngDismissed = quarantined(garbage("3"));
    quarantine.dismiss(youngDismissed, "officer", "junk");
    String open = intake.ingest(message("open", "Açıq sorğu")).number().orElseThrow();
    assertThat(mail.outbox(old)).isNotEmpty();

    clock.setBaku(2026, 2, 5, 10, 0);
    assertThatThrownBy(() -> register.purge(364, "admin", false)).isInstanceOf(RequestException.class);

    PurgeReport dry = register.purge(365, "admin", true);
    assertThat(dry.removed()).containsExactlyInAnyOrder(old, fromQuarantine);
    assertThat(dry.quarantineDismissed()).containsExactly(oldDismissed);
    assertThat(quarantine.list(true)).hasSize(4);
    assertThat(mail.processed("<old@example.az>")).isPresent();

    PurgeReport report = register.purge(365, "admin", false);
    assertThat(report.removed()).containsExactlyInAnyOrder(old, fromQuarantine);
    assertThat(report.quarantineDismissed()).containsExactly(oldDismissed);
    assertThat(report.quarantineRegistered()).isEqualTo(1);
    assertThat(report.outbox()).isEqualTo(dry.outbox()).isPositive();
    assertThat(report.mailMessages()).isEqualTo(dry.mailMessages()).isEqualTo(3); // old, too-deep, the dismissed one
    assertThat(mail.processed("<old@example.az>")).isEmpty();
    assertThat(mail.outbox(old)).isEmpty();
    assertThat(mail.outbox(fromQuarantine)).isEmpty();
    assertThat(quarantine.list(true)).extracting(MailStore.Quarantined::id).containsExactly(stillOpen, youngDismissed);
    assertThat(mail.count(MailStore.QUARANTINED)).isEqualTo(2);
    assertThat(mail.processed("<open@example.az>")).isPresent();
    assertThat(mail.outbox(open)).isNotEmpty();
    assertThat(register.find(open)).isPresent();

    PurgeReport again = register.purge(365, "admin", false);
    assertThat(again.removed()).isEmpty();
    assertThat(again.quarantineDismissed()).isEmpty();
    assertThat(again.mailMessages()).isZero();
  }

  @Test
  void aDifferingDuplicateTiedToNoRequestIsPurgedAfterTheRetentionPeriod() throws Exception {
    byte[] auto = Corpus.bytes("auto-reply.eml");
    assertThat(intake.ingest(auto).outcome()).isEqualTo(Outcome.AUTO_REPLY);
    byte[] variant = java.util.Arrays.copyOf(auto, auto.length + 9);
    System.arraycopy("\r\nchanged".getBytes(StandardCharsets.US_ASCII), 0, variant, auto.length, 9);
    assertThat(intake.ingest(variant).outcome()).isEqualTo(Outcome.DUPLICATE);
    String key = MailIntake.sha256(variant);
    assertThat(mail.processed(key)).hasValueSatisfying(p -> {
      assertThat(p.outcome()).isEqualTo(MailStore.DUPLICATE);
      assertThat(p.requestNumber()).isEmpty();
    });

    clock.setBaku(2025, 12, 1, 10, 0); // younger than a year: kept
    assertThat(register.purge(365, "admin", false).mailMessages()).isZero();
    assertThat(mail.processed(key)).isPresent();

    clock.setBaku(2026, 2, 5, 10, 0);
    PurgeReport dry = register.purge(365, "admin", true);
    assertThat(dry.mailMessages()).isEqualTo(2); // the auto-reply and its variant
    assertThat(mail.processed(key)).isPresent();
    assertThat(register.purge(365, "admin", false).mailMessages()).isEqualTo(2);
    assertThat(mail.processed(key)).isEmpty();
    assertThat(mail.count(MailStore.DUPLICATE)).isZero();
  }

  @Test
  void anOpenQuarantineEntryCannotBeDeleted() throws Exception {
    long id = quarantined(garbage("x"));
    assertThatThrownBy(() -> inbox.store().<Integer, RuntimeException>write(tx -> {
      return tx.update("DELETE FROM mail_quarantine WHERE id = ?", id);
    })).hasMessageContaining("open quarantined message is kept");
    assertThat(quarantine.list(false)).hasSize(1);
  }
}
