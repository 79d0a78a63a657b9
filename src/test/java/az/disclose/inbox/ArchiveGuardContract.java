package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.store.JdbcRequestStore;
import az.disclose.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive is append-only in the database itself (migration V5__archive_append_only.sql): plain
 * SQL from any client, not only the application, is refused when it would delete or rewrite the
 * register, and the retention purge still works and is logged. Run against each database by a
 * subclass: {@code SqliteArchiveGuardTest} and {@code PostgresArchiveGuardIT}.
 */
abstract class ArchiveGuardContract {
  @TempDir Path tmp;
  TestClock clock;
  Inbox inbox;
  RegisterService register;

  /** The settings of a new, empty database whose SQLite data would live in {@code dataDir}. */
  abstract InboxSettings settings(Path dataDir);

  @BeforeEach
  void openRegister() throws Exception {
    clock = TestClock.baku(2025, 1, 10, 10, 0); // a Friday
    inbox = Inbox.open(settings(tmp.resolve("data")), tmp.resolve("content"), clock);
    register = inbox.register();
  }

  @AfterEach
  void closeRegister() {
    if (inbox != null) {
      inbox.close();
    }
  }

  /** Runs one statement on its own connection (auto-commit), as a client with a SQL shell would. */
  int sql(String statement, Object... args) throws SQLException {
    try (Connection c = inbox.store().dataSource().getConnection();
        PreparedStatement p = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      return p.executeUpdate();
    }
  }

