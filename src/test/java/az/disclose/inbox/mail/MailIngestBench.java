package az.disclose.inbox.mail;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.ListFilter;
import az.disclose.inbox.store.Inbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * The mail ingest benchmark (run by bench/mail-ingest.sh): N messages put into GreenMail's IMAP
 * mailbox, then polled, parsed, registered on the SQLite default (durable commits) and moved to the
 * processed folder; prints messages per second (polling time only). Args: [N] [data directory] [WAVE]:
 * the messages are put into the mailbox WAVE at a time (default: all at once), each wave polled
 * empty before the next is delivered, as a poller that runs every minute sees them.
 */
public final class MailIngestBench {
  private MailIngestBench() {}

  /** Writes N messages as Maildir files into {@code dir/new} (a Dovecot mailbox, one backlog). */
  static void writeMaildir(int n, Path dir) throws Exception {
    for (String sub : new String[] {"new", "cur", "tmp"}) {
      Files.createDirectories(dir.resolve(sub));
    }
    long t = System.currentTimeMillis() / 1000;
    for (int i = 0; i < n; i++) {
      Files.write(dir.resolve("new").resolve(t + ".M" + i + "P1.bench"), message(i));
    }
  }

  /**
   * Polls the N messages waiting on the IMAP server on 127.0.0.1:{@code port} (user sorgu, password
   * secret: started by bench/mail-ingest.sh) into a SQLite register with durable commits; prints the
   * rate of the polling time.
   */
  static void pollServer(int n, Path data, int port) throws Exception {
    MailSettings settings = MailSettings.none()
        .withImap(new MailSettings.Server("127.0.0.1", port, MailSettings.Security.NONE, "sorgu", "secret"))
        .withMessageIdHost("ministry.example");
    try (Inbox inbox = Inbox.open(InboxSettings.defaults(data.resolve("data")), data.resolve("content"),
        Clock.systemUTC())) {
      MailService mail = MailService.create(inbox, settings, Clock.systemUTC());
      ImapPoller poller = mail.poller().orElseThrow();
      long start = System.nanoTime();
      int fetched = 0;
      for (int round = 0; round < 5 && fetched < n; round++) {
        ImapPoller.PollReport r = poller.pollOnce();
        fetched += r.fetched();
        if (r.error().isPresent()) {
          System.err.println("poll failed: " + r.error().get());
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int registered = inbox.register().list(ListFilter.all()).size();
      System.out.printf(Locale.ROOT, "server=dovecot messages=%d wave=%d fetched=%d registered=%d seconds=%.2f rate=%.0f%n",
          n, n, fetched, registered, seconds, registered / seconds);
      mail.close();
    }
  }

  static byte[] message(int i) {
    return ("From: Vətəndaş " + i + " <citizen" + i + "@example.az>\r\nTo: " + MailServer.MAILBOX
        + "\r\nSubject: Məlumat sorğusu " + i + "\r\nMessage-ID: <bench-" + i + "@example.az>\r\n"
        + "Date: Mon, 02 Mar 2026 10:15:00 +0400\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "Salam! 2012-ci il üzrə fəaliyyət planının icrası haqqında məlumat istəyirəm. " + i + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("maildir")) {
      writeMaildir(Integer.parseInt(args[1]), Path.of(args[2]));
      return;
    }
    if (args.length > 0 && args[0].equals("imap")) {
      pollServer(Integer.parseInt(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
      return;
    }
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path data = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("disclose-mail-bench");
    int wave = args.length > 2 ? Integer.parseInt(args[2]) : n;
    MailServer server = MailServer.startNew();
    try (Inbox inbox = Inbox.open(InboxSettings.defaults(data.resolve("data")), data.resolve("content"),
        Clock.systemUTC())) {
      MailService mail = MailService.create(inbox, server.settings(), Clock.systemUTC());
      ImapPoller poller = mail.poller().orElseThrow();
      long polling = 0;
      int fetched = 0;
      for (int from = 0; from < n; from += wave) {
        long t0 = System.nanoTime();
        int to = Math.min(n, from + wave);
        for (int i = from; i < to; i++) {
          server.deliver(message(i));
        }
        System.err.printf(Locale.ROOT, "delivered %d messages to the mailbox in %.1f s%n", to - from,
            (System.nanoTime() - t0) / 1e9);
        long start = System.nanoTime();
        for (int round = 0; round < 5; round++) {
          ImapPoller.PollReport r = poller.pollOnce();
          fetched += r.fetched();
          if (r.fetched() == 0 || r.error().isEmpty()) {
            break;
          }
        }
        polling += System.nanoTime() - start;
      }
      double seconds = polling / 1e9;
      int registered = inbox.register().list(ListFilter.all()).size();
      System.out.printf(Locale.ROOT, "messages=%d wave=%d fetched=%d registered=%d seconds=%.2f rate=%.0f%n", n, wave,
          fetched, registered, seconds, registered / seconds);
      mail.close();
    } finally {
      server.stop();
    }
  }
}
