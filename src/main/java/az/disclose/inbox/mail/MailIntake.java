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
        logDuplicate(key, seen.get(), parsed.raw());
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

  /**
   * One log line for a message processed before. When its bytes differ from those processed under
   * its key (two different messages with one Message-ID, or a copy changed on the way) — whatever the
   * first one became: a request, a reply, an auto-reply — the variant is recorded under {@code
   * sha256:<hex>} of its bytes, with them, and noted once in the history of the request the key
   * belongs to. The first message's digest is recorded with its key; rows older than that column are
   * compared with the bytes kept for them, where there are some.
   */
  private void logDuplicate(String key, MailStore.Processed p, byte[] raw) throws StoreException {
    String was = p.outcome() + p.requestNumber().map(n -> " " + n).orElse("");
    Optional<Boolean> same;
    if (key.startsWith("sha256:")) {
      same = Optional.of(true); // the key is the digest of the bytes
    } else {
      Optional<String> digest = mail.digest(key);
      same = digest.isPresent()
          ? Optional.of(digest.get().equals(sha256(raw)))
          : mail.raw(key).map(kept -> java.util.Arrays.equals(kept, raw));
    }
    if (same.orElse(true)) {
      LOG.info("mail {}: DUPLICATE of the message processed before ({}){}; nothing changed", key, was,
          same.isEmpty() ? "" : ", same bytes");
      return;
    }
    String variant = sha256(raw);
    boolean first = mail.processed(variant).isEmpty();
    LOG.warn("mail {}: DUPLICATE Message-ID with different bytes ({} bytes, {}) than the message processed before ({});"
        + " not processed again{}", key, raw.length, variant, was, first ? ", noted in the history" : ", seen before");
    if (first) {
      Instant now = now();
      mail.requests().<Void, RuntimeException>write(tx -> {
        MailStore.recordMessage(tx, variant, now, MailStore.DUPLICATE, p.requestNumber().orElse(null), raw, variant);
        if (p.requestNumber().isPresent() && tx.lock(p.requestNumber().get()).isPresent()) {
          tx.append(p.requestNumber().get(), now, RegisterService.SYSTEM, EventKind.NOTE, "another e-mail with the"
              + " same Message-ID " + key + " but different content arrived (" + raw.length + " bytes, " + variant
              + "); it was not registered again, its raw bytes are kept with the mail records under " + variant, false);
        }
        return null;
      });
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
          MailStore.recordMessage(tx, key, now, MailStore.AUTO_REPLY, null, m.raw(), sha256(m.raw()));
          return null;
        });
        return new Result(Outcome.AUTO_REPLY, key, Optional.empty(), c.reason());
      }
      case BOUNCE -> {
        Optional<String> number = c.requestNumber();
        boolean noted = mail.requests().<Boolean, RuntimeException>write(tx -> {
          MailStore.recordMessage(tx, key, now, MailStore.BOUNCE, number.orElse(null), m.raw(), sha256(m.raw()));
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
        return registerNew(key, m, mentioned(m));
      }
    }
  }

  /**
   * The request this message replies to: our Message-ID in In-Reply-To/References (whoever sends
   * it: it answers our mail), else a number in the subject (any case) when the message comes from
   * that request's own address (From or Reply-To). A number quoted by anyone else is only a mention.
   */
  private Optional<String> repliedRequest(ParsedMessage m) throws StoreException {
    for (String id : m.inReplyTo()) {
      Optional<String> n = classifier.numberInMessageId(id);
      if (n.isPresent() && mail.requests().find(n.get()).isPresent()) {
        return n;
      }
    }
    Optional<String> n = classifier.numberIn(m.subject());
    if (n.isPresent()) {
      Optional<StoredRequest> r = mail.requests().find(n.get());
      if (r.isPresent() && sameAddress(r.get().email(), m)) {
        return n;
      }
    }
    return Optional.empty();
  }

  private static boolean sameAddress(String requestEmail, ParsedMessage m) {
    String e = requestEmail == null ? "" : requestEmail.strip();
    return !e.isEmpty() && (e.equalsIgnoreCase(m.fromAddress()) || e.equalsIgnoreCase(m.replyAddress()));
  }

  /** A request of the register that a new message mentions (subject first, then text), if any. */
  private Optional<String> mentioned(ParsedMessage m) throws StoreException {
    for (String t : List.of(m.subject(), m.text())) {
      Optional<String> n = classifier.numberIn(t);
      if (n.isPresent() && mail.requests().find(n.get()).isPresent()) {
        return n;
      }
    }
    return Optional.empty();
  }

  private Optional<Result> reply(String key, ParsedMessage m, String number, Instant now) throws StoreException {
    List<Attachment> files = new ArrayList<>(m.attachments());
    files.add(new Attachment("message-" + now.toEpochMilli() + ".eml", RAW_TYPE, m.raw()));
    String text = "e-mail from " + m.fromAddress() + (m.subject().isEmpty() ? "" : ": " + m.subject()) + "\n\n"
        + m.text() + (m.attachments().isEmpty() ? "" : "\n\n[" + m.attachments().size() + " attachment(s)]")
        + (m.notes().isEmpty() ? "" : "\n\n[" + String.join("; ", m.notes()) + "]");
    boolean added = mail.requests().<Boolean, RuntimeException>write(tx -> {
      Optional<StoredRequest> r = tx.lock(number);
      if (r.isEmpty()) {
        return false;
      }
      HistoryEvent e = tx.append(number, now, REQUESTER, EventKind.MAIL_RECEIVED, text, false);
      tx.addAttachments(number, REPLY_ROLE, e.id(), files);
      MailStore.recordMessage(tx, key, now, MailStore.REPLY, number, null, sha256(m.raw()));
      return true;
    });
    return added
        ? Optional.of(new Result(Outcome.REPLY, key, Optional.of(number), "reply from " + m.fromAddress()))
        : Optional.empty();
  }

  private Result registerNew(String key, ParsedMessage m, Optional<String> mention) throws RegisterException {
    var receipt = register.register(submission(m), new RegisterService.InTransaction() {
      @Override
      public void registered(RequestTx tx, RegisterService.Registered r) throws SQLException {
        MailStore.recordMessage(tx, key, r.event().at(), MailStore.REGISTERED, r.number(), null, sha256(m.raw()));
        for (String note : m.notes()) { // a part that could not be read: the officers see what was kept
          tx.append(r.number(), r.event().at(), RegisterService.SYSTEM, EventKind.NOTE, "e-mail: " + note, false);
        }
        if (mention.isPresent() && tx.lock(mention.get()).isPresent()) { // linked both ways, internal notes
          tx.append(r.number(), r.event().at(), RegisterService.SYSTEM, EventKind.NOTE,
              "the e-mail mentions request " + mention.get() + " (from another address: registered as new)", false);
          tx.append(mention.get(), r.event().at(), RegisterService.SYSTEM, EventKind.NOTE,
              "mentioned by request " + r.number() + ", an e-mail from " + m.fromAddress(), false);
        }
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
