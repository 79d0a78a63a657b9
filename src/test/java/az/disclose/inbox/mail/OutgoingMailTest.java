package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.Channel;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Outgoing mail is correct mail: every header encoded, each acknowledgement in one language. */
class OutgoingMailTest {
  static final MailSettings SETTINGS = MailSettings.none()
      .withSmtp(new MailSettings.Server("127.0.0.1", 2525, MailSettings.Security.NONE, "", ""),
          "Sənaye və Energetika Nazirliyi <sorgu@ministry.example>")
      .withStatusUrl("https://ministry.example/requests/status/").withMessageIdHost("ministry.example");

  @TempDir Path dir;
  Inbox inbox;
  MailStore mail;

  @BeforeEach
  void open() throws Exception {
    inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), dir.resolve("content"), Clock.systemUTC());
    MailService.installOutbox(inbox, SETTINGS);
    mail = new MailStore(inbox.store());
  }

  @AfterEach
  void close() {
    inbox.close();
  }

  @Test
  void everyHeaderIsAsciiAndTheFromDisplayNameIsEncoded() throws Exception {
    OutboxSender sender = new OutboxSender(mail, SETTINGS, Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(2));
    MailStore.OutboxEntry e = new MailStore.OutboxEntry(1, "SEN-2026-00001", 2, Outbox.ACKNOWLEDGEMENT,
        "<SEN-2026-00001.2@ministry.example>", "aysel@example.az", "[SEN-2026-00001] Sorğunuz qeydiyyata alındı",
        "Hörmətli Səbinə,\n\nmətn\n", "<x@example.az>", Instant.parse("2026-03-02T06:15:00Z"), "pending", 0,
        Instant.parse("2026-03-02T06:15:00Z"), Optional.empty(), Optional.empty());
    MimeMessage m = sender.message(e);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    byte[] bytes = out.toByteArray();
    String all = new String(bytes, StandardCharsets.ISO_8859_1);
    String head = all.substring(0, all.indexOf("\r\n\r\n"));
    assertThat(head.chars().allMatch(c -> c < 0x80)).as("headers are 7-bit:\n" + head).isTrue();
    String from = MimeUtility.unfold(m.getHeader("From", ","));
    assertThat(from).contains("=?UTF-8?").endsWith("<sorgu@ministry.example>");
    assertThat(MimeUtility.decodeText(from)).isEqualTo("Sənaye və Energetika Nazirliyi <sorgu@ministry.example>");
    assertThat(m.getSubject()).isEqualTo("[SEN-2026-00001] Sorğunuz qeydiyyata alındı");
  }

  private Submission submission(Channel channel, RequestType type, Urgency urgency, String language) {
    return new Submission(channel, type, urgency, "Aysel Məmmədova", "aysel@example.az", "Plan", "Plan haqqında",
        language, List.of(), null, null, "127.0.0.1");
  }

  private MailStore.OutboxEntry acknowledgement(Submission s) throws Exception {
    String number = inbox.register().register(s).number();
    return mail.outbox(number).get(0);
  }

  static final String SENDER = "Sənaye və Energetika Nazirliyi";
  static final List<String> ENGLISH = List.of("Law", "Your request", "working day", "art.", "registered", "the ");
  static final List<String> AZERBAIJANI = List.of("Hörmətli", "Sorğunuz", "iş gün", "Qanun", "maddə", "ə");

  @ParameterizedTest
  @EnumSource(Urgency.class)
  void theAcknowledgementIsWhollyAzerbaijaniLegalBasisIncluded(Urgency urgency) throws Exception {
    MailStore.OutboxEntry a = acknowledgement(submission(Channel.EMAIL, RequestType.INFORMATION, urgency, "az"));
    assertThat(a.body()).contains("“İnformasiya əldə etmək haqqında” Qanun").contains("maddə 24.");
    assertThat(a.body().replace("https://ministry.example/requests/status/", "")).doesNotContain(ENGLISH);
  }

  @Test
  void anAppealsAcknowledgementCitesTheAppealsLawInAzerbaijani() throws Exception {
    MailStore.OutboxEntry a = acknowledgement(submission(Channel.WEB, RequestType.COMPLAINT, Urgency.NORMAL, "az"));
    assertThat(a.body()).contains("“Vətəndaşların müraciətləri haqqında” Qanun").doesNotContain(ENGLISH);
  }

  @Test
  void aRequestMadeInEnglishIsAcknowledgedWhollyInEnglish() throws Exception {
    MailStore.OutboxEntry a = acknowledgement(submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, "en"));
    assertThat(a.subject()).endsWith("Your request was registered");
    assertThat(a.body()).startsWith("Dear Aysel Məmmədova,").contains("Law").contains("art. 24.1")
        .contains("working days");
    assertThat(a.body().replace("Aysel Məmmədova", "").replace(SENDER, "")).doesNotContain(AZERBAIJANI);
  }

  /** An officer's action on a fresh request, in words of the requester's language. */
  enum Action {
    ANSWER, EXTEND, FORWARD, CLARIFY, REFUSE;

    void on(Inbox inbox, String number, boolean english) throws Exception {
      var r = inbox.register();
      switch (this) {
        case ANSWER -> r.answer(number, "officer", english ? "Here is the plan." : "Plan əlavə olunur.", List.of());
        case EXTEND -> r.extend(number, "officer", english ? "the data are being gathered" : "məlumat toplanır");
        case FORWARD -> r.forward(number, "officer", english ? "the State Statistics Committee" : "Dövlət Statistika Komitəsi");
        case CLARIFY -> r.clarify(number, "officer", english ? "Which year do you mean?" : "Hansı il nəzərdə tutulur?");
        case REFUSE -> r.refuse(number, "officer", "state-secret",
            english ? "The plan is classified." : "Plan məxfidir.");
      }
    }
  }

  private MailStore.OutboxEntry notice(Action action, String language) throws Exception {
    Submission s = submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, language);
    String number = inbox.register().register(s).number();
    action.on(inbox, number, "en".equals(language));
    List<MailStore.OutboxEntry> out = mail.outbox(number);
    assertThat(out).hasSize(2);
    return out.get(1);
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void everyLaterNoticeToAnEnglishRequesterIsWhollyEnglish(Action action) throws Exception {
    MailStore.OutboxEntry n = notice(action, "en");
    assertThat(n.subject()).doesNotContain(AZERBAIJANI);
    assertThat(n.body()).startsWith("Dear Aysel Məmmədova,").contains("your request");
    assertThat(n.body().replace("Aysel Məmmədova", "").replace(SENDER, "")).doesNotContain(AZERBAIJANI)
        .doesNotContain("Hörmət", "Sorğu", "ğ", "ı");
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void everyLaterNoticeToAnAzerbaijaniRequesterIsWhollyAzerbaijani(Action action) throws Exception {
    MailStore.OutboxEntry n = notice(action, "az");
    assertThat(n.subject()).doesNotContain(ENGLISH);
    assertThat(n.body()).startsWith("Hörmətli Aysel Məmmədova,");
    assertThat(n.body().replace("https://ministry.example/requests/status/", "")).doesNotContain(ENGLISH)
        .doesNotContain("refused", "forwarded", "extended", "due date");
  }

  @Test
  void theNoticesCiteTheirLegalBasisInTheRequestersLanguage() throws Exception {
    assertThat(notice(Action.FORWARD, "az").body()).contains("Hüquqi əsas: “İnformasiya əldə etmək haqqında” Qanun (2005), maddə 23.1");
    assertThat(notice(Action.FORWARD, "en").body()).contains("Legal basis: Law of the Republic of Azerbaijan \"On the right to obtain information\" (2005), art. 23.1");
    assertThat(notice(Action.CLARIFY, "az").body()).contains("maddə 24.4");
    assertThat(notice(Action.CLARIFY, "en").body()).contains("art. 24.4");
    assertThat(notice(Action.EXTEND, "az").body()).contains("Səbəb: məlumat toplanır").contains("cavab müddətinin");
    assertThat(notice(Action.EXTEND, "en").body()).contains("The reason: the data are being gathered")
        .contains("extension of the period");
    MailStore.OutboxEntry extension = notice(Action.EXTEND, "az");
    String newDue = az.disclose.render.AzDates.format(
        inbox.register().find(extension.requestNumber()).orElseThrow().dueDate(), java.util.Locale.forLanguageTag("az"));
    assertThat(extension.body()).as("the new due date, not the old one").contains("Yeni son tarix: " + newDue + ".");
    assertThat(notice(Action.REFUSE, "az").body()).contains("Hüquqi əsas: Məlumat dövlət sirridir (\"İnformasiya əldə etmək haqqında\" Qanun)\n\nPlan məxfidir.")
        .doesNotContain("state-secret");
    assertThat(notice(Action.REFUSE, "en").body()).contains("The legal ground: The information is a state secret (Law on the Right to Obtain Information)\n\n"
        + "The plan is classified.").doesNotContain("state-secret");
  }
}
