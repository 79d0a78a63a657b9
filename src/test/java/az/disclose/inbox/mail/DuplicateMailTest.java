package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.ListFilter;
import az.disclose.inbox.mail.MailIntake.Outcome;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Duplicates leave one log line each, and a history note on the request when their bytes differ. */
class DuplicateMailTest {
  @TempDir Path dir;
  Inbox inbox;
  MailStore mail;
  MailIntake intake;
  ListAppender<ILoggingEvent> log = new ListAppender<>();
  Logger logger = (Logger) LoggerFactory.getLogger(MailIntake.class);

  @BeforeEach
  void open() throws Exception {
    inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), dir.resolve("content"), Clock.systemUTC());
    mail = new MailStore(inbox.store());
    intake = new MailIntake(inbox.register(), mail, new Classifier("SEN", Set.of("info@ministry.example")),
        Clock.systemUTC());
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void close() {
    logger.detachAppender(log);
    inbox.close();
  }

  static byte[] message(String body) {
    return ("From: Aysel <aysel@example.az>\r\nTo: info@ministry.example\r\nSubject: Plan\r\n"
        + "Message-ID: <same-id@example.az>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private long lines(String key) {
    return log.list.stream().filter(e -> e.getFormattedMessage().contains(key)).count();
  }

  @Test
  void theSameBytesAgainChangeNothingAndLeaveOneLogLine() throws Exception {
    String number = intake.ingest(message("birinci")).number().orElseThrow();
    log.list.clear();
    assertThat(intake.ingest(message("birinci")).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(lines("<same-id@example.az>")).isEqualTo(1);
    assertThat(inbox.register().get(number).history()).noneMatch(e -> e.kind() == EventKind.NOTE);
  }

  @Test
  void differentBytesUnderTheSameMessageIdAreNotedOnTheRequestOnce() throws Exception {
    String number = intake.ingest(message("birinci")).number().orElseThrow();
    log.list.clear();
    byte[] other = message("ikinci, fərqli mətn");
    MailIntake.Result r = intake.ingest(other);
    assertThat(r.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(r.number()).hasValue(number);
    assertThat(lines("<same-id@example.az>")).isEqualTo(1);
    assertThat(log.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).contains("different bytes"));
    assertThat(inbox.register().get(number).history()).filteredOn(e -> e.kind() == EventKind.NOTE).singleElement()
        .satisfies(e -> {
          assertThat(e.text()).contains("<same-id@example.az>").contains(MailIntake.sha256(other));
          assertThat(e.visibleToRequester()).isFalse();
        });
    assertThat(mail.raw(MailIntake.sha256(other))).hasValueSatisfying(b -> assertThat(b).isEqualTo(other));

    // fetched again after a fault: one more log line, no second note
    assertThat(intake.ingest(other).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(lines("<same-id@example.az>")).isEqualTo(2);
    assertThat(inbox.register().get(number).history()).filteredOn(e -> e.kind() == EventKind.NOTE).hasSize(1);
    assertThat(inbox.register().list(ListFilter.all())).hasSize(1);
  }

  static byte[] reply(String number, String body) {
    return ("From: Aysel <aysel@example.az>\r\nTo: info@ministry.example\r\nSubject: Re: [" + number + "] Plan\r\n"
        + "Message-ID: <reply-id@example.az>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aDuplicateOfAReplyIsComparedToo() throws Exception {
    String number = intake.ingest(message("birinci")).number().orElseThrow();
    assertThat(intake.ingest(reply(number, "əlavə")).outcome()).isEqualTo(Outcome.REPLY);
    log.list.clear();

    // the same reply again: one line, nothing noted
    assertThat(intake.ingest(reply(number, "əlavə")).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(lines("<reply-id@example.az>")).isEqualTo(1);
    assertThat(inbox.register().get(number).history()).noneMatch(e -> e.kind() == EventKind.NOTE);

    // a reply with the same Message-ID but other bytes: one WARN line, one note on the request
    byte[] changed = reply(number, "əlavə, dəyişdirilmiş");
    assertThat(intake.ingest(changed).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(lines("<reply-id@example.az>")).isEqualTo(2);
    assertThat(log.list.get(1).getFormattedMessage()).contains("different bytes");
    assertThat(inbox.register().get(number).history()).filteredOn(e -> e.kind() == EventKind.NOTE).singleElement()
        .satisfies(e -> assertThat(e.text()).contains("<reply-id@example.az>").contains(MailIntake.sha256(changed)));
    assertThat(mail.raw(MailIntake.sha256(changed))).hasValueSatisfying(b -> assertThat(b).isEqualTo(changed));
    assertThat(intake.ingest(changed).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(inbox.register().get(number).history()).filteredOn(e -> e.kind() == EventKind.NOTE).hasSize(1);
  }
}
