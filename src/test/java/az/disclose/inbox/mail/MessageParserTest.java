package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.Attachment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageParserTest {
  static final String AZ =
      "Salam! Nazirliyin 2012-ci il üzrə fəaliyyət planı haqqında məlumat istəyirəm. Şəhər, ağac, qış, İlham, çay, öz, gün.";
  static final String AZ_NO_SCHWA =
      "Salam! Nazirliyin 2012-ci il uzre faaliyyet plani haqqinda malumat isteyirem. Şeher, ağac, qış, İlham, Çay, öz, gün, ŞĞÜÖ.";
  static final String RU = "Здравствуйте! Прошу предоставить информацию о плане работы министерства на 2012 год.";

  private final MessageParser parser = new MessageParser();

  private ParsedMessage parsed(String name) {
    ParseResult r = parser.parse(Corpus.bytes(name));
    assertThat(r).as(name + ": " + (r instanceof ParseFailure f ? f.reason() : "")).isInstanceOf(ParseResult.Parsed.class);
    ParsedMessage m = ((ParseResult.Parsed) r).message();
    assertThat(m.raw()).isEqualTo(Corpus.bytes(name));
    return m;
  }

  static List<String> corpus() {
    return Corpus.names();
  }

  /** What the intake must make of each corpus message (mail/manifest.tsv). */
  static final Map<String, Corpus.Expected> MANIFEST = Corpus.manifest();

  /**
   * Hand-written corpus messages that cannot be read as a request, each with what its quarantine
   * reason must say; every message the manifest does not call quarantined must parse.
   */
  static final Map<String, String> QUARANTINED = Map.of(
      "garbage.eml", "not an RFC 822 message",
      "no-headers.eml", "no headers",
      "too-deep.eml", "nested more than 32 levels");

  @ParameterizedTest
  @MethodSource("corpus")
  void everyCorpusMessageParsesOrIsQuarantinedAsExpectedWithItsBytesKept(String name) {
    byte[] raw = Corpus.bytes(name);
    ParseResult r = parser.parse(raw);
    assertThat(r.raw()).isEqualTo(raw);
    if ("quarantined".equals(MANIFEST.get(name).outcome())) {
      assertThat(r).as("%s goes to the quarantine", name).isInstanceOfSatisfying(ParseFailure.class,
          f -> assertThat(f.reason()).contains(QUARANTINED.getOrDefault(name, "")));
    } else {
      assertThat(r).as("%s parses: %s", name, r instanceof ParseFailure f ? f.reason() : "")
          .isInstanceOf(ParseResult.Parsed.class);
    }
  }

  @Test
  void everyExpectedQuarantineIsInTheCorpus() {
    assertThat(Corpus.names()).containsAll(QUARANTINED.keySet());
    assertThat(QUARANTINED.keySet()).allSatisfy(name -> assertThat(MANIFEST.get(name).outcome()).isEqualTo("quarantined"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"utf8.eml", "utf8-labelled-latin1.eml", "utf8-unlabelled.eml", "quoted-printable-utf8.eml",
      "unknown-charset.eml"})
  void utf8AzerbaijaniComesOutRightWhateverTheLabel(String name) {
    assertThat(parsed(name).text()).isEqualTo(AZ);
  }

  @ParameterizedTest
  @ValueSource(strings = {"windows-1254.eml", "iso-8859-9.eml", "windows-1254-unlabelled.eml",
      "windows-1254-labelled-latin1.eml"})
  void turkishCodePagesComeOutRight(String name) {
    assertThat(parsed(name).text()).isEqualTo(AZ_NO_SCHWA);
  }

  @ParameterizedTest
  @ValueSource(strings = {"windows-1251.eml", "windows-1251-unlabelled.eml", "koi8-r.eml", "koi8-r-unlabelled.eml"})
  void cyrillicComesOutRight(String name) {
    assertThat(parsed(name).text()).isEqualTo(RU);
  }

  @Test
  void schwaHasNoPlaceInTheTurkishCodePages() {
    // ə cannot be written in windows-1254; what the sender's mailer put instead is kept as sent
    assertThat(TextDecoder.WINDOWS_1254.newEncoder().canEncode('ə')).isFalse();
    assertThat(TextDecoder.decode("m\u00e4lumat".getBytes(TextDecoder.WINDOWS_1254), "windows-1254")).isEqualTo("mälumat");
  }

  @Test
  void iso88599AndWindows1254AgreeOnTheAzerbaijaniLetters() {
    String letters = "şğıİŞĞçÇöÖüÜ";
    assertThat(TextDecoder.decode(letters.getBytes(java.nio.charset.Charset.forName("ISO-8859-9")), "iso-8859-9"))
        .isEqualTo(letters);
    assertThat(TextDecoder.decode(letters.getBytes(TextDecoder.WINDOWS_1254), "windows-1254")).isEqualTo(letters);
  }

  @Test
  void headersAndAddresses() {
    ParsedMessage m = parsed("utf8.eml");
    assertThat(m.fromAddress()).isEqualTo("aysel@example.az");
    assertThat(m.fromName()).isEqualTo("Aysel Mammadova");
    assertThat(m.replyAddress()).isEqualTo("aysel@example.az");
    assertThat(m.subject()).isEqualTo("Request");
    assertThat(m.messageId()).isEqualTo("<utf8.eml@example.az>");
    assertThat(m.date()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2026-03-02T06:15:00Z"));
  }

  @Test
  void eightBitHeadersAreDecoded() {
    ParsedMessage m = parsed("8bit-headers.eml");
    assertThat(m.subject()).isEqualTo("Sorğu: şəhər planı");
    assertThat(m.fromName()).isEqualTo("Əli Həsənov");
    assertThat(m.fromAddress()).isEqualTo("ali@example.az");
    assertThat(m.header("X-Other")).hasValue("Çağırış");
  }

  @Test
  void htmlOnlyBodyBecomesText() {
    String text = parsed("html-only.eml").text();
    assertThat(text).isEqualTo("Salam,\n" + AZ + "\nİkinci sətir\nbir\niki");
    assertThat(text).doesNotContain("alert").doesNotContain("color");
  }

  @Test
  void alternativePrefersPlainText() {
    ParsedMessage m = parsed("alternative.eml");
    assertThat(m.text()).isEqualTo(AZ);
    assertThat(m.attachments()).isEmpty();
  }

  @Test
  void encodedFileNamesAreDecodedAndPathsDropped() {
    ParsedMessage m = parsed("encoded-names.eml");
    assertThat(m.subject()).isEqualTo("Məlumat sorğusu");
    assertThat(m.text()).isEqualTo(AZ);
    assertThat(m.attachments()).extracting(Attachment::fileName)
        .containsExactly("Ərizə şəkli.pdf", "Şəhadətnamə 2026.pdf", "İşçi ağacı.txt", "secret.docx");
    assertThat(new String(m.attachments().get(0).bytes(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 first");
    assertThat(m.attachments().get(0).contentType()).isEqualTo("application/pdf");
  }

  @Test
  void noMessageIdEmptyBodyAndOnlyAnAttachment() {
    assertThat(parsed("no-message-id.eml").messageId()).isEmpty();
    ParsedMessage empty = parsed("empty-body.eml");
    assertThat(empty.text()).isEmpty();
    assertThat(empty.attachments()).isEmpty();
    ParsedMessage only = parsed("only-attachment.eml");
    assertThat(only.text()).isEmpty();
    assertThat(only.attachments()).singleElement().satisfies(a -> {
      assertThat(a.fileName()).isEqualTo("scan.pdf");
      assertThat(new String(a.bytes(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4 only");
    });
  }

  @Test
  void deepNestingIsReadAndTooDeepIsAFailure() {
    assertThat(parsed("deep-nesting.eml").text()).isEqualTo("deep text");
    assertThat(parser.parse(Corpus.bytes("too-deep.eml"))).isInstanceOfSatisfying(ParseFailure.class,
        f -> assertThat(f.reason()).contains("nested"));
  }

  @Test
  void malformedMessages() {
    // a broken transfer encoding on one part: the message is read, that part kept as sent, the problem noted
    ParsedMessage badBase64 = parsed("malformed-bad-base64.eml");
    assertThat(badBase64.text()).isEqualTo("body");
    assertThat(badBase64.attachments()).singleElement().satisfies(a -> {
      assertThat(a.fileName()).isEqualTo("a.pdf");
      assertThat(new String(a.bytes(), StandardCharsets.US_ASCII)).isEqualTo("!!!!not base64 at all@@@@");
    });
    assertThat(badBase64.notes()).singleElement().asString().contains("part 2").contains("base64");
    assertThat(parsed("malformed-no-end-boundary.eml").text()).isEqualTo("hello without end");
    assertThat(parsed("malformed-from.eml").subject()).isEqualTo("bad from");
    assertThat(parser.parse(new byte[0])).isInstanceOf(ParseFailure.class);
  }

  @Test
  void threadingHeaders() {
    ParsedMessage m = parsed("reply.eml");
    assertThat(m.inReplyTo()).containsExactly("<SEN-2026-00042.7@ministry.example>");
    assertThat(m.text()).isEqualTo("Əlavə məlumat.");
  }

  @Test
  void twentyMegabyteAttachment() {
    byte[] raw = Corpus.bigAttachment(20);
    ParsedMessage m = ((ParseResult.Parsed) parser.parse(raw)).message();
    assertThat(m.attachments()).singleElement().satisfies(a -> assertThat(a.bytes()).hasSize(20 * 1024 * 1024));
  }

  @Test
  void encodedWordsAcrossWordsAndMislabelled() {
    // one two-byte letter split across two encoded words
    assertThat(MessageParser.decodeWords("=?UTF-8?Q?=C5?= =?UTF-8?Q?=9Fey?=")).isEqualTo("şey");
    // UTF-8 bytes in a word labelled iso-8859-1
    assertThat(MessageParser.decodeWords("=?iso-8859-1?Q?=C5=9F?=")).isEqualTo("ş");
    assertThat(MessageParser.decodeWords("a =?bogus?Q?x?= b")).isEqualTo("a x b");
  }
}
