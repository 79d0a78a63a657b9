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

  static byte[] message(int i) {
    return ("From: Vətəndaş " + i + " <citizen" + i + "@example.az>\r\nTo: " + MailServer.MAILBOX
        + "\r\nSubject: Məlumat sorğusu " + i + "\r\nMessage-ID: <bench-" + i + "@example.az>\r\n"
        + "Date: Mon, 02 Mar 2026 10:15:00 +0400\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "Salam! 2012-ci il üzrə fəaliyyət planının icrası haqqında məlumat istəyirəm. " + i + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws Exception {
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
