package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.testing.TestClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message of the corpus (src/test/resources/mail/corpus, written by make-corpus.py) has the
 * outcome and the fields its manifest line says, through the real parser, classifier and register
 * (SQLite). {@link CorpusIT} runs the same corpus through a real IMAP server.
 */
class CorpusManifestTest {
  @TempDir Path dir;

  /** The register of the corpus run: 42 requests first, so that SEN-2026-00042 (quoted by replies and bounces) exists. */
  static void prepare(Inbox inbox) throws Exception {
    for (int i = 0; i < 42; i++) {
      inbox.register().register(new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, "Aysel",
          "aysel@example.az", "Plan " + i, "Plan haqqında", "az", List.of(), null, null, "127.0.0.1"));
    }
  }

  /** The differences between what the parser read from {@code raw} and what the manifest expects. */
  static List<String> fieldProblems(Corpus.Expected e, byte[] raw) {
    List<String> problems = new ArrayList<>();
    ParseResult r = new MessageParser().parse(raw);
    if (!(r instanceof ParseResult.Parsed p)) {
      if (e.sender().isPresent() || e.subject().isPresent() || e.text().isPresent() || e.files().isPresent()) {
        problems.add(e.file() + ": not parsed (" + ((ParseFailure) r).reason() + ")");
      }
      return problems;
    }
    ParsedMessage m = p.message();
    e.sender().filter(s -> !s.equals(m.fromAddress()))
        .ifPresent(s -> problems.add(e.file() + ": sender " + m.fromAddress() + ", expected " + s));
    e.subject().filter(s -> !s.equals(m.subject()))
        .ifPresent(s -> problems.add(e.file() + ": subject '" + m.subject() + "', expected '" + s + "'"));
    e.text().filter(s -> !m.text().contains(s))
        .ifPresent(s -> problems.add(e.file() + ": text '" + abbreviate(m.text()) + "' lacks '" + abbreviate(s) + "'"));
    e.files().filter(f -> !f.equals(m.attachments().stream().map(Attachment::fileName).toList()))
        .ifPresent(f -> problems.add(e.file() + ": attachments " + m.attachments().stream().map(Attachment::fileName)
            .toList() + ", expected " + f));
    if (m.text().indexOf('\r') >= 0 || m.text().indexOf('\ufffd') >= 0 || m.subject().indexOf('\ufffd') >= 0
        || m.fromName().indexOf('\ufffd') >= 0) {
      problems.add(e.file() + ": a CR or a replacement character in the text, subject or name");
    }
    // PostgreSQL's text cannot hold U+0000: a NUL would make the message impossible to register
    if ((m.text() + m.subject() + m.fromName() + m.fromAddress() + m.replyAddress()).indexOf('\u0000') >= 0) {
      problems.add(e.file() + ": a NUL character in the text, subject, name or address");
    }
    return problems;
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  @Test
  void theManifestCoversTheWholeCorpusOfAtLeast300Messages() {
    assertThat(Corpus.manifest().keySet()).containsExactlyInAnyOrderElementsOf(Corpus.names());
    assertThat(Corpus.names()).hasSizeGreaterThanOrEqualTo(300);
  }

  @Test
  void everyMessageHasTheOutcomeAndTheFieldsOfTheManifest() throws Exception {
    Map<String, Corpus.Expected> manifest = Corpus.manifest();
    List<String> problems = new ArrayList<>();
    TestClock clock = TestClock.baku(2026, 3, 2, 10, 0);
    try (Inbox inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), dir.resolve("content"), clock)) {
      prepare(inbox);
      MailIntake intake = new MailIntake(inbox.register(), new MailStore(inbox.store()),
          new Classifier("SEN", Set.of("sorgu@ministry.example")), clock);
      for (String name : Corpus.names()) {
        Corpus.Expected e = manifest.get(name);
        byte[] raw = Corpus.bytes(name);
        MailIntake.Result r = intake.ingest(raw);
        String outcome = r.outcome().name().toLowerCase(Locale.ROOT);
        if (!outcome.equals(e.outcome())) {
          problems.add(name + ": " + outcome + " (" + r.detail() + "), expected " + e.outcome());
        }
        problems.addAll(fieldProblems(e, raw));
      }
    }
    assertThat(problems).isEmpty();
  }
}
