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
  /**
   * The vocabulary (src/test/resources/bench/queue-words.txt): ~1,400 Azerbaijani words, most
   * frequent first, drawn by rank with a Zipf distribution (the r-th word with weight 1/r), so that
   * a few words are in nearly every request and most are rare, as in real text.
   */
  static final List<String> WORDS = vocabulary();
  /** Surnames for signatures and mentions, also drawn by rank with a Zipf distribution. */
  static final List<String> SURNAMES = List.of("Məmmədov", "Əliyev", "Həsənov", "Hüseynov", "Quliyev", "İsmayılov",
      "Abbasov", "Cəfərov", "Rzayev", "Süleymanov", "Mustafayev", "Kərimov", "Qasımov", "Orucov", "Bağırov",
      "Nəsirov", "İbrahimov", "Vəliyev", "Şükürov", "Əhmədov", "Musayev", "Zeynalov", "Sadıqov", "Qurbanov",
      "Paşayev", "Nağıyev", "Tağıyev", "Xəlilov", "Əsgərov", "Rüstəmov", "Cavadov", "Eyvazov", "Heydərov",
      "Salmanov", "Ağayev", "Novruzov", "Fərzəliyev", "Qədirov", "Yusifov", "Ələkbərov");
  static final List<String> FIRST_NAMES = List.of("Aysel", "Elvin", "Günay", "Rəşad", "Nigar", "Tural", "Ülviyyə",
      "Orxan", "Sevinc", "Kamran", "Leyla", "Fərid", "Aytən", "Ramil", "Könül", "Emin");
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
      // text searches, one per class of term (the vocabulary's ranks: WORDS)
      queries.put("search most common word", QueueQuery.of(Queue.ALL, "x").withText(WORDS.get(0)));
      queries.put("search common word", QueueQuery.of(Queue.ALL, "x").withText(WORDS.get(1)));
      queries.put("search phrase common", QueueQuery.of(Queue.ALL, "x")
          .withText(WORDS.get(2) + " " + WORDS.get(3) + " " + WORDS.get(4)));
      queries.put("search phrase 2 common", QueueQuery.of(Queue.ALL, "x").withText(WORDS.get(1) + " " + WORDS.get(2)));
      queries.put("search mid word", QueueQuery.of(Queue.ALL, "x").withText(WORDS.get(60)));
      queries.put("search rare word", QueueQuery.of(Queue.ALL, "x").withText(rareWord()));
      queries.put("search word stem", QueueQuery.of(Queue.ALL, "x").withText("nazirliy"));
      queries.put("search number", QueueQuery.of(Queue.ALL, "x").withText("SEN-2025-01234"));
      queries.put("search number part", QueueQuery.of(Queue.ALL, "x").withText("01234"));
      queries.put("search surname", QueueQuery.of(Queue.ALL, "x").withText(SURNAMES.get(12)));
      queries.put("search full name", QueueQuery.of(Queue.ALL, "x").withText("Leyla " + SURNAMES.get(3) + "a"));
      queries.put("overdue+search", QueueQuery.of(Queue.OVERDUE, "x").withText(WORDS.get(20)));
      queries.put("all page 1000", QueueQuery.of(Queue.ALL, "x").withPage(Math.max(1, n / 100)));
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long postmaster = db.equals("postgresql") ? postmaster(inbox) : -1;
      System.out.printf(Locale.ROOT, "%-24s %8s %8s %8s %10s  %s%n", "query", "total", "p50 ms", "p99 ms", "cpu ms/call", "term");
      if (postmaster > 0) {
        System.out.println("(PostgreSQL: cpu ms/call is this thread's plus the server's processes', from /proc)");
      }
      for (Map.Entry<String, QueueQuery> e : queries.entrySet()) {
        for (int i = 0; i < 5; i++) {
          register.queue(e.getValue());
        }
        long[] nanos = new long[runs];
        long cpu = threads.getCurrentThreadCpuTime() + serverCpuNanos(postmaster);
        QueuePage page = null;
        for (int i = 0; i < runs; i++) {
          long t = System.nanoTime();
          page = register.queue(e.getValue());
          nanos[i] = System.nanoTime() - t;
        }
        double cpuMs = (threads.getCurrentThreadCpuTime() + serverCpuNanos(postmaster) - cpu) / 1e6 / runs;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-24s %8d %8.1f %8.1f %10.1f  %s%n", e.getKey(), page.total(),
            nanos[(int) Math.ceil(0.50 * runs) - 1] / 1e6, nanos[(int) Math.ceil(0.99 * runs) - 1] / 1e6, cpuMs,
            e.getValue().text().orElse(""));
      }
    }
  }

  /**
   * N requests registered evenly over the two years before {@code now}: the last 2% still open
   * (due around now: some overdue, some due soon), 3% waiting for clarification, the rest closed
   * (answered 80%, refused, forwarded, withdrawn); 70% assigned to one of five units, half of those
   * accepted by one of 20 responders. Subjects and texts of Azerbaijani words drawn from
   * {@link #WORDS} by Zipf's law, with sums, years, names and signatures.
   */
  public static void fill(Inbox inbox, int n, Instant now) throws Exception {
    Random random = new Random(42);
    long span = Duration.ofDays(730).toMillis();
    long start = now.toEpochMilli() - span;
    // on PostgreSQL the queue row's word vector too (migration V14), as the register writes it
    boolean words = inbox.store().dialect() == az.disclose.inbox.store.JdbcRequestStore.Dialect.POSTGRESQL;
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
              + " search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement w = words
              ? c.prepareStatement("INSERT INTO request_words (number, words) VALUES (?, ?::tsvector)") : null) {
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
          String subject = capitalised(words(random, 3 + random.nextInt(4)));
          String message = message(random);
          String channel = i % 3 == 0 ? "EMAIL" : "WEB";
          String type = i % 10 == 7 ? "proposal" : i % 10 == 8 ? "complaint" : "information";
          int k = 0;
          r.setString(++k, number);
          r.setInt(++k, year);
          r.setInt(++k, sequence[year]);
          r.setString(++k, channel);
          r.setString(++k, type);
          r.setString(++k, person(random));
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
          String search = SearchText.of(number, subject, message);
          q.setString(++k, search);
          q.addBatch();
          if (words) {
            w.setString(1, number);
            w.setString(2, az.disclose.inbox.store.SearchWords.vector(search));
            w.addBatch();
          }
          if (i % 1000 == 999 || i == n - 1) {
            r.executeBatch();
            h.executeBatch();
            q.executeBatch();
            if (words) {
              w.executeBatch();
            }
            c.commit();
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute(inbox.store().dialect() == az.disclose.inbox.store.JdbcRequestStore.Dialect.SQLITE ? "ANALYZE"
            : "ANALYZE request_queue, request_words");
      }
      c.commit();
    }
    // the rows written by SQL wait for the search indexes (SQLite, migration V17): indexed as the register would
    inbox.store().indexPendingSearch();
  }

  /** 20-120 words in sentences, now and then a sum or a date, a mention of a person, a signature. */
  private static String message(Random random) {
    StringBuilder out = new StringBuilder("Hörmətli nazirlik, ");
    int sentences = 2 + random.nextInt(6);
    for (int s = 0; s < sentences; s++) {
      out.append(capitalised(words(random, 6 + random.nextInt(12))));
      double p = random.nextDouble();
      if (p < 0.2) {
        out.append(' ').append(1 + random.nextInt(99_999)).append(" manat");
      } else if (p < 0.3) {
        out.append(' ').append(2010 + random.nextInt(17)).append("-ci il");
      } else if (p < 0.4) {
        out.append(", ").append(person(random));
      }
      out.append(". ");
    }
    if (random.nextDouble() < 0.6) {
      out.append("Hörmətlə, ").append(person(random)).append('.');
    }
    return out.toString();
  }

  /** The PostgreSQL server's main process (the parent of this connection's backend). */
  private static long postmaster(Inbox inbox) throws Exception {
    try (Connection c = inbox.store().dataSource().getConnection(); Statement s = c.createStatement();
        var r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      return Long.parseLong(stat(r.getLong(1))[3]);
    }
  }

  /** The CPU time (user + system) of {@code postmaster}'s child processes, running or ended, from /proc (clock ticks of 10 ms); 0 without one. */
  private static long serverCpuNanos(long postmaster) throws Exception {
    if (postmaster <= 0) {
      return 0;
    }
    String[] main = stat(postmaster);
    long ticks = Long.parseLong(main[15]) + Long.parseLong(main[16]); // its children that ended
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path d : dirs.filter(x -> x.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
        try {
          String[] f = stat(Long.parseLong(d.getFileName().toString()));
          if (Long.parseLong(f[3]) == postmaster) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
          }
        } catch (java.io.IOException | RuntimeException gone) {
          // a process that ended in between
        }
      }
    }
    return ticks * 10_000_000L;
  }

  /** /proc/PID/stat's fields, the command name (field 2) taken out so that index i is field i + 1. */
  private static String[] stat(long pid) throws java.io.IOException {
    String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String rest = line.substring(line.lastIndexOf(')') + 2);
    String[] f = rest.split(" ");
    String[] out = new String[f.length + 2];
    out[0] = Long.toString(pid);
    out[1] = "";
    System.arraycopy(f, 0, out, 2, f.length);
    return out;
  }

  /** The rarest word of eight letters or more (a shorter one is often part of a more common word). */
  static String rareWord() {
    for (int i = WORDS.size() - 1; ; i--) {
      if (WORDS.get(i).length() >= 8) {
        return WORDS.get(i);
      }
    }
  }

  private static String person(Random random) {
    boolean woman = random.nextBoolean();
    String surname = SURNAMES.get(zipf(random, SURNAMES.size()));
    return FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " " + (woman ? surname + "a" : surname);
  }

  private static String words(Random random, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : " ").append(WORDS.get(zipf(random, WORDS.size())));
    }
    return out.toString();
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.forLanguageTag("az")) + s.substring(1);
  }

  private static final java.util.concurrent.ConcurrentHashMap<Integer, double[]> ZIPF = new java.util.concurrent.ConcurrentHashMap<>();

  /** A rank in [0, size) drawn with weight 1 / (rank + 1). */
  static int zipf(Random random, int size) {
    double[] cumulative = ZIPF.computeIfAbsent(size, n -> {
      double[] c = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += 1.0 / (i + 1);
        c[i] = sum;
      }
      return c;
    });
    int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[size - 1]);
    return Math.min(size - 1, i >= 0 ? i : -i - 1);
  }

  private static List<String> vocabulary() {
    try (var in = QueueBench.class.getResourceAsStream("/bench/queue-words.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(" ")[0]).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
