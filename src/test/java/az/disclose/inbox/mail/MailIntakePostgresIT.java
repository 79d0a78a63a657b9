package az.disclose.inbox.mail;

import az.disclose.inbox.InboxSettings;
import az.disclose.testing.PostgresServer;
import java.nio.file.Path;

/** The mail intake (and migration V2__mail.sql) on a real PostgreSQL: the same tests as on SQLite. */
class MailIntakePostgresIT extends MailIntakeTest {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir).withDatabase(PostgresServer.shared().freshUrl(), "", "");
  }
}
