package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.InboxSettingsLoader;
import az.disclose.yaml.ProblemsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSettingsTest {
  @TempDir Path dir;

  @Test
  void readsTheMailSectionWithPasswordsFromTheEnvironment() throws Exception {
    Path f = Files.writeString(dir.resolve("disclose.yaml"), """
        number_prefix: SEN
        mail:
          imap:
            host: imap.ministry.example
            security: starttls
            user: sorgu@ministry.example
            folder: Requests
            processed_folder: ""
            poll_seconds: 30
          smtp:
            host: smtp.ministry.example
            user: sorgu@ministry.example
            from: "Nazirlik <sorgu@ministry.example>"
          status_url: https://ministry.example/requests/status/
        """);
    MailSettings m = MailSettings.load(f, Map.of(MailSettings.MAIL_PASSWORD_ENV, "imap-secret"));
    assertThat(m.imap()).hasValueSatisfying(i -> {
      assertThat(i.host()).isEqualTo("imap.ministry.example");
      assertThat(i.port()).isEqualTo(143);
      assertThat(i.security()).isEqualTo(MailSettings.Security.STARTTLS);
      assertThat(i.password()).isEqualTo("imap-secret");
    });
    assertThat(m.smtp()).hasValueSatisfying(s -> {
      assertThat(s.port()).isEqualTo(465);
      assertThat(s.password()).isEqualTo("imap-secret");
    });
    assertThat(m.folder()).isEqualTo("Requests");
    assertThat(m.processedFolder()).isEmpty();
    assertThat(m.pollInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(m.messageIdHost()).isEqualTo("ministry.example");
    assertThat(m.toString()).doesNotContain("imap-secret");
    // the register's loader accepts the section
    assertThat(InboxSettingsLoader.load(f, Map.of()).numberPrefix()).isEqualTo("SEN");
  }

  @Test
  void noSectionNoMail() throws Exception {
    Path f = Files.writeString(dir.resolve("disclose.yaml"), "number_prefix: SEN\n");
    MailSettings m = MailSettings.load(f, Map.of());
    assertThat(m.imap()).isEmpty();
    assertThat(m.smtp()).isEmpty();
    assertThat(MailSettings.load(null, Map.of()).imap()).isEmpty();
  }

  @Test
  void problemsAreReportedWithLines() throws Exception {
    Path f = Files.writeString(dir.resolve("disclose.yaml"), """
        mail:
          imap:
            host: imap.example
            password: hunter2
            security: ssl3
          smtp:
            host: smtp.example
          colour: blue
        """);
    assertThatThrownBy(() -> MailSettings.load(f, Map.of())).isInstanceOf(ProblemsException.class)
        .hasMessageContaining("disclose.yaml:4").hasMessageContaining("DISCLOSE_MAIL_PASSWORD")
        .hasMessageContaining("disclose.yaml:5").hasMessageContaining("tls, starttls or none")
        .hasMessageContaining("'from' is required")
        .hasMessageContaining("unknown key 'colour'");
  }

  @Test
  void theUnitsReminderDaysAreASettingWithARange() throws Exception {
    assertThat(MailSettings.none().reminderDaysBefore()).isEqualTo(MailSettings.DEFAULT_REMINDER_DAYS_BEFORE).isEqualTo(2);
    Path ok = Files.writeString(dir.resolve("ok.yaml"), "mail:\n  reminder_days_before: 5\n");
    assertThat(MailSettings.load(ok, Map.of()).reminderDaysBefore()).isEqualTo(5);
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "mail:\n  status_url: x\n  reminder_days_before: 11\n");
    assertThatThrownBy(() -> MailSettings.load(bad, Map.of())).isInstanceOf(ProblemsException.class)
        .hasMessageContaining("bad.yaml:3").hasMessageContaining("reminder_days_before");
  }

  @Test
  void withoutAMailboxThePollerIsOffAndWithoutSmtpNoSender() {
    assertThat(ImapPoller.create(MailSettings.none(), null)).isEmpty();
  }

  @Test
  void backOffDoublesUpToTheCap() {
    MailSettings s = MailSettings.none().withSmtp(
        new MailSettings.Server("127.0.0.1", 25, MailSettings.Security.NONE, "", ""), "a@b.az");
    OutboxSender sender = new OutboxSender(null, s, java.time.Clock.systemUTC(), Duration.ofSeconds(30),
        Duration.ofHours(1));
    assertThat(sender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(sender.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(sender.backoff(4)).isEqualTo(Duration.ofMinutes(4));
    assertThat(sender.backoff(20)).isEqualTo(Duration.ofHours(1));
  }
}
