package az.disclose.inbox.mail;

import az.disclose.inbox.PurgeParticipant;
import az.disclose.inbox.RequestStore;
import az.disclose.inbox.RequestTx;
import az.disclose.inbox.StoreException;
import az.disclose.inbox.Tables;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mail tables (migration V2__mail.sql): processed messages by key, the quarantine, the outbox.
 * Their statements live here only. Writes that belong to a register change take its {@link
 * RequestTx}; the rest run in their own transaction through {@link RequestStore#write}; reads run
 * through {@link RequestStore#read}. {@link #purgeParticipant()} removes a purged request's mail
 * data in the purge's transaction. Thread-safe.
 */
public final class MailStore {
  private final RequestStore store;

  public MailStore(RequestStore store) {
    this.store = store;
  }

  public RequestStore requests() {
    return store;
  }

  // ---------------------------------------------------------------- processed messages

  /** Outcomes recorded in {@code mail_messages}. */
  public static final String REGISTERED = "registered";
  public static final String REPLY = "reply";
  public static final String AUTO_REPLY = "auto_reply";
  public static final String BOUNCE = "bounce";
  public static final String QUARANTINED = "quarantined";
  /** A message whose Message-ID was processed before but whose bytes differ; kept under its hash. */
  public static final String DUPLICATE = "duplicate";

  /** A processed message: its outcome and the request it went to, if any. */
  public record Processed(String key, Instant receivedAt, String outcome, Optional<String> requestNumber) {}

  public Optional<Processed> processed(String key) throws StoreException {
    return store.read(t -> t.queryFirst(
        "SELECT message_key, received_at, outcome, request_number FROM mail_messages WHERE message_key = ?",
        r -> new Processed(r.text(1), Instant.ofEpochMilli(r.number(2)), r.text(3), Optional.ofNullable(r.text(4))),
        key));
  }

  /**
   * Records a processed message (fails on a key already recorded: the transaction is rolled back):
   * {@code keep} its raw bytes when they are not kept elsewhere (null otherwise), {@code digest} the
   * {@code sha256:<hex>} of its raw bytes, to compare a message fetched again under the same key.
   */
  static void recordMessage(RequestTx tx, String key, Instant at, String outcome, String number, byte[] keep,
      String digest) throws SQLException {
    tx.update("INSERT INTO mail_messages (message_key, received_at, outcome, request_number, raw, raw_sha256)"
        + " VALUES (?, ?, ?, ?, ?, ?)", key, at.toEpochMilli(), outcome, number, keep, digest);
  }

  /** The {@code sha256:<hex>} of the raw bytes processed under {@code key}, when recorded (V13 on). */
  public Optional<String> digest(String key) throws StoreException {
    return store.read(t -> t.queryFirst("SELECT raw_sha256 FROM mail_messages WHERE message_key = ?",
        r -> Optional.ofNullable(r.text(1)), key)).flatMap(o -> o);
  }

  static void updateMessage(RequestTx tx, String key, String outcome, String number) throws SQLException {
    tx.update("UPDATE mail_messages SET outcome = ?, request_number = ? WHERE message_key = ?", outcome, number, key);
  }

  /**
   * The raw bytes kept for a processed message, as fetched: the request's raw submission when it was
   * registered, the quarantine entry's bytes, or those kept with an auto-reply or a bounce. Empty for
   * a reply (its raw message is an attachment of the request's history) or an unknown key.
   */
  public Optional<byte[]> raw(String key) throws StoreException {
    return store.read(t -> t.query("SELECT m.raw, r.raw, q.raw FROM mail_messages m"
        + " LEFT JOIN requests r ON m.outcome = ? AND r.number = m.request_number"
        + " LEFT JOIN mail_quarantine q ON q.message_key = m.message_key WHERE m.message_key = ?",
        r -> {
          for (int col = 1; col <= 3; col++) {
            byte[] b = r.bytes(col);
            if (b != null) {
              return Optional.of(b);
            }
          }
          return Optional.<byte[]>empty();
        }, REGISTERED, key)).stream().flatMap(Optional::stream).findFirst();
  }

  /** How many mails of the outbox wait to be sent (for the log of an SMTP outage). */
  public long pendingCount() throws StoreException {
    return store.read(t -> t.query("SELECT COUNT(*) FROM outbox WHERE status = 'pending'", r -> r.number(1)))
        .get(0);
  }

  /** How many messages were processed, by outcome (for tests and operators). */
  public long count(String outcome) throws StoreException {
    return store.read(t -> t.query("SELECT COUNT(*) FROM mail_messages WHERE outcome = ?", r -> r.number(1), outcome)
        .get(0));
  }

  // ---------------------------------------------------------------- quarantine

  /**
   * A message that could not be parsed.
   *
   * @param status {@code open}, {@code registered} or {@code dismissed}
   * @param resolution the request number (registered) or the reason (dismissed)
   */
  public record Quarantined(long id, String key, Instant receivedAt, String reason, int size, String status,
      Optional<Instant> resolvedAt, Optional<String> resolvedBy, Optional<String> resolution) {}

  static void quarantine(RequestTx tx, String key, Instant at, String reason, byte[] raw) throws SQLException {
    tx.update("INSERT INTO mail_quarantine (message_key, received_at, reason, raw, status) VALUES (?, ?, ?, ?, 'open')",
        key, at.toEpochMilli(), reason, raw);
    recordMessage(tx, key, at, QUARANTINED, null, null, MailIntake.sha256(raw));
  }

  private static final String QUARANTINE_COLUMNS =
      "id, message_key, received_at, reason, LENGTH(raw), status, resolved_at, resolved_by, resolution";

  /** The quarantine, oldest first: the open entries, or all of them. */
  public List<Quarantined> quarantined(boolean all) throws StoreException {
    return store.read(t -> t.query("SELECT " + QUARANTINE_COLUMNS + " FROM mail_quarantine"
        + (all ? "" : " WHERE status = 'open'") + " ORDER BY id", MailStore::quarantined));
  }

  public Optional<Quarantined> quarantined(long id) throws StoreException {
    return store.read(t -> t.queryFirst("SELECT " + QUARANTINE_COLUMNS + " FROM mail_quarantine WHERE id = ?",
        MailStore::quarantined, id));
  }

  public Optional<byte[]> quarantinedRaw(long id) throws StoreException {
    return store.read(t -> t.queryFirst("SELECT raw FROM mail_quarantine WHERE id = ?", r -> r.bytes(1), id));
  }

  private static Quarantined quarantined(Tables.Row r) throws SQLException {
    return new Quarantined(r.number(1), r.text(2), Instant.ofEpochMilli(r.number(3)), r.text(4), (int) r.number(5),
        r.text(6), r.optionalNumber(7).map(Instant::ofEpochMilli), Optional.ofNullable(r.text(8)),
        Optional.ofNullable(r.text(9)));
  }

  /** Resolves an open entry; false when it is not open (the caller says so). */
  static boolean resolve(RequestTx tx, long id, String status, Instant at, String actor, String resolution)
      throws SQLException {
    return tx.update("UPDATE mail_quarantine SET status = ?, resolved_at = ?, resolved_by = ?, resolution = ?"
        + " WHERE id = ? AND status = 'open'", status, at.toEpochMilli(), actor, resolution, id) == 1;
  }

  // ---------------------------------------------------------------- outbox

  /** A mail waiting in (or sent from) the outbox. */
  public record OutboxEntry(long id, String requestNumber, long historyId, String kind, String messageId,
      String recipient, String subject, String body, String inReplyTo, Instant createdAt, String status, int attempts,
      Instant nextAttemptAt, Optional<Instant> sentAt, Optional<String> lastError) {}

  static long enqueue(RequestTx tx, String number, long historyId, String kind, String messageId,
      String recipient, String subject, String body, String inReplyTo, Instant at) throws SQLException {
    return tx.queryFirst("INSERT INTO outbox (request_number, history_id,"
        + " kind, message_id, recipient, subject, body, in_reply_to, created_at, status, attempts, next_attempt_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?) RETURNING id", r -> r.number(1), number, historyId,
        kind, messageId, recipient, subject, body, inReplyTo, at.toEpochMilli(), at.toEpochMilli())
        .orElseThrow(() -> new SQLException("no id for the new outbox entry of " + number));
  }

  /** The Message-ID of the first mail to the request (its acknowledgement), to thread the later ones. */
  static Optional<String> firstMessageId(RequestTx tx, String number) throws SQLException {
    return tx.queryFirst("SELECT message_id FROM outbox WHERE request_number = ? ORDER BY id LIMIT 1",
        r -> r.text(1), number);
  }

  private static final String OUTBOX_COLUMNS = "id, request_number, history_id, kind, message_id, recipient, subject,"
      + " body, in_reply_to, created_at, status, attempts, next_attempt_at, sent_at, last_error";

  /** Mail waiting in the outbox to be sent (count, and when the oldest was queued). */
  public record Waiting(long count, Optional<Instant> oldest) {}

  /** The outbox's pending mail, whether due or waiting for a retry. */
  public Waiting waiting() throws StoreException {
    return store.read(t -> t.query("SELECT COUNT(*), MIN(created_at) FROM outbox WHERE status = 'pending'",
        r -> new Waiting(r.number(1), r.optionalNumber(2).map(Instant::ofEpochMilli))).get(0));
  }

  /** Pending mail due at {@code now}, oldest first. */
  public List<OutboxEntry> due(Instant now, int limit) throws StoreException {
    return store.read(t -> t.query("SELECT " + OUTBOX_COLUMNS + " FROM outbox"
        + " WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?", MailStore::outboxEntry,
        now.toEpochMilli(), limit));
  }

  /** Every outbox entry of a request (or all, when {@code number} is null), oldest first. */
  public List<OutboxEntry> outbox(String number) throws StoreException {
    String sql = "SELECT " + OUTBOX_COLUMNS + " FROM outbox" + (number == null ? "" : " WHERE request_number = ?")
        + " ORDER BY id";
    return store.read(t -> number == null
        ? t.query(sql, MailStore::outboxEntry)
        : t.query(sql, MailStore::outboxEntry, number));
  }

  private static OutboxEntry outboxEntry(Tables.Row r) throws SQLException {
    return new OutboxEntry(r.number(1), r.text(2), r.number(3), r.text(4), r.text(5), r.text(6), r.text(7), r.text(8),
        r.text(9), Instant.ofEpochMilli(r.number(10)), r.text(11), (int) r.number(12),
        Instant.ofEpochMilli(r.number(13)), r.optionalNumber(14).map(Instant::ofEpochMilli),
        Optional.ofNullable(r.text(15)));
  }

  static void markSent(RequestTx tx, long id, Instant at, int attempts) throws SQLException {
    tx.update("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = ?, last_error = NULL WHERE id = ?",
        at.toEpochMilli(), attempts, id);
  }

  static void markAttempt(RequestTx tx, long id, String status, int attempts, Instant next, String error)
      throws SQLException {
    tx.update("UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
        status, attempts, next.toEpochMilli(), error.length() > 1000 ? error.substring(0, 1000) : error, id);
  }

  // ---------------------------------------------------------------- purge

  /**
   * The mail tables' part of {@code disclose requests purge}, to register with {@link
   * az.disclose.inbox.RegisterService#addPurgeParticipant}: a purged request's processed-message
   * keys (the message, its replies and bounces), its outbox rows and the quarantine entries
   * registered as it; and, tied to no request, dismissed quarantine entries and stray auto-replies,
   * bounces and differing duplicates older than the cut-off. Open quarantine entries are never touched.
   */
  public PurgeParticipant purgeParticipant() {
    return new PurgeParticipant() {
      @Override
      public Removed ofRequest(Tables tx, String number, boolean dryRun) throws SQLException {
        int messages = count(tx, "SELECT COUNT(*) FROM mail_messages WHERE request_number = ?", number);
        int outbox = count(tx, "SELECT COUNT(*) FROM outbox WHERE request_number = ?", number);
        int quarantine = count(tx, "SELECT COUNT(*) FROM mail_quarantine WHERE status = 'registered' AND resolution = ?",
            number);
        if (!dryRun) {
          tx.update("DELETE FROM mail_messages WHERE request_number = ?", number);
          tx.update("DELETE FROM outbox WHERE request_number = ?", number);
          tx.update("DELETE FROM mail_quarantine WHERE status = 'registered' AND resolution = ?", number);
        }
        return new Removed(messages, outbox, quarantine, List.of());
      }

      @Override
      public Removed unattached(Tables tx, Instant cutoff, boolean dryRun) throws SQLException {
        long before = cutoff.toEpochMilli();
        record Dismissed(long id, String key) {}
        List<Dismissed> dismissed = tx.query("SELECT id, message_key FROM mail_quarantine"
            + " WHERE status = 'dismissed' AND received_at < ? AND resolved_at < ? ORDER BY id",
            r -> new Dismissed(r.number(1), r.text(2)), before, before);
        String stray = " FROM mail_messages WHERE request_number IS NULL AND outcome IN (?, ?, ?) AND received_at < ?";
        int messages = count(tx, "SELECT COUNT(*)" + stray, AUTO_REPLY, BOUNCE, DUPLICATE, before);
        List<Long> ids = new ArrayList<>();
        for (Dismissed d : dismissed) {
          ids.add(d.id());
          if (dryRun) {
            messages += count(tx, "SELECT COUNT(*) FROM mail_messages WHERE message_key = ? AND request_number IS NULL",
                d.key());
          } else {
            tx.update("DELETE FROM mail_quarantine WHERE id = ? AND status = 'dismissed'", d.id());
            messages += tx.update("DELETE FROM mail_messages WHERE message_key = ? AND request_number IS NULL", d.key());
          }
        }
        if (!dryRun) {
          tx.update("DELETE" + stray, AUTO_REPLY, BOUNCE, DUPLICATE, before);
        }
        return new Removed(messages, 0, ids.size(), List.copyOf(ids));
      }
    };
  }

  private static int count(Tables tx, String sql, Object... parameters) throws SQLException {
    return (int) tx.query(sql, r -> r.number(1), parameters).get(0).longValue();
  }
}
