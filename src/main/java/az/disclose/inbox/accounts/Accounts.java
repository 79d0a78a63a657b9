package az.disclose.inbox.accounts;

import az.disclose.inbox.store.JdbcRequestStore;
import az.disclose.inbox.store.StoreException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The officers' accounts: who may sign in to the console, and how (docs/console.md). One service
 * for the command line ({@code disclose users}) and the web console, on the register's database.
 * Thread-safe.
 *
 * <p>Passwords and recovery codes are kept as Argon2id hashes only. {@link #MAX_FAILED_ATTEMPTS}
 * wrong passwords or codes in a row lock the account for {@link #LOCK_DURATION}; a sign-in attempt
 * during the lock is refused without looking at the password. Every attempt and every change is
 * written to the append-only audit ({@link #audit}) in the transaction that makes it.
 */
public final class Accounts {
  /** Wrong passwords or codes in a row that lock an account. */
  public static final int MAX_FAILED_ATTEMPTS = 6;
  /** How long a lock lasts. */
  public static final Duration LOCK_DURATION = Duration.ofMinutes(15);
  /** One-time recovery codes given with a second factor. */
  public static final int RECOVERY_CODES = 10;
  /** Characters of a recovery code (without its dash): 10 of 32 letters and digits, 50 bits. */
  static final int RECOVERY_CODE_LENGTH = 10;
  /** The issuer an authenticator app shows beside the account. */
  public static final String DEFAULT_ISSUER = "disclose";
  /** The most audit rows one {@link #audit} call returns. */
  public static final int MAX_AUDIT_ROWS = 10_000;
  /** The longest name kept in the audit for a sign-in under an unknown name. */
  static final int MAX_AUDITED_NAME = 64;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  /** Without 0/o, 1/l/i: read aloud or copied from paper without mistakes. */
  private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  static final String COLUMNS = "a.id, a.username, a.role, a.unit, a.disabled, a.locked_until, a.totp_secret IS NOT NULL,"
      + " a.created_at";

  private final JdbcRequestStore store;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final String issuer;
  private final Totp totp = new Totp();
  private final SecureRandom random = new SecureRandom();
  /** Verified against for an unknown name, so that it takes as long as a wrong password (made on first use). */
  private volatile String decoy;

  public Accounts(JdbcRequestStore store, Clock clock, PasswordHasher hasher, PasswordPolicy policy, String issuer) {
    this.store = store;
    this.clock = clock;
    this.hasher = hasher;
    this.policy = policy;
    this.issuer = issuer;
  }

  private String decoy() {
    String d = decoy;
    if (d == null) {
      d = hasher.hash("decoy password never given to anyone");
      decoy = d;
    }
    return d;
  }

  /** The accounts with the default hash parameters, the shipped password list and issuer. */
  public static Accounts standard(JdbcRequestStore store, Clock clock) {
    return new Accounts(store, clock, PasswordHasher.DEFAULT, PasswordPolicy.standard(), DEFAULT_ISSUER);
  }

  /** A new account, and the second factor enrolled with it when its role needs one. */
  public record Created(Account account, Optional<Enrolment> enrolment) {}

  // ------------------------------------------------------------------ managing

  /**
   * Creates an account. A role that needs a second factor gets one now: the {@link Enrolment} is
   * shown to its owner once.
   */
  public Created create(String username, Role role, Optional<String> unit, String password, String actor)
      throws AccountException, StoreException {
    String name = username(username);
    Optional<String> u = unit(role, unit);
    policy.check(name, password);
    String hash = hasher.hash(password);
    Optional<Secret> secret = role.needsSecondFactor() ? Optional.of(newSecret()) : Optional.empty();
    Instant now = clock.instant();
    long id = store.write(tx -> {
      Connection c = tx.connection();
      if (idOf(c, name).isPresent()) {
        throw new AccountException("an account named '" + name + "' exists already: choose another name, or"
            + " `disclose users reset " + name + "` to give it a new password");
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO accounts (username, role, unit, password_hash,"
          + " totp_secret, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        p.setString(1, name);
        p.setString(2, role.key());
        setNullable(p, 3, u.orElse(null));
        p.setString(4, hash);
        setNullable(p, 5, secret.map(Secret::secret).orElse(null));
        p.setLong(6, now.toEpochMilli());
        p.executeUpdate();
      }
      long created = idOf(c, name).orElseThrow(() -> new SQLException("the account " + name + " just inserted is missing"));
      record(c, now, actor, name, AuditKind.CREATED, "role " + role.key() + u.map(x -> ", unit " + x).orElse(""));
      if (secret.isPresent()) {
        storeRecoveryCodes(c, created, secret.get());
        record(c, now, actor, name, AuditKind.SECOND_FACTOR_ENROLLED, "");
      }
      return created;
    });
    return new Created(get(name), secret.map(s -> s.enrolment(issuer, name, totp)));
  }

  /**
   * Gives an account another role (and unit). When the new role needs a second factor and the
   * account has none, one is enrolled and returned.
   */
  public Optional<Enrolment> changeRole(String username, Role role, Optional<String> unit, String actor)
      throws AccountException, StoreException {
    Account before = get(username);
    Optional<String> u = unit(role, unit);
    Optional<Secret> secret = role.needsSecondFactor() && !before.secondFactor() ? Optional.of(newSecret())
        : Optional.empty();
    Instant now = clock.instant();
    store.write(tx -> {
      Connection c = tx.connection();
      try (PreparedStatement p = c.prepareStatement("UPDATE accounts SET role = ?, unit = ? WHERE id = ?")) {
        p.setString(1, role.key());
        setNullable(p, 2, u.orElse(null));
        p.setLong(3, before.id());
        p.executeUpdate();
      }
      record(c, now, actor, before.username(), AuditKind.ROLE_CHANGED, before.role().key()
          + before.unit().map(x -> " (" + x + ")").orElse("") + " -> " + role.key() + u.map(x -> " (" + x + ")").orElse(""));
      if (secret.isPresent()) {
        enrol(c, before.id(), secret.get());
        record(c, now, actor, before.username(), AuditKind.SECOND_FACTOR_ENROLLED, "");
      }
      return null;
    });
    return secret.map(s -> s.enrolment(issuer, before.username(), totp));
  }

  /** Disables an account (it is kept, for the audit) and ends its sessions. */
  public void disable(String username, String actor) throws AccountException, StoreException {
    Account a = get(username);
    Instant now = clock.instant();
    store.write(tx -> {
      Connection c = tx.connection();
      try (PreparedStatement p = c.prepareStatement("UPDATE accounts SET disabled = 1 WHERE id = ?")) {
        p.setLong(1, a.id());
        p.executeUpdate();
      }
      int ended = endSessions(c, a.id());
      record(c, now, actor, a.username(), AuditKind.DISABLED, ended == 0 ? "" : ended + " session(s) ended");
      return null;
    });
  }

  /**
   * Gives an account a new password, lifts its lock, enables it again and ends its sessions. With
   * {@code newSecondFactor} (a lost phone), or when its role needs a second factor it does not have
   * yet, a new TOTP secret and new recovery codes replace the old ones and are returned.
   */
  public Optional<Enrolment> resetPassword(String username, String newPassword, boolean newSecondFactor, String actor)
      throws AccountException, StoreException {
    Account a = get(username);
    policy.check(a.username(), newPassword);
    String hash = hasher.hash(newPassword);
    Optional<Secret> secret = newSecondFactor || (a.role().needsSecondFactor() && !a.secondFactor())
        ? Optional.of(newSecret()) : Optional.empty();
    Instant now = clock.instant();
    store.write(tx -> {
      Connection c = tx.connection();
      try (PreparedStatement p = c.prepareStatement("UPDATE accounts SET password_hash = ?, failed_attempts = 0,"
          + " locked_until = NULL, disabled = 0 WHERE id = ?")) {
        p.setString(1, hash);
        p.setLong(2, a.id());
        p.executeUpdate();
      }
      int ended = endSessions(c, a.id());
      record(c, now, actor, a.username(), AuditKind.PASSWORD_RESET, (a.disabled() ? "enabled again; " : "")
          + (a.lockedAt(now) ? "lock lifted; " : "") + ended + " session(s) ended");
      if (secret.isPresent()) {
        enrol(c, a.id(), secret.get());
        record(c, now, actor, a.username(), AuditKind.SECOND_FACTOR_ENROLLED, "");
      }
      return null;
    });
    return secret.map(s -> s.enrolment(issuer, a.username(), totp));
  }

  /** Every account, by name. */
  public List<Account> list() throws StoreException {
    return read(c -> {
      List<Account> all = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts a ORDER BY a.username");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          all.add(account(r, 1));
        }
      }
      return all;
    });
  }

  /** The account named {@code username}, if any. */
  public Optional<Account> find(String username) throws StoreException {
    String name = normalise(username);
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts a WHERE a.username = ?")) {
        p.setString(1, name);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(account(r, 1)) : Optional.<Account>empty();
        }
      }
    });
  }

  /** The account named {@code username}, or an {@link AccountException} saying how to list them. */
  public Account get(String username) throws AccountException, StoreException {
    Optional<Account> a = find(username);
    if (a.isEmpty()) {
      throw new AccountException("no account is named '" + username + "': `disclose users list` shows them");
    }
    return a.get();
  }

  /**
   * The newest {@code limit} audit rows (at most {@link #MAX_AUDIT_ROWS}), newest first; only those
   * of {@code username} when given.
   */
  public List<AuditEvent> audit(Optional<String> username, int limit) throws StoreException {
    int n = Math.max(0, Math.min(limit, MAX_AUDIT_ROWS));
    return read(c -> {
      String sql = "SELECT id, at, actor, username, kind, detail FROM account_audit"
          + (username.isPresent() ? " WHERE username = ?" : "") + " ORDER BY id DESC LIMIT ?";
      List<AuditEvent> rows = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(sql)) {
        int i = 1;
        if (username.isPresent()) {
          p.setString(i++, normalise(username.get()));
        }
        p.setInt(i, n);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            rows.add(new AuditEvent(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3), r.getString(4),
                AuditKind.of(r.getString(5)), r.getString(6)));
          }
        }
      }
      return rows;
    });
  }

  // ------------------------------------------------------------------ signing in

  /**
   * Decides a sign-in. {@code code} is the TOTP code or a recovery code; null or blank when the
   * form had none, in which case an account with a second factor gets {@link
   * Outcome.Result#SECOND_FACTOR_NEEDED} (after a right password) and the caller asks for the code and
   * calls again with the password and the code. Every call is audited.
   */
  public Outcome authenticate(String username, String password, String code) throws StoreException {
    String name = normalise(username);
    Instant now = clock.instant();
    Optional<Credentials> found = credentials(name);
    if (found.isEmpty()) {
      hasher.verify(password == null ? "" : password, decoy());
      audit(now, name, AuditKind.UNKNOWN_USER, "");
      return Outcome.of(Outcome.Result.WRONG);
    }
    Credentials cr = found.get();
    if (cr.account().disabled()) {
      audit(now, name, AuditKind.REFUSED_DISABLED, "");
      return Outcome.of(Outcome.Result.DISABLED);
    }
    if (cr.account().lockedAt(now)) {
      audit(now, name, AuditKind.REFUSED_LOCKED, "locked until " + cr.account().lockedUntil().get());
      return Outcome.locked(cr.account().lockedUntil().get());
    }
    if (password == null || !hasher.verify(password, cr.passwordHash())) {
      return failure(cr.account(), AuditKind.WRONG_PASSWORD, now);
    }
    boolean needsCode = cr.account().role().needsSecondFactor() || cr.totpSecret().isPresent();
    if (!needsCode) {
      return success(cr.account(), now, OptionalLong.empty(), OptionalLong.empty(), "password");
    }
    if (cr.totpSecret().isEmpty()) {
      audit(now, name, AuditKind.WRONG_CODE, "no second factor enrolled: `disclose users reset " + name
          + " --second-factor` enrols one");
      return Outcome.of(Outcome.Result.WRONG);
    }
    if (code == null || code.isBlank()) {
      audit(now, name, AuditKind.SECOND_FACTOR_NEEDED, "");
      return Outcome.with(Outcome.Result.SECOND_FACTOR_NEEDED, cr.account());
    }
    String given = code.strip().replace(" ", "");
    if (given.length() == Totp.DIGITS && given.chars().allMatch(Character::isDigit)) {
      OptionalLong step = totp.verify(cr.totpSecret().get(), given, now, cr.totpLastStep());
      if (step.isEmpty()) {
        return failure(cr.account(), AuditKind.WRONG_CODE, now);
      }
      return success(cr.account(), now, step, OptionalLong.empty(), "password and TOTP code");
    }
    String recovery = normaliseRecoveryCode(given);
    for (RecoveryCode rc : unusedRecoveryCodes(cr.account().id())) {
      if (hasher.verify(recovery, rc.hash())) {
        return success(cr.account(), now, OptionalLong.empty(), OptionalLong.of(rc.position()),
            "password and recovery code");
      }
    }
    return failure(cr.account(), AuditKind.WRONG_CODE, now);
  }

  /** Counts a wrong password or code; the {@link #MAX_FAILED_ATTEMPTS}th in a row locks the account. */
  private Outcome failure(Account a, AuditKind kind, Instant now) throws StoreException {
    return store.write(tx -> {
      Connection c = tx.connection();
      Counters k = counters(c, a.id());
      if (k.lockedUntil().isPresent() && now.isBefore(k.lockedUntil().get())) {
        record(c, now, a.username(), a.username(), AuditKind.REFUSED_LOCKED, "locked until " + k.lockedUntil().get());
        return Outcome.locked(k.lockedUntil().get());
      }
      int failed = k.failed() + 1;
      if (failed >= MAX_FAILED_ATTEMPTS) {
        Instant until = now.plus(LOCK_DURATION);
        try (PreparedStatement p = c.prepareStatement(
            "UPDATE accounts SET failed_attempts = 0, locked_until = ? WHERE id = ?")) {
          p.setLong(1, until.toEpochMilli());
          p.setLong(2, a.id());
          p.executeUpdate();
        }
        record(c, now, a.username(), a.username(), kind, "attempt " + failed + " of " + MAX_FAILED_ATTEMPTS);
        record(c, now, a.username(), a.username(), AuditKind.LOCKED, "locked until " + until);
        return Outcome.locked(until);
      }
      try (PreparedStatement p = c.prepareStatement("UPDATE accounts SET failed_attempts = ? WHERE id = ?")) {
        p.setInt(1, failed);
        p.setLong(2, a.id());
        p.executeUpdate();
      }
      record(c, now, a.username(), a.username(), kind, "attempt " + failed + " of " + MAX_FAILED_ATTEMPTS);
      return Outcome.of(Outcome.Result.WRONG);
    });
  }

  /**
   * Signs in, unless the account was disabled or locked meanwhile, or the TOTP step or recovery code
   * was used meanwhile (then it is a wrong code).
   */
  private Outcome success(Account a, Instant now, OptionalLong step, OptionalLong recoveryPosition, String how)
      throws StoreException {
    Outcome o = store.write(tx -> {
      Connection c = tx.connection();
      Counters k = counters(c, a.id());
      if (k.disabled()) {
        record(c, now, a.username(), a.username(), AuditKind.REFUSED_DISABLED, "");
        return Outcome.of(Outcome.Result.DISABLED);
      }
      if (k.lockedUntil().isPresent() && now.isBefore(k.lockedUntil().get())) {
        record(c, now, a.username(), a.username(), AuditKind.REFUSED_LOCKED, "locked until " + k.lockedUntil().get());
        return Outcome.locked(k.lockedUntil().get());
      }
      if (step.isPresent() && step.getAsLong() <= k.totpLastStep()) {
        return null; // replayed code
      }
      if (recoveryPosition.isPresent()) {
        try (PreparedStatement p = c.prepareStatement(
            "UPDATE recovery_codes SET used_at = ? WHERE account_id = ? AND position = ? AND used_at IS NULL")) {
          p.setLong(1, now.toEpochMilli());
          p.setLong(2, a.id());
          p.setLong(3, recoveryPosition.getAsLong());
          if (p.executeUpdate() == 0) {
            return null; // spent meanwhile
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement("UPDATE accounts SET failed_attempts = 0, locked_until = NULL,"
          + " totp_last_step = ? WHERE id = ?")) {
        p.setLong(1, step.isPresent() ? step.getAsLong() : k.totpLastStep());
        p.setLong(2, a.id());
        p.executeUpdate();
      }
      if (recoveryPosition.isPresent()) {
        record(c, now, a.username(), a.username(), AuditKind.RECOVERY_CODE_USED,
            remainingRecoveryCodes(c, a.id()) + " left");
      }
      record(c, now, a.username(), a.username(), AuditKind.SIGNED_IN, how);
      return Outcome.with(Outcome.Result.SIGNED_IN, a);
    });
    return o != null ? o : failure(a, AuditKind.WRONG_CODE, now);
  }

  // ------------------------------------------------------------------ helpers

  /** What is needed to decide a sign-in. */
  private record Credentials(Account account, String passwordHash, Optional<String> totpSecret, long totpLastStep) {}

  private record Counters(int failed, Optional<Instant> lockedUntil, boolean disabled, long totpLastStep) {}

  private record RecoveryCode(int position, String hash) {}

  /** A new TOTP secret with its recovery codes (plain, to show once) and their hashes (to store). */
  private record Secret(String secret, List<String> codes, List<String> hashes) {
    Enrolment enrolment(String issuer, String username, Totp totp) {
      return new Enrolment(secret, totp.uri(issuer, username, secret), codes);
    }
  }

  private Secret newSecret() {
    List<String> codes = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = 0; j < RECOVERY_CODE_LENGTH; j++) {
        b.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
      }
      codes.add(b.substring(0, RECOVERY_CODE_LENGTH / 2) + "-" + b.substring(RECOVERY_CODE_LENGTH / 2));
      hashes.add(hasher.hash(b.toString()));
    }
    return new Secret(totp.newSecret(), codes, hashes);
  }

  private static String normaliseRecoveryCode(String code) {
    return code.replace("-", "").toLowerCase(Locale.ROOT);
  }

  private void enrol(Connection c, long id, Secret s) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE accounts SET totp_secret = ?, totp_last_step = 0 WHERE id = ?")) {
      p.setString(1, s.secret());
      p.setLong(2, id);
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement("DELETE FROM recovery_codes WHERE account_id = ?")) {
      p.setLong(1, id);
      p.executeUpdate();
    }
    storeRecoveryCodes(c, id, s);
  }

  private static void storeRecoveryCodes(Connection c, long id, Secret s) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO recovery_codes (account_id, position, code_hash) VALUES (?, ?, ?)")) {
      for (int i = 0; i < s.hashes().size(); i++) {
        p.setLong(1, id);
        p.setInt(2, i);
        p.setString(3, s.hashes().get(i));
        p.executeUpdate();
      }
    }
  }

  private static int remainingRecoveryCodes(Connection c, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT COUNT(*) FROM recovery_codes WHERE account_id = ? AND used_at IS NULL")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  static int endSessions(Connection c, long accountId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM account_sessions WHERE account_id = ?")) {
      p.setLong(1, accountId);
      return p.executeUpdate();
    }
  }

  private Optional<Credentials> credentials(String name) throws StoreException {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + ", a.password_hash, a.totp_secret,"
          + " a.totp_last_step FROM accounts a WHERE a.username = ?")) {
        p.setString(1, name);
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            return Optional.<Credentials>empty();
          }
          return Optional.of(new Credentials(account(r, 1), r.getString(9), Optional.ofNullable(r.getString(10)),
              r.getLong(11)));
        }
      }
    });
  }

  private Counters counters(Connection c, long id) throws SQLException {
    String lock = store.dialect() == JdbcRequestStore.Dialect.POSTGRESQL ? " FOR UPDATE" : "";
    try (PreparedStatement p = c.prepareStatement(
        "SELECT failed_attempts, locked_until, disabled, totp_last_step FROM accounts WHERE id = ?" + lock)) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          throw new SQLException("account " + id + " is missing");
        }
        long until = r.getLong(2);
        Optional<Instant> lockedUntil = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until));
        return new Counters(r.getInt(1), lockedUntil, r.getInt(3) != 0, r.getLong(4));
      }
    }
  }

  private List<RecoveryCode> unusedRecoveryCodes(long id) throws StoreException {
    return read(c -> {
      List<RecoveryCode> codes = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT position, code_hash FROM recovery_codes"
          + " WHERE account_id = ? AND used_at IS NULL ORDER BY position")) {
        p.setLong(1, id);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            codes.add(new RecoveryCode(r.getInt(1), r.getString(2)));
          }
        }
      }
      return codes;
    });
  }

  private static Optional<Long> idOf(Connection c, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT id FROM accounts WHERE username = ?")) {
      p.setString(1, name);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
      }
    }
  }

  /** The account of the {@link #COLUMNS} starting at column {@code i}. */
  static Account account(ResultSet r, int i) throws SQLException {
    long until = r.getLong(i + 5);
    Optional<Instant> lockedUntil = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until));
    Role role = Role.valueOf(r.getString(i + 2).toUpperCase(Locale.ROOT));
    return new Account(r.getLong(i), r.getString(i + 1), role, Optional.ofNullable(r.getString(i + 3)),
        r.getInt(i + 4) != 0, lockedUntil, r.getBoolean(i + 6), Instant.ofEpochMilli(r.getLong(i + 7)));
  }

  /** Writes one audit row in its own transaction. */
  private void audit(Instant now, String name, AuditKind kind, String detail) throws StoreException {
    store.write(tx -> {
      record(tx.connection(), now, name, name, kind, detail);
      return null;
    });
  }

  /** Appends one audit row in the caller's transaction. */
  static void record(Connection c, Instant at, String actor, String username, AuditKind kind, String detail)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO account_audit (at, actor, username, kind, detail) VALUES (?, ?, ?, ?, ?)")) {
      p.setLong(1, at.toEpochMilli());
      p.setString(2, printable(actor));
      p.setString(3, printable(username));
      p.setString(4, kind.key());
      p.setString(5, detail);
      p.executeUpdate();
    }
  }

  /** A name as typed, cut to {@link #MAX_AUDITED_NAME} characters, control characters as '?'. */
  private static String printable(String s) {
    String t = s.length() > MAX_AUDITED_NAME ? s.substring(0, MAX_AUDITED_NAME) + "..." : s;
    StringBuilder b = new StringBuilder(t.length());
    t.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
    return b.toString();
  }

  private static void setNullable(PreparedStatement p, int i, String value) throws SQLException {
    if (value == null) {
      p.setNull(i, Types.VARCHAR);
    } else {
      p.setString(i, value);
    }
  }

  /** A name as stored: trimmed, lower case (ASCII rules, whatever the machine's locale). */
  static String normalise(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  /** A name for a new account, or why not. */
  private static String username(String username) throws AccountException {
    String name = normalise(username);
    if (!USERNAME.matcher(name).matches()) {
      throw new AccountException("the account name '" + username + "' is not usable: give 2 to 64 ASCII letters,"
          + " digits, '.', '_' or '-', starting with a letter or digit (e.g. leyla.mammadova)");
    }
    return name;
  }

  private static Optional<String> unit(Role role, Optional<String> unit) throws AccountException {
    Optional<String> u = unit.map(String::strip).filter(s -> !s.isEmpty());
    if (role.needsUnit() && u.isEmpty()) {
      throw new AccountException("a " + role.key() + " belongs to a unit: name it (--unit NAME)");
    }
    if (!role.needsUnit() && u.isPresent()) {
      throw new AccountException("only a unit_responder has a unit, not a " + role.key() + ": leave --unit out");
    }
    return u;
  }

  /** Reads on a connection of the pool (outside any transaction). */
  <T> T read(Reader<T> reader) throws StoreException {
    try (Connection c = store.dataSource().getConnection()) {
      return reader.read(c);
    } catch (SQLException e) {
      throw new StoreException("reading the accounts failed: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  interface Reader<T> {
    T read(Connection c) throws SQLException;
  }

  JdbcRequestStore store() {
    return store;
  }

  Clock clock() {
    return clock;
  }
}
