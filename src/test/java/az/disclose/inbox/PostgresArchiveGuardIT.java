package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.store.Inbox;
import az.disclose.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The archive guards on a real PostgreSQL (see {@link PostgresServer}): the same tests as on SQLite,
 * plus the least-privilege application role of docs/register.md, which cannot drop or disable them.
 */
class PostgresArchiveGuardIT extends ArchiveGuardContract {
  private static final AtomicInteger ROLES = new AtomicInteger();

  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir).withDatabase(PostgresServer.shared().freshUrl(), "", "");
  }

  /** The grants of docs/register.md ("A least-privilege role on PostgreSQL"), for {@code role} on {@code schema}. */
  static List<String> grants(String schema, String role) {
    return List.of(
        "GRANT USAGE ON SCHEMA " + schema + " TO " + role,
        "GRANT SELECT ON flyway_schema_history TO " + role,
        "GRANT SELECT, INSERT, DELETE ON requests, history, attachments TO " + role,
        "GRANT UPDATE (status, deadline_rule, due_date, due_at, state_event_id) ON requests TO " + role,
        "GRANT SELECT, INSERT ON purged TO " + role,
        "GRANT SELECT, INSERT, UPDATE (last_sequence) ON number_counters TO " + role,
        "GRANT SELECT, INSERT, UPDATE, DELETE ON mail_messages, mail_quarantine, outbox TO " + role,
        "GRANT SELECT, INSERT, UPDATE, DELETE ON request_queue TO " + role,
        "GRANT SELECT, INSERT ON notice_templates TO " + role,
        "GRANT SELECT, INSERT, DELETE ON request_words TO " + role,
        // the register reads an actor's account to hold a unit responder to the acceptance rule
        "GRANT SELECT ON accounts TO " + role,
        "GRANT SELECT, INSERT ON refusal_ground_changes TO " + role,
        "GRANT SELECT, INSERT ON refusal_ground_names TO " + role);
  }

  @Test
  void theApplicationRoleWorksTheRegisterButCannotDropOrDisableTheGuards() throws Exception {
    String ownerUrl = inbox.settings().databaseUrl();
    String schema = ownerUrl.replaceAll(".*currentSchema=([a-z0-9_]+).*", "$1");
    String role = "disclose_app_" + ProcessHandle.current().pid() + "_" + ROLES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(ownerUrl); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + role + " LOGIN");
      for (String grant : grants(schema, role)) {
        s.execute(grant);
      }
    }
    String appUrl = ownerUrl.replace("user=postgres", "user=" + role);
    assertThat(appUrl).contains("user=" + role);
    inbox.close();
    inbox = Inbox.open(inbox.settings().withDatabase(appUrl, "", ""), tmp.resolve("content"), clock);
    register = inbox.register();

    // the application's work: register, act, recompute, purge
    String old = answeredWithAttachments();
    String open = register.register(Submissions.information("open")).number();
    register.extend(open, "leyla", "more time");
    clock.setBaku(2026, 2, 5, 10, 0);
    assertThat(register.purge(365, "admin", false).removed()).containsExactly(old);
    assertThat(inbox.store().purgeLog()).extracting(p -> p.number()).containsExactly(old);

    // what the role cannot do, whatever a bug or a stolen password tries
    for (String statement : List.of("ALTER TABLE history DISABLE TRIGGER ALL",
        "DROP TRIGGER history_deleted_only_by_purge ON history",
        "DROP TABLE purged",
        "TRUNCATE history CASCADE",
        "SET session_replication_role = replica",
        "UPDATE requests SET message = 'forged'",
        "UPDATE purged SET actor = 'nobody'",
        "CREATE OR REPLACE FUNCTION disclose_purge_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END; $$")) {
      assertThatThrownBy(() -> sql(statement)).as(statement).isInstanceOf(SQLException.class)
          .hasMessageMatching("(?s).*(must be owner|permission denied).*");
    }
    refused("history is append-only", "DELETE FROM history WHERE request_number = ?", open);
    assertThat(register.get(open).history()).hasSize(2);
  }
}
