package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.web.FaultLedger.Told;
import az.disclose.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web intake on a failing machine, with the real SQLite register behind real HTTP: the
 * database's write lock held by another process past the busy timeout, and a data directory on a
 * small tmpfs that fills up. What the citizen was told must be what happened, and service resumes
 * without a restart (see {@link FaultLedger#verify}).
 */
class IntakeFaultsIT {
  static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir Path dir;
  TestClock clock = TestClock.baku(2026, 9, 1, 10, 0);
  Intake intake;
  Path mounted;

  @AfterEach
  void stop() throws Exception {
    try {
      if (intake != null) {
        intake.close();
      }
    } finally {
      if (mounted != null) {
        run("umount", "-l", mounted.toString());
      }
    }
  }

  JsonNode health() throws Exception {
    HttpResponse<String> r = intake.get("/healthz", null);
    JsonNode json = MAPPER.readTree(r.body());
    assertThat(r.statusCode()).isEqualTo(json.get("accepting_submissions").asBoolean() ? 200 : 503);
    return json;
  }

  @Test
  void aWriteLockHeldPastTheBusyTimeoutIsAnsweredHonestlyAndTrafficResumesWithoutARestart() throws Exception {
    Path data = dir.resolve("data");
    intake = Intake.start(InboxSettings.defaults(data).withBusyTimeoutMs(500), clock,
        IntakeLimits.defaults().withoutRateLimit());
    FaultLedger ledger = new FaultLedger();
    for (int i = 0; i < 4; i++) {
      assertThat(ledger.submit(intake, "before " + i, FaultLedger.file(40_000, i), "az").told()).isEqualTo(Told.REGISTERED);
    }
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("disclose.db"));
        Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE"); // another process holds the write lock
      for (int i = 0; i < 3; i++) {
        String lang = i == 2 ? "en" : "az";
        FaultLedger.Sent sent = ledger.submit(intake, "locked " + i, FaultLedger.file(40_000, 100 + i), lang);
        assertThat(sent.told()).as(sent.page()).isEqualTo(Told.NOT_REGISTERED);
        assertThat(sent.page()).contains(lang.equals("az") ? "qeydiyyata alınmadı" : "was not registered");
      }
      JsonNode h = health();
      assertThat(h.get("status").asText()).isEqualTo("failing");
      assertThat(h.at("/register/can_commit").asBoolean()).isFalse();
      assertThat(h.at("/register/error").asText()).contains("SQLITE_BUSY");
      s.execute("ROLLBACK");
    }
    for (int i = 0; i < 6; i++) {
      FaultLedger.Sent sent = ledger.submit(intake, "after " + i, FaultLedger.file(40_000, 200 + i), "az");
      assertThat(sent.told()).as(sent.page()).isEqualTo(Told.REGISTERED);
    }
    ledger.verify(intake.inbox.register());
    assertThat(ledger.count(Told.REGISTERED)).isEqualTo(10);
    awaitHealthy();
  }

  /** /healthz turns healthy again (its probe result is kept for up to two seconds). */
  void awaitHealthy() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!health().get("status").asText().equals("ok")) {
      assertThat(System.nanoTime()).as("/healthz healthy again").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  // ------------------------------------------------------------------ a full disk

  /** Mounts a tmpfs of {@code mib} MiB at a new directory (root only; else the test is skipped, saying why). */
  Path tmpfs(int mib) throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "the full-disk test mounts a small tmpfs, which needs root (CI's .ci/run runs as root); skipped as "
            + System.getProperty("user.name"));
    Path at = Files.createDirectories(dir.resolve("tmpfs"));
    String out = run("mount", "-t", "tmpfs", "-o", "size=" + mib + "m", "tmpfs", at.toString());
    Assumptions.assumeTrue(out == null, "cannot mount a tmpfs although root (no CAP_SYS_ADMIN in this container?): " + out);
    mounted = at;
    return at;
  }

  /** Runs a command; null when it succeeded, else its output. */
  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out";
    }
    return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + out;
  }

  /** Fills the file system of {@code dir} with a ballast file until less than {@code leave} bytes are free. */
  static Path ballast(Path dir, long leave) throws IOException {
    return ballast(dir, leave, "ballast.bin");
  }

  static Path ballast(Path dir, long leave, String name) throws IOException {
    Path file = dir.resolve(name);
    long usable = Files.getFileStore(dir).getUsableSpace();
    byte[] chunk = new byte[64 * 1024];
    try (var out = Files.newOutputStream(file)) {
      for (long left = usable - leave; left > 0; left -= chunk.length) {
        out.write(chunk);
      }
    }
    return file;
  }

  @Test
  void aDiskThatFillsUpRefusesSubmissionsHonestlyLeavesNothingOfThemAndResumesWhenSpaceIsFreed() throws Exception {
    Path fs = tmpfs(48);
    Path data = fs.resolve("data");
    // the watermark off: the disk really fills up, and SQLite's own "database or disk is full" fails the writes
    intake = Intake.start(InboxSettings.defaults(data).withMinFreeDiskMb(0), clock, IntakeLimits.defaults().withoutRateLimit());
    FaultLedger ledger = new FaultLedger();
    assertThat(ledger.submit(intake, "first", FaultLedger.file(500_000, 1), "az").told()).isEqualTo(Told.REGISTERED);
    Path ballast = ballast(fs, 12L * 1024 * 1024);
    int i = 0;
    while (ledger.count(Told.NOT_REGISTERED) + ledger.count(Told.UNCONFIRMED) < 3) {
      assertThat(i).as("submissions before the disk was full").isLessThan(60);
      ledger.submit(intake, "filling " + i, FaultLedger.file(1_500_000, 1000 + i), i % 2 == 0 ? "az" : "en");
      i++;
    }
    ledger.verify(intake.inbox.register()); // what each was told, before space is freed
    Files.delete(ballast);
    for (int k = 0; k < 5; k++) {
      FaultLedger.Sent sent = ledger.submit(intake, "freed " + k, FaultLedger.file(500_000, 5000 + k), "az");
      assertThat(sent.told()).as(sent.page()).isEqualTo(Told.REGISTERED);
    }
    ledger.verify(intake.inbox.register());
    awaitHealthy();
  }

  @Test
  void belowTheDiskWatermarkSubmissionsAreRefusedBeforeTheDiskIsFullAndResumeWhenSpaceIsFreed() throws Exception {
    Path fs = tmpfs(48);
    Path data = fs.resolve("data");
    intake = Intake.start(InboxSettings.defaults(data).withMinFreeDiskMb(16), clock,
        IntakeLimits.defaults().withoutRateLimit());
    FaultLedger ledger = new FaultLedger();
    assertThat(ledger.submit(intake, "first", FaultLedger.file(500_000, 1), "az").told()).isEqualTo(Told.REGISTERED);
    Path ballast = ballast(fs, 24L * 1024 * 1024);
    int i = 0;
    while (ledger.count(Told.LOW_DISK) < 2) {
      assertThat(i).as("submissions before the watermark").isLessThan(40);
      FaultLedger.Sent sent = ledger.submit(intake, "filling " + i, FaultLedger.file(1_500_000, 1000 + i),
          i % 2 == 0 ? "az" : "en");
      assertThat(sent.told()).as("never a full disk: only receipts and the watermark's refusal")
          .isIn(Told.REGISTERED, Told.LOW_DISK);
      i++;
    }
    assertThat(Files.getFileStore(fs).getUsableSpace()).as("refused before the disk was full")
        .isGreaterThan(8L * 1024 * 1024);
    // a large submission is refused while a small one still fits above the watermark; below it, every one
    Path more = ballast(fs, 10L * 1024 * 1024, "more.bin");
    FaultLedger.Sent small = ledger.submit(intake, "small", FaultLedger.file(1_000, 9), "az");
    assertThat(small.told()).as(small.page()).isEqualTo(Told.LOW_DISK);
    JsonNode h = health();
    assertThat(h.get("status").asText()).isEqualTo("failing");
    assertThat(h.at("/disk/low").asBoolean()).isTrue();
    assertThat(h.at("/disk/min_free_bytes").asLong()).isEqualTo(16L * 1024 * 1024);
    assertThat(h.at("/register/can_commit").asBoolean()).isTrue();
    assertThat(ledger.all()).filteredOn(s -> s.told() == Told.LOW_DISK).allSatisfy(s -> assertThat(s.page())
        .contains(s.page().contains("<html lang=\"en\">") ? "nothing was stored" : "heç nə saxlanılmadı"));
    ledger.verify(intake.inbox.register());
    Files.delete(ballast);
    Files.delete(more);
    for (int k = 0; k < 3; k++) {
      assertThat(ledger.submit(intake, "freed " + k, FaultLedger.file(500_000, 5000 + k), "az").told())
          .isEqualTo(Told.REGISTERED);
    }
    ledger.verify(intake.inbox.register());
    awaitHealthy();
  }
}
