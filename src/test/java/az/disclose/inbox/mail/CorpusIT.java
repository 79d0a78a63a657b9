package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.testing.TestClock;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole corpus through a real IMAP server (GreenMail) and the poller: every message has the
 * outcome of its manifest line ({@link CorpusManifestTest} checks the fields without a server), and
 * the evidence is exact: the raw message the register keeps equals, byte for byte, what the server
 * returns for {@code FETCH BODY.PEEK[]} (read with a plain socket, no mail library in between). The
 * messages are stored with IMAP {@code APPEND} on a plain socket, as a client would. GreenMail
 * re-serialises what it stores (a bare CR in a header, LF-only lines, a missing final newline and
 * 8-bit headers come back changed); {@link DovecotCorpusIT} runs the corpus through Dovecot, which
 * serves 8-bit headers, leading spaces and binary bytes as appended.
 */
class CorpusIT {
  @TempDir Path dir;
  MailServer server;
  Inbox inbox;
  MailService mail;

  @BeforeEach
  void start() throws Exception {
    server = MailServer.startNew();
    TestClock clock = TestClock.baku(2026, 3, 2, 10, 0);
    inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), dir.resolve("content"), clock);
    CorpusManifestTest.prepare(inbox);
    mail = MailService.create(inbox, server.settings(), clock);
  }

  @AfterEach
  void stop() {
    mail.close();
    inbox.close();
    server.stop();
  }

  @Test
  void everyCorpusMessageHasItsOutcomeAndIsStoredExactlyAsTheServerReturnsIt() throws Exception {
    List<String> names = Corpus.names();
    List<byte[]> all = new java.util.ArrayList<>();
    for (String n : names) {
      all.add(Corpus.bytes(n));
    }
    RawImap.appendAll(server.imapPort, MailServer.LOGIN, MailServer.PASSWORD, "INBOX", all);
    Map<Integer, byte[]> served = RawImap.fetchAll(server.imapPort, MailServer.LOGIN, MailServer.PASSWORD, "INBOX");
    assertThat(served).hasSize(names.size());
    Map<String, byte[]> expected = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      expected.put(names.get(i), served.get(i + 1));
    }

    ImapPoller.PollReport r = mail.poller().orElseThrow().pollOnce();
    assertThat(r.error()).isEmpty();
    assertThat(r.fetched()).isEqualTo(names.size());

    MessageParser parser = new MessageParser();
    Map<String, Corpus.Expected> manifest = Corpus.manifest();
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      String key = MailIntake.key(parser.parse(e.getValue()));
      MailStore.Processed p = mail.store().processed(key).orElseThrow(() -> new AssertionError("not processed: " + e.getKey()));
      assertThat(p.outcome()).as(e.getKey()).isEqualTo(manifest.get(e.getKey()).outcome());
      byte[] stored = p.outcome().equals(MailStore.REPLY) ? replyRaw(p.requestNumber().orElseThrow(), e.getValue())
          : mail.store().raw(key).orElseThrow(() -> new AssertionError("no raw bytes kept for " + e.getKey()));
      assertThat(stored).as("%s (%s) stored byte for byte: %s", e.getKey(), p.outcome(), diff(e.getValue(), stored))
          .isEqualTo(e.getValue());
    }
  }

  private byte[] replyRaw(String number, byte[] expected) throws Exception {
    for (StoredAttachment a : inbox.register().attachments(number)) {
      if (a.role().equals(MailIntake.REPLY_ROLE) && a.attachment().contentType().equals(MailIntake.RAW_TYPE)
          && java.util.Arrays.equals(a.attachment().bytes(), expected)) {
        return a.attachment().bytes();
      }
    }
    return new byte[0];
  }

  /** Where two byte arrays first differ, for the failure message. */
  static String diff(byte[] a, byte[] b) {
    int i = 0;
    while (i < a.length && i < b.length && a[i] == b[i]) {
      i++;
    }
    if (i == a.length && i == b.length) {
      return "equal";
    }
    HexFormat h = HexFormat.of();
    return "first difference at byte " + i + " of " + a.length + "/" + b.length + ": expected "
        + h.formatHex(a, i, Math.min(a.length, i + 16)) + ", stored " + h.formatHex(b, i, Math.min(b.length, i + 16));
  }
}
