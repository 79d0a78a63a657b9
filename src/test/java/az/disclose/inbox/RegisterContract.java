package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import az.disclose.calendar.DeadlineExplanation;
import az.disclose.calendar.DeadlineRules;
import az.disclose.site.TestSites;
import az.disclose.testing.TestClock;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.Receipt;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.RequestSummary;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.model.StoredFile;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.store.Inbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour of the register, run against each database by a subclass: {@code
 * SqliteRegisterTest} (embedded default) and {@code PostgresRegisterIT} (a real PostgreSQL).
 */
abstract class RegisterContract {
  @TempDir Path tmp;
  TestClock clock;
  Inbox inbox;
  RegisterService register;

  /** The settings of a new, empty database whose SQLite data would live in {@code dataDir}. */
  abstract InboxSettings settings(Path dataDir);

  @BeforeEach
  void openRegister() throws Exception {
    clock = TestClock.baku(2026, 2, 5, 10, 0); // a Thursday
    inbox = Inbox.open(settings(tmp.resolve("data")), TestSites.CONTENT, clock);
    register = inbox.register();
  }

  @AfterEach
  void closeRegister() {
    if (inbox != null) {
      inbox.close();
    }
  }

  private void reopen(Path contentDir) throws Exception {
    InboxSettings settings = inbox.settings();
    inbox.close();
    inbox = Inbox.open(settings, contentDir, clock);
    register = inbox.register();
  }

  private int sql(String statement, Object... args) throws SQLException {
    try (Connection c = inbox.store().dataSource().getConnection();
        PreparedStatement p = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      return p.executeUpdate();
    }
  }

  // ------------------------------------------------------------------ registration and numbering

  @Test
  void registrationKeepsEveryFieldTheRawBytesAndTheAttachments() throws Exception {
    byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xff, 1};
    Submission s = Submissions.of(RequestType.COMPLAINT, Urgency.NORMAL, "Elektrik kəsintisi",
        List.of(new Attachment("akt.pdf", "application/pdf", pdf)));

    Receipt receipt = register.register(s);

