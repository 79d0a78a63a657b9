package az.disclose.inbox.accounts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.InboxSettings;
import az.disclose.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/** The accounts on a real PostgreSQL (see {@link PostgresServer}): the same tests as on SQLite. */
class PostgresAccountsIT extends AccountsContract {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir).withDatabase(PostgresServer.shared().freshUrl(), "", "");
  }

  @Override
  void refusesToEmptyTheAudit(Statement s) {
    assertThatThrownBy(() -> s.executeUpdate("TRUNCATE account_audit"))
        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
  }
}
