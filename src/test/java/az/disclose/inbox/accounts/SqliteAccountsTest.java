package az.disclose.inbox.accounts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.InboxSettings;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/** The accounts on the embedded default: a SQLite file in a temporary data directory. */
class SqliteAccountsTest extends AccountsContract {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir);
  }

  @Override
  void refusesToEmptyTheAudit(Statement s) {
    assertThatThrownBy(() -> s.executeUpdate("INSERT OR REPLACE INTO account_audit (id, at, actor, username, kind)"
        + " SELECT id, at, actor, username, 'signed_in' FROM account_audit"))
        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
  }
}
