package az.disclose.inbox.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.accounts.Outcome.Result;
import az.disclose.inbox.store.JdbcRequestStore;
import az.disclose.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The accounts on a real PostgreSQL (see {@link PostgresServer}): the same tests as on SQLite, plus
 * the least-privilege application role of docs/register.md.
 */
class PostgresAccountsIT extends AccountsContract {
  private static final AtomicInteger ROLES = new AtomicInteger();

  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir).withDatabase(PostgresServer.shared().freshUrl(), "", "");
  }

  @Override
  void refusesToEmptyTheAudit(Statement s) {
    assertThatThrownBy(() -> s.executeUpdate("TRUNCATE account_audit"))
        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
  }

  /** The account grants of docs/register.md ("A least-privilege role on PostgreSQL"). */
  static List<String> grants(String schema, String role) {
    return List.of(
        "GRANT USAGE ON SCHEMA " + schema + " TO " + role,
        "GRANT SELECT ON flyway_schema_history TO " + role,
        "GRANT SELECT, INSERT, UPDATE ON accounts TO " + role,
        "GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_codes, account_sessions TO " + role,
        "GRANT SELECT, INSERT ON account_audit TO " + role);
  }

  @Test
  void theApplicationRoleManagesAccountsAndSessionsButCannotTouchTheAuditOrItsTriggers() throws Exception {
    String ownerUrl = database.databaseUrl();
    String schema = ownerUrl.replaceAll(".*currentSchema=([a-z0-9_]+).*", "$1");
    String role = "disclose_acc_" + ProcessHandle.current().pid() + "_" + ROLES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(ownerUrl); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + role + " LOGIN");
      for (String grant : grants(schema, role)) {
        s.execute(grant);
      }
    }
    String appUrl = ownerUrl.replace("user=postgres", "user=" + role);
    assertThat(appUrl).contains("user=" + role);
    store.close();
    store = JdbcRequestStore.open(database.withDatabase(appUrl, "", ""));
    accounts = new Accounts(store, clock, QUICK, PasswordPolicy.standard(), "disclose-test");
    sessions = new Sessions(accounts);

    Enrolment e = officer("leyla");
    Outcome o = accounts.authenticate("leyla", GOOD, codeNow(e.secret()));
    assertThat(o.result()).isEqualTo(Result.SIGNED_IN);
    Sessions.Session s1 = sessions.start(o.account().orElseThrow(), Optional.empty());
    accounts.resetPassword("leyla", OTHER, true, "admin");
    assertThat(sessions.check(s1.id())).isEmpty();
    accounts.disable("leyla", "admin");

    for (String statement : List.of("UPDATE account_audit SET kind = 'signed_in'",
        "DELETE FROM account_audit",
        "TRUNCATE account_audit",
        "DELETE FROM accounts",
        "ALTER TABLE account_audit DISABLE TRIGGER ALL",
        "DROP TRIGGER account_audit_append_only ON account_audit",
        "SET session_replication_role = replica")) {
      try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
        assertThatThrownBy(() -> st.execute(statement)).as(statement).isInstanceOf(SQLException.class)
            .hasMessageMatching("(?s).*(must be owner|permission denied).*");
      }
    }
    assertThat(accounts.audit(Optional.of("leyla"), 100)).extracting(AuditEvent::kind)
        .contains(AuditKind.CREATED, AuditKind.SIGNED_IN, AuditKind.PASSWORD_RESET, AuditKind.DISABLED);
  }
}
