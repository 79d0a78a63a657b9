package az.disclose.inbox;

import az.disclose.testing.PostgresServer;
import java.nio.file.Path;

/** Assignment, reopening, withdrawal and queues on a real PostgreSQL: the same tests as on SQLite. */
class PostgresWorkflowIT extends WorkflowContract {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir).withDatabase(PostgresServer.shared().freshUrl(), "", "");
  }
}
