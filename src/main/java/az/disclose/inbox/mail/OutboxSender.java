package az.disclose.inbox.mail;

import az.disclose.inbox.RegisterService;
import az.disclose.inbox.StoreException;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.StoredAttachment;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox over SMTP, with retries and exponential back-off: a failed attempt is tried
 * again after {@code firstRetry}, then twice as long each time, at most {@code maxRetry} apart, for
 * ever (an SMTP outage delays mail, never loses it). A permanent refusal of the recipient (5xx, an
 * invalid address) marks the mail {@code failed} and notes the address as undeliverable in the
 * request's history. A sent mail is marked {@code sent}, with a MAIL_SENT event, in one transaction
 * after the server accepted it; a crash between the two sends it again on restart with the same
 * Message-ID (mail clients show one). Thread-safe; one pass at a time.
 */
public final class OutboxSender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int BATCH = 50;

  private final MailStore mail;
  private final MailSettings settings;
  private final MailSettings.Server smtp;
  private final Clock clock;
  private final Duration firstRetry;
  private final Duration maxRetry;
  private final Session session;
  private final Object lifecycle = new Object();
  private ScheduledExecutorService executor;
  /** Since when the SMTP server has not answered, or null; only read and written by {@link #sendDue}. */
  private Instant outageSince;

  public OutboxSender(MailStore mail, MailSettings settings, Clock clock, Duration firstRetry, Duration maxRetry) {
    this.mail = mail;
    this.settings = settings;
    this.smtp = settings.smtp().orElseThrow(() -> new IllegalArgumentException("no mail.smtp section"));
    this.clock = clock;
    this.firstRetry = firstRetry;
    this.maxRetry = maxRetry;
    this.session = Session.getInstance(properties(smtp));
  }

  /** The usual production back-off: 30 s, 1 min, 2 min, ... at most 1 hour apart. */
  public static OutboxSender withDefaults(MailStore mail, MailSettings settings) {
    return new OutboxSender(mail, settings, Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofHours(1));
  }

  static Properties properties(MailSettings.Server s) {
    Properties p = s.sessionProperties("smtp", 30_000);
    String proto = s.protocol("smtp");
    p.setProperty("mail.transport.protocol", proto);
    p.setProperty("mail." + proto + ".auth", Boolean.toString(!s.user().isEmpty()));
    return p;
  }

  /** Sends every due mail once (one SMTP connection); returns how many were sent. Never throws. */
  public synchronized int sendDue() {
    List<MailStore.OutboxEntry> due;
    try {
      due = mail.due(clock.instant(), BATCH);
    } catch (StoreException e) {
      LOG.warn("outbox: cannot read the outbox: {}", e.getMessage());
      return 0;
    }
    if (due.isEmpty()) {
      return 0;
    }
    int sent = 0;
    try (Transport t = session.getTransport()) {
      t.connect(smtp.host(), smtp.port(), smtp.user().isEmpty() ? null : smtp.user(),
          smtp.password().isEmpty() ? null : smtp.password());
      if (outageSince != null) {
        LOG.info("outbox: SMTP server {} answers again after {} unavailable; {} mail(s) waiting are being sent", smtp,
            Duration.between(outageSince, now()), waiting());
        outageSince = null;
      }
      for (MailStore.OutboxEntry e : due) {
        try {
          MimeMessage m = message(e);
          t.sendMessage(m, m.getAllRecipients());
          recordSent(e);
          sent++;
        } catch (SendFailedException x) {
          if (x.getInvalidAddresses() != null && x.getInvalidAddresses().length > 0) {
            recordFailed(e, x);
          } else {
            retry(e, x, false);
          }
        } catch (MessagingException | StoreException | RuntimeException x) {
          if (!t.isConnected()) { // the connection dropped: the rest of the pass waits with this one
            outage(x);
            retry(e, x, true);
            break;
          }
          retry(e, x, false);
        }
      }
    } catch (MessagingException e) {
      outage(e);
      for (MailStore.OutboxEntry x : due) {
        retry(x, e, true);
      }
    }
    return sent;
  }

  /** One WARN when the SMTP server stops answering, with the number of mails waiting; quiet until it answers. */
  private void outage(Exception e) {
    if (outageSince == null) {
      outageSince = now();
      LOG.warn("outbox: SMTP server {} unavailable ({}); {} mail(s) waiting, retried with back-off (logged again"
          + " when the server answers)", smtp, e.getMessage(), waiting());
    } else {
      LOG.debug("outbox: SMTP server {} still unavailable ({})", smtp, e.getMessage());
    }
  }

  private String waiting() {
    try {
      return Long.toString(mail.pendingCount());
    } catch (StoreException e) {
      return "an unknown number of";
    }
  }

  /** The message of an outbox entry, with its stable Message-ID. */
  MimeMessage message(MailStore.OutboxEntry e) throws MessagingException, StoreException {
    String id = e.messageId();
    MimeMessage m = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", id);
      }
    };
    m.setFrom(encoded(settings.from()));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(e.recipient(), false));
    m.setSubject(e.subject(), "UTF-8");
    m.setSentDate(Date.from(e.createdAt()));
    if (!e.inReplyTo().isEmpty()) {
      m.setHeader("In-Reply-To", e.inReplyTo());
      m.setHeader("References", e.inReplyTo());
    }
    if (e.kind().equals(Outbox.ACKNOWLEDGEMENT)) {
      m.setHeader("Auto-Submitted", e.inReplyTo().isEmpty() ? "auto-generated" : "auto-replied");
    }
    if (e.kind().equals(UnitReminderMail.KIND)) {
      m.setHeader("Auto-Submitted", "auto-generated");
    }
    if (!e.requestNumber().isEmpty()) { // a unit's reminder belongs to no request
      m.setHeader("X-Disclose-Request", e.requestNumber());
    }
    List<Attachment> files = new ArrayList<>();
    if (e.kind().equals("answer")) {
      for (StoredAttachment a : mail.requests().attachments(e.requestNumber())) {
        if (a.historyId() == e.historyId()) {
          files.add(a.attachment());
        }
      }
    }
    if (files.isEmpty()) {
      m.setText(e.body(), "UTF-8");
    } else {
      MimeMultipart mp = new MimeMultipart();
      MimeBodyPart text = new MimeBodyPart();
      text.setText(e.body(), "UTF-8");
      mp.addBodyPart(text);
      for (Attachment a : files) {
        MimeBodyPart p = new MimeBodyPart();
        p.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.contentType().isEmpty()
            ? "application/octet-stream" : a.contentType())));
        p.setFileName(a.fileName());
        p.setDisposition(MimeBodyPart.ATTACHMENT);
        mp.addBodyPart(p);
      }
      m.setContent(mp);
    }
    m.saveChanges();
    return m;
  }

  /**
   * The address with its display name encoded (RFC 2047, UTF-8) when it is not ASCII: Jakarta keeps
   * a parsed display name as written, which would put raw UTF-8 bytes into the From header.
   */
  static InternetAddress encoded(String address) throws MessagingException {
    InternetAddress parsed = new InternetAddress(address, false);
    String personal = parsed.getPersonal();
    if (personal == null || personal.isBlank()) {
      return new InternetAddress(parsed.getAddress());
    }
    try {
      return new InternetAddress(parsed.getAddress(), personal, "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private void recordSent(MailStore.OutboxEntry e) throws StoreException {
    Instant now = now();
    mail.requests().<Void, RuntimeException>write(tx -> {
      MailStore.markSent(tx, e.id(), now, e.attempts() + 1);
      if (tx.lock(e.requestNumber()).isPresent()) {
        tx.append(e.requestNumber(), now, RegisterService.SYSTEM, EventKind.MAIL_SENT,
            "e-mail sent to " + e.recipient() + ": " + e.subject() + " " + e.messageId(), false);
      }
      return null;
    });
    LOG.info("outbox: sent {} ({}) to {}", e.messageId(), e.kind(), e.recipient());
  }

  private void recordFailed(MailStore.OutboxEntry e, Exception x) {
    Instant now = now();
    try {
      mail.requests().<Void, RuntimeException>write(tx -> {
        MailStore.markAttempt(tx, e.id(), "failed", e.attempts() + 1, now, String.valueOf(x.getMessage()));
        if (tx.lock(e.requestNumber()).isPresent()) {
          tx.append(e.requestNumber(), now, RegisterService.SYSTEM, EventKind.MAIL_UNDELIVERABLE,
              "the mail server refused " + e.recipient() + " (" + x.getMessage() + "): " + e.subject(), false);
        }
        return null;
      });
      LOG.warn("outbox: {} refused for {}: {}", e.messageId(), e.recipient(), x.getMessage());
    } catch (StoreException s) {
      LOG.warn("outbox: cannot record the refusal of {}: {}", e.messageId(), s.getMessage());
    }
  }

  private void retry(MailStore.OutboxEntry e, Exception x, boolean duringOutage) {
    int attempts = e.attempts() + 1;
    Duration delay = backoff(attempts);
    Instant next = now().plus(delay);
    try {
      mail.requests().<Void, RuntimeException>write(tx -> {
        MailStore.markAttempt(tx, e.id(), "pending", attempts, next, String.valueOf(x.getMessage()));
        return null;
      });
    } catch (StoreException s) {
      LOG.warn("outbox: cannot record the attempt on {}: {}", e.messageId(), s.getMessage());
    }
    if (duringOutage) {
      LOG.debug("outbox: {} not sent (attempt {}: {}); next try in {}", e.messageId(), attempts, x.getMessage(), delay);
    } else {
      LOG.info("outbox: {} not sent (attempt {}: {}); next try in {}", e.messageId(), attempts, x.getMessage(), delay);
    }
  }

  /** {@code firstRetry * 2^(attempts-1)}, at most {@code maxRetry}. */
  Duration backoff(int attempts) {
    Duration d = firstRetry;
    for (int i = 1; i < attempts && d.compareTo(maxRetry) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxRetry) > 0 ? maxRetry : d;
  }

  /** Sends due mail every {@code interval} on a daemon thread, until {@link #close}. */
  public void start(Duration interval) {
    synchronized (lifecycle) {
      if (executor != null) {
        return;
      }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "disclose-outbox");
      t.setDaemon(true);
      return t;
    });
      executor.scheduleWithFixedDelay(this::sendDue, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
    LOG.info("outbox: sending through {} every {}", smtp, interval);
  }

  @Override
  public void close() {
    ScheduledExecutorService e;
    synchronized (lifecycle) {
      e = executor;
      executor = null;
    }
    if (e != null) {
      e.shutdownNow();
      try {
        e.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
