package az.disclose.inbox.mail;

import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.RegisterService;
import az.disclose.inbox.RequestTx;
import az.disclose.inbox.StoreException;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.StoredRequest;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One incoming message, raw, to exactly one outcome: a new numbered request, a reply added to the
 * history of the request it answers, an ignored auto-reply, a bounce noted on our request, or a
 * quarantine entry. The message's key (its Message-ID, or {@code sha256:<hex>} of its raw bytes when
 * it has none or cannot be parsed) is stored in the same transaction as the outcome, so a message
 * fetched again (after a crash, a dropped connection, or delivered twice) is recognised and changes
 * nothing. The raw bytes are always kept: with the request, as an attachment of the reply, in
 * {@code mail_messages} (auto-replies, bounces) or in the quarantine. Thread-safe.
 */
public final class MailIntake {
  private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);
  /** The actor of events caused by the requester's own mail. */
  public static final String REQUESTER = "requester";
  /** Attachment role of files that came with a reply. */
  public static final String REPLY_ROLE = "reply";
  public static final String RAW_TYPE = "message/rfc822";

  public enum Outcome {
    REGISTERED,
    REPLY,
    AUTO_REPLY,
    BOUNCE,
    QUARANTINED,
    /** Processed before (same key): nothing changed. */
    DUPLICATE
  }

  /** What became of a message. */
  public record Result(Outcome outcome, String key, Optional<String> number, String detail) {}

  private final RegisterService register;
  private final MailStore mail;
  private final MessageParser parser = new MessageParser();
  private final Classifier classifier;
  private final Clock clock;

  public MailIntake(RegisterService register, MailStore mail, Classifier classifier, Clock clock) {
    this.register = register;
    this.mail = mail;
    this.classifier = classifier;
    this.clock = clock;
  }

  public MailStore store() {
    return mail;
  }

  /** The clock of the intake (the poller stamps its state with it). */
  Clock clock() {
    return clock;
  }

  /**
   * Processes one raw message. Throws only when the database cannot record the outcome (then nothing
   * was recorded, and the message must stay in the mailbox to be tried again).
   */
  public Result ingest(byte[] raw) throws RegisterException {
    ParseResult parsed = parser.parse(raw);
    String key = key(parsed);
    // the same message twice in one batch: the second waits for the first and is then a duplicate
    Object lock = inFlight.computeIfAbsent(key, k -> new Object());
    try {
      synchronized (lock) {
        return ingest(parsed, key);
      }
    } finally {
      inFlight.remove(key, lock);
    }
  }

  private final java.util.concurrent.ConcurrentHashMap<String, Object> inFlight =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Result ingest(ParseResult parsed, String key) throws RegisterException {
    try {
      Optional<MailStore.Processed> seen = mail.processed(key);
      if (seen.isPresent()) {
        return duplicate(key, seen.get());
      }
      Result r = parsed instanceof ParseFailure f ? quarantine(key, f) : route(key, ((ParseResult.Parsed) parsed).message());
      LOG.info("mail {}: {}{} ({})", key, r.outcome(), r.number().map(n -> " " + n).orElse(""), r.detail());
      return r;
    } catch (StoreException e) {
      // a racing poller may have recorded the same key: then this one is a duplicate
      Optional<MailStore.Processed> seen = processedQuietly(key);
      if (seen.isPresent()) {
        return duplicate(key, seen.get());
      }
      throw new RegisterException("the message " + key + " could not be recorded: " + e.getMessage(), e);
    } catch (RegisterException e) {
      Optional<MailStore.Processed> seen = processedQuietly(key);
      if (seen.isPresent()) {
        return duplicate(key, seen.get());
      }
      throw e;
    }
  }

  private Optional<MailStore.Processed> processedQuietly(String key) {
    try {
      return mail.processed(key);
    } catch (StoreException e) {
      return Optional.empty();
    }
  }

  private static Result duplicate(String key, MailStore.Processed p) {
    return new Result(Outcome.DUPLICATE, key, p.requestNumber(), "already processed: " + p.outcome());
  }

  /** The message's dedupe key: its Message-ID, else {@code sha256:<hex>} of the raw bytes. */
  public static String key(ParseResult r) {
    if (r instanceof ParseResult.Parsed p && !p.message().messageId().isEmpty()) {
      String id = p.message().messageId();
      return id.length() > 900 ? sha256(id.getBytes(StandardCharsets.UTF_8)) : id;
    }
    return sha256(r.raw());
  }

  static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private Result quarantine(String key, ParseFailure f) throws StoreException {
    Instant now = now();
    mail.requests().<Void, RuntimeException>write(tx -> {
      MailStore.quarantine(tx, key, now, f.reason(), f.raw());
      return null;
    });
    LOG.warn("mail {} quarantined: {}", key, f.reason());
    return new Result(Outcome.QUARANTINED, key, Optional.empty(), f.reason());
  }

  private Result route(String key, ParsedMessage m) throws StoreException, RegisterException {
    Classifier.Classification c = classifier.classify(m);
    Instant now = now();
    switch (c.kind()) {
      case AUTO_REPLY -> {
        mail.requests().<Void, RuntimeException>write(tx -> {
          MailStore.recordMessage(tx, key, now, MailStore.AUTO_REPLY, null, m.raw());
          return null;
        });
        return new Result(Outcome.AUTO_REPLY, key, Optional.empty(), c.reason());
      }
      case BOUNCE -> {
        Optional<String> number = c.requestNumber();
        boolean noted = mail.requests().<Boolean, RuntimeException>write(tx -> {
          MailStore.recordMessage(tx, key, now, MailStore.BOUNCE, number.orElse(null), m.raw());
          if (number.isPresent() && tx.lock(number.get()).isPresent()) {
            tx.append(number.get(), now, RegisterService.SYSTEM, EventKind.MAIL_UNDELIVERABLE,
                "mail to " + (c.failedRecipients().isEmpty() ? "the requester" : String.join(", ", c.failedRecipients()))
                    + " could not be delivered (" + c.reason() + "; report " + key + ")", false);
            return true;
          }
          return false;
        });
        return new Result(Outcome.BOUNCE, key, noted ? number : Optional.empty(), c.reason());
      }
      default -> {
        Optional<String> replyTo = repliedRequest(m);
        if (replyTo.isPresent()) {
          Optional<Result> r = reply(key, m, replyTo.get(), now);
          if (r.isPresent()) {
            return r.get();
          }
        }
        return registerNew(key, m);
      }
    }
  }

  /** The request this message replies to: our Message-ID in In-Reply-To/References, else a number in the subject. */
  private Optional<String> repliedRequest(ParsedMessage m) throws StoreException {
    List<String> candidates = new ArrayList<>();
    for (String id : m.inReplyTo()) {
      classifier.numberInMessageId(id).ifPresent(candidates::add);
    }
    classifier.numberIn(m.subject()).ifPresent(candidates::add);
    for (String n : candidates) {
      if (mail.requests().find(n).isPresent()) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  private Optional<Result> reply(String key, ParsedMessage m, String number, Instant now) throws StoreException {
    List<Attachment> files = new ArrayList<>(m.attachments());
    files.add(new Attachment("message-" + now.toEpochMilli() + ".eml", RAW_TYPE, m.raw()));
    String text = "e-mail from " + m.fromAddress() + (m.subject().isEmpty() ? "" : ": " + m.subject()) + "\n\n"
        + m.text() + (m.attachments().isEmpty() ? "" : "\n\n[" + m.attachments().size() + " attachment(s)]");
    boolean added = mail.requests().<Boolean, RuntimeException>write(tx -> {
      Optional<StoredRequest> r = tx.lock(number);
      if (r.isEmpty()) {
        return false;
      }
      HistoryEvent e = tx.append(number, now, REQUESTER, EventKind.MAIL_RECEIVED, text, false);
      tx.addAttachments(number, REPLY_ROLE, e.id(), files);
      MailStore.recordMessage(tx, key, now, MailStore.REPLY, number, null);
      return true;
    });
    return added
        ? Optional.of(new Result(Outcome.REPLY, key, Optional.of(number), "reply from " + m.fromAddress()))
        : Optional.empty();
  }

  private Result registerNew(String key, ParsedMessage m) throws RegisterException {
    var receipt = register.register(submission(m), new RegisterService.InTransaction() {
      @Override
      public void registered(RequestTx tx, RegisterService.Registered r) throws SQLException {
        MailStore.recordMessage(tx, key, r.event().at(), MailStore.REGISTERED, r.number(), null);
      }
    });
    return new Result(Outcome.REGISTERED, key, Optional.of(receipt.number()), "from " + m.fromAddress());
  }

  /** The request as the register stores it: every field, the attachments, the raw message. */
  static Submission submission(ParsedMessage m) {
    String name = m.fromName().isBlank() ? m.fromAddress() : m.fromName();
    String subject = m.subject().isBlank() ? "(mövzu yoxdur)" : m.subject();
    return new Submission(Channel.EMAIL, RequestType.INFORMATION, Urgency.NORMAL, name, m.replyAddress(), subject,
        m.text(), "az", m.attachments(), m.raw(), RAW_TYPE, m.fromAddress());
  }
}
