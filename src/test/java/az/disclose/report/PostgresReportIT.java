package az.disclose.report;

import az.disclose.inbox.InboxSettings;
import az.disclose.testing.PostgresServer;
import java.nio.file.Path;

/** The monthly report from a real register on PostgreSQL (a throwaway server, see {@link PostgresServer}). */
class PostgresReportIT extends RegisterReportContract {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir).withNumberPrefix("SEN").withDatabase(PostgresServer.shared().freshUrl(), "", "");
  }
}
