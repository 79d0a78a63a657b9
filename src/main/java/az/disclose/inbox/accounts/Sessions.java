package az.disclose.inbox.accounts;

import az.disclose.inbox.StoreException;
import az.disclose.inbox.Tables;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signed-in sessions of the console, for the web layer to carry in a cookie. An id is {@link
 * #ID_BYTES} random bytes from {@link SecureRandom} (Base64url, no padding); the database keeps only
 * its SHA-256, so a copy of the database opens no session. A session ends after {@link
 * #IDLE_TIMEOUT} without use or {@link #ABSOLUTE_TIMEOUT} after sign-in, whichever comes first, when
 * its account is disabled or its password reset, and at sign-out (of this session, or of all of the
 * account's). {@link #start} gives a new id at every sign-in and ends the session it replaces
 * (no session fixation). Thread-safe.
 */
public final class Sessions {
  /** Random bytes of a session id: 256 bits. */
  public static final int ID_BYTES = 32;
  /** A session unused this long is over. */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
  /** A session this old is over, however busy (a working day and a half). */
  public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);
  /** The last use is written at most this often (a busy page does not write on every request). */
  public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  private final Accounts accounts;
  private final SecureRandom random = new SecureRandom();

  public Sessions(Accounts accounts) {
    this.accounts = accounts;
  }

  /**
   * A live session.
   *
   * @param id the id for the cookie (never stored)
   */
  public record Session(String id, Account account, Instant createdAt, Instant lastSeenAt) {
    @Override
    public String toString() {
      return "Session[" + account.username() + ", since " + createdAt + "]"; // never the id in a log
    }
  }

  /**
   * Starts the session of an account just signed in ({@link Outcome.Result#SIGNED_IN}), with a new
   * id; the session {@code previousId} names (the browser's earlier cookie), if any, ends.
   */
  public Session start(Account account, Optional<String> previousId) throws StoreException {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = accounts.clock().instant();
    accounts.store().write(tx -> {
      if (previousId.isPresent()) {
        delete(tx, hash(previousId.get()));
      }
      tx.update("INSERT INTO account_sessions (id_hash, account_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
          hash(id), account.id(), now.toEpochMilli(), now.toEpochMilli());
      return null;
    });
    return new Session(id, account, now, now);
  }

  /**
   * The live session of {@code id}, its use noted; empty for an unknown, expired or ended id, or one
   * whose account is disabled (an expired one is deleted).
   */
  public Optional<Session> check(String id) throws StoreException {
    if (id == null || id.isEmpty() || id.length() > 2 * ID_BYTES) {
      return Optional.empty();
    }
    String h = hash(id);
    Instant now = accounts.clock().instant();
    record Row(Account account, Instant created, Instant lastSeen) {}
    Optional<Row> row = accounts.read(c -> c.queryFirst("SELECT " + Accounts.COLUMNS + ", s.created_at, s.last_seen_at"
        + " FROM account_sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id_hash = ?",
        r -> new Row(Accounts.account(r, 1), Instant.ofEpochMilli(r.number(9)), Instant.ofEpochMilli(r.number(10))),
        h));
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Row s = row.get();
    boolean expired = !now.isBefore(s.lastSeen().plus(IDLE_TIMEOUT)) || !now.isBefore(s.created().plus(ABSOLUTE_TIMEOUT));
    if (expired || s.account().disabled()) {
      accounts.store().write(tx -> delete(tx, h));
      return Optional.empty();
    }
    Instant seen = s.lastSeen();
    if (!now.isBefore(seen.plus(TOUCH_INTERVAL))) {
      accounts.store().write(tx -> tx.update("UPDATE account_sessions SET last_seen_at = ? WHERE id_hash = ?",
          now.toEpochMilli(), h));
      seen = now;
    }
    return Optional.of(new Session(id, s.account(), s.created(), seen));
  }

  /** Signs this session out (nothing happens for an unknown id). */
  public void end(Session session) throws StoreException {
    Instant now = accounts.clock().instant();
    accounts.store().write(tx -> {
      if (delete(tx, hash(session.id())) > 0) {
        Accounts.record(tx, now, session.account().username(), session.account().username(),
            AuditKind.SIGNED_OUT, "");
      }
      return null;
    });
  }

  /** Signs out every session of the account (a lost laptop, a shared computer); returns how many ended. */
  public int endAll(String username, String actor) throws AccountException, StoreException {
    Account a = accounts.get(username);
    Instant now = accounts.clock().instant();
    return accounts.store().write(tx -> {
      int n = Accounts.endSessions(tx, a.id());
      Accounts.record(tx, now, actor, a.username(), AuditKind.SIGNED_OUT_EVERYWHERE,
          n + " session(s) ended");
      return n;
    });
  }

  /** Deletes every expired session (a housekeeping task may run it; {@link #check} refuses them anyway). */
  public int deleteExpired() throws StoreException {
    Instant now = accounts.clock().instant();
    return accounts.store().write(tx -> tx.update("DELETE FROM account_sessions WHERE last_seen_at <= ? OR created_at <= ?",
        now.minus(IDLE_TIMEOUT).toEpochMilli(), now.minus(ABSOLUTE_TIMEOUT).toEpochMilli()));
  }

  private static int delete(Tables c, String idHash) throws SQLException {
    return c.update("DELETE FROM account_sessions WHERE id_hash = ?", idHash);
  }

  /** The stored form of an id: its SHA-256, in hex. */
  static String hash(String id) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
