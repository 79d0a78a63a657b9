package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.web.FaultLedger.Told;
import az.disclose.testing.PostgresServer;
import az.disclose.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web intake on a real PostgreSQL that is restarted ({@code pg_ctl stop -m fast}, then start)
 * while citizens keep submitting through real HTTP: what each was told is what happened, numbers
 * stay gap-free, and submissions are registered again after the restart without restarting
 * disclose (the pool's broken connections are discarded, never reused).
 */
class PostgresRestartIT {
  static final int CLIENTS = 3;
  @TempDir Path dir;
  Intake intake;
  PostgresServer server;

  @AfterEach
  void stop() throws Exception {
    if (intake != null) {
      intake.close();
    }
  }

  static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void aRestartMidLoadLeavesEveryAnswerTrueAndServiceResumesWithoutARestartOfDisclose() throws Exception {
    server = PostgresServer.startOwn();
    InboxSettings settings = InboxSettings.defaults(dir.resolve("data")).withDatabase(server.freshUrl(), "", "");
    intake = Intake.start(settings, TestClock.baku(2026, 9, 1, 10, 0), IntakeLimits.defaults().withoutRateLimit());
    FaultLedger ledger = new FaultLedger();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> load = new ArrayList<>();
    try {
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        load.add(clients.submit(() -> {
          for (int n = 0; running.get(); n++) {
            ledger.submit(intake, "client " + client + " #" + n, FaultLedger.file(20_000, client * 100_000L + n),
                n % 3 == 0 ? "en" : "az");
          }
          return null;
        }));
      }
      await("registrations before the restart", Duration.ofSeconds(60), () -> ledger.count(Told.REGISTERED) >= 15);
      long before = ledger.all().size();
      server.stopFast();
      await("refusals while the database is down", Duration.ofSeconds(120),
          () -> ledger.all().stream().skip(before).anyMatch(s -> s.told() != Told.REGISTERED));
      server.startAgain();
      long registeredAtRestart = ledger.count(Told.REGISTERED);
      await("registrations after the restart", Duration.ofSeconds(120),
          () -> ledger.count(Told.REGISTERED) >= registeredAtRestart + 15);
    } finally {
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    }
    for (Future<?> f : load) {
      f.get(); // a client that failed (an exception, not an answer) fails the test
    }
    assertThat(ledger.count(Told.NOT_REGISTERED) + ledger.count(Told.UNCONFIRMED)).isPositive();
    ledger.verify(intake.inbox.register());
    // the answers of the last requests of each client were receipts: the service is back
    for (int c = 0; c < CLIENTS; c++) {
      String prefix = "client " + c + " #";
      List<FaultLedger.Sent> mine = ledger.all().stream().filter(s -> s.subject().startsWith(prefix)).toList();
      assertThat(mine.get(mine.size() - 1).told()).isEqualTo(Told.REGISTERED);
    }
  }
}
