package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.mail.Classifier.Kind;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClassifierTest {
  private final MessageParser parser = new MessageParser();
  private final Classifier classifier = new Classifier("SEN", Set.of("info@ministry.example"));

  private Classifier.Classification classify(String name) {
    return classifier.classify(((ParseResult.Parsed) parser.parse(Corpus.bytes(name))).message());
  }

  @Test
  void autoReplies() {
    assertThat(classify("auto-reply.eml").kind()).isEqualTo(Kind.AUTO_REPLY);
    assertThat(classify("auto-reply-precedence.eml").kind()).isEqualTo(Kind.AUTO_REPLY);
  }

  @Test
  void deliveryStatusReportNamesOurRequest() {
    Classifier.Classification c = classify("dsn-bounce.eml");
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE);
    assertThat(c.requestNumber()).hasValue("SEN-2026-00042");
    assertThat(c.failedRecipients()).containsExactly("nobody@example.az");
  }

  @Test
  void emptyReturnPathWithFailedRecipients() {
    Classifier.Classification c = classify("bounce-failed-recipients.eml");
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE);
    assertThat(c.requestNumber()).hasValue("SEN-2026-00017");
    assertThat(c.failedRecipients()).containsExactly("nobody@example.az");
  }

  @Test
  void peopleAreRequests() {
    for (String n : new String[] {"utf8.eml", "reply.eml", "no-message-id.eml", "only-attachment.eml"}) {
      assertThat(classify(n).kind()).as(n).isEqualTo(Kind.REQUEST);
    }
  }

  @Test
  void autoSubmittedNoIsAPerson() {
    String raw = "From: a@b.az\r\nAuto-Submitted: no\r\nSubject: x\r\n\r\nhello\r\n";
    ParsedMessage m = ((ParseResult.Parsed) parser.parse(raw.getBytes())).message();
    assertThat(classifier.classify(m).kind()).isEqualTo(Kind.REQUEST);
  }

  @Test
  void ourOwnAddressIsNeverARequest() {
    String raw = "From: Info <INFO@ministry.example>\r\nSubject: x\r\n\r\nhello\r\n";
    ParsedMessage m = ((ParseResult.Parsed) parser.parse(raw.getBytes())).message();
    assertThat(classifier.classify(m).kind()).isEqualTo(Kind.AUTO_REPLY);
  }

  @Test
  void numbersInSubjectsAndIds() {
    assertThat(classifier.numberIn("Re: [SEN-2026-00042] Sorğunuz")).hasValue("SEN-2026-00042");
    assertThat(classifier.numberIn("Re: SEN-2026")).isEmpty();
    assertThat(classifier.numberInMessageId("<SEN-2026-00042.17@ministry.example>")).hasValue("SEN-2026-00042");
    assertThat(classifier.numberInMessageId("<abc@ministry.example>")).isEmpty();
  }

  static java.util.List<String> automatic() {
    return Corpus.names().stream().filter(n -> n.startsWith("auto-")).toList();
  }

  static java.util.List<String> people() {
    return Corpus.names().stream().filter(n -> n.startsWith("person-")).toList();
  }

  @ParameterizedTest
  @MethodSource("automatic")
  void automaticMailWithoutAutoSubmittedIsNeverARequest(String name) {
    assertThat(classify(name).kind()).isEqualTo(Kind.AUTO_REPLY);
  }

  @ParameterizedTest
  @MethodSource("people")
  void subjectsThatOnlyLookAutomaticAreRequests(String name) {
    assertThat(classify(name).kind()).isEqualTo(Kind.REQUEST);
  }

  @Test
  void numbersAreMatchedStrictlyInAnyCase() {
    assertThat(classifier.numberIn("Re: sen-2026-00155 haqqında")).hasValue("SEN-2026-00155");
    assertThat(classifier.numberIn("Re: [Sen-2026-00155]")).hasValue("SEN-2026-00155");
    assertThat(classifier.numberIn("XSEN-2026-00155")).isEmpty();
    assertThat(classifier.numberIn("SEN-2026-001550")).hasValue("SEN-2026-001550"); // numbers grow past 99999
    assertThat(classifier.numberIn("SEN-2026-0015")).isEmpty();
    assertThat(classifier.numberIn("SEN-26-00155")).isEmpty();
    assertThat(classifier.numberIn("SEN-2026-00155_x")).isEmpty();
    assertThat(classifier.numberInMessageId("<sen-2026-00042.17@ministry.example>")).hasValue("SEN-2026-00042");
  }
}
