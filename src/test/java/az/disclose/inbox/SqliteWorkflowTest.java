package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.Queue;
import az.disclose.inbox.model.QueueQuery;
import az.disclose.inbox.store.Inbox;
import az.disclose.site.TestSites;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Assignment, reopening, withdrawal and queues on the embedded default: a SQLite file. */
class SqliteWorkflowTest extends WorkflowContract {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir);
  }

  /** Requests in an FTS5 search index (migration V12 or V17) matching {@code query} (folded text: ı is i). */
  private long indexed(String table, String query) throws Exception {
    try (Connection c = inbox.store().dataSource().getConnection();
        PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + table + " MATCH ?")) {
      p.setString(1, query);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Test
  void aRequestCommittedButNotYetIndexedIsFoundBySearchAndIndexedAtTheNextOpen() throws Exception {
    String old = request("Zəfəran sahələri", "Əvvəlki sorğu.");
    waitUntilIndexed();
    inbox.store().indexSearchAfterCommits(false); // as if the process ended after each commit
    String n = request("Zəfəran sahələrinin suvarılması", "Suvarma kanallarının uzunluğu.");
    assertThat(inbox.store().pendingSearchIndex()).isEqualTo(1);
    assertThat(indexed("request_search_words", "\"suvarilmasi\"")).isZero();
    assertThat(indexed("request_search", "\"suvarilmasi\"")).isZero();

    QueueQuery all = QueueQuery.of(Queue.ALL, "x");
    for (String term : List.of("zəfəran sahələrinin", "sahələrinin suvarılması", "əfəran sahələri", "ZƏFƏRAN", n,
        "kanallarının uz", "varılm")) {
      assertThat(numbers(all.withText(term))).as("'%s' before indexing", term).contains(n);
    }
    assertThat(numbers(all.withText("zəfəran sahələri"))).containsExactlyInAnyOrder(old, n);

    // the store closes with the request still pending; the next open indexes it
    InboxSettings s = inbox.settings();
    inbox.close();
    inbox = Inbox.open(s, TestSites.CONTENT, clock);
    register = inbox.register();
    assertThat(inbox.store().pendingSearchIndex()).isZero();
    assertThat(indexed("request_search_words", "\"sahələrinin suvarilmasi\"")).isEqualTo(1);
    assertThat(indexed("request_search", "\"sahələrinin suvarilmasi\"")).isEqualTo(1);
    assertThat(numbers(all.withText("sahələrinin suvarılması"))).containsExactly(n);
  }

  @Test
  void theIndexerIndexesEachCommittedRequestSoonAfterItsCommitOnItsOwn() throws Exception {
    String n = request("Çay plantasiyaları", "Lənkəran bölgəsi.");
    waitUntilIndexed();
    assertThat(indexed("request_search_words", "\"çay plantasiyalari\"")).isEqualTo(1);
    assertThat(indexed("request_search", "\"plantasiya\"")).isEqualTo(1);
    assertThat(numbers(QueueQuery.of(Queue.ALL, "x").withText("plantasiyaları"))).containsExactly(n);
  }

  private void waitUntilIndexed() throws Exception {
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    while (inbox.store().pendingSearchIndex() > 0) {
      assertThat(Instant.now()).as("the indexer indexes the pending requests within 20 s").isBefore(until);
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // poll the condition
    }
  }
}
