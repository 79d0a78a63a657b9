package az.disclose.report;

import az.disclose.inbox.InboxSettings;
import java.nio.file.Path;

/** The monthly report from a real register on SQLite (the embedded default). */
class SqliteReportTest extends RegisterReportContract {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir).withNumberPrefix("SEN");
  }
}
