package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.ListFilter;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.store.Inbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight 52 MB uploads at once against an intake in a JVM of its own with a small heap: bodies are
 * received on disk and decoded under the memory budget, so none runs it out of memory; every answer
 * is a registration (or a clear "busy"), and what was registered holds every byte sent.
 */
class IntakeMemoryIT {
  static final int UPLOADS = 8;
  static final String HEAP = "-Xmx256m";

  @TempDir Path dir;

  @Test
  void eightFullSizeUploadsAtOnceFitASmallHeap() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    // five files just under 10 MiB each: a body of about 52 MB, one array shared by all clients
    Random random = new Random(52);
    List<Intake.FilePart> files = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      byte[] bytes = new byte[(int) IntakeLimits.MAX_ATTACHMENT_BYTES - 1000];
      random.nextBytes(bytes);
      System.arraycopy(Samples.pdf(), 0, bytes, 0, Samples.pdf().length);
      contents.add(bytes);
      files.add(new Intake.FilePart("hesabat-" + i + ".pdf", "application/pdf", bytes));
    }
    byte[] body = Intake.multipart(Intake.validForm(), files);
    assertThat(body.length).isGreaterThan(52_000_000);

    Process intake = launch(data);
    List<HttpResponse<String>> answers = new ArrayList<>();
    try {
      int port = awaitPort(intake, data);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      ExecutorService clients = Executors.newFixedThreadPool(UPLOADS);
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < UPLOADS; i++) {
        sent.add(clients.submit(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/requests"))
            .header("Content-Type", Intake.MULTIPART_TYPE)
            .timeout(Duration.ofMinutes(3))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString())));
      }
      for (Future<HttpResponse<String>> f : sent) {
        answers.add(f.get(4, TimeUnit.MINUTES));
      }
      clients.shutdown();
      assertThat(intake.isAlive()).as("the intake is still running").isTrue();
    } finally {
      intake.destroy();
      intake.waitFor(30, TimeUnit.SECONDS);
    }
    String log = Files.readString(data.resolveSibling("intake-stderr.log"));
    assertThat(log).doesNotContain("OutOfMemoryError");
    for (HttpResponse<String> a : answers) {
      assertThat(a.statusCode()).as("an answer").isIn(303, 503);
      assertThat(a.body()).doesNotContain("java.").doesNotContain("Exception").doesNotContain("Error:");
    }
    long registered = answers.stream().filter(a -> a.statusCode() == 303).count();
    assertThat(registered).as("registered (the rest were told the server was busy)").isGreaterThanOrEqualTo(UPLOADS / 2);
    try (Inbox inbox = Inbox.open(InboxSettings.defaults(data), Intake.CONTENT, Clock.systemUTC())) {
      assertThat(inbox.register().list(ListFilter.all())).hasSize((int) registered);
      List<StoredAttachment> stored = inbox.register().attachments("SEN-" + java.time.Year.now(java.time.ZoneId.of("Asia/Baku")) + "-00001");
      assertThat(stored).hasSize(5);
      for (int i = 0; i < 5; i++) {
        assertThat(stored.get(i).attachment().bytes()).isEqualTo(contents.get(i));
      }
    }
    try (var left = Files.list(data.resolve("uploads"))) {
      assertThat(left).as("received bodies are deleted").isEmpty();
    }
  }

  private static Process launch(Path data) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, HEAP, "-cp", classpath, IntakeMain.class.getName(), "--data", data.toString(),
        "--port", "0", "--no-rate-limit", "--no-daily-budget", "--uploads-per-address", String.valueOf(UPLOADS))
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
    throw new IOException("the intake did not start: " + Files.readString(data.resolveSibling("intake-stderr.log")));
  }
}
