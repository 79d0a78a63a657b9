package az.disclose.inbox.accounts;

import az.disclose.inbox.RequestStore;
import az.disclose.inbox.StoreException;
import az.disclose.inbox.Tables;
import java.security.SecureRandom;
import java.sql.SQLException;
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

  private final RequestStore store;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final String issuer;
  private final Totp totp = new Totp();
  private final SecureRandom random = new SecureRandom();
  /** Verified against for an unknown name, so that it takes as long as a wrong password (made on first use). */
  private volatile String decoy;

  public Accounts(RequestStore store, Clock clock, PasswordHasher hasher, PasswordPolicy policy, String issuer) {
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
  public static Accounts standard(RequestStore store, Clock clock) {
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
      Tables c = tx;
      if (idOf(c, name).isPresent()) {
        throw new AccountException("an account named '" + name + "' exists already: choose another name, or"
            + " `disclose users reset " + name + "` to give it a new password");
      }
      c.update("INSERT INTO accounts (username, role, unit, password_hash,"
          + " totp_secret, created_at) VALUES (?, ?, ?, ?, ?, ?)",
          name, role.key(), u.orElse(null), hash, secret.map(Secret::secret).orElse(null), now.toEpochMilli());
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
      Tables c = tx;
      c.update("UPDATE accounts SET role = ?, unit = ? WHERE id = ?", role.key(), u.orElse(null), before.id());
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
      Tables c = tx;
      c.update("UPDATE accounts SET disabled = 1 WHERE id = ?", a.id());
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
      Tables c = tx;
      c.update("UPDATE accounts SET password_hash = ?, failed_attempts = 0,"
          + " locked_until = NULL, disabled = 0 WHERE id = ?", hash, a.id());
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
    return read(c -> c.query("SELECT " + COLUMNS + " FROM accounts a ORDER BY a.username", r -> account(r, 1)));
  }

  /** The account named {@code username}, if any. */
  public Optional<Account> find(String username) throws StoreException {
    String name = normalise(username);
    return read(c -> c.queryFirst("SELECT " + COLUMNS + " FROM accounts a WHERE a.username = ?", r -> account(r, 1),
        name));
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
      Object[] parameters = username.isPresent() ? new Object[] {normalise(username.get()), n} : new Object[] {n};
      return c.query(sql, r -> new AuditEvent(r.number(1), Instant.ofEpochMilli(r.number(2)), r.text(3), r.text(4),
          AuditKind.of(r.text(5)), r.text(6)), parameters);
    });
  }

  /**
   * The audit rows before row {@code beforeId} (all when empty), newest first, at most {@code limit}
   * (capped at {@link #MAX_AUDIT_ROWS}): one page of the console's audit view.
   */
  public List<AuditEvent> auditPage(OptionalLong beforeId, int limit) throws StoreException {
    int n = Math.max(0, Math.min(limit, MAX_AUDIT_ROWS));
    long before = beforeId.orElse(Long.MAX_VALUE);
    return read(c -> c.query("SELECT id, at, actor, username, kind, detail FROM account_audit WHERE id < ?"
        + " ORDER BY id DESC LIMIT ?", r -> new AuditEvent(r.number(1), Instant.ofEpochMilli(r.number(2)), r.text(3),
        r.text(4), AuditKind.of(r.text(5)), r.text(6)), before, n));
  }

  /**
   * Records what the web console saw: a refused page or action ({@link AuditKind#ACCESS_DENIED}) or
   * an action taken ({@link AuditKind#ACTION}) by {@code username}; other kinds are written by this
   * class only.
   */
  public void recordConsole(String username, AuditKind kind, String detail) throws StoreException {
    if (kind != AuditKind.ACCESS_DENIED && kind != AuditKind.ACTION) {
      throw new IllegalArgumentException("the console records only access_denied and action, not " + kind.key());
    }
    audit(clock.instant(), normalise(username), kind, detail == null ? "" : detail);
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
      Tables c = tx;
      Counters k = counters(c, a.id());
      if (k.lockedUntil().isPresent() && now.isBefore(k.lockedUntil().get())) {
        record(c, now, a.username(), a.username(), AuditKind.REFUSED_LOCKED, "locked until " + k.lockedUntil().get());
        return Outcome.locked(k.lockedUntil().get());
      }
      int failed = k.failed() + 1;
      if (failed >= MAX_FAILED_ATTEMPTS) {
        Instant until = now.plus(LOCK_DURATION);
        c.update("UPDATE accounts SET failed_attempts = 0, locked_until = ? WHERE id = ?", until.toEpochMilli(), a.id());
        record(c, now, a.username(), a.username(), kind, "attempt " + failed + " of " + MAX_FAILED_ATTEMPTS);
        record(c, now, a.username(), a.username(), AuditKind.LOCKED, "locked until " + until);
        return Outcome.locked(until);
      }
      c.update("UPDATE accounts SET failed_attempts = ? WHERE id = ?", failed, a.id());
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
      Tables c = tx;
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
        if (c.update("UPDATE recovery_codes SET used_at = ? WHERE account_id = ? AND position = ? AND used_at IS NULL",
            now.toEpochMilli(), a.id(), recoveryPosition.getAsLong()) == 0) {
          return null; // spent meanwhile
        }
      }
      c.update("UPDATE accounts SET failed_attempts = 0, locked_until = NULL,"
          + " totp_last_step = ? WHERE id = ?", step.isPresent() ? step.getAsLong() : k.totpLastStep(), a.id());
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

  private void enrol(Tables c, long id, Secret s) throws SQLException {
    c.update("UPDATE accounts SET totp_secret = ?, totp_last_step = 0 WHERE id = ?", s.secret(), id);
    c.update("DELETE FROM recovery_codes WHERE account_id = ?", id);
    storeRecoveryCodes(c, id, s);
  }

  private static void storeRecoveryCodes(Tables c, long id, Secret s) throws SQLException {
    for (int i = 0; i < s.hashes().size(); i++) {
      c.update("INSERT INTO recovery_codes (account_id, position, code_hash) VALUES (?, ?, ?)", id, i,
          s.hashes().get(i));
    }
  }

  private static int remainingRecoveryCodes(Tables c, long id) throws SQLException {
    return (int) c.queryFirst("SELECT COUNT(*) FROM recovery_codes WHERE account_id = ? AND used_at IS NULL",
        r -> r.number(1), id).orElseThrow(() -> new SQLException("COUNT(*) of recovery_codes gave no row"))
        .longValue();
  }

  static int endSessions(Tables c, long accountId) throws SQLException {
    return c.update("DELETE FROM account_sessions WHERE account_id = ?", accountId);
  }

  private Optional<Credentials> credentials(String name) throws StoreException {
    return read(c -> c.queryFirst("SELECT " + COLUMNS + ", a.password_hash, a.totp_secret,"
        + " a.totp_last_step FROM accounts a WHERE a.username = ?",
        r -> new Credentials(account(r, 1), r.text(9), Optional.ofNullable(r.text(10)), r.number(11)), name));
  }

  /**
   * The account's counters, its row locked until the transaction ends, so that parallel sign-ins
   * count one after the other. The lock is taken by an UPDATE that changes nothing, which works on
   * both databases ({@code SELECT ... FOR UPDATE} is PostgreSQL only, and {@link RequestStore} does
   * not say which database it is); on SQLite the write transaction already excludes every other
   * writer.
   */
  private static Counters counters(Tables c, long id) throws SQLException {
    if (c.update("UPDATE accounts SET failed_attempts = failed_attempts WHERE id = ?", id) == 0) {
      throw new SQLException("account " + id + " is missing");
    }
    return c.queryFirst("SELECT failed_attempts, locked_until, disabled, totp_last_step FROM accounts WHERE id = ?",
        r -> new Counters((int) r.number(1), r.optionalNumber(2).map(Instant::ofEpochMilli), r.number(3) != 0,
            r.number(4)), id)
        .orElseThrow(() -> new SQLException("account " + id + " is missing"));
  }

  private List<RecoveryCode> unusedRecoveryCodes(long id) throws StoreException {
    return read(c -> c.query("SELECT position, code_hash FROM recovery_codes"
        + " WHERE account_id = ? AND used_at IS NULL ORDER BY position", r -> new RecoveryCode((int) r.number(1), r.text(2)),
        id));
  }

  private static Optional<Long> idOf(Tables c, String name) throws SQLException {
    return c.queryFirst("SELECT id FROM accounts WHERE username = ?", r -> r.number(1), name);
  }

  /** The account of the {@link #COLUMNS} starting at column {@code i}. */
  static Account account(Tables.Row r, int i) throws SQLException {
    Optional<Instant> lockedUntil = r.optionalNumber(i + 5).map(Instant::ofEpochMilli);
    Role role = Role.valueOf(r.text(i + 2).toUpperCase(Locale.ROOT));
    return new Account(r.number(i), r.text(i + 1), role, Optional.ofNullable(r.text(i + 3)),
        r.number(i + 4) != 0, lockedUntil, truth(r.text(i + 6)), Instant.ofEpochMilli(r.number(i + 7)));
  }

  /**
   * A boolean SQL expression's value as text: "1"/"0" on SQLite (which has no boolean type), "t"/"f"
   * on PostgreSQL.
   */
  private static boolean truth(String value) throws SQLException {
    return switch (value == null ? "" : value) {
      case "1", "t", "true" -> true;
      case "0", "f", "false" -> false;
      default -> throw new SQLException("a boolean column read '" + value + "'");
    };
  }

  /** Writes one audit row in its own transaction. */
  private void audit(Instant now, String name, AuditKind kind, String detail) throws StoreException {
    store.write(tx -> {
      record(tx, now, name, name, kind, detail);
      return null;
    });
  }

  /** Appends one audit row in the caller's transaction. */
  static void record(Tables c, Instant at, String actor, String username, AuditKind kind, String detail)
      throws SQLException {
    c.update("INSERT INTO account_audit (at, actor, username, kind, detail) VALUES (?, ?, ?, ?, ?)",
        at.toEpochMilli(), printable(actor), printable(username), kind.key(), detail);
  }

  /** A name as typed, cut to {@link #MAX_AUDITED_NAME} characters, control characters as '?'. */
  private static String printable(String s) {
    String t = s.length() > MAX_AUDITED_NAME ? s.substring(0, MAX_AUDITED_NAME) + "..." : s;
    StringBuilder b = new StringBuilder(t.length());
    t.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
    return b.toString();
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

  /** Reads on a connection of the store's own (outside any transaction). */
  <T> T read(RequestStore.Reading<T> reader) throws StoreException {
    return store.read(reader);
  }

  RequestStore store() {
    return store;
  }

  Clock clock() {
    return clock;
  }
}
