package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.Channel;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.testing.TestClock;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** An SMTP outage is logged at WARN once, with the number of mails waiting, not once per mail per attempt. */
class SmtpOutageIT {
  @TempDir Path dir;
  MailServer server;
  Inbox inbox;
  MailService mail;
  TestClock clock;
  ListAppender<ILoggingEvent> log = new ListAppender<>();
  Logger logger = (Logger) LoggerFactory.getLogger(OutboxSender.class);

  @BeforeEach
  void start() throws Exception {
    server = MailServer.startNew();
    clock = TestClock.baku(2026, 3, 2, 10, 0);
    inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), dir.resolve("content"), clock);
    mail = MailService.create(inbox, server.settings(), clock);
    log.start();
    logger.addAppender(log);
    logger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(log);
    logger.setLevel(null);
    mail.close();
    inbox.close();
    server.stop();
  }

  private void register(int n) throws Exception {
    for (int i = 0; i < n; i++) {
      inbox.register().register(new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, "Aysel",
          "aysel" + i + "@example.az", "Plan", "Plan haqqında", "az", List.of(), null, null, "127.0.0.1"));
    }
  }

  private List<ILoggingEvent> at(Level level) {
    return log.list.stream().filter(e -> e.getLevel() == level).toList();
  }

  @Test
  void oneWarningPerOutageWithTheNumberWaitingAndOneLineWhenItEnds() throws Exception {
    OutboxSender sender = new OutboxSender(mail.store(), server.settings(), clock, Duration.ofSeconds(30),
        Duration.ofHours(1));
    register(3);
    server.stop();
    for (int pass = 0; pass < 4; pass++) {
      assertThat(sender.sendDue()).isZero();
      clock.advance(Duration.ofHours(1));
    }
    assertThat(at(Level.WARN)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
        .contains("unavailable").contains("3 mail(s) waiting"));
    assertThat(at(Level.INFO)).as("no line per mail and attempt").isEmpty();

    server.start();
    assertThat(sender.sendDue()).isEqualTo(3);
    assertThat(at(Level.INFO)).filteredOn(e -> e.getFormattedMessage().contains("answers again")).singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).contains("3 mail(s) waiting"));
    assertThat(server.waitForIncomingEmail(5000, 3)).isTrue();

    register(2);
    server.stop();
    for (int pass = 0; pass < 3; pass++) {
      sender.sendDue();
      clock.advance(Duration.ofHours(1));
    }
    assertThat(at(Level.WARN)).hasSize(2).last().satisfies(e -> assertThat(e.getFormattedMessage())
        .contains("2 mail(s) waiting"));
  }
}
