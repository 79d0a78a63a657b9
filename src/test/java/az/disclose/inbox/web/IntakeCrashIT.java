package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.ListFilter;
import az.disclose.inbox.model.RequestSummary;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.store.Inbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's crash test: kill -9 the intake (a JVM of its own, on the SQLite default) in the middle
 * of a load of submissions, start it again on the same data: every number a client received exists
 * with exactly the submitted content, and the numbers have no gaps.
 */
class IntakeCrashIT {
  static final int CLIENTS = 16;
  /** The load runs until this many submissions were acknowledged, then the intake is killed. */
  static final int ACKNOWLEDGED_BEFORE_KILL = 100;
  static final Duration LOAD_TIME_LIMIT = Duration.ofSeconds(120);
  static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  /** What a client was told, and what it had sent. */
  record Acknowledged(String number, byte[] body, String subject, String message) {}

  @Test
  void everyAcknowledgedNumberSurvivesAKill9WithItsExactContentAndNoGaps() throws Exception {
    Path data = dir.resolve("data");
    Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();

    Process first = launch(data);
    int port = awaitPort(first, data);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.submit(() -> load(port, client, stop, acknowledged, failures));
    }
    // Kill in the middle of the load: once enough submissions were acknowledged, while more are in flight.
    long deadline = System.nanoTime() + LOAD_TIME_LIMIT.toNanos();
    while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL) {
      assertThat(System.nanoTime()).as("%d submissions acknowledged within %s (%d failed)", ACKNOWLEDGED_BEFORE_KILL,
          LOAD_TIME_LIMIT, failures.get()).isLessThan(deadline);
      Thread.sleep(10); // polling interval
    }
    first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    stop.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged).as("submissions acknowledged before the kill").hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

    Process second = launch(data);
    try {
      int port2 = awaitPort(second, data);
      // the restarted intake goes on numbering where the register left off
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < 5; i++) {
        submit(http, port2, 99, i, acknowledged);
      }
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }

    try (Inbox inbox = Inbox.open(InboxSettings.defaults(data), Intake.CONTENT, Clock.systemUTC())) {
      List<RequestSummary> all = inbox.register().list(ListFilter.all());
      TreeSet<Integer> sequences = new TreeSet<>();
      String year = null;
      for (RequestSummary s : all) {
        String[] parts = s.number().split("-");
        year = year == null ? parts[1] : year;
        assertThat(parts[1]).as("one year in this test").isEqualTo(year);
        assertThat(sequences.add(Integer.parseInt(parts[2]))).as("duplicate %s", s.number()).isTrue();
      }
      assertThat(sequences.first()).isEqualTo(1);
      assertThat(sequences.last()).as("no gaps: 1..N").isEqualTo(sequences.size());
      assertThat(all.size()).isGreaterThanOrEqualTo(acknowledged.size());
      for (Acknowledged a : acknowledged.values()) {
        RequestView v = inbox.register().find(a.number()).orElseThrow(() -> new AssertionError("lost " + a.number()));
        assertThat(v.subject()).isEqualTo(a.subject());
        assertThat(v.message()).isEqualTo(a.message());
        assertThat(inbox.register().raw(a.number())).as("raw bytes of %s", a.number()).isEqualTo(a.body());
      }
      System.out.printf("crash test: %d acknowledged, %d stored (1..%d), %d client errors around the kill%n",
          acknowledged.size(), all.size(), sequences.last(), failures.get());
    }
  }

  private static void load(int port, int client, AtomicBoolean stop, Map<String, Acknowledged> acknowledged,
      AtomicInteger failures) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (int i = 0; !stop.get(); i++) {
      try {
        submit(http, port, client, i, acknowledged);
      } catch (IOException e) {
        failures.incrementAndGet(); // the server died under us: this submission was not acknowledged
        if (stop.get()) {
          return;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException ie) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void submit(HttpClient http, int port, int client, int i, Map<String, Acknowledged> acknowledged)
      throws IOException, InterruptedException {
    String subject = "Qəza sınağı " + client + "/" + i;
    String message = "Müştəri " + client + ", sorğu " + i + ": ə ı ğ ö ü ç ş İ — " + "x".repeat(i % 200);
    byte[] body = Intake.urlEncoded(Intake.with(Intake.with(Intake.validForm(), "subject", subject), "message", message));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/requests"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 201) {
      String number = MAPPER.readTree(r.body()).get("number").asText();
      Acknowledged previous = acknowledged.put(number, new Acknowledged(number, body, subject, message));
      if (previous != null) {
        throw new AssertionError("number " + number + " given twice");
      }
    } else {
      throw new AssertionError("unexpected " + r.statusCode() + ": " + r.body());
    }
  }

  private static Process launch(Path data) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", classpath, IntakeMain.class.getName(),
        "--data", data.toString(), "--content", Intake.CONTENT.toString(), "--port", "0", "--no-rate-limit"));
    return new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(data.resolveSibling("intake-stderr.log").toFile()))
        .start();
  }

  private static int awaitPort(Process p, Path data) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("LISTENING ")) {
        return Integer.parseInt(line.substring("LISTENING ".length()).trim());
      }
    }
    String exit = exitValue(p);
    Path log = data.resolveSibling("intake-stderr.log");
    String err = java.nio.file.Files.exists(log) ? java.nio.file.Files.readString(log, StandardCharsets.UTF_8) : "";
    throw new IllegalStateException("the intake process exited before listening (exit " + exit + "):\n"
        + err.substring(Math.max(0, err.length() - 4000)));
  }

  private static String exitValue(Process p) {
    try {
      return String.valueOf(p.waitFor());
    } catch (InterruptedException e) {
      return "?";
    }
  }
}
