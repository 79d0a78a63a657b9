package az.disclose.inbox;

import az.disclose.testing.PostgresServer;
import java.nio.file.Path;

/** The archive guards on a real PostgreSQL (see {@link PostgresServer}): the same tests as on SQLite. */
class PostgresArchiveGuardIT extends ArchiveGuardContract {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir).withDatabase(PostgresServer.shared().freshUrl(), "", "");
  }
}