    assertThat(receipt.number()).isEqualTo("SEN-2026-00001");
    RequestView v = register.find("SEN-2026-00001").orElseThrow();
    assertThat(v.type()).isEqualTo(RequestType.COMPLAINT);
    assertThat(v.channel()).isEqualTo(Channel.WEB);
    assertThat(v.name()).isEqualTo("Aysel Məmmədova");
    assertThat(v.email()).isEqualTo("aysel@example.az");
    assertThat(v.subject()).isEqualTo("Elektrik kəsintisi");
    assertThat(v.message()).isEqualTo(s.message());
    assertThat(v.language()).isEqualTo("az");
    assertThat(v.registeredAt()).isEqualTo(clock.instant());
    assertThat(v.status()).isEqualTo(RequestStatus.REGISTERED);
    assertThat(v.attachments()).containsExactly(new RequestView.AttachmentInfo("akt.pdf", "application/pdf", 7));
    assertThat(register.raw(receipt.number())).isEqualTo(s.raw());
    List<StoredAttachment> stored = register.attachments(receipt.number());
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).attachment().bytes()).isEqualTo(pdf);
    assertThat(v.history()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EventKind.REGISTERED);
      assertThat(e.actor()).isEqualTo("system");
      assertThat(e.at()).isEqualTo(clock.instant());
    });
  }

  @Test
  void anAttachmentThatIsASliceOfTheRawBytesIsStoredOnceAndReadBackWhole() throws Exception {
    byte[] raw = new byte[300_000];
    new java.util.Random(6).nextBytes(raw);
    byte[] first = java.util.Arrays.copyOfRange(raw, 1000, 101_000);
    byte[] second = java.util.Arrays.copyOfRange(raw, 150_000, 299_999);
    byte[] own = {'%', 'P', 'D', 'F', 0, 1};
    Submission s = new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, "Aysel Məmmədova",
        "aysel@example.az", "Hesabat", "Mətn", "az", List.of(Attachment.slice("a.pdf", "application/pdf", first, 1000),
            new Attachment("b.pdf", "application/pdf", own), Attachment.slice("c.pdf", "application/pdf", second, 150_000)),
        raw, "multipart/form-data; boundary=x", "192.0.2.7");

    String number = register.register(s).number();

    List<StoredAttachment> stored = register.attachments(number);
    assertThat(stored).extracting(a -> a.attachment().fileName()).containsExactly("a.pdf", "b.pdf", "c.pdf");
    assertThat(stored.get(0).attachment().bytes()).isEqualTo(first);
    assertThat(stored.get(1).attachment().bytes()).isEqualTo(own);
    assertThat(stored.get(2).attachment().bytes()).isEqualTo(second);
    assertThat(register.find(number).orElseThrow().attachments()).extracting(RequestView.AttachmentInfo::size)
        .containsExactly((long) first.length, (long) own.length, (long) second.length);
    // listed without their bytes, each read alone by its position (slices and stored bytes alike)
    assertThat(register.files(number)).extracting(StoredFile::fileName, StoredFile::size, StoredFile::role)
        .containsExactly(tuple("a.pdf", (long) first.length, StoredAttachment.REQUEST),
            tuple("b.pdf", (long) own.length, StoredAttachment.REQUEST),
            tuple("c.pdf", (long) second.length, StoredAttachment.REQUEST));
    for (StoredFile f : register.files(number)) {
      StoredAttachment whole = stored.stream().filter(a -> a.position() == f.position()).findFirst().orElseThrow();
      assertThat(register.file(number, f.position())).get().satisfies(a -> {
        assertThat(a.fileName()).isEqualTo(f.fileName());
        assertThat(a.bytes()).isEqualTo(whole.attachment().bytes());
      });
    }
    assertThat(register.file(number, 99)).isEmpty();
    assertThatThrownBy(() -> register.files("SEN-2026-99999")).isInstanceOf(RequestException.class);
    // the slices' bytes are not stored a second time
    String besideRaw = inbox.store().queryText("SELECT SUM(octet_length(bytes)) FROM attachments".replace("octet_length",
        inbox.settings().isPostgres() ? "octet_length" : "length"));
    assertThat(Long.parseLong(besideRaw)).isEqualTo(own.length);
  }

  @Test
  void anAttachmentClaimingBytesTheRawBodyDoesNotHoldIsRefusedBeforeStoring() {
    byte[] raw = "abcdef".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, "A", "a@example.az",
        "S", "M", "az", List.of(Attachment.slice("x.txt", "text/plain", "cdX".getBytes(StandardCharsets.US_ASCII), 2)),
        raw, "multipart/form-data", "192.0.2.7"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.txt").hasMessageContaining("2..5");
  }

  @Test
  void twoHundredConcurrentRegistrationsGetTwoHundredContiguousNumbers() throws Exception {
    int n = 200;
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Receipt>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String subject = "request " + i;
        futures.add(pool.submit(() -> {
          start.await();
          return register.register(Submissions.information(subject));
        }));
      }
      start.countDown();
      Set<String> numbers = new HashSet<>();
      for (Future<Receipt> f : futures) {
        numbers.add(f.get().number());
      }
      assertThat(numbers).hasSize(n)
          .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, n)
              .mapToObj(i -> String.format(Locale.ROOT, "SEN-2026-%05d", i)).toList());
      assertThat(register.list(ListFilter.all())).hasSize(n);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void numbersStartAgainEachYearAtMidnightInBaku() throws Exception {
    clock.setBaku(2025, 12, 31, 23, 59);
    assertThat(register.register(Submissions.information("a")).number()).isEqualTo("SEN-2025-00001");
    assertThat(register.register(Submissions.information("b")).number()).isEqualTo("SEN-2025-00002");
    clock.setBaku(2026, 1, 1, 0, 0); // still 2025-12-31 20:00 in UTC
    assertThat(register.register(Submissions.information("c")).number()).isEqualTo("SEN-2026-00001");
    clock.setBaku(2025, 12, 31, 23, 59); // a late clock never reuses a number
    assertThat(register.register(Submissions.information("d")).number()).isEqualTo("SEN-2025-00003");
  }

  @Test
  void theNumberPrefixIsASetting() throws Exception {
    inbox.close();
    inbox = Inbox.open(settings(tmp.resolve("other")).withNumberPrefix("MIE"), TestSites.CONTENT, clock);
    register = inbox.register();
    assertThat(register.register(Submissions.information("x")).number()).isEqualTo("MIE-2026-00001");
  }

  @Test
  void aFailedRegistrationUsesNoNumber() throws Exception {
    register.register(Submissions.information("first"));
    Submission broken = new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, "A", "a@example.az",
        "s", "m", "az", java.util.Arrays.asList(new Attachment("x.txt", "text/plain", new byte[] {1}), null),
        new byte[0], "text/plain", "::1");
    assertThatThrownBy(() -> register.register(broken)).isInstanceOf(Register.RegisterException.class);
    assertThat(register.register(Submissions.information("third")).number()).isEqualTo("SEN-2026-00002");
    assertThat(register.list(ListFilter.all())).extracting(RequestSummary::number)
        .containsExactly("SEN-2026-00001", "SEN-2026-00002");
  }

  @Test
  void theStatusTokenIsUnguessableAndFindsItsRequest() throws Exception {
    Receipt a = register.register(Submissions.information("a"));
    Receipt b = register.register(Submissions.information("b"));
    assertThat(a.statusToken()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.statusToken());
    assertThat(register.findByToken(a.statusToken())).map(RequestView::number).contains(a.number());
    assertThat(register.findByToken(a.statusToken().substring(1) + "A")).isEmpty();
    assertThat(register.findByToken("")).isEmpty();
  }

  // ------------------------------------------------------------------ group commit

  /**
   * Holds the writer: a transaction that locks the counter of {@code year} (SQLite: the write lock;
   * PostgreSQL: the counter row) until {@code release} is counted down; returns once it holds it.
   */
  private Future<?> holdTheWriter(ExecutorService pool, int year, CountDownLatch release) throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    Future<?> f = pool.submit(() -> inbox.store().write(tx -> {
      tx.lockCounter(year);
      held.countDown();
      release.await();
      return null;
    }));
    assertThat(held.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return f;
  }

  /** Waits until {@code n} registrations wait in the group writer's queue. */
  private void awaitQueued(int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (inbox.store().queuedWrites() != n) {
      assertThat(System.nanoTime()).as("%d queued registrations", n).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** Starts one registration whose writer is held (it is taken off the queue, then waits). */
  private Future<Receipt> primer(ExecutorService pool) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    // the writer marks itself idle only after it answered the previous registration: wait for that,
    // or the primer could be taken for "being written" before it even read the clock
    while (inbox.store().groupStats().writing() != 0) {
      assertThat(System.nanoTime()).as("the writer is idle").isLessThan(deadline);
      Thread.sleep(5);
    }
    Future<Receipt> f = pool.submit(() -> register.register(Submissions.information("primer")));
    while (inbox.store().groupStats().writing() != 1) { // taken by the writer, which now waits for the held lock
      assertThat(System.nanoTime()).as("the primer is being written").isLessThan(deadline);
      Thread.sleep(5);
    }
    return f;
  }

  @Test
  void concurrentRegistrationsAreCommittedInGroupsWithContiguousNumbers() throws Exception {
    register.register(Submissions.information("first")); // SEN-2026-00001, creates the counter
    ExecutorService pool = Executors.newCachedThreadPool();
    CountDownLatch release = new CountDownLatch(1);
    try {
      Future<?> holder = holdTheWriter(pool, 2026, release);
      Future<Receipt> primer = primer(pool);
      List<Future<Receipt>> group = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String subject = "grouped " + i;
        group.add(pool.submit(() -> register.register(Submissions.information(subject))));
      }
      awaitQueued(20);
      long groupsBefore = inbox.store().groupStats().groups();
      release.countDown();
      holder.get();
      assertThat(primer.get().number()).isEqualTo("SEN-2026-00002");
      Set<String> numbers = new HashSet<>();
      for (int i = 0; i < group.size(); i++) {
        Receipt r = group.get(i).get();
        numbers.add(r.number());
        assertThat(register.find(r.number()).orElseThrow().subject()).isEqualTo("grouped " + i);
        assertThat(register.get(r.number()).history()).extracting(HistoryEvent::kind)
            .containsExactly(EventKind.REGISTERED);
      }
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(3, 22)
          .mapToObj(i -> String.format(Locale.ROOT, "SEN-2026-%05d", i)).toList());
      // the 20 went in one transaction
      assertThat(inbox.store().groupStats().groups() - groupsBefore).isEqualTo(2); // the primer's, and theirs
      assertThat(inbox.store().groupStats().largestGroup()).isEqualTo(20);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aBadSubmissionInAGroupFailsAloneAndTheOthersGetContiguousNumbers() throws Exception {
    register.register(Submissions.information("first"));
    Submission broken = new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, "A", "a@example.az",
        "broken", "m", "az", java.util.Arrays.asList(new Attachment("x.txt", "text/plain", new byte[] {1}), null),
        new byte[0], "text/plain", "::1");
    ExecutorService pool = Executors.newCachedThreadPool();
    CountDownLatch release = new CountDownLatch(1);
    try {
      Future<?> holder = holdTheWriter(pool, 2026, release);
      Future<Receipt> primer = primer(pool);
      List<Future<Receipt>> good = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String subject = "good " + i;
        good.add(pool.submit(() -> register.register(Submissions.information(subject))));
      }
      awaitQueued(5);
      Future<Receipt> bad = pool.submit(() -> register.register(broken));
      awaitQueued(6);
      for (int i = 5; i < 10; i++) {
        String subject = "good " + i;
        good.add(pool.submit(() -> register.register(Submissions.information(subject))));
      }
      awaitQueued(11);
      long failedBefore = inbox.store().groupStats().failedGroups();
      release.countDown();
      holder.get();
      primer.get();

      assertThatThrownBy(bad::get).hasCauseInstanceOf(Register.RegisterException.class);
      List<String> numbers = new ArrayList<>();
      for (Future<Receipt> f : good) {
        numbers.add(f.get().number());
      }
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(3, 12)
          .mapToObj(i -> String.format(Locale.ROOT, "SEN-2026-%05d", i)).toList());
      assertThat(inbox.store().groupStats().failedGroups()).isEqualTo(failedBefore + 1);
      assertThat(register.list(ListFilter.all())).hasSize(12).extracting(RequestSummary::subject)
          .doesNotContain("broken");
      assertThat(register.register(Submissions.information("next")).number()).isEqualTo("SEN-2026-00013");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aGroupAcrossMidnightInBakuNumbersEachRequestInItsOwnYear() throws Exception {
    register.register(Submissions.information("first")); // SEN-2026-00001
    ExecutorService pool = Executors.newCachedThreadPool();
    CountDownLatch release = new CountDownLatch(1);
    try {
      Future<?> holder = holdTheWriter(pool, 2026, release);
      Future<Receipt> primer = primer(pool); // SEN-2026-00002
      clock.setBaku(2025, 12, 31, 23, 59);
      Future<Receipt> old1 = pool.submit(() -> register.register(Submissions.information("old 1")));
      awaitQueued(1);
      Future<Receipt> old2 = pool.submit(() -> register.register(Submissions.information("old 2")));
      awaitQueued(2);
      clock.setBaku(2026, 1, 1, 0, 0);
      Future<Receipt> new1 = pool.submit(() -> register.register(Submissions.information("new 1")));
      awaitQueued(3);
      clock.setBaku(2025, 12, 31, 23, 59); // a late clock in the same group
      Future<Receipt> old3 = pool.submit(() -> register.register(Submissions.information("old 3")));
      awaitQueued(4);
      release.countDown();
      holder.get();
      assertThat(primer.get().number()).isEqualTo("SEN-2026-00002");
      assertThat(old1.get().number()).isEqualTo("SEN-2025-00001");
      assertThat(old2.get().number()).isEqualTo("SEN-2025-00002");
      assertThat(new1.get().number()).isEqualTo("SEN-2026-00003");
      assertThat(old3.get().number()).isEqualTo("SEN-2025-00003");
      assertThat(inbox.store().groupStats().largestGroup()).isEqualTo(4);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void closingFailsTheWaitingRegistrationsAndFinishesTheGroupInProgress() throws Exception {
    register.register(Submissions.information("first"));
    ExecutorService pool = Executors.newCachedThreadPool();
    CountDownLatch release = new CountDownLatch(1);
    try {
      Future<?> holder = holdTheWriter(pool, 2026, release);
      Future<Receipt> primer = primer(pool);
      List<Future<Receipt>> waiting = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        waiting.add(pool.submit(() -> register.register(Submissions.information("waiting"))));
      }
      awaitQueued(3);
      Inbox closing = inbox;
      Future<?> closed = pool.submit(closing::close);
      for (Future<Receipt> f : waiting) { // answered at once, while the group in progress still waits
        assertThatThrownBy(() -> f.get(30, java.util.concurrent.TimeUnit.SECONDS))
            .hasCauseInstanceOf(Register.RegisterException.class).hasMessageContaining("closed");
      }
      assertThatThrownBy(() -> register.register(Submissions.information("late")))
          .isInstanceOf(Register.RegisterException.class).hasMessageContaining("closed");
      release.countDown();
      holder.get();
      assertThat(primer.get().number()).isEqualTo("SEN-2026-00002"); // committed before the store closed
      closed.get(60, java.util.concurrent.TimeUnit.SECONDS);
      reopen(TestSites.CONTENT);
      assertThat(register.list(ListFilter.all())).extracting(RequestSummary::number)
          .containsExactly("SEN-2026-00001", "SEN-2026-00002");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ history

  @Test
  void everyActionAppendsOneEventWithItsTimeAndActor() throws Exception {
    String n1 = register.register(Submissions.information("one")).number();
    String n2 = register.register(Submissions.information("two")).number();
    String n3 = register.register(Submissions.information("three")).number();
    String n4 = register.register(Submissions.information("four")).number();

    clock.advance(Duration.ofHours(1));
    register.note(n1, "leyla", "asked the statistics unit");
    clock.advance(Duration.ofHours(1));
    register.clarify(n1, "leyla", "Which year do you mean?");
    clock.advance(Duration.ofHours(1));
    register.extend(n1, "leyla", "the data is being collected");
    clock.advance(Duration.ofHours(1));
    register.answer(n1, "rashad", "The report is attached.",
        List.of(new Attachment("report.pdf", "application/pdf", new byte[] {1, 2, 3})));
    register.forward(n2, "leyla", "Ministry of Economy");
    register.refuse(n3, "leyla", "state-secret");
    register.acknowledge(n4, "mailer", "acknowledgement sent to aysel@example.az");

    List<HistoryEvent> h1 = register.get(n1).history();
    assertThat(h1).extracting(HistoryEvent::kind).containsExactly(EventKind.REGISTERED, EventKind.NOTE,
        EventKind.CLARIFICATION_REQUESTED, EventKind.EXTENDED, EventKind.ANSWERED);
    assertThat(h1).extracting(HistoryEvent::actor).containsExactly("system", "leyla", "leyla", "leyla", "rashad");
    assertThat(h1).extracting(HistoryEvent::at).isSorted().doesNotHaveDuplicates();
    assertThat(h1.get(1).visibleToRequester()).isFalse();
    assertThat(h1.get(4).text()).isEqualTo("The report is attached.");
    assertThat(register.get(n1).status()).isEqualTo(RequestStatus.ANSWERED);
    assertThat(register.attachments(n1)).singleElement().satisfies(a -> {
      assertThat(a.role()).isEqualTo(StoredAttachment.ANSWER);
      assertThat(a.historyId()).isEqualTo(h1.get(4).id());
    });
    assertThat(register.get(n1).attachments()).isEmpty();
    assertThat(register.get(n2).status()).isEqualTo(RequestStatus.FORWARDED);
    assertThat(register.get(n2).history().get(1).text()).contains("Ministry of Economy");
    assertThat(register.get(n3).status()).isEqualTo(RequestStatus.REFUSED);
    assertThat(register.get(n3).history().get(1).text()).startsWith("refused on ground state-secret\n");
    assertThat(register.get(n4).history()).extracting(HistoryEvent::kind)
        .containsExactly(EventKind.REGISTERED, EventKind.ACKNOWLEDGED);
  }

  @Test
  void theDatabaseRefusesToChangeHistoryOrARequestAsReceived() throws Exception {
    String n = register.register(Submissions.information("x")).number();
    register.note(n, "leyla", "original note");

    assertThatThrownBy(() -> sql("UPDATE history SET text = ? WHERE request_number = ?", "forged", n))
        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("UPDATE requests SET message = ? WHERE number = ?", "forged", n))
        .isInstanceOf(SQLException.class).hasMessageContaining("as received");
    assertThat(register.get(n).history()).extracting(HistoryEvent::text).contains("original note");
    assertThat(register.get(n).message()).doesNotContain("forged");
  }

  @Test
  void aClosedRequestRefusesFurtherActionsButTakesNotes() throws Exception {
    String n = register.register(Submissions.information("x")).number();
    register.answer(n, "leyla", "Here it is.", List.of());

    assertThatThrownBy(() -> register.answer(n, "leyla", "again", List.of()))
        .isInstanceOf(RequestException.class).hasMessageContaining(n).hasMessageContaining("answered");
    assertThatThrownBy(() -> register.extend(n, "leyla", "late")).isInstanceOf(RequestException.class);
    assertThatThrownBy(() -> register.refuse(n, "leyla", "state-secret")).isInstanceOf(RequestException.class)
        .hasMessageContaining("answered");
    register.note(n, "leyla", "requester called to thank");
    assertThat(register.get(n).history()).extracting(HistoryEvent::kind)
        .containsExactly(EventKind.REGISTERED, EventKind.ANSWERED, EventKind.NOTE);
  }

  @Test
  void anUnknownNumberIsABadInputThatNamesIt() {
    assertThatThrownBy(() -> register.note("SEN-2026-09999", "leyla", "x"))
        .isInstanceOf(RequestException.class).hasMessage("no request SEN-2026-09999 in the register");
    assertThatThrownBy(() -> register.get("nonsense"))
        .isInstanceOf(RequestException.class).hasMessageContaining("numbers look like SEN-2026-00042");
  }

  @Test
  void emptyActionTextsAreRefused() throws Exception {
    String n = register.register(Submissions.information("x")).number();
    assertThatThrownBy(() -> register.refuse(n, "leyla", " ")).isInstanceOf(RequestException.class)
        .hasMessageContaining("legal ground");
    assertThat(register.get(n).history()).hasSize(1);
  }

  // ------------------------------------------------------------------ deadlines

  @Test
  void anInformationRequestIsDueSevenWorkingDaysLaterAcrossAWeekend() throws Exception {
    // Thursday 5 February 2026: day 1 is Friday the 6th, the weekend of the 7th and 8th is skipped.
    Receipt r = register.register(Submissions.information("x"));
    assertThat(r.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 2, 16));
    assertThat(r.deadline().skipped()).extracting(DeadlineExplanation.SkippedDay::date)
        .containsExactly(LocalDate.of(2026, 2, 7), LocalDate.of(2026, 2, 8),
            LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 15));
    assertThat(register.get(r.number()).dueDate()).isEqualTo(LocalDate.of(2026, 2, 16));
    assertThat(register.get(r.number()).dueAt().toLocalTime()).isEqualTo(java.time.LocalTime.MAX);
  }

  @Test
  void novruz2026PushesTheDeadlineIntoApril() throws Exception {
    clock.setBaku(2026, 3, 18, 16, 30); // Wednesday before Novruz
    Receipt r = register.register(Submissions.information("x"));
    // day 1 Thu 19 March; 20-30 March are Novruz, Ramazan, weekends and carried-over days off
    assertThat(r.deadline().counted()).extracting(DeadlineExplanation.CountedDay::date).containsExactly(
        LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2),
        LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 7));
    assertThat(r.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 4, 7));
    String text = register.explainDeadline(r.number()).get(0).toText(Locale.ENGLISH);
    assertThat(text).contains("Novruz bayramı").contains("Due: 2026-04-07");
    assertThat(r.deadline().warnings()).isEmpty();
  }

  @Test
  void urgentRequestsAreDueInHoursAndAppealsInFifteenWorkingDays() throws Exception {
    Receipt urgent = register.register(Submissions.of(RequestType.INFORMATION, Urgency.LOSES_RELEVANCE, "x", List.of()));
    Receipt life = register.register(Submissions.of(RequestType.INFORMATION, Urgency.THREAT_TO_LIFE, "x", List.of()));
    Receipt appeal = register.register(Submissions.of(RequestType.PROPOSAL, Urgency.NORMAL, "x", List.of()));
    assertThat(urgent.deadline().dueAt().toInstant()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
    assertThat(life.deadline().dueAt().toInstant()).isEqualTo(clock.instant().plus(Duration.ofHours(48)));
    assertThat(appeal.deadline().rule().id()).isEqualTo(DeadlineRules.APPEAL);
    assertThat(appeal.deadline().counted()).hasSize(15);
  }

  @Test
  void anExtensionCountsTheExtensionPeriodFromTheOldDueDateOnce() throws Exception {
    String n = register.register(Submissions.information("x")).number(); // due Mon 16 Feb 2026
    register.extend(n, "leyla", "the data is in the archive");
    RequestView v = register.get(n);
    assertThat(v.dueDate()).isEqualTo(LocalDate.of(2026, 2, 25)); // 7 working days after 16 Feb
    assertThat(v.status()).isEqualTo(RequestStatus.EXTENDED);
    assertThat(v.history().get(1).text()).contains("2026-02-16").contains("2026-02-25");
    List<DeadlineExplanation> chain = register.explainDeadline(n);
    assertThat(chain).extracting(DeadlineExplanation::dueDate)
        .containsExactly(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 25));
    assertThatThrownBy(() -> register.extend(n, "leyla", "again"))
        .isInstanceOf(RequestException.class).hasMessageContaining("only once");
  }

  @Test
  void aYearWithoutHolidayDataIsAWarningOnTheDeadline() throws Exception {
    clock.setBaku(2027, 3, 1, 10, 0);
    Receipt r = register.register(Submissions.information("x"));
    assertThat(r.deadline().warnings()).extracting(w -> w.code()).containsExactly("no-holiday-data");
    assertThat(register.explainDeadline(r.number()).get(0).toText(Locale.ENGLISH))
        .contains("no holiday data for 2027");
  }

  @Test
  void changedHolidayDataRecomputesTheDueDatesOfOpenRequestsOnly() throws Exception {
    Path content = tmp.resolve("content");
    Path holidays = Files.createDirectories(content.resolve("data/holidays"));
    try (Stream<Path> files = Files.list(TestSites.CONTENT.resolve("data/holidays"))) {
      for (Path f : files.toList()) {
        Files.copy(f, holidays.resolve(f.getFileName().toString()));
      }
    }
    reopen(content);
    String open = register.register(Submissions.information("open")).number(); // due 16 Feb
    String closed = register.register(Submissions.information("closed")).number();
    register.answer(closed, "leyla", "done", List.of());

    Path file = holidays.resolve("2026.yaml");
    String yaml = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, yaml.replace("days:\n", """
        days:
          - date: 2026-02-10
            name: "Test seçki günü"
            kind: one_off
        """), StandardCharsets.UTF_8);
    clock.advance(Duration.ofHours(2));
    RecomputeReport report = inbox.reloadHolidays();

    assertThat(report.changed()).containsExactly(
        new RecomputeReport.Change(open, LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17)));
    assertThat(register.get(open).dueDate()).isEqualTo(LocalDate.of(2026, 2, 17));
    assertThat(register.get(open).history()).last().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EventKind.DEADLINE_RECOMPUTED);
      assertThat(e.text()).contains("2026-02-16").contains("2026-02-17");
      assertThat(e.at()).isEqualTo(clock.instant());
    });
    assertThat(register.get(closed).dueDate()).isEqualTo(LocalDate.of(2026, 2, 16));
    assertThat(register.get(closed).history()).extracting(HistoryEvent::kind)
        .doesNotContain(EventKind.DEADLINE_RECOMPUTED);
    assertThat(register.recomputeDeadlines().changed()).isEmpty();
  }

  // ------------------------------------------------------------------ listing

  @Test
  void theListFiltersByStatusOverdueAndDueWithin() throws Exception {
    String early = register.register(Submissions.information("early")).number(); // due Mon 16 Feb
    clock.setBaku(2026, 2, 12, 9, 0);
    String later = register.register(Submissions.information("later")).number(); // due Mon 23 Feb
    String answered = register.register(Submissions.information("answered")).number();
    register.answer(answered, "leyla", "ok", List.of());

    clock.setBaku(2026, 2, 17, 9, 0); // Tuesday: early is overdue
    assertThat(register.list(ListFilter.all().onlyOverdue())).extracting(RequestSummary::number).containsExactly(early);
    assertThat(register.list(ListFilter.all().dueWithin(3))).extracting(RequestSummary::number).containsExactly(early);
    assertThat(register.list(ListFilter.all().dueWithin(4))).extracting(RequestSummary::number)
        .containsExactly(early, later);
    assertThat(register.list(ListFilter.all().withStatus(RequestStatus.ANSWERED)))
        .extracting(RequestSummary::number).containsExactly(answered);
    assertThat(register.list(ListFilter.all().onlyOpen())).extracting(RequestSummary::number)
        .containsExactly(early, later);
    assertThat(register.list(ListFilter.all())).hasSize(3);
  }

  // ------------------------------------------------------------------ retention

  @Test
  void purgeRefusesAPeriodShorterThanTheRetention() throws Exception {
    String n = register.register(Submissions.information("x")).number();
    register.answer(n, "leyla", "ok", List.of());
    clock.advance(Duration.ofDays(400));
    assertThatThrownBy(() -> register.purge(364, "admin", false))
        .isInstanceOf(RequestException.class)
        .hasMessageContaining("retention_days").hasMessageContaining("rule 5.2");
    assertThat(register.find(n)).isPresent();
  }

  @Test
  void purgeRemovesOnlyClosedRecordsOlderThanTheRetentionAndReportsThem() throws Exception {
    clock.setBaku(2025, 1, 10, 10, 0);
    String oldAnswered = register.register(Submissions.information("old answered")).number();
    String oldOpen = register.register(Submissions.information("old open")).number();
    String lateAnswer = register.register(Submissions.information("answered late")).number();
    register.answer(oldAnswered, "leyla", "ok", List.of(new Attachment("a.txt", "text/plain", new byte[] {1})));
    clock.setBaku(2025, 6, 1, 10, 0);
    register.answer(lateAnswer, "leyla", "late answer", List.of());
    clock.setBaku(2026, 2, 5, 10, 0); // 13 months after registration, 8 months after the late answer
    String young = register.register(Submissions.information("young")).number();
    register.answer(young, "leyla", "ok", List.of());

    PurgeReport dry = register.purge(365, "admin", true);
    assertThat(dry.removed()).containsExactly(oldAnswered);
    assertThat(register.find(oldAnswered)).isPresent();

    PurgeReport report = register.purge(365, "admin", false);
    assertThat(report.removed()).containsExactly(oldAnswered);
    assertThat(report.keptOpen()).containsExactly(oldOpen);
    assertThat(register.find(oldAnswered)).isEmpty();
    assertThat(register.find(oldOpen)).isPresent();
    assertThat(register.find(lateAnswer)).isPresent();
    assertThat(register.find(young)).isPresent();
    assertThat(inbox.store().purgeLog()).extracting(p -> p.number()).containsExactly(oldAnswered);
    assertThat(register.purge(365, "admin", false).removed()).isEmpty();

    clock.setBaku(2025, 12, 31, 12, 0); // a number purged is never given again
    assertThat(register.register(Submissions.information("next")).number()).isEqualTo("SEN-2025-00004");
  }

  // ------------------------------------------------------------------ published statistics

  @Test
  void statisticsRowsCarryOneRowPerRequestWithItsClosingTimeAndNothingPersonal() throws Exception {
    String answered = register.register(Submissions.information("answered")).number();
    String refused = register.register(Submissions.information("refused")).number();
    String forwarded = register.register(Submissions.information("forwarded")).number();
    String open = register.register(Submissions.information("open")).number();
    clock.advance(Duration.ofHours(1));
    register.note(answered, "leyla", "before");
    register.acknowledge(answered, "system", "ack");
    clock.advance(Duration.ofHours(1));
    register.answer(answered, "leyla", "ok", List.of());
    java.time.Instant answeredAt = clock.instant();
    clock.advance(Duration.ofHours(1));
    register.note(answered, "leyla", "after the answer");
    register.refuse(refused, "leyla", "not-held");
    register.forward(forwarded, "leyla", "another ministry");
    register.extend(open, "leyla", "more time");

    List<az.disclose.inbox.model.StatisticsRow> rows = inbox.store().statisticsRows();

    assertThat(rows).hasSize(4);
    assertThat(rows).extracting(r -> r.status()).containsExactly(RequestStatus.ANSWERED, RequestStatus.REFUSED,
        RequestStatus.FORWARDED, RequestStatus.EXTENDED);
    assertThat(rows.get(0).closedAt()).contains(answeredAt);
    assertThat(rows.get(1).closedAt()).contains(clock.instant());
    assertThat(rows.get(2).closedAt()).contains(clock.instant());
    assertThat(rows.get(3).closedAt()).isEmpty();
    assertThat(rows.get(3).dueAt()).isEqualTo(register.get(open).dueAt().toInstant().truncatedTo(
        java.time.temporal.ChronoUnit.MILLIS));
    assertThat(rows).allSatisfy(r -> assertThat(r.channel()).isEqualTo(Channel.WEB));
    assertThat(register.statistics().years()).singleElement().satisfies(y -> {
      assertThat(y.counts().received()).isEqualTo(4);
      assertThat(y.counts().answeredOnTime()).isEqualTo(1);
      assertThat(y.counts().open()).isEqualTo(1);
    });
  }

  // ------------------------------------------------------------------ the lost link (citizen)

  @Test
  void aLostLinkIsRecordedAsAnInternalEventOnlyForTheNumberAndTheAddressOnRecord() throws Exception {
    String n = register.register(Submissions.information("Hesabat")).number();
    assertThat(register.resendLink(n, "someone@example.az")).isFalse();
    assertThat(register.resendLink("SEN-2026-00999", "aysel@example.az")).isFalse();
    assertThat(register.resendLink(n, "")).isFalse();
    assertThat(register.resendLink(" " + n.toLowerCase(java.util.Locale.ROOT) + " ", " AYSEL@example.az ")).isTrue();
    List<HistoryEvent> asked = register.get(n).history().stream()
        .filter(e -> e.kind() == EventKind.LINK_RESENT).toList();
    assertThat(asked).singleElement().satisfies(e -> {
      assertThat(e.visibleToRequester()).isFalse();
      assertThat(e.actor()).isEqualTo(RegisterService.SYSTEM);
    });
    assertThat(register.get(n).status()).as("the request itself is unchanged").isEqualTo(RequestStatus.REGISTERED);
  }
}
