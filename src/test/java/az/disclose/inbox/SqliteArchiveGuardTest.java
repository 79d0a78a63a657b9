package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The archive guards on the embedded default (a SQLite file), plus SQLite's own way around a delete
 * trigger: {@code INSERT OR REPLACE} deletes the row it replaces without firing it.
 */
class SqliteArchiveGuardTest extends ArchiveGuardContract {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir);
  }

  @Test
  void insertOrReplaceCannotOverwriteAnArchivedRow() throws Exception {
    String n = answeredWithAttachments();
    long note = number("SELECT MIN(id) FROM history WHERE request_number = ? AND kind = 'NOTE'", n);

    refused("history is append-only", "INSERT OR REPLACE INTO history (id, request_number, at, actor, kind, text,"
        + " visible) VALUES (?, ?, 0, 'mallory', 'NOTE', 'forged', 0)", note, n);
    refused("attachments are kept as received", "INSERT OR REPLACE INTO attachments (request_number, position, role,"
        + " history_id, file_name, content_type, size, bytes) VALUES (?, 1, 'request', NULL, 'x', 'text/plain', 1, X'00')",
        n);
    refused("a request is kept as received", "REPLACE INTO requests (number, year, sequence, channel, type, urgency,"
        + " name, email, subject, message, language, raw, raw_content_type, remote_address, status_token,"
        + " registered_at, status, deadline_rule, due_date, due_at) SELECT 'SEN-2025-00077', year, sequence, channel,"
        + " type, urgency, name, email, subject, 'forged', language, raw, raw_content_type, remote_address,"
        + " 'other-token', registered_at, status, deadline_rule, due_date, due_at FROM requests WHERE number = ?", n);
    refused("number counters only count up by one",
        "INSERT OR REPLACE INTO number_counters (year, last_sequence) VALUES (2025, 0)");
    clock.setBaku(2026, 2, 5, 10, 0);
    register.purge(365, "admin", false);
    refused("the purge log is append-only", "INSERT OR REPLACE INTO purged (number, registered_at, last_event_at,"
        + " purged_at, actor) VALUES (?, 0, 0, 0, 'nobody')", n);

    assertThat(number("SELECT COUNT(*) FROM purged WHERE actor = 'admin'")).isEqualTo(1);
    assertThat(register.register(Submissions.information("next")).number()).isEqualTo("SEN-2026-00001");
  }
}
