package az.disclose.inbox.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.accounts.Outcome.Result;
import az.disclose.inbox.store.JdbcRequestStore;
import az.disclose.inbox.StoreException;
import az.disclose.testing.TestClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accounts and sessions on a real database: {@link SqliteAccountsTest} and {@link
 * PostgresAccountsIT} run these same tests. Hashes use small Argon2id parameters to keep the tests
 * quick ({@link PasswordHasherTest} checks the defaults).
 */
abstract class AccountsContract {
  static final PasswordHasher QUICK = new PasswordHasher(1024, 1, 1);
  static final String GOOD = "correct horse battery staple";
  static final String OTHER = "violet mountain river lamp";

  @TempDir Path tmp;
  TestClock clock;
  InboxSettings database;
  JdbcRequestStore store;
  Accounts accounts;
  Sessions sessions;
  final Totp totp = new Totp();

  abstract InboxSettings settings(Path dataDir);

  @BeforeEach
  void open() throws Exception {
    clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
    database = settings(tmp);
    store = JdbcRequestStore.open(database);
    accounts = new Accounts(store, clock, QUICK, PasswordPolicy.standard(), "disclose-test");
    sessions = new Sessions(accounts);
  }

  @AfterEach
  void close() {
    store.close();
  }

  String codeNow(String secret) {
    return totp.code(secret, Totp.step(clock.instant()));
  }

  Enrolment officer(String name) throws Exception {
    return accounts.create(name, Role.FOI_OFFICER, Optional.empty(), GOOD, "admin").enrolment().orElseThrow();
  }

  // ------------------------------------------------------------------ managing

  @Test
  void createdAccountsAreListedWithTheirRolesAndOnlyTheRolesThatNeedItGetASecondFactor() throws Exception {
    Accounts.Created admin = accounts.create("Admin", Role.ADMINISTRATOR, Optional.empty(), GOOD, "root");
    Accounts.Created responder = accounts.create("aysel.q", Role.UNIT_RESPONDER, Optional.of("Hüquq şöbəsi"), GOOD, "admin");
    Accounts.Created viewer = accounts.create("komissiya", Role.VIEWER, Optional.empty(), GOOD, "admin");

    assertThat(admin.account().username()).isEqualTo("admin");
    assertThat(admin.enrolment()).isPresent();
    Enrolment e = admin.enrolment().get();
    assertThat(e.secret()).matches("[A-Z2-7]{32}");
    assertThat(e.uri()).startsWith("otpauth://totp/").contains("secret=" + e.secret()).contains("admin");
    assertThat(e.toString()).doesNotContain(e.secret()).doesNotContain(e.recoveryCodes().get(0));
    assertThat(e.recoveryCodes()).hasSize(Accounts.RECOVERY_CODES).doesNotHaveDuplicates()
        .allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
    assertThat(responder.enrolment()).isEmpty();
    assertThat(viewer.enrolment()).isEmpty();

    List<Account> all = accounts.list();
    assertThat(all).extracting(Account::username).containsExactly("admin", "aysel.q", "komissiya");
    assertThat(all).extracting(Account::role).containsExactly(Role.ADMINISTRATOR, Role.UNIT_RESPONDER, Role.VIEWER);
    assertThat(all.get(1).unit()).contains("Hüquq şöbəsi");
    assertThat(all.get(0).secondFactor()).isTrue();
    assertThat(all.get(2).secondFactor()).isFalse();
    assertThat(accounts.audit(Optional.of("admin"), 10)).extracting(AuditEvent::kind)
        .containsExactly(AuditKind.SECOND_FACTOR_ENROLLED, AuditKind.CREATED);
    assertThat(accounts.audit(Optional.of("aysel.q"), 10).get(0).actor()).isEqualTo("admin");
  }

