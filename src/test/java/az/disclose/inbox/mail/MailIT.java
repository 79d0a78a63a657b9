package az.disclose.inbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.ListFilter;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.RequestSummary;
import az.disclose.inbox.store.Inbox;
import az.disclose.testing.TestClock;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail intake and the outbox against GreenMail's real IMAP and SMTP servers. */
class MailIT {
  static final String REQUESTER = "aysel@example.az";

  @TempDir Path dir;
  MailServer server;
  Inbox inbox;
  MailService mail;
  ImapPoller poller;
  OutboxSender sender;

  @BeforeEach
  void start() throws Exception {
    server = MailServer.startNew();
    server.setUser(REQUESTER, "aysel", "pw");
    inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), dir.resolve("content"), Clock.systemUTC());
    mail = MailService.create(inbox, server.settings(), Clock.systemUTC());
    poller = mail.poller().orElseThrow();
    sender = new OutboxSender(mail.store(), server.settings(), Clock.systemUTC(), Duration.ofMillis(50),
        Duration.ofMillis(400));
  }

  @AfterEach
  void stop() {
    mail.close();
    inbox.close();
    server.stop();
  }

  static byte[] message(String id, String subject, String body) {
    return ("From: Aysel Məmmədova <" + REQUESTER + ">\r\nTo: " + MailServer.MAILBOX + "\r\nSubject: " + subject
        + "\r\nMessage-ID: <" + id + "@example.az>\r\nDate: Mon, 02 Mar 2026 10:15:00 +0400\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  List<RequestSummary> requests() throws Exception {
    return inbox.register().list(ListFilter.all());
  }

  int count(String user, String password, String folder) throws Exception {
    Properties p = new Properties();
    Session s = Session.getInstance(p);
    try (Store store = s.getStore("imap")) {
      store.connect("127.0.0.1", server.imapPort, user, password);
      Folder f = store.getFolder(folder);
      if (!f.exists()) {
        return 0;
      }
      return f.getMessageCount();
    }
  }

  @Test
  void theMailStatusForHealthzShowsPollsTheirLastErrorAndTheOutboxWaiting() throws Exception {
    assertThat(mail.configured()).isTrue();
    Map<String, Object> before = mail.status();
    Map<?, ?> idle = (Map<?, ?>) before.get("poller");
    assertThat(idle.get("last_poll")).isNull();
    assertThat(idle.get("last_error")).isNull();
    server.deliver(message("status", "Məlumat sorğusu", "Salam."));
    assertThat(poller.pollOnce().error()).isEmpty();
    Map<?, ?> polled = (Map<?, ?>) mail.status().get("poller");
    assertThat(polled.get("last_success")).isNotNull().isEqualTo(polled.get("last_poll"));
    assertThat(polled.get("last_error")).isNull();
    Map<?, ?> outbox = (Map<?, ?>) mail.status().get("outbox");
    assertThat(outbox.get("waiting")).isEqualTo(1L); // the acknowledgement, not sent yet
    assertThat(outbox.get("oldest_waiting_since")).isNotNull();

    server.stop(); // the mail server goes away
    assertThat(poller.pollOnce().error()).isPresent();
    Map<?, ?> failing = (Map<?, ?>) mail.status().get("poller");
    assertThat(failing.get("last_error")).isNotNull();
    assertThat(failing.get("last_success")).isEqualTo(polled.get("last_success"));
    server.start();
    assertThat(poller.pollOnce().error()).isEmpty();
    assertThat(((Map<?, ?>) mail.status().get("poller")).get("last_error")).isNull();
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(((Map<?, ?>) mail.status().get("outbox")).get("waiting")).isEqualTo(0L);
  }

  @Test
  void aMessageIsRegisteredOnceMovedAndAcknowledged() throws Exception {
    byte[] delivered = message("one", "Məlumat sorğusu", "Salam, plan haqqında məlumat istəyirəm.");
    server.deliver(delivered);
    server.deliver(Corpus.bytes("auto-reply.eml"));
    ImapPoller.PollReport r = poller.pollOnce();
    assertThat(r.error()).isEmpty();
    assertThat(r.outcomes()).containsEntry(MailIntake.Outcome.REGISTERED, 1).containsEntry(MailIntake.Outcome.AUTO_REPLY, 1);
    assertThat(requests()).singleElement().satisfies(x -> assertThat(x.subject()).isEqualTo("Məlumat sorğusu"));
    assertThat(count(MailServer.LOGIN, MailServer.PASSWORD, "INBOX")).isZero();
    assertThat(count(MailServer.LOGIN, MailServer.PASSWORD, "Processed")).isEqualTo(2);
    assertThat(poller.pollOnce().fetched()).isZero();
    String number = requests().get(0).number();
    String raw = new String(inbox.register().raw(number), StandardCharsets.UTF_8);
    assertThat(raw).contains("Message-ID: <one@example.az>").contains("Salam, plan haqqında məlumat istəyirəm.");
    assertThat(inbox.register().raw(number)).as("the raw bytes, unchanged").isEqualTo(delivered);

    // the acknowledgement reaches the requester, and only one (the auto-reply got none)
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage ack = server.getReceivedMessagesForDomain("example.az")[0];
    assertThat(ack.getSubject()).isEqualTo("[" + number + "] Sorğunuz qeydiyyata alındı");
    assertThat(ack.getMessageID()).matches("<" + number + "\\.\\d+@ministry\\.example>");
    assertThat(ack.getHeader("In-Reply-To")[0]).isEqualTo("<one@example.az>");
    assertThat(ack.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
    String body = ack.getContent().toString();
    assertThat(body).contains(number).contains("iş günü").contains("https://ministry.example/requests/status/")
        .contains("Cavab veriləcək son tarix");
    assertThat(sender.sendDue()).isZero();
    assertThat(inbox.register().get(number).history()).extracting(e -> e.kind())
        .contains(EventKind.REGISTERED, EventKind.ACKNOWLEDGED, EventKind.MAIL_SENT);

    // the requester replies to the acknowledgement: added to the request, not numbered anew
    String reply = "From: " + REQUESTER + "\r\nTo: " + MailServer.MAILBOX + "\r\nSubject: Re: " + ack.getSubject()
        + "\r\nMessage-ID: <reply1@example.az>\r\nIn-Reply-To: " + ack.getMessageID()
        + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nƏlavə sənəd.\r\n";
    server.deliver(reply.getBytes(StandardCharsets.UTF_8));
    assertThat(poller.pollOnce().outcomes()).containsEntry(MailIntake.Outcome.REPLY, 1);
    assertThat(requests()).hasSize(1);

    // the officer answers (with a file): the answer reaches the requester, threaded
    inbox.register().answer(number, "officer", "Cavab: plan saytda dərc olunub.",
        List.of(new Attachment("plan.pdf", "application/pdf", "%PDF-1.4 plan".getBytes(StandardCharsets.US_ASCII))));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(server.waitForIncomingEmail(5000, 2)).isTrue();
    MimeMessage answer = server.getReceivedMessagesForDomain("example.az")[1];
    assertThat(answer.getSubject()).isEqualTo("[" + number + "] Sorğunuza cavab");
    assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo(ack.getMessageID());
    assertThat(answer.getContentType()).startsWith("multipart/mixed");
  }

  @Test
  void aCrlfMessageIsAcknowledgedAndAnsweredWithoutStrayCarriageReturnsOrReplacementCharacters() throws Exception {
    byte[] crlf = ("From: =?UTF-8?Q?S=C9=99bin=C9?= =?UTF-8?Q?=99_=C6=8Fliyeva?= <" + REQUESTER + ">\r\nTo: "
        + MailServer.MAILBOX + "\r\nSubject: Plan\r\nMessage-ID: <crlf@example.az>\r\n"
        + "Date: Mon, 02 Mar 2026 10:15:00 +0400\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "Birinci sətir.\r\nİkinci\rsətir.\r\n").getBytes(StandardCharsets.UTF_8);
    server.deliver(crlf);
    assertThat(poller.pollOnce().outcomes()).containsEntry(MailIntake.Outcome.REGISTERED, 1);
    String number = requests().get(0).number();
    assertThat(inbox.register().find(number).orElseThrow().message()).isEqualTo("Birinci sətir.\nİkinci\nsətir.");
    // an answer written on Windows (CRLF), as a file given on the command line would be
    inbox.register().answer(number, "officer", "Cavab:\r\nplan saytdadır.\r\n", List.of());
    assertThat(sender.sendDue()).isEqualTo(2);
    assertThat(server.waitForIncomingEmail(5000, 2)).isTrue();
    for (MimeMessage m : server.getReceivedMessagesForDomain("example.az")) {
      String wire = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(m);
      assertThat(wire.replace("\r\n", "")).as("no CR but in the wire's CRLF line ends").doesNotContain("\r");
      String text = m.getContent().toString().replace("\r\n", "\n");
      assertThat(text).startsWith("Hörmətli Səbinə Əliyeva,").doesNotContain("\r").doesNotContain("\uFFFD");
    }
    String answerText = server.getReceivedMessagesForDomain("example.az")[1].getContent().toString().replace("\r\n", "\n");
    assertThat(answerText).contains("Cavab:\nplan saytdadır.");
  }

  @Test
  void anAnswerGivenOnTheCommandLineReachesTheRequesterAndTheArchive() throws Exception {
    server.deliver(message("cli", "Sorğu", "Mətn"));
    poller.pollOnce();
    String number = requests().get(0).number();
    assertThat(sender.sendDue()).as("the acknowledgement").isEqualTo(1);
    java.nio.file.Path config = dir.resolve("disclose.yaml");
    java.nio.file.Files.writeString(config, """
        data_dir: data
        mail:
          smtp:
            host: 127.0.0.1
            port: %d
            security: none
            from: "Nazirlik <sorgu@ministry.example>"
        """.formatted(server.smtpPort));
    java.nio.file.Path answerFile = dir.resolve("cavab.md");
    java.nio.file.Files.writeString(answerFile, "Cavab: illik məruzələr saytda dərc olunur.");

    int code = az.disclose.cli.Main.run("requests", "--config", config.toString(), "--content", dir.resolve("content").toString(),
        "answer", number, "--file", answerFile.toString(), "--actor", "officer");

    assertThat(code).isZero();
    assertThat(sender.sendDue()).as("the answer, queued by the command line, sent by the server's sender").isEqualTo(1);
    assertThat(server.waitForIncomingEmail(5000, 2)).isTrue();
    MimeMessage answer = server.getReceivedMessagesForDomain("example.az")[1];
    assertThat(answer.getSubject()).isEqualTo("[" + number + "] Sorğunuza cavab");
    assertThat(answer.getContent().toString()).contains("Cavab: illik məruzələr saytda dərc olunur.");
    assertThat(inbox.register().get(number).history()).extracting(e -> e.kind())
        .contains(EventKind.ANSWERED, EventKind.MAIL_SENT);
  }

  @Test
  void theSameMessageDeliveredTwiceIsOneRequest() throws Exception {
    byte[] m = message("twice", "İki dəfə", "eyni məktub");
    server.deliver(m);
    server.deliver(m);
    ImapPoller.PollReport r = poller.pollOnce();
    assertThat(r.outcomes()).containsEntry(MailIntake.Outcome.REGISTERED, 1).containsEntry(MailIntake.Outcome.DUPLICATE, 1);
    assertThat(requests()).hasSize(1);
    server.deliver(m);
    poller.pollOnce();
    assertThat(requests()).hasSize(1);
    assertThat(count(MailServer.LOGIN, MailServer.PASSWORD, "INBOX")).isZero();
  }

  @Test
  void aMessageDeliveredWhileThePollerIdlesIsRegisteredWithinSeconds() throws Exception {
    ImapPoller idling = new ImapPoller(server.settings().withPollInterval(Duration.ofSeconds(300)), mail.intake());
    try {
      server.deliver(message("i1", "Əvvəl", "əvvəl"));
      idling.start();
      waitFor(() -> requests().size() == 1 && idling.lastWaitIdled(), Duration.ofSeconds(15));
      waitFor(MailIT::aThreadWaitsInIdle, Duration.ofSeconds(15)); // the IDLE command is on: new mail ends it
      long t0 = System.nanoTime();
      server.deliver(message("i2", "İdle zamanı", "gözləmə"));
      waitFor(() -> requests().size() == 2, Duration.ofSeconds(15));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
      waitFor(() -> count(MailServer.LOGIN, MailServer.PASSWORD, "INBOX") == 0, Duration.ofSeconds(15));
      assertThat(count(MailServer.LOGIN, MailServer.PASSWORD, "Processed")).isEqualTo(2);
      server.deliver(message("i1", "Əvvəl", "əvvəl")); // the same message again: still one request
      waitFor(() -> count(MailServer.LOGIN, MailServer.PASSWORD, "INBOX") == 0, Duration.ofSeconds(15));
      assertThat(requests()).hasSize(2);
    } finally {
      long t0 = System.nanoTime();
      idling.close();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5)); // IDLE ends on close
    }
  }

  @Test
  void anIdleEndsAtThePollIntervalAndThePollerPollsAgain() throws Exception {
    ImapPoller idling = new ImapPoller(server.settings().withPollInterval(Duration.ofSeconds(1)), mail.intake());
    try {
      idling.start();
      waitFor(() -> idling.loopPolls() >= 4, Duration.ofSeconds(15));
      assertThat(idling.lastWaitIdled()).isTrue();
    } finally {
      idling.close();
    }
  }

  /**
   * Whether a thread waits for the server's answer to an IMAP IDLE (Angus Mail's IMAPFolder.idle
   * reads it in IMAPProtocol.readIdleResponse once the server accepted the IDLE).
   */
  static boolean aThreadWaitsInIdle() {
    return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
        .anyMatch(f -> f.getMethodName().equals("readIdleResponse") && f.getClassName().endsWith(".IMAPProtocol"));
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void waitFor(Check check, Duration limit) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (!check.ok()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + limit);
      }
      Thread.sleep(50);
    }
  }

  @Test
  void withoutAProcessedFolderMessagesAreFlaggedAndLeftInPlace() throws Exception {
    ImapPoller flagging = new ImapPoller(server.settings().withFolders("INBOX", ""), mail.intake());
    try {
      server.deliver(message("f1", "Bir", "bir"));
      server.deliver(message("f2", "İki", "iki"));
      assertThat(flagging.pollOnce().outcomes()).containsEntry(MailIntake.Outcome.REGISTERED, 2);
      assertThat(flagging.pollOnce().fetched()).isZero();
      assertThat(requests()).hasSize(2);
      assertThat(count(MailServer.LOGIN, MailServer.PASSWORD, "INBOX")).isEqualTo(2);
      server.deliver(message("f3", "Üç", "üç"));
      assertThat(flagging.pollOnce().fetched()).isEqualTo(1);
      assertThat(requests()).hasSize(3);
    } finally {
      flagging.close();
    }
  }

  @Test
  void theImapServerStoppedMidPollLosesAndDuplicatesNothing() throws Exception {
    int n = 400;
    for (int i = 0; i < n; i++) {
      server.deliver(message("m" + i, "Sorğu " + i, "mətn " + i));
    }
    AtomicReference<ImapPoller.PollReport> first = new AtomicReference<>();
    Thread t = new Thread(() -> first.set(poller.pollOnce()));
    t.start();
    long deadline = System.currentTimeMillis() + 60_000;
    while (mail.store().count(MailStore.REGISTERED) < 30 && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    server.stop();
    t.join(60_000);
    assertThat(first.get().error()).as("the poll saw the server go").isPresent();
    long before = requests().size();
    assertThat(before).isBetween(30L, (long) n - 1);
    server.start();
    for (int i = 0; i < 5 && count(MailServer.LOGIN, MailServer.PASSWORD, "INBOX") > 0; i++) {
      poller.pollOnce();
    }
    List<RequestSummary> all = requests();
    assertThat(all).hasSize(n);
    assertThat(all.stream().map(RequestSummary::subject).distinct().count()).isEqualTo(n);
    assertThat(mail.store().count(MailStore.REGISTERED)).isEqualTo(n);
    assertThat(count(MailServer.LOGIN, MailServer.PASSWORD, "INBOX")).isZero();
  }

  @Test
  void smtpDownForAWhileThenUpDeliversOnce() throws Exception {
    server.deliver(message("down", "SMTP", "salam"));
    poller.pollOnce();
    String number = requests().get(0).number();
    // The sender's own clock, moved by the test: back-off is waited out without sleeping.
    TestClock clock = new TestClock(Instant.now());
    OutboxSender retrying = new OutboxSender(mail.store(), server.settings(), clock, Duration.ofMillis(50),
        Duration.ofMillis(400));
    server.stop();
    assertThat(retrying.sendDue()).isZero(); // refused
    assertThat(retrying.sendDue()).isZero(); // not due again before its back-off
    MailStore.OutboxEntry e = mail.store().outbox(number).get(0);
    assertThat(e.status()).isEqualTo("pending");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.lastError()).isPresent();
    server.start();
    clock.advance(Duration.ofMillis(400)); // the longest back-off
    assertThat(retrying.sendDue()).isEqualTo(1);
    clock.advance(Duration.ofHours(1));
    assertThat(retrying.sendDue()).as("a sent message is never due again").isZero();
    assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(server.getReceivedMessagesForDomain("example.az")).hasSize(1);
    assertThat(mail.store().outbox(number)).singleElement().satisfies(x -> assertThat(x.status()).isEqualTo("sent"));
  }
}
