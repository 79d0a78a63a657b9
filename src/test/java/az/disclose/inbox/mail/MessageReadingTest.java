package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.mail.MailIntake.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading every message right: split encoded words, 7-bit charsets, any Java charset, names, partial damage. */
class MessageReadingTest {
  static final String JA = "情報公開請求です。よろしくお願いします。";

  private final MessageParser parser = new MessageParser();

  private ParsedMessage parsed(String name) {
    ParseResult r = parser.parse(Corpus.bytes(name));
    assertThat(r).as(name + ": " + (r instanceof ParseFailure f ? f.reason() : "")).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) r).message();
  }

  @Test
  void aLetterSplitAcrossTwoEncodedWordsComesOutWholeInTheNameAndSubject() {
    ParsedMessage m = parsed("read-split-schwa.eml");
    assertThat(m.fromName()).isEqualTo("Səbinə Əliyeva");
    assertThat(m.fromAddress()).isEqualTo("sebine@example.az");
    assertThat(m.subject()).isEqualTo("Sorğu: Səbinə");
  }

  @Test
  void iso2022JpIsDecodedInBodyNameAndSubject() {
    ParsedMessage m = parsed("read-iso-2022-jp.eml");
    assertThat(m.text()).isEqualTo(JA);
    assertThat(m.fromName()).isEqualTo("山田");
    assertThat(m.subject()).isEqualTo("情報公開");
  }

  @Test
  void utf7IsDecodedInBodyAndName() {
    ParsedMessage m = parsed("read-utf-7.eml");
    assertThat(m.text()).isEqualTo(MessageParserTest.AZ);
    assertThat(m.fromName()).isEqualTo("Səbinə");
  }

  @Test
  void utf7DecoderFollowsRfc2152() {
    assertThat(Utf7.decode("Hi Mom -+Jjo--!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("Hi Mom -☺-!");
    assertThat(Utf7.decode("A+ImIDkQ.".getBytes(StandardCharsets.US_ASCII))).isEqualTo("A≢Α.");
    assertThat(Utf7.decode("+ZeVnLIqe-".getBytes(StandardCharsets.US_ASCII))).isEqualTo("日本語");
    assertThat(Utf7.decode("1 +- 1 = 2".getBytes(StandardCharsets.US_ASCII))).isEqualTo("1 + 1 = 2");
    assertThat(Utf7.decode("+2D3cAA-".getBytes(StandardCharsets.US_ASCII))).isEqualTo("\uD83D\uDC00"); // a surrogate pair
    assertThat(Utf7.decode("broken +!!! end".getBytes(StandardCharsets.US_ASCII))).isEqualTo("broken !!! end");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "iso-8859-5|Здравствуйте! Прошу предоставить информацию о плане работы министерства на 2012 год.",
      "windows-1256|طلب معلومات من الوزارة",
      "big5|資訊公開申請",
      "gb2312|信息公开申请",
      "euc-kr|정보 공개 청구",
      "shift_jis|" + JA,
      "koi8-u|Прошу надати інформацію",
      "iso-8859-7|Αίτηση πληροφοριών",
      "windows-1250|Žádost o informace",
      "iso-8859-2|Prośba o informację"})
  void anyCharsetJavaKnowsIsDecoded(String label, String text) {
    assertThat(parsed("read-charset-" + label + ".eml").text()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"read-from-broken-word.eml", "read-from-unclosed-quote.eml", "read-from-unknown-charset.eml",
      "read-from-8bit-comma.eml", "read-from-encoded-with-specials.eml", "read-from-missing-bracket.eml",
      "read-from-address-in-encoded-word.eml", "read-from-unterminated-word.eml", "read-from-comment-split.eml"})
  void anInvalidlyEncodedFromNameDoesNotSwallowTheAddress(String name) {
    ParsedMessage m = parsed(name);
    assertThat(m.fromAddress()).isEqualTo("aysel@example.az");
    assertThat(m.replyAddress()).isEqualTo("aysel@example.az");
    assertThat(m.fromName()).doesNotContain("aysel@example.az").doesNotContain("=?");
  }

  @Test
  void theFromNameIsReadAsWrittenWhereItCanBe() {
    assertThat(parsed("read-from-unclosed-quote.eml").fromName()).isEqualTo("Aysel Məmmədova");
    assertThat(parsed("read-from-8bit-comma.eml").fromName()).isEqualTo("Məmmədova, Aysel");
    assertThat(parsed("read-from-encoded-with-specials.eml").fromName()).isEqualTo("Məmmədova, Aysel <info>");
    assertThat(parsed("read-from-missing-bracket.eml").fromName()).isEqualTo("Aysel");
    assertThat(parsed("read-from-address-in-encoded-word.eml").fromName()).isEqualTo("Aysel Məmmədova");
    assertThat(parsed("read-from-unterminated-word.eml").fromName()).isEqualTo("Aysel Məmmədova");
    assertThat(parsed("read-from-comment-split.eml").fromName()).isEqualTo("Səbinə");
  }

  @Test
  void encodedFileNamesAreKeptAndWindowsPathsKeepTheirLastSegment() {
    ParsedMessage m = parsed("read-names.eml");
    assertThat(m.text()).isEqualTo("Sənədlər əlavədədir.");
    assertThat(m.attachments()).extracting(Attachment::fileName)
        .containsExactly("Ərizə.pdf", "Şəkil 1.pdf", "x.png", "y.png", "Şşk.pdf", "Документ.pdf", "z.docx");
  }

  @Test
  void digestPartsAreAttachedMessagesNotBodyText() {
    ParsedMessage m = parsed("read-digest.eml");
    assertThat(m.text()).doesNotContain("first").doesNotContain("second");
    assertThat(m.attachments()).hasSize(2).allSatisfy(a -> {
      assertThat(a.contentType()).isEqualTo("message/rfc822");
      assertThat(a.fileName()).endsWith(".eml");
    });
    assertThat(new String(m.attachments().get(1).bytes(), StandardCharsets.US_ASCII)).contains("second digest message");
  }

  @Test
  void aMultipartWithoutItsStartBoundaryIsKeptOpaqueAndNoted() {
    ParsedMessage m = parsed("read-missing-start-boundary.eml");
    assertThat(m.attachments()).singleElement().satisfies(a -> {
      assertThat(a.contentType()).isEqualTo("application/octet-stream");
      assertThat(new String(a.bytes(), StandardCharsets.US_ASCII)).contains("--OTHER").contains("hello");
    });
    assertThat(m.notes()).singleElement().asString().contains("start boundary").contains("NOT-USED");

    ParsedMessage nested = parsed("read-nested-missing-start-boundary.eml");
    assertThat(nested.text()).isEqualTo(MessageParserTest.AZ);
    assertThat(nested.attachments()).singleElement()
        .satisfies(a -> assertThat(new String(a.bytes(), StandardCharsets.US_ASCII)).contains("lost"));
    assertThat(nested.notes()).singleElement().asString().contains("part 2").contains("start boundary");
  }

  @Test
  void aPartWithAnUnknownTransferEncodingIsKeptAsSentAndNoted() {
    ParsedMessage m = parsed("read-unknown-transfer-encoding.eml");
    assertThat(m.text()).isEqualTo(MessageParserTest.AZ);
    assertThat(m.attachments()).singleElement().satisfies(a -> {
      assertThat(a.fileName()).isEqualTo("scan.pdf");
      assertThat(a.contentType()).isEqualTo("application/octet-stream");
      assertThat(new String(a.bytes(), StandardCharsets.US_ASCII)).isEqualTo("H4sIAAAAAAAA"); // the line break belongs to the boundary
    });
    assertThat(m.notes()).singleElement().asString().contains("x-gzip64").contains("part 2");
  }

  @Test
  void partlyDamagedMailIsRegisteredWithTheProblemInItsHistoryAndTheGreetingSpelledRight(@TempDir Path dir)
      throws Exception {
    try (Inbox inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), dir.resolve("content"),
        Clock.systemUTC())) {
      MailService.installOutbox(inbox, MailSettings.none()
          .withSmtp(new MailSettings.Server("127.0.0.1", 2525, MailSettings.Security.NONE, "", ""),
              "Nazirlik <sorgu@ministry.example>")
          .withMessageIdHost("ministry.example"));
      MailStore mail = new MailStore(inbox.store());
      MailIntake intake = new MailIntake(inbox.register(), mail, new Classifier("SEN", Set.of("sorgu@ministry.example")),
          Clock.systemUTC());
      for (String name : new String[] {"read-missing-start-boundary.eml", "read-unknown-transfer-encoding.eml"}) {
        MailIntake.Result r = intake.ingest(Corpus.bytes(name));
        assertThat(r.outcome()).as(name).isEqualTo(Outcome.REGISTERED);
        RequestView v = inbox.register().get(r.number().orElseThrow());
        assertThat(v.history()).filteredOn(e -> e.kind() == EventKind.NOTE).singleElement().satisfies(e -> {
          assertThat(e.visibleToRequester()).isFalse();
          assertThat(e.text()).contains("kept as an attachment");
        });
      }
      assertThat(mail.quarantined(true)).isEmpty();

      MailIntake.Result r = intake.ingest(Corpus.bytes("read-split-schwa.eml"));
      String number = r.number().orElseThrow();
      assertThat(inbox.register().get(number).name()).isEqualTo("Səbinə Əliyeva");
      assertThat(mail.outbox(number)).singleElement()
          .satisfies(o -> assertThat(o.body()).startsWith("Hörmətli Səbinə Əliyeva,"));
    }
  }
}
