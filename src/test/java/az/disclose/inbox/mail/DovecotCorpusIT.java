package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.store.Inbox;
import az.disclose.testing.TestClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence is exact against a server that keeps what it is given: every corpus message is
 * appended to a real Dovecot with IMAP {@code APPEND} on a plain socket, and the raw message the
 * register keeps equals, byte for byte, what Dovecot returns for {@code FETCH BODY.PEEK[]} — which
 * is the message as appended when its lines end with CRLF and it holds no NUL (8-bit headers, a
 * first line that starts with a space, binary junk); Dovecot itself sends a bare CR or LF as CRLF and
 * a NUL as 0x80, and such messages are stored exactly as served too.
 */
class DovecotCorpusIT {
  @TempDir Path dir;
  Dovecot dovecot;
  Inbox inbox;
  MailService mail;

  @BeforeEach
  void start() throws Exception {
    dovecot = Dovecot.start();
    TestClock clock = TestClock.baku(2026, 3, 2, 10, 0);
    inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), dir.resolve("content"), clock);
    CorpusManifestTest.prepare(inbox);
    mail = MailService.create(inbox, dovecot.settings(), clock);
  }

  @AfterEach
  void stop() throws Exception {
    if (mail != null) {
      mail.close();
    }
    if (inbox != null) {
      inbox.close();
    }
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @Test
  void everyCorpusMessageIsStoredExactlyAsAppendedAndAsDovecotReturnsIt() throws Exception {
    List<String> names = Corpus.names();
    List<byte[]> all = new ArrayList<>();
    for (String n : names) {
      all.add(Corpus.bytes(n));
    }
    RawImap.appendAll(dovecot.port, Dovecot.LOGIN, Dovecot.PASSWORD, "INBOX", all);
    Map<Integer, byte[]> served = RawImap.fetchAll(dovecot.port, Dovecot.LOGIN, Dovecot.PASSWORD, "INBOX");
    assertThat(served).hasSize(names.size());
    int same = 0;
    for (int i = 0; i < names.size(); i++) {
      if (crlfWithoutNul(all.get(i))) {
        assertThat(served.get(i + 1)).as("Dovecot serves %s as appended: %s", names.get(i),
            CorpusIT.diff(all.get(i), served.get(i + 1))).isEqualTo(all.get(i));
        same++;
      }
    }
    assertThat(same).as("messages Dovecot serves as appended").isGreaterThan(names.size() / 2);

    ImapPoller.PollReport r = mail.poller().orElseThrow().pollOnce();
    assertThat(r.error()).isEmpty();
    assertThat(r.fetched()).isEqualTo(names.size());

    MessageParser parser = new MessageParser();
    Map<String, Corpus.Expected> manifest = Corpus.manifest();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      byte[] expected = served.get(i + 1);
      String key = MailIntake.key(parser.parse(expected));
      MailStore.Processed p = mail.store().processed(key).orElseThrow(() -> new AssertionError("not processed: " + name));
      assertThat(p.outcome()).as(name).isEqualTo(manifest.get(name).outcome());
      byte[] stored = p.outcome().equals(MailStore.REPLY) ? replyRaw(p.requestNumber().orElseThrow(), expected)
          : mail.store().raw(key).orElseThrow(() -> new AssertionError("no raw bytes kept for " + name));
      assertThat(stored).as("%s (%s) stored byte for byte: %s", name, p.outcome(), CorpusIT.diff(expected, stored))
          .isEqualTo(expected);
    }
  }

  /**
   * Whether Dovecot serves {@code b} as appended: every line ends with CRLF and no byte is NUL. (An
   * IMAP literal may not hold a NUL, which Dovecot sends as 0x80, and Dovecot sends a bare CR or LF
   * as CRLF; those messages are still stored exactly as Dovecot serves them.)
   */
  static boolean crlfWithoutNul(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0 || (b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n'))
          || (b[i] == '\n' && (i == 0 || b[i - 1] != '\r'))) {
        return false;
      }
    }
    return true;
  }

  private byte[] replyRaw(String number, byte[] expected) throws Exception {
    for (StoredAttachment a : inbox.register().attachments(number)) {
      if (a.role().equals(MailIntake.REPLY_ROLE) && java.util.Arrays.equals(a.attachment().bytes(), expected)) {
        return a.attachment().bytes();
      }
    }
    return new byte[0];
  }
}
