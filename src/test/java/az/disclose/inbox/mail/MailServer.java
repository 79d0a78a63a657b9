package az.disclose.inbox.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

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
