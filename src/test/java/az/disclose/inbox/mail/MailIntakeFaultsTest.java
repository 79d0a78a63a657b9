package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.ListFilter;
import az.disclose.inbox.Register;
import az.disclose.inbox.mail.MailIntake.Outcome;
import az.disclose.inbox.store.Inbox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail intake when the register cannot store: the message is not recorded as processed (so the
 * poller leaves it in the mailbox), and it is registered once, on a later try.
 */
class MailIntakeFaultsTest {
  @TempDir Path dir;
  Inbox inbox;

  @AfterEach
  void close() {
    if (inbox != null) {
      inbox.close();
    }
  }

  MailIntake open(InboxSettings settings) throws Exception {
    inbox = Inbox.open(settings, dir.resolve("content"), Clock.systemUTC());
    return new MailIntake(inbox.register(), new MailStore(inbox.store()),
        new Classifier("SEN", Set.of("info@ministry.example")), Clock.systemUTC());
  }

  @Test
  void aMessageTheRegisterCouldNotStoreIsNotMarkedProcessedAndIsRegisteredOnceLater() throws Exception {
    Path data = dir.resolve("data");
    MailIntake intake = open(InboxSettings.defaults(data).withBusyTimeoutMs(300));
    byte[] raw = Corpus.bytes("encoded-names.eml");
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("disclose.db"));
        Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      assertThatThrownBy(() -> intake.ingest(raw)).isInstanceOfSatisfying(Register.RegisterException.class,
          e -> assertThat(e.outcome()).isEqualTo(Register.Outcome.NOT_REGISTERED));
      s.execute("ROLLBACK");
    }
    assertThat(intake.store().processed("<names@example.az>")).isEmpty();
    assertThat(inbox.register().list(ListFilter.all())).isEmpty();
    MailIntake.Result r = intake.ingest(raw); // the next poll
    assertThat(r.outcome()).isEqualTo(Outcome.REGISTERED);
    assertThat(r.number()).contains("SEN-" + r.number().orElseThrow().substring(4, 8) + "-00001");
    assertThat(intake.ingest(raw).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(inbox.register().list(ListFilter.all())).hasSize(1);
  }

  @Test
  void belowTheDiskWatermarkAMessageStaysUnprocessed() throws Exception {
    MailIntake intake = open(InboxSettings.defaults(dir.resolve("data")).withMinFreeDiskMb(100L * 1024 * 1024));
    byte[] raw = Corpus.bytes("encoded-names.eml");
    assertThatThrownBy(() -> intake.ingest(raw)).isInstanceOfSatisfying(Register.RegisterException.class,
        e -> assertThat(e.outcome()).isEqualTo(Register.Outcome.LOW_DISK));
    assertThat(intake.store().processed("<names@example.az>")).isEmpty();
    assertThat(inbox.register().list(ListFilter.all())).isEmpty();
  }
}
