package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public history's sentences, from the register's own event texts, and the download headers. */
class PublicHistoryTest {
  static final Map<String, String> MSG = Map.of(
      "inbox.history.registered", "Registered as {0}.",
      "inbox.history.due", "Due by {0}.",
      "inbox.history.basis", "Legal basis: {0}.",
      "inbox.history.extended", "Extended to {0}.",
      "inbox.history.extended_plain", "Extended.",
      "inbox.history.reason", "Reason: {0}",
      "inbox.history.refused", "Refused. Ground: {0}",
      "inbox.rule.info-request", "Law (2005), art. 24.1",
      "inbox.rule.extension", "Law (2005)");
  static final Instant AT = Instant.parse("2026-09-01T06:00:00Z");

  static HistoryEvent event(long id, EventKind kind, String text, boolean visible) {
    return new HistoryEvent(id, AT, "system", kind, text, visible);
  }

  @Test
  void internalTextBecomesSentencesAndInternalEventsAreLeftOut() {
    List<PublicHistory.Entry> entries = PublicHistory.of("SEN-2026-00001", List.of(
        event(1, EventKind.REGISTERED, "registered (web, information, normal); due 2026-12-14 (info-request)", true),
        event(2, EventKind.NOTE, "internal", false),
        event(3, EventKind.MAIL_SENT, "sent", true),
        event(4, EventKind.DEADLINE_RECOMPUTED, "due date changed from 2026-12-14 to 2026-12-15 (info-request)"
            + " after the holiday data changed", true),
        event(5, EventKind.EXTENDED, "due date extended from 2026-12-15 to 2026-12-24 (extension): (see) a: b", true),
        event(6, EventKind.REFUSED, "refused: art. 21", true),
        event(7, EventKind.LINK_RESENT, "asked", false)), MSG, Locale.ENGLISH);
    assertThat(entries).extracting(PublicHistory.Entry::sentence).containsExactly(
        "Registered as SEN-2026-00001. Due by 14 December 2026. Legal basis: Law (2005), art. 24.1.",
        "Extended to 24 December 2026. Legal basis: Law (2005). Reason: (see) a: b",
        "Refused. Ground: art. 21");
  }

  @Test
  void aRefusalGivesTheGroundsNameInThePagesLanguageThenTheLetterAndNeverTheKey() {
    Map<String, String> msg = new java.util.HashMap<>(MSG);
    msg.put("inbox.history.refused_plain", "Refused.");
    String text = az.disclose.inbox.model.Refusal.of("state-secret",
        Map.of("az", "Dövlət sirri", "en", "A state secret"), "Dear Aysel,\n\nno.").text();
    String nameless = az.disclose.inbox.model.Refusal.of("tax-secret", Map.of(), "Vergi sirri.").text();
    assertThat(PublicHistory.of("N", List.of(event(1, EventKind.REFUSED, text, true),
        event(2, EventKind.REFUSED, nameless, true)), msg, Locale.ENGLISH))
        .extracting(PublicHistory.Entry::sentence)
        .containsExactly("Refused. Ground: A state secret\n\nDear Aysel,\n\nno.", "Refused.\n\nVergi sirri.");
    assertThat(PublicHistory.of("N", List.of(event(1, EventKind.REFUSED, text, true)), msg, Locale.forLanguageTag("az")))
        .extracting(PublicHistory.Entry::sentence).containsExactly("Refused. Ground: Dövlət sirri\n\nDear Aysel,\n\nno.");
  }

  @Test
  void aTextThatDoesNotParseGivesTheSentenceWithoutItNeverTheRawText() {
    List<PublicHistory.Entry> entries = PublicHistory.of("N", List.of(
        event(1, EventKind.REGISTERED, "something else (UNVERIFIED)", true),
        event(2, EventKind.EXTENDED, "garbled (UNVERIFIED)", true),
        event(3, EventKind.REGISTERED, "registered; due 2026-12-14 (custom-rule)", true)), MSG, Locale.ENGLISH);
    assertThat(entries).extracting(PublicHistory.Entry::sentence)
        .containsExactly("Registered as N.", "Extended.", "Registered as N. Due by 14 December 2026.");
  }

  @Test
  void aReopenedRequestTellsItsNewDueDateAndAWithdrawalIsSaidPlainly() {
    Map<String, String> msg = new java.util.HashMap<>(MSG);
    msg.put("inbox.history.reopened", "Opened again.");
    msg.put("inbox.history.withdrawn", "Withdrawn.");
    List<PublicHistory.Entry> entries = PublicHistory.of("N", List.of(
        event(1, EventKind.REOPENED, "reopened (complaint or appeal upheld): court ruling 12; due 2026-12-24 (info-request)",
            true),
        event(2, EventKind.WITHDRAWN, "withdrawn at the requester's wish: e-mail of 3 December", true),
        event(3, EventKind.ASSIGNED, "assigned to legal", false)), msg, Locale.ENGLISH);
    assertThat(entries).extracting(PublicHistory.Entry::sentence).containsExactly(
        "Opened again. Due by 24 December 2026. Legal basis: Law (2005), art. 24.1.", "Withdrawn.");
  }

  @Test
  void theRuleInForceIsTheLastOneNamed() {
    assertThat(PublicHistory.currentRule(List.of(
        event(1, EventKind.REGISTERED, "registered (web, information, normal); due 2026-12-14 (info-request)", true),
        event(2, EventKind.EXTENDED, "due date extended from 2026-12-14 to 2026-12-23 (extension): x", true))))
        .contains("extension");
    assertThat(PublicHistory.currentRule(List.of())).isEmpty();
  }

  @Test
  void downloadsNeverServeAnActiveTypeAndNamesCannotBreakTheHeader() {
    assertThat(Downloads.contentType("application/pdf")).isEqualTo("application/pdf");
    assertThat(Downloads.contentType("TEXT/HTML; charset=utf-8")).isEqualTo("application/octet-stream");
    assertThat(Downloads.contentType("image/svg+xml")).isEqualTo("application/octet-stream");
    assertThat(Downloads.contentType("application/pdf\r\nX-Evil: 1")).isEqualTo("application/octet-stream");
    assertThat(Downloads.contentType(null)).isEqualTo("application/octet-stream");
    assertThat(Downloads.contentDisposition("../../etc/passwd")).isEqualTo(
        "attachment; filename=\"_.._etc_passwd\"; filename*=UTF-8''_.._etc_passwd");
    assertThat(Downloads.contentDisposition("a\r\nb\".txt")).isEqualTo(
        "attachment; filename=\"a__b_.txt\"; filename*=UTF-8''a__b%22.txt");
    assertThat(Downloads.contentDisposition("şəkil 1.png")).isEqualTo(
        "attachment; filename=\"__kil 1.png\"; filename*=UTF-8''%C5%9F%C9%99kil%201.png");
    assertThat(Downloads.contentDisposition("")).contains("filename=\"file\"");
    assertThat(Downloads.safeName("x".repeat(400) + ".pdf")).hasSize(Downloads.MAX_NAME_CHARS).endsWith(".pdf");
  }
}
