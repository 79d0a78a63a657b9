package az.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.mail.MailSettings;
import az.disclose.inbox.mail.MailStore;
import az.disclose.inbox.mail.OutboxSender;
import az.disclose.inbox.mail.UnitReminderMail;
import az.disclose.inbox.store.Inbox;
import az.disclose.testing.CliRun;
import az.disclose.testing.TestClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The units' report reminders (rule 3) through the outbox and a real SMTP server (GreenMail), on a
 * fixture calendar with February 2026 (due days Sunday 15 and Saturday 28 February): a unit that has
 * not reported gets exactly one reminder before each due day (2 working days before) and one on the
 * day after; a unit that reported gets none; a restart, a second check the same day and the command
 * line beside the server send nothing twice.
 */
class UnitRemindersIT {
  static final Path CONTENT = Path.of("src/test/resources/mail/reminders-content");
  static final String MISSING = "metbuat@example.az";
  static final String REPORTED = "e-idare@example.az";

  @TempDir Path dir;
  GreenMail smtp;
  MailSettings settings;
  TestClock clock = TestClock.baku(2026, 2, 1, 9, 0);

  @BeforeEach
  void start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    settings = MailSettings.none()
        .withSmtp(new MailSettings.Server("127.0.0.1", port, MailSettings.Security.NONE, "", ""),
            "Sənaye və Energetika Nazirliyi <sorgu@ministry.example>")
        .withMessageIdHost("ministry.example");
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  Inbox open() throws Exception {
    return Inbox.open(InboxSettings.defaults(dir.resolve("data")), CONTENT, clock);
  }

  /** Each day from {@code from} to {@code to}: the check (twice), the sender; the mails that arrived that day. */
  Map<LocalDate, List<MimeMessage>> days(Inbox inbox, LocalDate from, LocalDate to) throws Exception {
    OutboxSender sender = new OutboxSender(new MailStore(inbox.store()), settings, clock, Duration.ofMillis(50),
        Duration.ofMillis(200));
    Map<LocalDate, List<MimeMessage>> arrived = new LinkedHashMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      clock.setBaku(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), 9, 0);
      int before = smtp.getReceivedMessages().length;
      UnitReminding.run(inbox, settings, CONTENT, d, clock);
      UnitReminding.run(inbox, settings, CONTENT, d, clock); // a second check the same day
      int sent = sender.sendDue();
      if (sent > 0) {
        assertThat(smtp.waitForIncomingEmail(5000, before + sent)).isTrue();
      }
      MimeMessage[] all = smtp.getReceivedMessages();
      List<MimeMessage> today = new ArrayList<>();
      for (int i = before; i < all.length; i++) {
        today.add(all[i]);
      }
      if (!today.isEmpty()) {
        arrived.put(d, today);
      }
    }
    return arrived;
  }

  static String to(MimeMessage m) throws Exception {
    return m.getAllRecipients()[0].toString();
  }

  @Test
  void aMissingUnitIsRemindedOnceBeforeAndOnceAfterEachDueDayAndAReportingUnitNever() throws Exception {
    Map<LocalDate, List<MimeMessage>> arrived = new LinkedHashMap<>();
    try (Inbox inbox = open()) {
      arrived.putAll(days(inbox, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20)));
    }
    try (Inbox restarted = open()) { // a restart: the 20th is checked again, then on to March
      arrived.putAll(days(restarted, LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 5)));
    }
    // 15 Feb is a Sunday: 2 working days before are Thursday 12 and Friday 13; the day after is the 16th.
    // 28 Feb is a Saturday: 2 working days before are Thursday 26 and Friday 27; the day after is 1 March.
    assertThat(arrived.keySet()).containsExactly(LocalDate.of(2026, 2, 12), LocalDate.of(2026, 2, 16),
        LocalDate.of(2026, 2, 26), LocalDate.of(2026, 3, 1));
    for (List<MimeMessage> day : arrived.values()) {
      assertThat(day).hasSize(1);
      assertThat(to(day.get(0))).isEqualTo(MISSING);
      String body = day.get(0).getContent().toString();
      assertThat(body).startsWith("Hörmətli Mətbuat xidməti əməkdaşları,").contains("Daxili qaydaların 3-cü bəndinə");
      assertThat(day.get(0).getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
      assertThat(day.get(0).getHeader("X-Disclose-Request")).isNull();
    }
    assertThat(arrived.get(LocalDate.of(2026, 2, 12)).get(0).getSubject())
        .isEqualTo("Hesabat xatırlatması: son tarix 15 fevral 2026");
    assertThat(arrived.get(LocalDate.of(2026, 2, 16)).get(0).getSubject())
        .isEqualTo("Hesabat gecikir: 1 fevral 2026 – 15 fevral 2026 dövrü");
    assertThat(arrived.get(LocalDate.of(2026, 3, 1)).get(0).getContent().toString())
        .contains("16 fevral 2026 – 28 fevral 2026 dövrü üzrə hesabat hələ daxil olmayıb");
    assertThat(smtp.getReceivedMessages()).noneMatch(m -> {
      try {
        return to(m).equals(REPORTED);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    try (Inbox inbox = open()) {
      UnitReminderMail mail = new UnitReminderMail(new MailStore(inbox.store()), settings, clock);
      assertThat(mail.recorded("2026-02/1")).containsExactly("metbuat after", "metbuat before");
      assertThat(mail.recorded("2026-02/2")).containsExactly("metbuat after", "metbuat before");
    }
  }

  @Test
  void theCommandLineQueuesTheRemindersDueOnceAndSaysSo() throws Exception {
    Path config = dir.resolve("disclose.yaml");
    Files.writeString(config, """
        data_dir: %s
        mail:
          smtp:
            host: 127.0.0.1
            port: %d
            security: none
            from: "Nazirlik <sorgu@ministry.example>"
          reminder_days_before: 3
        """.formatted(dir.resolve("data"), smtp.getSmtp().getPort()));
    List<String> prefix = List.of("report", "--config", config.toString(), "--content", CONTENT.toString(), "units");
    // 3 working days before Sunday 15 February: Wednesday 11
    CliRun.Result early = CliRun.run(prefix, "--as-of", "2026-02-10", "--remind");
    assertThat(early.code()).as(early.err()).isZero();
    assertThat(early.out()).contains("0 reminder(s) due, 0 queued now");
    CliRun.Result first = CliRun.run(prefix, "--as-of", "2026-02-11", "--remind");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("reminder (before) for 2026-02/1 queued to " + MISSING + " (metbuat)")
        .contains("1 reminder(s) due, 1 queued now");
    CliRun.Result again = CliRun.run(prefix, "--as-of", "2026-02-11", "--remind");
    assertThat(again.out()).doesNotContain("queued to").contains("1 reminder(s) due, 0 queued now");
    try (Inbox inbox = open()) {
      assertThat(new MailStore(inbox.store()).outbox(null)).singleElement()
          .satisfies(e -> assertThat(e.recipient()).isEqualTo(MISSING));
    }
  }

  @Test
  void withoutSmtpTheCommandLineSaysTheRemindersCannotBeSent() throws Exception {
    Path config = dir.resolve("disclose.yaml");
    Files.writeString(config, "data_dir: %s\n".formatted(dir.resolve("data")));
    CliRun.Result r = CliRun.run(List.of("report", "--config", config.toString(), "--content", CONTENT.toString(),
        "units"), "--as-of", "2026-02-12", "--remind");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("no mail.smtp");
  }
}
