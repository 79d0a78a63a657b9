package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.Queue;
import az.disclose.inbox.model.QueueQuery;
import az.disclose.inbox.store.Inbox;
import az.disclose.site.TestSites;
import az.disclose.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Assignment, reopening, withdrawal and queues on a real PostgreSQL: the same tests as on SQLite. */
class PostgresWorkflowIT extends WorkflowContract {
  @Override
  InboxSettings settings(Path dataDir) {
    return InboxSettings.defaults(dataDir).withDatabase(PostgresServer.shared().freshUrl(), "", "");
  }

  @Test
  void requestsStoredBeforeTheWordIndexAreIndexedWhenTheRegisterOpens() throws Exception {
    String a = request("Şəhər nəqliyyatı", "Göyçay rayonu, avtobus marşrutları");
    String b = request("Məktəb", "Göyçay rayonu");
    sql("DELETE FROM request_words"); // as stored before migration V14
    InboxSettings s = inbox.settings();
    inbox.close();
    inbox = Inbox.open(s, TestSites.CONTENT, clock);
    register = inbox.register();

    QueueQuery all = QueueQuery.of(Queue.ALL, "x");
    assertThat(numbers(all.withText("göyçay rayonu, avtobus"))).containsExactly(a);
    assertThat(numbers(all.withText("Göyçay rayonu"))).containsExactlyInAnyOrder(a, b);
    try (Connection c = inbox.store().dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet r = st.executeQuery("SELECT count(*) FROM request_queue q"
            + " WHERE NOT EXISTS (SELECT 1 FROM request_words w WHERE w.number = q.number)")) {
      r.next();
      assertThat(r.getLong(1)).as("rows without a word vector").isZero();
    }
  }

  @Test
  void aRequestTooLongForTheWordIndexIsStillFound() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("söz").append(i).append(' ');
    }
    String a = request("Uzun sorğu", text + "son cümlə burada");
    String b = request("Qısa", "son cümlə burada");

    assertThat(numbers(QueueQuery.of(Queue.ALL, "x").withText("son cümlə burada"))).containsExactlyInAnyOrder(a, b);
    assertThat(numbers(QueueQuery.of(Queue.ALL, "x").withText("söz19999 son"))).containsExactly(a);
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

  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Test
  void anOwnerWhoCannotCreateTheExtensionMigratesWithoutTheIndexAndFindsTheSame() throws Exception {
    // a database of its own (the extension is per database) and an owner role without CREATE on it
    String adminUrl = inbox.settings().databaseUrl();
    assertThat(adminUrl).contains("/postgres?", "user=postgres");
    String name = "noext_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
      s.execute("CREATE ROLE " + name + " LOGIN");
    }
    String dbUrl = adminUrl.replace("/postgres?", "/" + name + "?").replaceAll("currentSchema=\\w+", "currentSchema=" + name);
    try (Connection c = DriverManager.getConnection(dbUrl); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name + " AUTHORIZATION " + name);
    }
    InboxSettings s = inbox.settings().withDatabase(dbUrl.replace("user=postgres", "user=" + name), "", "");
    inbox.close();
    inbox = Inbox.open(s, TestSites.CONTENT, clock);
    register = inbox.register();
    String a = request("Şəhər nəqliyyatı", "Göyçay rayonu");

    try (Connection c = DriverManager.getConnection(dbUrl); Statement st = c.createStatement();
        ResultSet r = st.executeQuery("SELECT (SELECT COUNT(*) FROM pg_extension WHERE extname = 'pg_trgm'),"
            + " (SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'request_queue_search_trgm')")) {
      r.next();
      assertThat(r.getInt(1)).as("pg_trgm in the database").isZero();
      assertThat(r.getInt(2)).as("the trigram index").isZero();
    }
    QueueQuery all = QueueQuery.of(Queue.ALL, "x");
    assertThat(numbers(all.withText("GÖYÇAY"))).containsExactly(a);
    assertThat(numbers(all.withText("ş"))).containsExactly(a);
  }
}
