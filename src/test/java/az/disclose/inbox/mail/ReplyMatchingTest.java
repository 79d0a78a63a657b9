package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.ListFilter;
import az.disclose.inbox.mail.MailIntake.Outcome;
import az.disclose.inbox.mail.MailIntake.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message that quotes a request's number joins that request's history only when it comes from the
 * request's own address or answers our mail; anyone else gets a new number, with the mention noted.
 */
class ReplyMatchingTest {
  @TempDir Path dir;
  Inbox inbox;
  MailIntake intake;
  String number;

  @BeforeEach
  void open() throws Exception {
    inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), dir.resolve("content"), Clock.systemUTC());
    intake = new MailIntake(inbox.register(), new MailStore(inbox.store()),
        new Classifier("SEN", Set.of("info@ministry.example")), Clock.systemUTC());
    number = intake.ingest(Corpus.bytes("utf8.eml")).number().orElseThrow(); // from aysel@example.az
  }

  @AfterEach
  void close() {
    inbox.close();
  }

  private Result mail(String from, String subject, String extraHeaders, String id) throws Exception {
    String raw = "From: " + from + "\r\nTo: info@ministry.example\r\nSubject: " + subject + "\r\nMessage-ID: <" + id
        + "@example.org>\r\n" + extraHeaders + "Content-Type: text/plain; charset=utf-8\r\n\r\nmətn\r\n";
    return intake.ingest(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theRequesterQuotingTheNumberInAnyCaseJoinsTheHistory() throws Exception {
    Result r = mail("Aysel <AYSEL@example.az>", "Re: " + number.toLowerCase(java.util.Locale.ROOT) + " sənəd", "", "m1");
    assertThat(r.outcome()).isEqualTo(Outcome.REPLY);
    assertThat(r.number()).hasValue(number);
  }

  @Test
  void anyoneAnsweringOurMailJoinsTheHistory() throws Exception {
    Result r = mail("Katib <secretary@example.org>", "Re: sorğu", "In-Reply-To: <" + number + ".3@ministry.example>\r\n",
        "m2");
    assertThat(r.outcome()).isEqualTo(Outcome.REPLY);
    Result refs = mail("Katib <secretary@example.org>", "Fwd: sorğu",
        "References: <x@example.org> <" + number.toLowerCase(java.util.Locale.ROOT) + ".3@ministry.example>\r\n", "m3");
    assertThat(refs.outcome()).isEqualTo(Outcome.REPLY);
  }

  @Test
  void aStrangerQuotingTheNumberGetsANewNumberWithTheMentionLinked() throws Exception {
    Result r = mail("Stranger <stranger@example.org>", "Re: [" + number + "] mənim də sualım var", "", "m4");
    assertThat(r.outcome()).isEqualTo(Outcome.REGISTERED);
    String created = r.number().orElseThrow();
    assertThat(created).isNotEqualTo(number);
    assertThat(inbox.register().list(ListFilter.all())).hasSize(2);
    assertThat(inbox.register().get(created).history()).filteredOn(e -> e.kind() == EventKind.NOTE).singleElement()
        .satisfies(e -> {
          assertThat(e.text()).contains(number);
          assertThat(e.visibleToRequester()).isFalse();
        });
    assertThat(inbox.register().get(number).history()).filteredOn(e -> e.kind() == EventKind.NOTE).singleElement()
        .satisfies(e -> assertThat(e.text()).contains(created).contains("stranger@example.org"));
    assertThat(inbox.register().get(number).history()).noneMatch(e -> e.kind() == EventKind.MAIL_RECEIVED);
  }

  @Test
  void aNumberInTheTextOfANewMessageIsLinkedNotJoined() throws Exception {
    String raw = "From: Aysel <aysel@example.az>\r\nSubject: yeni sorğu\r\nMessage-ID: <m5@example.az>\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n\r\nƏvvəlki " + number + " nömrəli sorğuma əlavə olaraq yeni sualım var.\r\n";
    Result r = intake.ingest(raw.getBytes(StandardCharsets.UTF_8));
    assertThat(r.outcome()).isEqualTo(Outcome.REGISTERED);
    assertThat(inbox.register().get(r.number().orElseThrow()).history()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(EventKind.NOTE);
      assertThat(e.text()).contains(number);
    });
  }
}
