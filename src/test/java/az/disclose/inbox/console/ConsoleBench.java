package az.disclose.inbox.console;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.QueueBench;
import az.disclose.inbox.accounts.Accounts;
import az.disclose.inbox.accounts.PasswordHasher;
import az.disclose.inbox.accounts.PasswordPolicy;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.accounts.Sessions;
import az.disclose.inbox.store.Inbox;
import az.disclose.serve.SiteServer;
import az.disclose.site.TestSites;
import az.disclose.testing.PostgresServer;
import az.disclose.testing.TestClock;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.IntFunction;
import org.eclipse.jetty.server.Server;

/**
 * The console's pages over HTTP on a large register (docs/performance.md, "Console pages"): N
 * requests (default 100,000) filled as {@link QueueBench} fills them, the console started on
 * 127.0.0.1 (its own Jetty, as with {@code console.port}), a viewer signed in with a password, and
 * each page fetched RUNS times with {@link java.net.http.HttpClient}: p50 and p99 of the time to the
 * full response, and the process's CPU per page (the server's threads, the client's I/O thread and
 * GC; PostgreSQL's own CPU is in its server process and not counted). Run by {@code bench/console.sh}.
 * Args: sqlite|postgresql [N] [RUNS] [LIST_RUNS] [data directory].
 */
public final class ConsoleBench {
  private ConsoleBench() {}

  public static void main(String[] args) throws Exception {
    String db = args.length > 0 ? args[0] : "sqlite";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int listRuns = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    Path dir = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("disclose-console-bench");
    InboxSettings settings = InboxSettings.defaults(dir.resolve("data"));
    if (db.equals("postgresql")) {
      settings = settings.withDatabase(PostgresServer.shared().freshUrl(), "", "");
    } else if (!db.equals("sqlite")) {
      throw new IllegalArgumentException("sqlite or postgresql, not " + db);
    }
    TestClock clock = TestClock.baku(2026, 6, 15, 10, 0); // a Monday, as QueueBench
    try (Inbox inbox = Inbox.open(settings, TestSites.CONTENT, clock)) {
      long fill = System.nanoTime();
      QueueBench.fill(inbox, n, clock.instant());
      System.out.printf(Locale.ROOT, "db=%s filled %d requests in %.1f s%n", db, n, (System.nanoTime() - fill) / 1e9);
      List<String> numbers = new ArrayList<>();
      try (Connection c = inbox.store().dataSource().getConnection();
          PreparedStatement p = c.prepareStatement("SELECT number FROM requests ORDER BY number");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          numbers.add(r.getString(1));
        }
      }
      Accounts accounts = new Accounts(inbox.store(), clock, PasswordHasher.DEFAULT, PasswordPolicy.standard(),
          "disclose-bench");
      String password = "correct horse battery staple";
      accounts.create("komissiya", Role.VIEWER, Optional.empty(), password, "bench");
      Console console = new Console(inbox.register(), accounts, new Sessions(accounts), Optional.empty(),
          MailDelivery.OFF, RequestAccess.BY_UNIT, new ConsoleSettings(OptionalInt.empty(), "127.0.0.1", false),
          clock);
      Server server = ConsoleServer.create("127.0.0.1", 0, console, null);
      server.start();
      try {
        Browser b = new Browser("http://127.0.0.1:" + SiteServer.port(server));
        b.get("/console/sign-in");
        HttpResponse<String> signIn = b.post("/console/sign-in", "username", "komissiya", "password", password);
        if (!signIn.headers().firstValue("Location").orElse("").equals("/console/")) {
          throw new IllegalStateException("sign-in failed: " + signIn.statusCode() + " " + signIn.body());
        }
        Random random = new Random(7);
        Map<String, IntFunction<String>> pages = new LinkedHashMap<>();
        pages.put("request page", i -> "/console/requests/" + numbers.get(random.nextInt(numbers.size())));
        pages.put("list, first page", i -> "/console/");
        pages.put("list, open+overdue", i -> "/console/?open=1&overdue=1");
        pages.put("list, waiting, page 2", i -> "/console/?status=clarification&page=2");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "%-24s %6s %8s %8s %12s%n", "page", "calls", "p50 ms", "p99 ms", "cpu ms/page");
        for (var e : pages.entrySet()) {
          int count = e.getKey().startsWith("list") ? listRuns : runs;
          for (int i = 0; i < Math.min(5, count); i++) {
            fetch(b, e.getValue().apply(i));
          }
          long[] nanos = new long[count];
          long cpu = os.getProcessCpuTime();
          for (int i = 0; i < count; i++) {
            String path = e.getValue().apply(i);
            long t = System.nanoTime();
            fetch(b, path);
            nanos[i] = System.nanoTime() - t;
          }
          double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / count;
          Arrays.sort(nanos);
          System.out.printf(Locale.ROOT, "%-24s %6d %8.1f %8.1f %12.1f%n", e.getKey(), count,
              nanos[(int) Math.ceil(0.50 * count) - 1] / 1e6, nanos[(int) Math.ceil(0.99 * count) - 1] / 1e6, cpuMs);
        }
      } finally {
        server.stop();
      }
    }
  }

  private static void fetch(Browser b, String path) throws Exception {
    HttpResponse<String> r = b.get(path);
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode());
    }
  }
}
