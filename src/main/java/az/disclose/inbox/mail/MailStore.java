package az.disclose.inbox.mail;

import az.disclose.inbox.store.JdbcRequestStore;
import az.disclose.inbox.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mail tables (migration V2__mail.sql): processed messages by key, the quarantine, the outbox.
 * Writes that belong to a register change take its {@link JdbcRequestStore.Tx}; the rest run in
 * their own transaction through {@link JdbcRequestStore#write}. Thread-safe.
 */
public final class MailStore {
  private final JdbcRequestStore store;

  public MailStore(JdbcRequestStore store) {
    this.store = store;
  }

  public JdbcRequestStore requests() {
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
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT message_key, received_at, outcome, request_number FROM mail_messages WHERE message_key = ?")) {
        p.setString(1, key);
        try (ResultSet r = p.executeQuery()) {
          return r.next()
              ? Optional.of(new Processed(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3),
                  Optional.ofNullable(r.getString(4))))
              : Optional.empty();
        }
      }
    });
  }

  /** Records a processed message (fails on a key already recorded: the transaction is rolled back). */
  static void recordMessage(JdbcRequestStore.Tx tx, String key, Instant at, String outcome, String number, byte[] raw)
      throws SQLException {
    try (PreparedStatement p = tx.connection().prepareStatement(
        "INSERT INTO mail_messages (message_key, received_at, outcome, request_number, raw) VALUES (?, ?, ?, ?, ?)")) {
      p.setString(1, key);
      p.setLong(2, at.toEpochMilli());
      p.setString(3, outcome);
      p.setString(4, number);
      p.setBytes(5, raw);
      p.executeUpdate();
    }
  }

  static void updateMessage(JdbcRequestStore.Tx tx, String key, String outcome, String number) throws SQLException {
    try (PreparedStatement p = tx.connection().prepareStatement(
        "UPDATE mail_messages SET outcome = ?, request_number = ? WHERE message_key = ?")) {
      p.setString(1, outcome);
      p.setString(2, number);
      p.setString(3, key);
      p.executeUpdate();
    }
  }

  /**
   * The raw bytes kept for a processed message, as fetched: the request's raw submission when it was
   * registered, the quarantine entry's bytes, or those kept with an auto-reply or a bounce. Empty for
   * a reply (its raw message is an attachment of the request's history) or an unknown key.
   */
  public Optional<byte[]> raw(String key) throws StoreException {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT m.outcome, m.raw, r.raw, q.raw FROM mail_messages m"
          + " LEFT JOIN requests r ON m.outcome = ? AND r.number = m.request_number"
          + " LEFT JOIN mail_quarantine q ON q.message_key = m.message_key WHERE m.message_key = ?")) {
        p.setString(1, REGISTERED);
        p.setString(2, key);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            for (int col = 2; col <= 4; col++) {
              byte[] b = r.getBytes(col);
              if (b != null) {
                return Optional.of(b);
              }
            }
          }
          return Optional.empty();
        }
      }
    });
  }

  /** How many mails of the outbox wait to be sent (for the log of an SMTP outage). */
  public long pendingCount() throws StoreException {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")) {
        try (ResultSet r = p.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      }
    });
  }

  /** How many messages were processed, by outcome (for tests and operators). */
  public long count(String outcome) throws StoreException {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM mail_messages WHERE outcome = ?")) {
        p.setString(1, outcome);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      }
    });
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

  static void quarantine(JdbcRequestStore.Tx tx, String key, Instant at, String reason, byte[] raw) throws SQLException {
    try (PreparedStatement p = tx.connection().prepareStatement(
        "INSERT INTO mail_quarantine (message_key, received_at, reason, raw, status) VALUES (?, ?, ?, ?, 'open')")) {
      p.setString(1, key);
      p.setLong(2, at.toEpochMilli());
      p.setString(3, reason);
      p.setBytes(4, raw);
      p.executeUpdate();
    }
    recordMessage(tx, key, at, QUARANTINED, null, null);
  }

  private static final String QUARANTINE_COLUMNS =
      "id, message_key, received_at, reason, LENGTH(raw), status, resolved_at, resolved_by, resolution";

  /** The quarantine, oldest first: the open entries, or all of them. */
  public List<Quarantined> quarantined(boolean all) throws StoreException {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + QUARANTINE_COLUMNS + " FROM mail_quarantine"
          + (all ? "" : " WHERE status = 'open'") + " ORDER BY id")) {
        return quarantineRows(p);
      }
    });
  }

  public Optional<Quarantined> quarantined(long id) throws StoreException {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT " + QUARANTINE_COLUMNS + " FROM mail_quarantine WHERE id = ?")) {
        p.setLong(1, id);
        List<Quarantined> rows = quarantineRows(p);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
      }
    });
  }

  public Optional<byte[]> quarantinedRaw(long id) throws StoreException {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT raw FROM mail_quarantine WHERE id = ?")) {
        p.setLong(1, id);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
        }
      }
    });
  }

  private static List<Quarantined> quarantineRows(PreparedStatement p) throws SQLException {
    List<Quarantined> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        long resolved = r.getLong(7);
        boolean noResolved = r.wasNull();
        out.add(new Quarantined(r.getLong(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)), r.getString(4),
            r.getInt(5), r.getString(6), noResolved ? Optional.empty() : Optional.of(Instant.ofEpochMilli(resolved)),
            Optional.ofNullable(r.getString(8)), Optional.ofNullable(r.getString(9))));
      }
    }
    return out;
  }

  /** Resolves an open entry; false when it is not open (the caller says so). */
  static boolean resolve(JdbcRequestStore.Tx tx, long id, String status, Instant at, String actor, String resolution)
      throws SQLException {
    try (PreparedStatement p = tx.connection().prepareStatement("UPDATE mail_quarantine SET status = ?,"
        + " resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ? AND status = 'open'")) {
      p.setString(1, status);
      p.setLong(2, at.toEpochMilli());
      p.setString(3, actor);
      p.setString(4, resolution);
      p.setLong(5, id);
      return p.executeUpdate() == 1;
    }
  }

  // ---------------------------------------------------------------- outbox

  /** A mail waiting in (or sent from) the outbox. */
  public record OutboxEntry(long id, String requestNumber, long historyId, String kind, String messageId,
      String recipient, String subject, String body, String inReplyTo, Instant createdAt, String status, int attempts,
      Instant nextAttemptAt, Optional<Instant> sentAt, Optional<String> lastError) {}

  static long enqueue(JdbcRequestStore.Tx tx, String number, long historyId, String kind, String messageId,
      String recipient, String subject, String body, String inReplyTo, Instant at) throws SQLException {
    try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO outbox (request_number, history_id,"
        + " kind, message_id, recipient, subject, body, in_reply_to, created_at, status, attempts, next_attempt_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?) RETURNING id")) {
      int i = 0;
      p.setString(++i, number);
      p.setLong(++i, historyId);
      p.setString(++i, kind);
      p.setString(++i, messageId);
      p.setString(++i, recipient);
      p.setString(++i, subject);
      p.setString(++i, body);
      p.setString(++i, inReplyTo);
      p.setLong(++i, at.toEpochMilli());
      p.setLong(++i, at.toEpochMilli());
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** The Message-ID of the first mail to the request (its acknowledgement), to thread the later ones. */
  static Optional<String> firstMessageId(Connection c, String number) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT message_id FROM outbox WHERE request_number = ? ORDER BY id LIMIT 1")) {
      p.setString(1, number);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }

  private static final String OUTBOX_COLUMNS = "id, request_number, history_id, kind, message_id, recipient, subject,"
      + " body, in_reply_to, created_at, status, attempts, next_attempt_at, sent_at, last_error";

  /** Mail waiting in the outbox to be sent (count, and when the oldest was queued). */
  public record Waiting(long count, Optional<Instant> oldest) {}

  /** The outbox's pending mail, whether due or waiting for a retry. */
  public Waiting waiting() throws StoreException {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE status = 'pending'");
          ResultSet r = p.executeQuery()) {
        r.next();
        long count = r.getLong(1);
        long oldest = r.getLong(2);
        return new Waiting(count, r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest)));
      }
    });
  }

  /** Pending mail due at {@code now}, oldest first. */
  public List<OutboxEntry> due(Instant now, int limit) throws StoreException {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + OUTBOX_COLUMNS + " FROM outbox"
          + " WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?")) {
        p.setLong(1, now.toEpochMilli());
        p.setInt(2, limit);
        return outboxRows(p);
      }
    });
  }

  /** Every outbox entry of a request (or all, when {@code number} is null), oldest first. */
  public List<OutboxEntry> outbox(String number) throws StoreException {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + OUTBOX_COLUMNS + " FROM outbox"
          + (number == null ? "" : " WHERE request_number = ?") + " ORDER BY id")) {
        if (number != null) {
          p.setString(1, number);
        }
        return outboxRows(p);
      }
    });
  }

  private static List<OutboxEntry> outboxRows(PreparedStatement p) throws SQLException {
    List<OutboxEntry> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        long sent = r.getLong(14);
        boolean notSent = r.wasNull();
        out.add(new OutboxEntry(r.getLong(1), r.getString(2), r.getLong(3), r.getString(4), r.getString(5),
            r.getString(6), r.getString(7), r.getString(8), r.getString(9), Instant.ofEpochMilli(r.getLong(10)),
            r.getString(11), r.getInt(12), Instant.ofEpochMilli(r.getLong(13)),
            notSent ? Optional.empty() : Optional.of(Instant.ofEpochMilli(sent)), Optional.ofNullable(r.getString(15))));
      }
    }
    return out;
  }

  static void markSent(JdbcRequestStore.Tx tx, long id, Instant at, int attempts) throws SQLException {
    try (PreparedStatement p = tx.connection().prepareStatement(
        "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = ?, last_error = NULL WHERE id = ?")) {
      p.setLong(1, at.toEpochMilli());
      p.setInt(2, attempts);
      p.setLong(3, id);
      p.executeUpdate();
    }
  }

  static void markAttempt(JdbcRequestStore.Tx tx, long id, String status, int attempts, Instant next, String error)
      throws SQLException {
    try (PreparedStatement p = tx.connection().prepareStatement(
        "UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
      p.setString(1, status);
      p.setInt(2, attempts);
      p.setLong(3, next.toEpochMilli());
      p.setString(4, error.length() > 1000 ? error.substring(0, 1000) : error);
      p.setLong(5, id);
      p.executeUpdate();
    }
  }

  // ---------------------------------------------------------------- plumbing

  @FunctionalInterface
  private interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(Read<T> work) throws StoreException {
    try (Connection c = store.dataSource().getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }
}
