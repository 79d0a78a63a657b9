package az.disclose.inbox;

import az.disclose.inbox.model.Queue;
import az.disclose.inbox.model.QueuePage;
import az.disclose.inbox.model.QueueQuery;
import az.disclose.inbox.store.Inbox;
import az.disclose.site.TestSites;
import az.disclose.testing.PostgresServer;
import az.disclose.testing.TestClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The officers' queues on a large register (docs/performance.md, "Queues"): N requests (default
 * 100,000) filled by batched SQL (the rows the register itself writes: requests, their first event
 * and their queue row with the folded search text), then each queue's first page and text searches
 * timed through {@link RegisterService#queue} — the server-side time of a queue page, without HTTP.
 * Prints p50 and p99 over RUNS calls and the CPU time of the calling thread per call (SQLite runs in
 * that thread; PostgreSQL's own CPU is in its server process and not counted). Run by
 * {@code bench/queue.sh}. Args: sqlite|postgresql [N] [RUNS] [data directory].
 */
public final class QueueBench {
  static final String[] WORDS = {"büdcə", "hesabat", "tender", "müqavilə", "məktəb", "xəstəxana", "yol", "təmir",
      "İnformasiya", "İSTİLİK", "su", "kanalizasiya", "torpaq", "icarə", "ödəniş", "maaş", "işçi", "qrant", "layihə",
      "audit", "satınalma", "nəqliyyat", "ekologiya", "tullantı", "park", "mənzil", "kommunal", "vergi", "gömrük"};
  static final List<String> UNITS = List.of("aparat", "huquq", "iqtisadiyyat", "kadrlar", "maliyye");
  static final ZoneId BAKU = ZoneId.of("Asia/Baku");

  private QueueBench() {}

  public static void main(String[] args) throws Exception {
    String db = args.length > 0 ? args[0] : "sqlite";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("disclose-queue-bench");
    InboxSettings settings = InboxSettings.defaults(dir.resolve("data"));
    if (db.equals("postgresql")) {
      settings = settings.withDatabase(PostgresServer.shared().freshUrl(), "", "");
    } else if (!db.equals("sqlite")) {
      throw new IllegalArgumentException("sqlite or postgresql, not " + db);
    }
    TestClock clock = TestClock.baku(2026, 6, 15, 10, 0); // a Monday
    try (Inbox inbox = Inbox.open(settings, TestSites.CONTENT, clock)) {
      long fill = System.nanoTime();
      fill(inbox, n, clock.instant());
      System.out.printf(Locale.ROOT, "db=%s filled %d requests in %.1f s%n", db, n, (System.nanoTime() - fill) / 1e9);
      RegisterService register = inbox.register();
      register.useUnits(Set.copyOf(UNITS));
      Map<String, QueueQuery> queries = new LinkedHashMap<>();
      for (Queue q : Queue.values()) {
        queries.put(q.key(), QueueQuery.of(q, "officer03").withActorUnit("huquq"));
      }
      queries.put("all+status+unit", QueueQuery.of(Queue.ALL, "x").withUnit("kadrlar")
          .withStatus(az.disclose.inbox.model.RequestStatus.ANSWERED));
      queries.put("all+received-range", QueueQuery.of(Queue.ALL, "x")
          .withReceived(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
      queries.put("search common word", QueueQuery.of(Queue.ALL, "x").withText("büdcə"));
      queries.put("search rare text", QueueQuery.of(Queue.ALL, "x").withText("istilik su kanalizasiya"));
      queries.put("search number", QueueQuery.of(Queue.ALL, "x").withText("SEN-2025-01234"));
      queries.put("overdue+search", QueueQuery.of(Queue.OVERDUE, "x").withText("tender"));
      queries.put("all page 1000", QueueQuery.of(Queue.ALL, "x").withPage(Math.max(1, n / 100)));
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      System.out.printf(Locale.ROOT, "%-22s %8s %8s %8s %10s%n", "query", "total", "p50 ms", "p99 ms", "cpu ms/call");
      for (Map.Entry<String, QueueQuery> e : queries.entrySet()) {
        for (int i = 0; i < 5; i++) {
          register.queue(e.getValue());
        }
        long[] nanos = new long[runs];
        long cpu = threads.getCurrentThreadCpuTime();
        QueuePage page = null;
        for (int i = 0; i < runs; i++) {
          long t = System.nanoTime();
          page = register.queue(e.getValue());
          nanos[i] = System.nanoTime() - t;
        }
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / runs;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-22s %8d %8.1f %8.1f %10.1f%n", e.getKey(), page.total(),
            nanos[(int) Math.ceil(0.50 * runs) - 1] / 1e6, nanos[(int) Math.ceil(0.99 * runs) - 1] / 1e6, cpuMs);
      }
    }
  }

  /**
   * N requests registered evenly over the two years before {@code now}: the last 2% still open
   * (due around now: some overdue, some due soon), 3% waiting for clarification, the rest closed
   * (answered 80%, refused, forwarded, withdrawn); 70% assigned to one of five units, half of those
   * accepted by one of 20 responders. Subjects and texts of a few Azerbaijani words.
   */
  public static void fill(Inbox inbox, int n, Instant now) throws Exception {
    Random random = new Random(42);
    long span = Duration.ofDays(730).toMillis();
    long start = now.toEpochMilli() - span;
    try (Connection c = inbox.store().dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement r = c.prepareStatement("INSERT INTO requests (number, year, sequence, channel, type,"
          + " urgency, name, email, subject, message, language, raw, raw_content_type, remote_address, status_token,"
          + " registered_at, status, deadline_rule, due_date, due_at) VALUES (?, ?, ?, ?, ?, 'normal', ?, ?, ?, ?,"
          + " 'az', ?, 'text/plain', '192.0.2.7', ?, ?, ?, 'info-request', ?, ?)");
          PreparedStatement h = c.prepareStatement("INSERT INTO history (request_number, at, actor, kind, text,"
              + " visible) VALUES (?, ?, 'system', 'REGISTERED', 'registered', 1)");
          PreparedStatement q = c.prepareStatement("INSERT INTO request_queue (number, year, sequence, channel, type,"
              + " status, registered_at, due_date, due_at, unit, assignment, assignee, refusal_ground, closed_at,"
              + " search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int[] sequence = new int[3000];
        for (int i = 0; i < n; i++) {
          long at = start + span * i / n;
          int year = Instant.ofEpochMilli(at).atZone(BAKU).getYear();
          String number = String.format(Locale.ROOT, "SEN-%d-%05d", year, ++sequence[year]);
          long due = at + Duration.ofDays(9).toMillis();
          String dueDate = Instant.ofEpochMilli(due).atZone(BAKU).toLocalDate().toString();
          double p = random.nextDouble();
          boolean recent = i >= n - n / 50;
          String status = recent ? (p < 0.8 ? "registered" : "extended")
              : p < 0.03 ? "clarification" : p < 0.83 ? "answered" : p < 0.90 ? "refused" : p < 0.95 ? "forwarded"
              : "withdrawn";
          String subject = words(random, 3);
          String message = words(random, 40);
          String channel = i % 3 == 0 ? "EMAIL" : "WEB";
          String type = i % 10 == 7 ? "proposal" : i % 10 == 8 ? "complaint" : "information";
          int k = 0;
          r.setString(++k, number);
          r.setInt(++k, year);
          r.setInt(++k, sequence[year]);
          r.setString(++k, channel);
          r.setString(++k, type);
          r.setString(++k, "Aysel Məmmədova");
          r.setString(++k, "aysel@example.az");
          r.setString(++k, subject);
          r.setString(++k, message);
          r.setBytes(++k, message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          r.setString(++k, "tok" + i);
          r.setLong(++k, at);
          r.setString(++k, status);
          r.setString(++k, dueDate);
          r.setLong(++k, due);
          r.addBatch();
          h.setString(1, number);
          h.setLong(2, at);
          h.addBatch();
          boolean assigned = random.nextDouble() < 0.7;
          boolean accepted = assigned && random.nextBoolean();
          boolean closed = !Set.of("registered", "extended", "clarification").contains(status);
          k = 0;
          q.setString(++k, number);
          q.setInt(++k, year);
          q.setInt(++k, sequence[year]);
          q.setString(++k, channel);
          q.setString(++k, type);
          q.setString(++k, status);
          q.setLong(++k, at);
          q.setString(++k, dueDate);
          q.setLong(++k, due);
          q.setString(++k, assigned ? UNITS.get(random.nextInt(UNITS.size())) : null);
          q.setString(++k, assigned ? (accepted ? "accepted" : "pending") : "none");
          q.setString(++k, accepted ? String.format(Locale.ROOT, "officer%02d", random.nextInt(20)) : null);
          q.setString(++k, status.equals("refused") ? "art. " + (21 + i % 3) + ".1" : null);
          if (closed) {
            q.setLong(++k, at + Duration.ofDays(5).toMillis());
          } else {
            q.setNull(++k, java.sql.Types.BIGINT);
          }
          q.setString(++k, SearchText.of(number, subject, message));
          q.addBatch();
          if (i % 1000 == 999 || i == n - 1) {
            r.executeBatch();
            h.executeBatch();
            q.executeBatch();
            c.commit();
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute(inbox.store().dialect() == az.disclose.inbox.store.JdbcRequestStore.Dialect.SQLITE ? "ANALYZE"
            : "ANALYZE request_queue");
      }
      c.commit();
    }
  }

  private static String words(Random random, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return out.toString();
  }
}
