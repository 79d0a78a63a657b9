package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.Receipt;
import az.disclose.inbox.model.RequestSummary;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.store.Inbox;
import az.disclose.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write failures on a real SQLite file: another connection holds the database's write lock past
 * the busy timeout. The failed registration leaves nothing and says so only after checking; once
 * the lock is gone, every registration is again one whole transaction, without a restart.
 */
class SqliteWriteFaultsTest {
  static final int BUSY_MS = 300;
  @TempDir Path tmp;
  TestClock clock = TestClock.baku(2026, 2, 5, 10, 0);
  Inbox inbox;
  Path dataDir;

  @BeforeEach
  void open() throws Exception {
    dataDir = tmp.resolve("data");
    inbox = Inbox.open(InboxSettings.defaults(dataDir).withBusyTimeoutMs(BUSY_MS), az.disclose.site.TestSites.CONTENT, clock);
  }

  @AfterEach
  void close() {
    inbox.close();
  }

  /** A plain connection of "another process" to the same file. */
  Connection other() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("disclose.db"));
  }

  static Submission withFile(String subject) {
    Submission s = Submissions.information(subject);
    return new Submission(s.channel(), s.type(), s.urgency(), s.name(), s.email(), s.subject(), s.message(),
        s.language(), List.of(new Attachment("scan.pdf", "application/pdf", subject.getBytes(StandardCharsets.UTF_8))),
        s.raw(), s.rawContentType(), s.remoteAddress());
  }

  void assertWhole(Receipt r, String subject) throws Exception {
    RequestView v = inbox.register().find(r.number()).orElseThrow();
    assertThat(v.subject()).isEqualTo(subject);
    assertThat(v.history()).extracting(HistoryEvent::kind).containsExactly(EventKind.REGISTERED);
    assertThat(inbox.register().attachments(r.number())).extracting(a -> a.attachment().fileName())
        .containsExactly("scan.pdf");
    assertThat(inbox.register().findByToken(r.statusToken())).isPresent();
  }

  void assertGapFree(int count) throws Exception {
    assertThat(inbox.register().list(ListFilter.all())).extracting(RequestSummary::number)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, count)
            .mapToObj(i -> String.format(Locale.ROOT, "SEN-2026-%05d", i)).toList());
  }

  @Test
  void aLockHeldPastTheBusyTimeoutRefusesHonestlyAndLaterRegistrationsAreWholeTransactions() throws Exception {
    Receipt first = inbox.register().register(withFile("before the lock"));
    try (Connection lock = other(); Statement s = lock.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      assertThatThrownBy(() -> inbox.register().register(withFile("while locked")))
          .isInstanceOfSatisfying(Register.RegisterException.class, e -> {
            assertThat(e.outcome()).isEqualTo(Register.Outcome.NOT_REGISTERED);
            assertThat(e.getMessage()).contains("nothing was registered");
          });
      s.execute("ROLLBACK");
    }
    List<Receipt> after = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      after.add(inbox.register().register(withFile("after " + i)));
    }
    assertWhole(first, "before the lock");
    for (int i = 0; i < 3; i++) {
      assertWhole(after.get(i), "after " + i);
    }
    assertGapFree(4);
    // and the writer's transactions are real ones again: under a new lock nothing half-written appears
    try (Connection lock = other(); Statement s = lock.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      assertThatThrownBy(() -> inbox.register().register(withFile("locked again")))
          .isInstanceOf(Register.RegisterException.class);
      s.execute("ROLLBACK");
    }
    assertGapFree(4);
    assertWhole(inbox.register().register(withFile("last")), "last");
    assertGapFree(5);
  }

  /** Work that makes the commit itself fail: a foreign key checked only at commit. */
  static void failAtCommit(RequestTx tx) throws java.sql.SQLException {
    tx.update("PRAGMA defer_foreign_keys = ON");
    tx.update("INSERT INTO history (request_number, at, actor, kind, text, visible)"
        + " VALUES ('NO-SUCH-REQUEST', 0, 'test', 'NOTE', '', 0)");
  }

  @Test
  void aFailedCommitIsLookedUpBeforeAnsweringAndItsConnectionIsDiscarded() throws Exception {
    var store = inbox.store();
    long evicted = store.evictedConnections();
    assertThatThrownBy(() -> inbox.register().register(withFile("fails at commit"), new RegisterService.InTransaction() {
      @Override
      public void registered(RequestTx tx, RegisterService.Registered r)
          throws java.sql.SQLException {
        failAtCommit(tx);
      }
    })).isInstanceOfSatisfying(Register.RegisterException.class, e -> {
      assertThat(e.outcome()).isEqualTo(Register.Outcome.NOT_REGISTERED);
      assertThat(e.getMessage()).contains("commit failed").contains("checked: nothing was registered");
    });
    assertThat(store.evictedConnections()).isGreaterThan(evicted);
    assertThat(inbox.register().list(ListFilter.all())).isEmpty();
    // the same through write(): the caller learns that the outcome is unknown
    long before = store.evictedConnections();
    assertThatThrownBy(() -> store.<Void, RuntimeException>write(tx -> {
      failAtCommit(tx);
      return null;
    })).isInstanceOfSatisfying(az.disclose.inbox.StoreException.class,
        e -> assertThat(e.commitOutcomeUnknown()).isTrue());
    assertThat(store.evictedConnections()).isEqualTo(before + 1);
    assertWhole(inbox.register().register(withFile("next")), "next");
    assertGapFree(1);
  }

  @Test
  void aRegistrationWhoseCommitReportedAFailureButIsStoredIsAnsweredAsRegistered() throws Exception {
    Submission s = withFile("stored after all");
    Receipt r = inbox.register().register(s);
    String number = inbox.register().afterFailure(s, r.statusToken(),
        az.disclose.inbox.StoreException.commitFailed("commit failed: connection reset", null));
    assertThat(number).isEqualTo(r.number());
  }

  @Test
  void aFailureThatCannotBeCheckedIsReportedAsUnknownWithTheStatusToken() throws Exception {
    Submission s = withFile("cannot be checked");
    inbox.close();
    java.nio.file.Files.move(dataDir, tmp.resolve("moved-away")); // the database cannot be read any more
    assertThatThrownBy(() -> inbox.register().afterFailure(s, "tokenOfTheLostRequest0123456789",
        az.disclose.inbox.StoreException.commitFailed("commit failed: disk I/O error", null)))
        .isInstanceOfSatisfying(Register.RegisterException.class, e -> {
          assertThat(e.outcome()).isEqualTo(Register.Outcome.UNKNOWN);
          assertThat(e.statusToken()).contains("tokenOfTheLostRequest0123456789");
          assertThat(e.getMessage()).contains("may or may not be stored").doesNotContain("nothing was registered");
        });
  }

  @Test
  void belowTheDiskWatermarkSubmissionsAreRefusedBeforeAnythingIsWritten() throws Exception {
    inbox.close();
    long huge = 100L * 1024 * 1024; // 100 TiB in MiB: more than any test machine has free
    inbox = Inbox.open(InboxSettings.defaults(dataDir).withMinFreeDiskMb(huge), az.disclose.site.TestSites.CONTENT, clock);
    assertThatThrownBy(() -> inbox.register().register(withFile("no room")))
        .isInstanceOfSatisfying(Register.RegisterException.class, e -> {
          assertThat(e.outcome()).isEqualTo(Register.Outcome.LOW_DISK);
          assertThat(e.getMessage()).contains("min_free_disk_mb").contains("nothing was registered");
        });
    assertThat(inbox.register().list(ListFilter.all())).isEmpty();
    Register.Health h = inbox.register().health();
    assertThat(h.canCommit()).isTrue();
    assertThat(h.disk()).hasValueSatisfying(d -> {
      assertThat(d.low()).isTrue();
      assertThat(d.directory()).isEqualTo(dataDir.toAbsolutePath());
    });
    assertThat(h.healthy()).isFalse();
    inbox.close();
    inbox = Inbox.open(InboxSettings.defaults(dataDir), az.disclose.site.TestSites.CONTENT, clock);
    assertWhole(inbox.register().register(withFile("room again")), "room again");
    assertGapFree(1);
  }

  @Test
  void theWriteProbeCommitsWithoutChangingNumbersAndFailsWhileAnotherProcessHoldsTheLock() throws Exception {
    Register.Health h = inbox.register().health();
    assertThat(h.canCommit()).as(h.probeError()).isTrue();
    assertThat(inbox.store().queryText("SELECT probed_at FROM health_probe"))
        .as("the probe committed its stamp").isEqualTo(String.valueOf(clock.instant().toEpochMilli()));
    assertThat(h.healthy()).isTrue();
    assertThat(h.disk()).hasValueSatisfying(d -> assertThat(d.minimumBytes()).isEqualTo(256L * 1024 * 1024));
    try (Connection lock = other(); Statement s = lock.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      // a new service: the probe result of the one above is kept for a moment
      RegisterService fresh = new RegisterService(inbox.store(), inbox.settings(), inbox.register().workingDays(), clock);
      Register.Health locked = fresh.health();
      assertThat(locked.canCommit()).isFalse();
      assertThat(locked.probeError()).contains("SQLITE_BUSY");
      assertThat(locked.healthy()).isFalse();
      s.execute("ROLLBACK");
    }
    RegisterService again = new RegisterService(inbox.store(), inbox.settings(), inbox.register().workingDays(), clock);
    assertThat(again.health().canCommit()).isTrue();
    assertWhole(inbox.register().register(withFile("after probes")), "after probes");
    assertGapFree(1);
  }

  @Test
  void concurrentRegistrationsUnderAHeldLockAllFailHonestlyAndTheNextGroupIsWhole() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      try (Connection lock = other(); Statement s = lock.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        List<java.util.concurrent.Future<Receipt>> locked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          String subject = "locked " + i;
          locked.add(pool.submit(() -> inbox.register().register(withFile(subject))));
        }
        for (var f : locked) {
          assertThatThrownBy(f::get).hasCauseInstanceOf(Register.RegisterException.class)
              .satisfies(e -> assertThat(((Register.RegisterException) e.getCause()).outcome())
                  .isEqualTo(Register.Outcome.NOT_REGISTERED));
        }
        s.execute("ROLLBACK");
      }
      assertThat(inbox.register().list(ListFilter.all())).isEmpty();
      List<java.util.concurrent.Future<Receipt>> after = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String subject = "after " + i;
        after.add(pool.submit(() -> inbox.register().register(withFile(subject))));
      }
      for (int i = 0; i < 8; i++) {
        assertWhole(after.get(i).get(), "after " + i);
      }
      assertGapFree(8);
    } finally {
      pool.shutdownNow();
    }
  }
}
