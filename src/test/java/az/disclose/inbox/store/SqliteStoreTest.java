package az.disclose.inbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.ListFilter;
import az.disclose.inbox.StoreException;
import az.disclose.inbox.model.RequestSummary;
import az.disclose.site.TestSites;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
  @TempDir Path tmp;

  private static String pragma(Connection c, String name) throws Exception {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
      r.next();
      return r.getString(1);
    }
  }

  @Test
  void everyConnectionUsesWalWithFullSynchronousCommitsAndABusyTimeout() throws Exception {
    try (JdbcRequestStore store = JdbcRequestStore.open(InboxSettings.defaults(tmp.resolve("data")))) {
      for (int i = 0; i < 3; i++) {
        try (Connection c = store.dataSource().getConnection()) {
          assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
          assertThat(pragma(c, "synchronous")).isEqualTo("2"); // FULL
          assertThat(pragma(c, "busy_timeout")).isEqualTo(String.valueOf(JdbcRequestStore.SQLITE_BUSY_TIMEOUT_MS));
          assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
        }
      }
    }
    assertThat(tmp.resolve("data/disclose.db")).exists();
  }

  @Test
  void anotherComponentsStatementsBindEveryValueByItsTypeAndRefuseAnUnknownType() throws Exception {
    try (JdbcRequestStore store = JdbcRequestStore.open(InboxSettings.defaults(tmp.resolve("data")))) {
      String hostile = "x', 0, 'registered', NULL, NULL); DROP TABLE requests; --";
      store.<Integer, RuntimeException>write(tx -> tx.update("INSERT INTO mail_messages"
          + " (message_key, received_at, outcome, request_number, raw) VALUES (?, ?, ?, ?, ?)",
          hostile, 42L, "bounce", null, new byte[] {1, 2}));
      record Stored(String key, long at, java.util.Optional<Long> number, byte[] raw) {}
      Stored row = store.read(t -> t.queryFirst("SELECT message_key, received_at, LENGTH(request_number), raw"
          + " FROM mail_messages WHERE outcome = ? AND received_at > ?",
          r -> new Stored(r.text(1), r.number(2), r.optionalNumber(3), r.bytes(4)), "bounce", 41)).orElseThrow();
      assertThat(row.key()).isEqualTo(hostile);
      assertThat(row.at()).isEqualTo(42L);
      assertThat(row.number()).isEmpty();
      assertThat(row.raw()).containsExactly(1, 2);
      assertThat(store.list(List.of())).isEmpty(); // the requests table is still there
      assertThatThrownBy(() -> store.read(t -> t.query("SELECT ?", r -> r.text(1), java.time.Instant.EPOCH)))
          .isInstanceOf(StoreException.class).hasMessageContaining("parameter 1")
          .hasMessageContaining("java.time.Instant");
    }
  }

  @Test
  void anInMemoryDatabaseIsRefused() {
    assertThatThrownBy(() -> JdbcRequestStore.open(InboxSettings.defaults(tmp).withDatabase("jdbc:sqlite::memory:", "", "")))
        .isInstanceOf(StoreException.class).hasMessageContaining("in-memory");
  }

  @Test
  void everyNumberAClientReceivedSurvivesAKill9WithItsContentAndNoGaps() throws Exception {
    Path data = tmp.resolve("data");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RegisterLoop.class.getName(), data.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Map<String, String> received = new LinkedHashMap<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (received.size() < 150 && (line = out.readLine()) != null) {
        String[] parts = line.split(" ", 2);
        received.put(parts[0], parts[1]);
      }
      p.destroyForcibly(); // SIGKILL in the middle of the loop
      p.waitFor(30, TimeUnit.SECONDS);
    } finally {
      p.destroyForcibly();
    }
    assertThat(received).hasSize(150);
    try (Inbox inbox = Inbox.open(InboxSettings.defaults(data), TestSites.CONTENT, Clock.systemUTC())) {
      // the search indexes are written after the commits: what the kill left unindexed is indexed at
      // open, and every request is found by the queues' search
      assertThat(inbox.store().pendingSearchIndex()).isZero();
      az.disclose.inbox.model.QueueQuery all = az.disclose.inbox.model.QueueQuery.of(az.disclose.inbox.model.Queue.ALL, "x");
      for (Map.Entry<String, String> e : received.entrySet()) {
        assertThat(inbox.register().queue(all.withText(e.getKey())).rows())
            .extracting(az.disclose.inbox.model.QueueRow::number).as("searching %s", e.getKey()).containsExactly(e.getKey());
        assertThat(inbox.register().queue(all.withText(e.getValue() + "\nm")).rows())
            .extracting(az.disclose.inbox.model.QueueRow::number).as("searching '%s'", e.getValue()).containsExactly(e.getKey());
      }
      for (Map.Entry<String, String> e : received.entrySet()) {
        assertThat(inbox.register().find(e.getKey())).hasValueSatisfying(v -> assertThat(v.subject()).isEqualTo(e.getValue()));
        assertThat(inbox.register().raw(e.getKey())).asString(StandardCharsets.UTF_8).isEqualTo(e.getValue());
      }
      List<String> numbers = inbox.register().list(ListFilter.all()).stream().map(RequestSummary::number).toList();
      int year = Integer.parseInt(numbers.get(0).substring(4, 8));
      assertThat(numbers).hasSizeGreaterThanOrEqualTo(150).containsExactlyElementsOf(IntStream
          .rangeClosed(1, numbers.size()).mapToObj(i -> String.format(Locale.ROOT, "SEN-%d-%05d", year, i)).toList());
    }
  }
}
