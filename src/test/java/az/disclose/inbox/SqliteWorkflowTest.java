package az.disclose.inbox;

import java.nio.file.Path;

/** Assignment, reopening, withdrawal and queues on the embedded default: a SQLite file. */
class SqliteWorkflowTest extends WorkflowContract {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir);
  }
}
