package az.disclose.inbox;

import java.nio.file.Path;

/** The register on the embedded default: a SQLite file in a temporary data directory. */
class SqliteRegisterTest extends RegisterContract {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir);
  }
}
