package az.disclose.inbox.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.util.Date;

/**
 * GreenMail (real SMTP and IMAP servers) on fixed free ports that keeps its mailboxes across {@link
 * #stop()} and {@link #start()}, so a test can take the server down and bring it back.
 */
final class MailServer extends GreenMail {
  static final String MAILBOX = "sorgu@ministry.example";
  static final String LOGIN = "sorgu";
  static final String PASSWORD = "secret";

  final int smtpPort;
  final int imapPort;

  private MailServer(int smtpPort, int imapPort) {
    super(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    this.smtpPort = smtpPort;
    this.imapPort = imapPort;
  }

  static MailServer startNew() {
    MailServer s = new MailServer(freePort(), freePort());
    s.start();
    s.setUser(MAILBOX, LOGIN, PASSWORD);
    return s;
  }

  @Override
  public synchronized void stop() {
    var keep = managers;
    super.stop();
    managers = keep;
  }

  /** Puts {@code raw} into the ministry's mailbox, as if it had arrived. */
  void deliver(byte[] raw) {
    GreenMailUser user = getUserManager().getUser(LOGIN);
    user.deliver(GreenMailUtil.newMimeMessage(new ByteArrayInputStream(raw)));
  }

  /**
   * Puts {@code raw} into the mailbox so that the server returns exactly these bytes for {@code
   * FETCH BODY[]} (GreenMail otherwise re-serialises a message when it stores it, which would hide
   * what a byte-exact server such as Dovecot returns: bare CRs, LF-only lines, a missing final
   * newline). The parsed structure (ENVELOPE, BODYSTRUCTURE) still comes from GreenMail's parser.
   */
  void deliverExact(byte[] raw) {
    try {
      GreenMailUser user = getUserManager().getUser(LOGIN);
      MailFolder inbox = getManagers().getImapHostManager().getInbox(user);
      long uid = inbox.appendMessage(GreenMailUtil.newMimeMessage(new ByteArrayInputStream(raw)), new Flags(), new Date());
      StoredMessage stored = inbox.getMessage(uid);
      Field f = StoredMessage.class.getDeclaredField("mimeMessage");
      f.setAccessible(true);
      StoredMessage.UidAwareMimeMessage parsed = (StoredMessage.UidAwareMimeMessage) f.get(stored);
      f.set(stored, new Exact(parsed, uid, parsed.getReceivedDate(), raw));
    } catch (ReflectiveOperationException | MessagingException | com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException("cannot store the message exactly in GreenMail: " + e, e);
    }
  }

  /** GreenMail's stored message whose serialised form is the bytes it was given. */
  private static final class Exact extends StoredMessage.UidAwareMimeMessage {
    private final byte[] raw;

    Exact(MimeMessage parsed, long uid, Date received, byte[] raw) throws MessagingException {
      super(parsed, uid, received);
      this.raw = raw.clone();
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
      os.write(raw);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
      os.write(raw);
    }

    @Override
    public int getSize() {
      return raw.length;
    }
  }

  MailSettings settings() {
    return MailSettings.none()
        .withImap(new MailSettings.Server("127.0.0.1", imapPort, MailSettings.Security.NONE, LOGIN, PASSWORD))
        .withSmtp(new MailSettings.Server("127.0.0.1", smtpPort, MailSettings.Security.NONE, "", ""),
            "Sənaye və Energetika Nazirliyi <" + MAILBOX + ">")
        .withStatusUrl("https://ministry.example/requests/status/")
        .withMessageIdHost("ministry.example");
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