  @Test
  void theDatabaseHoldsHashesOnlyNeverThePasswordOrTheRecoveryCodes() throws Exception {
    Enrolment e = officer("leyla");
    List<String> stored = new ArrayList<>();
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT password_hash FROM accounts")) {
        while (r.next()) {
          stored.add(r.getString(1));
        }
      }
      try (ResultSet r = s.executeQuery("SELECT code_hash FROM recovery_codes")) {
        while (r.next()) {
          stored.add(r.getString(1));
        }
      }
    }
    assertThat(stored).hasSize(1 + Accounts.RECOVERY_CODES).allMatch(h -> h.startsWith("$argon2id$v=19$"));
    assertThat(String.join("\n", stored)).doesNotContain(GOOD);
    for (String code : e.recoveryCodes()) {
      assertThat(String.join("\n", stored)).doesNotContain(code).doesNotContain(code.replace("-", ""));
    }
  }

  @Test
  void badNamesRolesUnitsDuplicatesAndWeakPasswordsAreRefusedWithWhatToDo() throws Exception {
    accounts.create("leyla", Role.VIEWER, Optional.empty(), GOOD, "admin");
    assertThatThrownBy(() -> accounts.create("LEYLA", Role.VIEWER, Optional.empty(), GOOD, "admin"))
        .isInstanceOf(AccountException.class).hasMessageContaining("exists already");
    assertThatThrownBy(() -> accounts.create("ləylа", Role.VIEWER, Optional.empty(), GOOD, "admin"))
        .isInstanceOf(AccountException.class).hasMessageContaining("ASCII");
    assertThatThrownBy(() -> accounts.create("unit1", Role.UNIT_RESPONDER, Optional.empty(), GOOD, "admin"))
        .isInstanceOf(AccountException.class).hasMessageContaining("--unit");
    assertThatThrownBy(() -> accounts.create("v1", Role.VIEWER, Optional.of("Mətbuat"), GOOD, "admin"))
        .isInstanceOf(AccountException.class).hasMessageContaining("only a unit_responder");
    assertThatThrownBy(() -> accounts.create("short", Role.VIEWER, Optional.empty(), "elevenchars", "admin"))
        .isInstanceOf(AccountException.class).hasMessageContaining("at least " + PasswordPolicy.MIN_LENGTH);
    assertThatThrownBy(() -> accounts.create("common", Role.VIEWER, Optional.empty(), "Password1234", "admin"))
        .isInstanceOf(AccountException.class).hasMessageContaining("most common passwords");
    assertThatThrownBy(() -> accounts.create("ownname", Role.VIEWER, Optional.empty(), "ownname-is-my-secret", "a"))
        .isInstanceOf(AccountException.class).hasMessageContaining("account's name");
    assertThatThrownBy(() -> accounts.disable("nobody", "admin"))
        .isInstanceOf(AccountException.class).hasMessageContaining("disclose users list");
    assertThat(accounts.list()).extracting(Account::username).containsExactly("leyla");
  }

  @Test
  void aRoleChangeIsAuditedAndGivesASecondFactorWhenTheNewRoleNeedsOne() throws Exception {
    accounts.create("aysel", Role.UNIT_RESPONDER, Optional.of("Mətbuat"), GOOD, "admin");
    Optional<Enrolment> e = accounts.changeRole("aysel", Role.FOI_OFFICER, Optional.empty(), "admin");
    assertThat(e).isPresent();
    Account a = accounts.get("aysel");
    assertThat(a.role()).isEqualTo(Role.FOI_OFFICER);
    assertThat(a.unit()).isEmpty();
    assertThat(accounts.authenticate("aysel", GOOD, null).result()).isEqualTo(Result.SECOND_FACTOR_NEEDED);
    assertThat(accounts.authenticate("aysel", GOOD, codeNow(e.get().secret())).result()).isEqualTo(Result.SIGNED_IN);
    AuditEvent change = accounts.audit(Optional.of("aysel"), 100).stream()
        .filter(x -> x.kind() == AuditKind.ROLE_CHANGED).findFirst().orElseThrow();
    assertThat(change.actor()).isEqualTo("admin");
    assertThat(change.detail()).isEqualTo("unit_responder (Mətbuat) -> foi_officer");
  }

  // ------------------------------------------------------------------ signing in

  @Test
  void aViewerSignsInWithThePasswordAlone() throws Exception {
    accounts.create("komissiya", Role.VIEWER, Optional.empty(), GOOD, "admin");
    Outcome o = accounts.authenticate(" Komissiya ", GOOD, null);
    assertThat(o.result()).isEqualTo(Result.SIGNED_IN);
    assertThat(o.account().orElseThrow().username()).isEqualTo("komissiya");
    assertThat(accounts.authenticate("komissiya", OTHER, null).result()).isEqualTo(Result.WRONG);
    assertThat(accounts.audit(Optional.of("komissiya"), 10)).extracting(AuditEvent::kind)
        .startsWith(AuditKind.WRONG_PASSWORD, AuditKind.SIGNED_IN);
  }

  @Test
  void anUnknownNameAndAWrongPasswordLookTheSameAndBothAreAudited() throws Exception {
    accounts.create("leyla", Role.VIEWER, Optional.empty(), GOOD, "admin");
    Outcome unknown = accounts.authenticate("nobody", GOOD, null);
    Outcome wrong = accounts.authenticate("leyla", OTHER, null);
    assertThat(unknown).isEqualTo(wrong);
    assertThat(unknown.account()).isEmpty();
    assertThat(accounts.audit(Optional.of("nobody"), 10)).extracting(AuditEvent::kind)
        .containsExactly(AuditKind.UNKNOWN_USER);
  }

  @Test
  void anOfficerNeedsTheTotpCodeAfterThePasswordAndACodeIsAcceptedOnlyOnce() throws Exception {
    Enrolment e = officer("leyla");
    Outcome first = accounts.authenticate("leyla", GOOD, "");
    assertThat(first.result()).isEqualTo(Result.SECOND_FACTOR_NEEDED);
    assertThat(accounts.authenticate("leyla", OTHER, codeNow(e.secret())).result()).isEqualTo(Result.WRONG);
    String code = codeNow(e.secret());
    String wrongCode = code.equals("000000") ? "111111" : "000000";
    assertThat(accounts.authenticate("leyla", GOOD, wrongCode).result()).isEqualTo(Result.WRONG);
    assertThat(accounts.authenticate("leyla", GOOD, code).result()).isEqualTo(Result.SIGNED_IN);
    // replayed within its 30 seconds: refused
    assertThat(accounts.authenticate("leyla", GOOD, code).result()).isEqualTo(Result.WRONG);
    // the next step's code works, and a phone 30 seconds slow is still accepted
    clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
    assertThat(accounts.authenticate("leyla", GOOD, codeNow(e.secret())).result()).isEqualTo(Result.SIGNED_IN);
    clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS * 2L));
    String slow = totp.code(e.secret(), Totp.step(clock.instant()) - 1);
    assertThat(accounts.authenticate("leyla", GOOD, slow).result()).isEqualTo(Result.SIGNED_IN);
    // two steps away: refused
    clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS * 3L));
    String stale = totp.code(e.secret(), Totp.step(clock.instant()) - 2);
    assertThat(accounts.authenticate("leyla", GOOD, stale).result()).isEqualTo(Result.WRONG);
  }

  @Test
  void aRecoveryCodeReplacesTheTotpCodeOnceWhateverItsCaseOrDash() throws Exception {
    Enrolment e = officer("leyla");
    String code = e.recoveryCodes().get(3);
    assertThat(accounts.authenticate("leyla", GOOD, code.toUpperCase().replace("-", " ")).result())
        .isEqualTo(Result.SIGNED_IN);
    assertThat(accounts.authenticate("leyla", GOOD, code).result()).isEqualTo(Result.WRONG);
    assertThat(accounts.authenticate("leyla", GOOD, e.recoveryCodes().get(4)).result()).isEqualTo(Result.SIGNED_IN);
    assertThat(accounts.audit(Optional.of("leyla"), 100)).filteredOn(x -> x.kind() == AuditKind.RECOVERY_CODE_USED)
        .extracting(AuditEvent::detail).containsExactly("8 left", "9 left");
  }

  @Test
  void sixWrongPasswordsOrCodesLockTheAccountForFifteenMinutesEvenForTheRightPassword() throws Exception {
    Enrolment e = officer("leyla");
    for (int i = 1; i < Accounts.MAX_FAILED_ATTEMPTS; i++) {
      // wrong passwords and wrong codes count together
      Outcome o = i % 2 == 0 ? accounts.authenticate("leyla", OTHER, null) : accounts.authenticate("leyla", GOOD, "12345x");
      assertThat(o.result()).as("attempt %d", i).isEqualTo(Result.WRONG);
    }
    Outcome sixth = accounts.authenticate("leyla", OTHER, null);
    assertThat(sixth.result()).isEqualTo(Result.LOCKED);
    assertThat(sixth.lockedUntil()).contains(clock.instant().plus(Accounts.LOCK_DURATION));
    assertThat(accounts.get("leyla").lockedAt(clock.instant())).isTrue();

    clock.advance(Accounts.LOCK_DURATION.minusSeconds(1));
    assertThat(accounts.authenticate("leyla", GOOD, codeNow(e.secret())).result()).isEqualTo(Result.LOCKED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(accounts.authenticate("leyla", GOOD, codeNow(e.secret())).result()).isEqualTo(Result.SIGNED_IN);

    List<AuditKind> kinds = accounts.audit(Optional.of("leyla"), 100).stream().map(AuditEvent::kind).toList();
    assertThat(kinds).containsSubsequence(AuditKind.SIGNED_IN, AuditKind.REFUSED_LOCKED, AuditKind.LOCKED,
        AuditKind.WRONG_PASSWORD);
    assertThat(kinds.stream().filter(k -> k == AuditKind.WRONG_PASSWORD || k == AuditKind.WRONG_CODE).count())
        .isEqualTo(Accounts.MAX_FAILED_ATTEMPTS);
  }

  @Test
  void parallelGuessesCannotSlipPastTheLockEachIsCountedOnce() throws Exception {
    accounts.create("komissiya", Role.VIEWER, Optional.empty(), GOOD, "admin");
    int threads = 4;
    int perThread = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Result>> results = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    try {
      for (int i = 0; i < threads * perThread; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return accounts.authenticate("komissiya", OTHER, null).result();
        }));
      }
      go.countDown();
      List<Result> all = new ArrayList<>();
      for (Future<Result> f : results) {
        all.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(all).filteredOn(r -> r == Result.WRONG).hasSize(Accounts.MAX_FAILED_ATTEMPTS - 1);
      assertThat(all).filteredOn(r -> r == Result.LOCKED).hasSize(threads * perThread - Accounts.MAX_FAILED_ATTEMPTS + 1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(accounts.authenticate("komissiya", GOOD, null).result()).isEqualTo(Result.LOCKED);
    assertThat(accounts.audit(Optional.of("komissiya"), 100)).filteredOn(e -> e.kind() == AuditKind.LOCKED).hasSize(1);
  }

  @Test
  void aDatabaseThatFailsNeverSignsAnyoneIn() throws Exception {
    accounts.create("komissiya", Role.VIEWER, Optional.empty(), GOOD, "admin");
    store.close();
    assertThatThrownBy(() -> accounts.authenticate("komissiya", GOOD, null))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> sessions.check("anything")).isInstanceOf(StoreException.class);
  }

  @Test
  void aSignInResetsTheCountSoOnlySixWrongInARowLock() throws Exception {
    accounts.create("komissiya", Role.VIEWER, Optional.empty(), GOOD, "admin");
    for (int i = 0; i < Accounts.MAX_FAILED_ATTEMPTS - 1; i++) {
      accounts.authenticate("komissiya", OTHER, null);
    }
    assertThat(accounts.authenticate("komissiya", GOOD, null).result()).isEqualTo(Result.SIGNED_IN);
    for (int i = 0; i < Accounts.MAX_FAILED_ATTEMPTS - 1; i++) {
      assertThat(accounts.authenticate("komissiya", OTHER, null).result()).isEqualTo(Result.WRONG);
    }
    assertThat(accounts.authenticate("komissiya", OTHER, null).result()).isEqualTo(Result.LOCKED);
  }

  @Test
  void aDisabledAccountCannotSignInAndAResetEnablesAndUnlocksItWithTheNewPasswordOnly() throws Exception {
    accounts.create("komissiya", Role.VIEWER, Optional.empty(), GOOD, "admin");
    for (int i = 0; i < Accounts.MAX_FAILED_ATTEMPTS; i++) {
      accounts.authenticate("komissiya", OTHER, null);
    }
    accounts.disable("komissiya", "admin");
    assertThat(accounts.authenticate("komissiya", GOOD, null).result()).isEqualTo(Result.DISABLED);
    assertThat(accounts.list().get(0).disabled()).isTrue();

    assertThat(accounts.resetPassword("komissiya", OTHER, false, "admin")).isEmpty();
    assertThat(accounts.authenticate("komissiya", GOOD, null).result()).isEqualTo(Result.WRONG);
    assertThat(accounts.authenticate("komissiya", OTHER, null).result()).isEqualTo(Result.SIGNED_IN);
    assertThat(accounts.audit(Optional.of("komissiya"), 100)).extracting(AuditEvent::kind)
        .contains(AuditKind.DISABLED, AuditKind.PASSWORD_RESET, AuditKind.REFUSED_DISABLED);
    assertThatThrownBy(() -> accounts.resetPassword("komissiya", "qwertyuiop123", false, "admin"))
        .isInstanceOf(AccountException.class).hasMessageContaining("common");
  }

  @Test
  void aResetWithANewSecondFactorRetiresTheOldSecretAndRecoveryCodes() throws Exception {
    Enrolment old = officer("leyla");
    Enrolment fresh = accounts.resetPassword("leyla", OTHER, true, "admin").orElseThrow();
    assertThat(fresh.secret()).isNotEqualTo(old.secret());
    assertThat(accounts.authenticate("leyla", OTHER, old.recoveryCodes().get(0)).result()).isEqualTo(Result.WRONG);
    assertThat(accounts.authenticate("leyla", OTHER, fresh.recoveryCodes().get(0)).result()).isEqualTo(Result.SIGNED_IN);
    clock.advance(Duration.ofMinutes(1));
    assertThat(accounts.authenticate("leyla", OTHER, codeNow(fresh.secret())).result()).isEqualTo(Result.SIGNED_IN);
  }

  // ------------------------------------------------------------------ the audit is append-only

  @Test
  void theConsoleRecordsRefusalsAndActionsAndReadsTheAuditPageByPage() throws Exception {
    accounts.create("komissiya", Role.VIEWER, Optional.empty(), GOOD, "admin");
    accounts.recordConsole("Komissiya", AuditKind.ACCESS_DENIED, "GET /console/accounts needs manage_accounts");
    accounts.recordConsole("komissiya", AuditKind.ACTION, "note SEN-2026-00001");
    assertThatThrownBy(() -> accounts.recordConsole("komissiya", AuditKind.SIGNED_IN, ""))
        .isInstanceOf(IllegalArgumentException.class);
    List<AuditEvent> newest = accounts.auditPage(java.util.OptionalLong.empty(), 2);
    assertThat(newest).extracting(AuditEvent::kind).containsExactly(AuditKind.ACTION, AuditKind.ACCESS_DENIED);
    assertThat(newest.get(1).username()).isEqualTo("komissiya");
    List<AuditEvent> older = accounts.auditPage(java.util.OptionalLong.of(newest.get(1).id()), 2);
    assertThat(older).extracting(AuditEvent::kind).containsExactly(AuditKind.CREATED);
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteTheAuditOrDeleteAnAccount() throws Exception {
    accounts.create("komissiya", Role.VIEWER, Optional.empty(), GOOD, "admin");
    accounts.authenticate("komissiya", OTHER, null);
    int rows = accounts.audit(Optional.empty(), 100).size();
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE account_audit SET kind = 'signed_in'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM account_audit"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM accounts"))
          .isInstanceOf(SQLException.class).hasMessageContaining("never deleted");
      refusesToEmptyTheAudit(s);
    }
    assertThat(accounts.audit(Optional.empty(), 100)).hasSize(rows);
    assertThat(accounts.audit(Optional.empty(), 100).get(0).kind()).isEqualTo(AuditKind.WRONG_PASSWORD);
  }

  /** The dialect's other way to empty a table (INSERT OR REPLACE on SQLite, TRUNCATE on PostgreSQL). */
  abstract void refusesToEmptyTheAudit(Statement s) throws SQLException;

  // ------------------------------------------------------------------ sessions

  @Test
  void aSessionIdIs256RandomBitsStoredOnlyAsItsHash() throws Exception {
    Account a = accounts.create("komissiya", Role.VIEWER, Optional.empty(), GOOD, "admin").account();
    Sessions.Session s = sessions.start(a, Optional.empty());
    Sessions.Session t = sessions.start(a, Optional.empty());
    assertThat(s.id()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(t.id());
    assertThat(s.toString()).doesNotContain(s.id());
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement p = c.prepareStatement("SELECT id_hash FROM account_sessions");
        ResultSet r = p.executeQuery()) {
      List<String> stored = new ArrayList<>();
      while (r.next()) {
        stored.add(r.getString(1));
      }
      assertThat(stored).hasSize(2).doesNotContain(s.id(), t.id()).contains(Sessions.hash(s.id()));
    }
    assertThat(sessions.check(s.id()).orElseThrow().account().username()).isEqualTo("komissiya");
    assertThat(sessions.check("x" + s.id().substring(1))).isEmpty();
    assertThat(sessions.check("")).isEmpty();
  }

  @Test
  void aSessionEndsAfterItsIdleTimeOutButUseKeepsItAliveUntilTheAbsoluteTimeOut() throws Exception {
    Account a = accounts.create("komissiya", Role.VIEWER, Optional.empty(), GOOD, "admin").account();
    Sessions.Session idle = sessions.start(a, Optional.empty());
    Sessions.Session busy = sessions.start(a, Optional.empty());
    Instant start = clock.instant();
    while (clock.instant().plus(Sessions.IDLE_TIMEOUT.dividedBy(2)).isBefore(start.plus(Sessions.ABSOLUTE_TIMEOUT))) {
      clock.advance(Sessions.IDLE_TIMEOUT.dividedBy(2));
      assertThat(sessions.check(busy.id())).as("busy at %s", clock.instant()).isPresent();
    }
    assertThat(sessions.check(idle.id())).isEmpty();
    clock.set(start.plus(Sessions.ABSOLUTE_TIMEOUT).minusSeconds(1));
    assertThat(sessions.check(busy.id())).isPresent();
    clock.set(start.plus(Sessions.ABSOLUTE_TIMEOUT));
    assertThat(sessions.check(busy.id())).isEmpty();

    Sessions.Session later = sessions.start(a, Optional.empty());
    clock.advance(Sessions.IDLE_TIMEOUT.minusSeconds(1));
    assertThat(sessions.check(later.id())).isPresent();
    clock.advance(Sessions.IDLE_TIMEOUT);
    assertThat(sessions.check(later.id())).isEmpty();
  }

  @Test
  void signingInAgainGivesANewIdAndTheOldOneNoLongerWorks() throws Exception {
    Account a = accounts.create("komissiya", Role.VIEWER, Optional.empty(), GOOD, "admin").account();
    Sessions.Session before = sessions.start(a, Optional.empty());
    Sessions.Session after = sessions.start(a, Optional.of(before.id()));
    assertThat(after.id()).isNotEqualTo(before.id());
    assertThat(sessions.check(before.id())).isEmpty();
    assertThat(sessions.check(after.id())).isPresent();
  }

  @Test
  void signOutEverywhereDisableAndResetEndEverySessionOfTheAccountOnly() throws Exception {
    Account a = accounts.create("komissiya", Role.VIEWER, Optional.empty(), GOOD, "admin").account();
    Account b = accounts.create("rehber", Role.VIEWER, Optional.empty(), GOOD, "admin").account();
    Sessions.Session a1 = sessions.start(a, Optional.empty());
    Sessions.Session a2 = sessions.start(a, Optional.empty());
    Sessions.Session b1 = sessions.start(b, Optional.empty());
    assertThat(sessions.endAll("komissiya", "komissiya")).isEqualTo(2);
    assertThat(sessions.check(a1.id())).isEmpty();
    assertThat(sessions.check(a2.id())).isEmpty();
    assertThat(sessions.check(b1.id())).isPresent();

    Sessions.Session a3 = sessions.start(a, Optional.empty());
    accounts.resetPassword("komissiya", OTHER, false, "admin");
    assertThat(sessions.check(a3.id())).isEmpty();
    Sessions.Session b2 = sessions.start(b, Optional.empty());
    accounts.disable("rehber", "admin");
    assertThat(sessions.check(b1.id())).isEmpty();
    assertThat(sessions.check(b2.id())).isEmpty();

    Sessions.Session a4 = sessions.start(a, Optional.empty());
    sessions.end(a4);
    assertThat(sessions.check(a4.id())).isEmpty();
    assertThat(accounts.audit(Optional.of("komissiya"), 100)).extracting(AuditEvent::kind)
        .contains(AuditKind.SIGNED_OUT, AuditKind.SIGNED_OUT_EVERYWHERE);
  }
}