  long number(String query, Object... args) throws SQLException {
    try (Connection c = inbox.store().dataSource().getConnection();
        PreparedStatement p = c.prepareStatement(query)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  void refused(String message, String statement, Object... args) {
    assertThatThrownBy(() -> sql(statement, args)).as(statement)
        .isInstanceOf(SQLException.class).hasMessageContaining(message);
  }

  /** A request with an attachment, an internal note, and an answer with an attachment: closed. */
  String answeredWithAttachments() throws Exception {
    String n = register.register(Submissions.of(RequestType.INFORMATION, Urgency.NORMAL, "hesabat",
        List.of(new Attachment("ərizə.pdf", "application/pdf", "%PDF-1.4 request".getBytes(StandardCharsets.UTF_8)))))
        .number();
    register.note(n, "leyla", "internal note");
    register.answer(n, "leyla", "Cavab əlavədədir.",
        List.of(new Attachment("cavab.pdf", "application/pdf", "%PDF-1.4 answer".getBytes(StandardCharsets.UTF_8))));
    return n;
  }

  // ------------------------------------------------------------------ deleting

  @Test
  void deletingHistoryAttachmentsOrARequestIsRefusedEvenWhenTheRequestIsClosed() throws Exception {
    String n = answeredWithAttachments();
    RequestView before = register.get(n);

    refused("attachments are kept as received", "DELETE FROM attachments WHERE request_number = ?", n);
    refused("attachments are kept as received", "DELETE FROM attachments");
    refused("history is append-only", "DELETE FROM history WHERE request_number = ? AND kind = 'NOTE'", n);
    refused("history is append-only", "DELETE FROM history");
    refused("a request is deleted only by the retention purge", "DELETE FROM requests WHERE number = ?", n);

    RequestView after = register.get(n);
    assertThat(after.history()).isEqualTo(before.history());
    assertThat(inbox.store().attachments(n)).hasSize(2);
    assertThat(inbox.store().raw(n)).isPresent();
  }

  @Test
  void truncatingOrEmptyingATableOfTheArchiveIsRefused() throws Exception {
    String n = answeredWithAttachments();
    sql("INSERT INTO purged (number, registered_at, last_event_at, purged_at, actor) VALUES ('SEN-2024-00001', 1, 1, 2,"
        + " 'admin')");
    for (String table : List.of("attachments", "history", "requests", "number_counters", "purged")) {
      assertThatThrownBy(() -> sql(inbox.store().dialect() == JdbcRequestStore.Dialect.POSTGRESQL
          ? "TRUNCATE " + table + " CASCADE" : "DELETE FROM " + table + " WHERE 1 = 1"))
          .as(table).isInstanceOf(SQLException.class);
    }
    assertThat(register.get(n).history()).hasSize(3);
    assertThat(inbox.store().attachments(n)).hasSize(2);
    assertThat(inbox.store().purgeLog()).hasSize(1);
  }

  @Test
  void anOpenRequestCannotBeDeletedEvenWhenSomeoneWritesItIntoThePurgeLog() throws Exception {
    String n = register.register(Submissions.information("open")).number();
    sql("INSERT INTO purged (number, registered_at, last_event_at, purged_at, actor) VALUES (?, ?, ?, ?, ?)",
        n, 1L, 1L, 2L, "mallory");

    refused("history is append-only", "DELETE FROM history WHERE request_number = ?", n);
    refused("never while it is open", "DELETE FROM requests WHERE number = ?", n);
    assertThat(register.get(n).history()).hasSize(1);
  }

  @Test
  void aTemporaryTableCannotStandInForThePurgeLog() throws Exception {
    String n = answeredWithAttachments();
    try (Connection c = inbox.store().dataSource().getConnection()) {
      // a temporary table of the session comes first in name look-up (PostgreSQL's pg_temp, SQLite's temp)
      exec(c, "CREATE TEMP TABLE purged (number TEXT)");
      try {
        exec(c, "INSERT INTO purged (number) VALUES (?)", n);
        assertThatThrownBy(() -> exec(c, "DELETE FROM attachments WHERE request_number = ?", n))
            .isInstanceOf(SQLException.class).hasMessageContaining("attachments are kept as received");
        assertThatThrownBy(() -> exec(c, "DELETE FROM history WHERE request_number = ?", n))
            .isInstanceOf(SQLException.class).hasMessageContaining("history is append-only");
      } finally {
        exec(c, "DROP TABLE " + (inbox.store().dialect() == JdbcRequestStore.Dialect.POSTGRESQL ? "pg_temp" : "temp")
            + ".purged");
      }
    }
    assertThat(register.get(n).history()).hasSize(3);
    assertThat(inbox.store().attachments(n)).hasSize(2);
  }

  // ------------------------------------------------------------------ updating

  @Test
  void updatingHistoryOrAttachmentsIsRefused() throws Exception {
    String n = answeredWithAttachments();

    refused("history is append-only", "UPDATE history SET text = ? WHERE request_number = ?", "forged", n);
    refused("history is append-only", "UPDATE history SET at = at - 86400000 WHERE request_number = ?", n);
    refused("history is append-only", "UPDATE history SET visible = 1 WHERE kind = 'NOTE'");
    refused("attachments are kept as received", "UPDATE attachments SET bytes = ? WHERE request_number = ?",
        "forged".getBytes(StandardCharsets.UTF_8), n);
    refused("attachments are kept as received", "UPDATE attachments SET file_name = ? WHERE request_number = ?",
        "other.pdf", n);

    assertThat(register.get(n).history()).extracting(HistoryEvent::text).doesNotContain("forged");
    assertThat(inbox.store().attachments(n)).extracting(a -> new String(a.attachment().bytes(), StandardCharsets.UTF_8))
        .containsExactly("%PDF-1.4 request", "%PDF-1.4 answer");
  }

  @Test
  void changingAStatusDeadlineOrDueDateWithoutANewEventIsRefused() throws Exception {
    String n = register.register(Submissions.information("x")).number();
    String other = register.register(Submissions.information("y")).number();
    register.note(other, "leyla", "a note on another request");
    StoredView before = view(n);
    long registeredEvent = number("SELECT MAX(id) FROM history WHERE request_number = ?", n);
    long otherEvent = number("SELECT MAX(id) FROM history WHERE request_number = ?", other);
    String change = "status and deadline change only with an event";

    refused(change, "UPDATE requests SET status = 'answered' WHERE number = ?", n);
    refused(change, "UPDATE requests SET due_date = '2030-01-01' WHERE number = ?", n);
    refused(change, "UPDATE requests SET due_at = due_at + 86400000 WHERE number = ?", n);
    refused(change, "UPDATE requests SET deadline_rule = 'appeal' WHERE number = ?", n);
    // an event, but not a new one of this request
    refused(change, "UPDATE requests SET status = 'answered', state_event_id = ? WHERE number = ?", registeredEvent, n);
    refused(change, "UPDATE requests SET status = 'answered', state_event_id = ? WHERE number = ?", otherEvent, n);
    refused(change, "UPDATE requests SET status = 'answered', state_event_id = ? WHERE number = ?",
        otherEvent + 1000, n);
    refused(change, "UPDATE requests SET state_event_id = state_event_id - 1 WHERE number = ?", n);
    assertThat(view(n)).isEqualTo(before);

    // with an event appended first and named, the change is on record, and it is allowed
    sql("INSERT INTO history (request_number, at, actor, kind, text, visible) VALUES (?, ?, 'dba', 'NOTE', ?, 0)",
        n, clock.millis(), "status corrected by hand");
    long event = number("SELECT MAX(id) FROM history WHERE request_number = ?", n);
    assertThat(sql("UPDATE requests SET status = 'clarification', state_event_id = ? WHERE number = ?", event, n))
        .isEqualTo(1);
    assertThat(register.get(n).status()).isEqualTo(RequestStatus.CLARIFICATION_REQUESTED);
    // and that event cannot explain a second change
    refused(change, "UPDATE requests SET status = 'answered', state_event_id = ? WHERE number = ?", event, n);
  }

  @Test
  void everyStateChangeOfTheServiceNamesItsEvent() throws Exception {
    String answered = register.register(Submissions.information("a")).number();
    String extended = register.register(Submissions.information("b")).number();
    register.extend(extended, "leyla", "more time");
    register.clarify(extended, "leyla", "which year?");
    HistoryEvent answer = register.answer(answered, "leyla", "here", List.of());

    assertThat(number("SELECT state_event_id FROM requests WHERE number = ?", answered)).isEqualTo(answer.id());
    List<HistoryEvent> h = register.get(extended).history();
    assertThat(number("SELECT state_event_id FROM requests WHERE number = ?", extended))
        .isEqualTo(h.get(h.size() - 1).id());
    assertThat(register.get(extended).status()).isEqualTo(RequestStatus.CLARIFICATION_REQUESTED);
  }

  @Test
  void aRequestAsReceivedCannotBeChanged() throws Exception {
    String n = register.register(Submissions.information("x")).number();
    String received = "a request is kept as received";

    refused(received, "UPDATE requests SET number = 'SEN-2025-09999' WHERE number = ?", n);
    refused(received, "UPDATE requests SET year = 2024 WHERE number = ?", n);
    refused(received, "UPDATE requests SET sequence = 99 WHERE number = ?", n);
    refused(received, "UPDATE requests SET channel = 'MAIL' WHERE number = ?", n);
    refused(received, "UPDATE requests SET type = 'appeal' WHERE number = ?", n);
    refused(received, "UPDATE requests SET urgency = 'life' WHERE number = ?", n);
    refused(received, "UPDATE requests SET name = 'someone else' WHERE number = ?", n);
    refused(received, "UPDATE requests SET email = 'x@example.org' WHERE number = ?", n);
    refused(received, "UPDATE requests SET subject = 'forged' WHERE number = ?", n);
    refused(received, "UPDATE requests SET message = 'forged' WHERE number = ?", n);
    refused(received, "UPDATE requests SET raw = ? WHERE number = ?", "forged".getBytes(StandardCharsets.UTF_8), n);
    refused(received, "UPDATE requests SET remote_address = '203.0.113.9' WHERE number = ?", n);
    refused(received, "UPDATE requests SET status_token = 'guessable' WHERE number = ?", n);
    refused(received, "UPDATE requests SET registered_at = registered_at - 86400000 WHERE number = ?", n);

    assertThat(register.get(n).message()).doesNotContain("forged");
  }

  // ------------------------------------------------------------------ numbers

  @Test
  void aNumberCounterCanNeitherBeRewoundNorSkippedNorDeleted() throws Exception {
    register.register(Submissions.information("1"));
    register.register(Submissions.information("2"));
    String counting = "number counters only count up by one";

    refused(counting, "UPDATE number_counters SET last_sequence = 0 WHERE year = 2025");
    refused(counting, "UPDATE number_counters SET last_sequence = last_sequence - 1 WHERE year = 2025");
    refused(counting, "UPDATE number_counters SET last_sequence = last_sequence + 2 WHERE year = 2025");
    refused(counting, "UPDATE number_counters SET year = 2024 WHERE year = 2025");
    refused("number counters are kept", "DELETE FROM number_counters WHERE year = 2025");
    refused(counting, "INSERT INTO number_counters (year, last_sequence) VALUES (2031, 7)");

    assertThat(register.register(Submissions.information("3")).number()).isEqualTo("SEN-2025-00003");
  }

  // ------------------------------------------------------------------ the purge, the one way to delete

  @Test
  void thePurgeStillRemovesAClosedRequestWithItsRowsAndLogsIt() throws Exception {
    String old = answeredWithAttachments();
    String open = register.register(Submissions.information("still open")).number();
    clock.setBaku(2026, 2, 5, 10, 0);

    PurgeReport report = register.purge(365, "admin", false);

    assertThat(report.removed()).containsExactly(old);
    assertThat(report.keptOpen()).containsExactly(open);
    assertThat(register.find(old)).isEmpty();
    assertThat(number("SELECT COUNT(*) FROM history WHERE request_number = ?", old)).isZero();
    assertThat(number("SELECT COUNT(*) FROM attachments WHERE request_number = ?", old)).isZero();
    assertThat(inbox.store().purgeLog()).extracting(p -> p.number()).containsExactly(old);
    assertThat(number("SELECT purged_at FROM purged WHERE number = ?", old)).isEqualTo(clock.millis());
    // what it logged stays
    refused("the purge log is append-only", "DELETE FROM purged WHERE number = ?", old);
    refused("the purge log is append-only", "UPDATE purged SET actor = 'nobody' WHERE number = ?", old);
    assertThat(inbox.store().purgeLog()).hasSize(1);
    // and a purged number cannot come back
    refused("a request is kept as received", "INSERT INTO requests (number, year, sequence, channel, type, urgency,"
        + " name, email, subject, message, language, raw, raw_content_type, remote_address, status_token,"
        + " registered_at, status, deadline_rule, due_date, due_at) SELECT ?, year, 999, channel, type, urgency,"
        + " name, email, subject, message, language, raw, raw_content_type, remote_address, 'new-token',"
        + " registered_at, 'answered', deadline_rule, due_date, due_at FROM requests WHERE number = ?", old, open);
  }

  @Test
  void thePurgeFailsAsAWholeWhenTheDatabaseRefusesOneOfItsDeletes() throws Exception {
    String old = answeredWithAttachments();
    clock.setBaku(2026, 2, 5, 10, 0);
    // the number is already in the purge log (say, written by hand): the purge's own log entry is
    // refused, and with it the whole purge
    sql("INSERT INTO purged (number, registered_at, last_event_at, purged_at, actor) VALUES (?, ?, ?, ?, ?)",
        old, 1L, 1L, 2L, "mallory");

    assertThatThrownBy(() -> register.purge(365, "admin", false))
        .isInstanceOf(Register.RegisterException.class).hasMessageContaining("nothing was removed");
    assertThat(register.get(old).history()).hasSize(3);
    assertThat(inbox.store().attachments(old)).hasSize(2);
  }

  // ------------------------------------------------------------------ upgrading a database with data

  @Test
  void theMigrationKeepsTheRequestsOfAnOlderDatabaseAndGuardsThem() throws Exception {
    InboxSettings old = settings(tmp.resolve("old"));
    if (old.isSqlite()) {
      Files.createDirectories(tmp.resolve("old"));
    }
    Flyway.configure().dataSource(old.databaseUrl(), old.databaseUser(), old.databasePassword())
        .locations((old.isSqlite() ? JdbcRequestStore.Dialect.SQLITE : JdbcRequestStore.Dialect.POSTGRESQL).migrations())
        .target("3").load().migrate();
    try (Connection c = DriverManager.getConnection(old.databaseUrl(), old.databaseUser(), old.databasePassword())) {
      exec(c, "INSERT INTO number_counters (year, last_sequence) VALUES (2025, 2)");
      for (int seq = 1; seq <= 2; seq++) {
        exec(c, "INSERT INTO requests (number, year, sequence, channel, type, urgency, name, email, subject, message,"
            + " language, raw, raw_content_type, remote_address, status_token, registered_at, status, deadline_rule,"
            + " due_date, due_at) VALUES (?, 2025, ?, 'WEB', 'information', 'normal', 'Aysel', 'a@example.az', 's',"
            + " 'm', 'az', ?, 'text/plain', '192.0.2.7', ?, ?, 'registered', 'information', '2025-01-21', ?)",
            "SEN-2025-0000" + seq, seq, "raw".getBytes(StandardCharsets.UTF_8), "token" + seq, clock.millis(),
            clock.millis() + 86_400_000L * 11);
        exec(c, "INSERT INTO history (request_number, at, actor, kind, text, visible) VALUES (?, ?, 'system',"
            + " 'REGISTERED', 'registered', 1)", "SEN-2025-0000" + seq, clock.millis());
      }
      exec(c, "INSERT INTO history (request_number, at, actor, kind, text, visible) VALUES ('SEN-2025-00002', ?,"
          + " 'leyla', 'NOTE', 'a note', 0)", clock.millis());
    }
    inbox.close();
    inbox = Inbox.open(old, tmp.resolve("content"), clock); // migrates to the newest version
    register = inbox.register();

    for (String n : List.of("SEN-2025-00001", "SEN-2025-00002")) {
      assertThat(number("SELECT state_event_id FROM requests WHERE number = ?", n))
          .isEqualTo(number("SELECT MAX(id) FROM history WHERE request_number = ?", n));
    }
    refused("status and deadline change only with an event",
        "UPDATE requests SET status = 'answered' WHERE number = 'SEN-2025-00002'");
    refused("history is append-only", "DELETE FROM history WHERE request_number = 'SEN-2025-00002'");
    HistoryEvent answer = register.answer("SEN-2025-00002", "leyla", "answered after the upgrade", List.of());
    assertThat(register.get("SEN-2025-00002").status()).isEqualTo(RequestStatus.ANSWERED);
    assertThat(number("SELECT state_event_id FROM requests WHERE number = 'SEN-2025-00002'")).isEqualTo(answer.id());
    assertThat(register.register(Submissions.information("next")).number()).isEqualTo("SEN-2025-00003");
  }

  static void exec(Connection c, String statement, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      p.executeUpdate();
    }
  }

  /** What a state change would alter, read back. */
  record StoredView(RequestStatus status, LocalDate dueDate, long stateEvent) {}

  StoredView view(String n) throws Exception {
    RequestView v = register.get(n);
    return new StoredView(v.status(), v.dueDate(), number("SELECT state_event_id FROM requests WHERE number = ?", n));
  }
}
