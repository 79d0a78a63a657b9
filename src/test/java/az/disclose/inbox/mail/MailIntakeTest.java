package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.ListFilter;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.mail.MailIntake.Outcome;
import az.disclose.inbox.mail.MailIntake.Result;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.store.Inbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail intake on the register (SQLite here; {@link MailIntakePostgresIT} runs the same on PostgreSQL). */
class MailIntakeTest {
  @TempDir Path dir;
  Inbox inbox;
  MailIntake intake;
  MailStore mail;

  /** The register's settings: the SQLite default here, PostgreSQL in {@link MailIntakePostgresIT}. */
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir);
  }

  @BeforeEach
  void open() throws Exception {
    inbox = Inbox.open(settings(dir.resolve("data")), dir.resolve("content"), Clock.systemUTC());
    mail = new MailStore(inbox.store());
    intake = new MailIntake(inbox.register(), mail, new Classifier("SEN", Set.of("info@ministry.example")),
        Clock.systemUTC());
  }

  @AfterEach
  void close() {
    inbox.close();
  }

  @Test
  void aMessageIsRegisteredWithItsRawBytesAndOnlyOnce() throws Exception {
    byte[] raw = Corpus.bytes("encoded-names.eml");
    Result r = intake.ingest(raw);
    assertThat(r.outcome()).isEqualTo(Outcome.REGISTERED);
    assertThat(r.key()).isEqualTo("<names@example.az>");
    String number = r.number().orElseThrow();
    RequestView v = inbox.register().get(number);
    assertThat(v.channel()).isEqualTo(Channel.EMAIL);
    assertThat(v.email()).isEqualTo("aysel@example.az");
    assertThat(v.subject()).isEqualTo("Məlumat sorğusu");
    assertThat(v.message()).isEqualTo(MessageParserTest.AZ);
    assertThat(v.attachments()).hasSize(4);
    assertThat(inbox.register().raw(number)).isEqualTo(raw);

    Result again = intake.ingest(raw);
    assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(again.number()).hasValue(number);
    assertThat(inbox.register().list(ListFilter.all())).hasSize(1);
  }

  @Test
  void withoutMessageIdTheHashIsTheKey() throws Exception {
    byte[] raw = Corpus.bytes("no-message-id.eml");
    Result r = intake.ingest(raw);
    assertThat(r.key()).startsWith("sha256:");
    assertThat(intake.ingest(raw).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(inbox.register().list(ListFilter.all())).hasSize(1);
  }

  @Test
  void aReplyGoesToTheRequestsHistory() throws Exception {
    String number = intake.ingest(Corpus.bytes("utf8.eml")).number().orElseThrow();
    String reply = "From: Aysel <aysel@example.az>\r\nSubject: Re: Sorğunuz\r\nMessage-ID: <r1@example.az>\r\n"
        + "In-Reply-To: <" + number + ".3@ministry.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + "Əlavə məlumat.\r\n";
    Result r = intake.ingest(reply.getBytes(StandardCharsets.UTF_8));
    assertThat(r.outcome()).isEqualTo(Outcome.REPLY);
    assertThat(r.number()).hasValue(number);
    String bySubject = "From: aysel@example.az\r\nSubject: Re: [" + number + "] yenə\r\nMessage-ID: <r2@example.az>\r\n\r\nbir daha\r\n";
    assertThat(intake.ingest(bySubject.getBytes(StandardCharsets.UTF_8)).outcome()).isEqualTo(Outcome.REPLY);
    assertThat(inbox.register().list(ListFilter.all())).hasSize(1);
    RequestView v = inbox.register().get(number);
    assertThat(v.history()).filteredOn(e -> e.kind() == EventKind.MAIL_RECEIVED).hasSize(2)
        .first().satisfies(e -> {
          assertThat(e.text()).contains("Əlavə məlumat.");
          assertThat(e.visibleToRequester()).isFalse();
        });
    assertThat(inbox.register().attachments(number)).filteredOn(a -> a.role().equals(MailIntake.REPLY_ROLE))
        .extracting(StoredAttachment::attachment).anySatisfy(a -> assertThat(a.bytes()).isEqualTo(
            reply.getBytes(StandardCharsets.UTF_8)));
    // a number that is not in the register: a new request
    String unknown = "From: x@example.az\r\nSubject: Re: [SEN-2020-99999] köhnə\r\nMessage-ID: <r3@example.az>\r\n\r\nhi\r\n";
    assertThat(intake.ingest(unknown.getBytes(StandardCharsets.UTF_8)).outcome()).isEqualTo(Outcome.REGISTERED);
  }

  @Test
  void autoRepliesAndBouncesAreNeverRegistered() throws Exception {
    String number = intake.ingest(Corpus.bytes("utf8.eml")).number().orElseThrow();
    assertThat(intake.ingest(Corpus.bytes("auto-reply.eml")).outcome()).isEqualTo(Outcome.AUTO_REPLY);
    String dsn = new String(Corpus.bytes("dsn-bounce.eml"), StandardCharsets.ISO_8859_1)
        .replace("SEN-2026-00042", number);
    Result b = intake.ingest(dsn.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(b.outcome()).isEqualTo(Outcome.BOUNCE);
    assertThat(b.number()).hasValue(number);
    assertThat(inbox.register().list(ListFilter.all())).hasSize(1);
    assertThat(inbox.register().get(number).history()).filteredOn(e -> e.kind() == EventKind.MAIL_UNDELIVERABLE)
        .singleElement().satisfies(e -> assertThat(e.text()).contains("nobody@example.az"));
    assertThat(intake.ingest(dsn.getBytes(StandardCharsets.ISO_8859_1)).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(mail.count(MailStore.AUTO_REPLY)).isEqualTo(1);
  }

  @Test
  void unparseableMessagesAreQuarantinedThenRegisteredOrDismissed() throws Exception {
    Result q1 = intake.ingest(Corpus.bytes("too-deep.eml"));
    Result q2 = intake.ingest(Corpus.bytes("garbage.eml"));
    assertThat(q1.outcome()).isEqualTo(Outcome.QUARANTINED);
    assertThat(q2.outcome()).isEqualTo(Outcome.QUARANTINED);
    assertThat(intake.ingest(Corpus.bytes("garbage.eml")).outcome()).isEqualTo(Outcome.DUPLICATE);
    Quarantine quarantine = new Quarantine(inbox.register(), mail, Clock.systemUTC());
    assertThat(quarantine.list(false)).hasSize(2);
    long first = quarantine.list(false).get(0).id();
    long second = quarantine.list(false).get(1).id();
    var receipt = quarantine.register(first, "officer");
    assertThat(inbox.register().raw(receipt.number())).isEqualTo(Corpus.bytes("too-deep.eml"));
    assertThat(inbox.register().get(receipt.number()).subject()).isEqualTo("Too deep");
    assertThat(inbox.register().get(receipt.number()).history()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(EventKind.NOTE);
      assertThat(e.text()).contains("quarantine");
    });
    quarantine.dismiss(second, "officer", "binary junk");
    assertThat(quarantine.list(false)).isEmpty();
    assertThat(quarantine.list(true)).extracting(MailStore.Quarantined::status).containsExactly("registered", "dismissed");
    assertThat(mail.quarantinedRaw(second)).hasValueSatisfying(b -> assertThat(b).isEqualTo(Corpus.bytes("garbage.eml")));
    assertThatThrownBy(() -> quarantine.dismiss(first, "officer", "x")).isInstanceOf(RequestException.class)
        .hasMessageContaining("already registered");
    assertThatThrownBy(() -> quarantine.register(second, "officer")).isInstanceOf(RequestException.class);
  }

  @Test
  void everyCorpusMessageIsRegisteredOrAccountedForAndNoneIsLost() throws Exception {
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    for (String name : Corpus.names()) {
      Result r = intake.ingest(Corpus.bytes(name));
      assertThat(r.outcome()).as(name).isNotEqualTo(Outcome.DUPLICATE);
      outcomes.merge(r.outcome(), 1, Integer::sum);
    }
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(Corpus.names().size());
    // the manifest's counts (CorpusManifestTest checks each message; here no request is replied to)
    Map<String, Long> expected = Corpus.manifest().values().stream()
        .collect(java.util.stream.Collectors.groupingBy(Corpus.Expected::outcome, java.util.stream.Collectors.counting()));
    assertThat(outcomes.get(Outcome.QUARANTINED)).isEqualTo(expected.get("quarantined").intValue());
    assertThat(outcomes.get(Outcome.AUTO_REPLY)).isEqualTo(expected.get("auto_reply").intValue());
    assertThat(outcomes.get(Outcome.BOUNCE)).isEqualTo(expected.get("bounce").intValue());
    byte[] big = Corpus.bigAttachment(20);
    Result r = intake.ingest(big);
    assertThat(r.outcome()).isEqualTo(Outcome.REGISTERED);
    assertThat(inbox.register().raw(r.number().orElseThrow())).hasSize(big.length);
  }

  @Test
  void messagesWithNulBytesAreRegisteredOnEveryDatabase() throws Exception {
    // PostgreSQL's text type refuses U+0000: a NUL in the text must not make a message unregistrable
    Result r = intake.ingest(Corpus.bytes("gen-body-nul-bytes.eml"));
    assertThat(r.outcome()).isEqualTo(Outcome.REGISTERED);
    assertThat(inbox.register().get(r.number().orElseThrow()).message()).isEqualTo("ab");
    Result q = intake.ingest(Corpus.bytes("garbage.eml")); // every byte value, NUL included
    assertThat(q.outcome()).isEqualTo(Outcome.QUARANTINED);
    Quarantine quarantine = new Quarantine(inbox.register(), mail, Clock.systemUTC());
    var receipt = quarantine.register(quarantine.list(false).get(0).id(), "officer");
    assertThat(inbox.register().raw(receipt.number())).isEqualTo(Corpus.bytes("garbage.eml"));
  }
}
