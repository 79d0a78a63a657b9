package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.Queue;
import az.disclose.inbox.model.QueueQuery;
import az.disclose.inbox.store.Inbox;
import az.disclose.site.TestSites;
import az.disclose.testing.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Assignment, reopening, withdrawal and queues on a real PostgreSQL: the same tests as on SQLite. */
class PostgresWorkflowIT extends WorkflowContract {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir).withDatabase(PostgresServer.shared().freshUrl(), "", "");
  }

  @Test
  void withoutTheTrigramIndexTheSearchReadsEveryRowAndFindsTheSame() throws Exception {
    String a = request("Şəhər nəqliyyatı", "Göyçay rayonu");
    String b = request("Məktəb", "100% faiz_dərəcəsi");
    sql("DROP INDEX request_queue_search_trgm"); // as where pg_trgm could not be had (migration V12)
    InboxSettings s = inbox.settings();
    inbox.close();
    inbox = Inbox.open(s, TestSites.CONTENT, clock);
    register = inbox.register();

    QueueQuery all = QueueQuery.of(Queue.ALL, "x");
    assertThat(numbers(all.withText("GÖYÇAY"))).containsExactly(a);
    assertThat(numbers(all.withText("0% f"))).containsExactly(b);
    assertThat(numbers(all.withText("ş"))).containsExactly(a);
  }
}
