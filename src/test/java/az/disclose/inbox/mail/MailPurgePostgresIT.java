package az.disclose.inbox.mail;

import az.disclose.inbox.InboxSettings;
import az.disclose.testing.PostgresServer;
import java.nio.file.Path;

/** The purge of the mail tables (and migration V3__mail_retention.sql) on a real PostgreSQL. */
class MailPurgePostgresIT extends MailPurgeTest {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir).withDatabase(PostgresServer.shared().freshUrl(), "", "");
  }
}
