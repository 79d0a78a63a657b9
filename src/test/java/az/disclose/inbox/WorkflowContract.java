package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.model.Assignment;
import az.disclose.inbox.model.AssignmentState;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.NoticeTemplate;
import az.disclose.inbox.model.TemplateKind;
import az.disclose.inbox.model.Queue;
import az.disclose.inbox.model.QueuePage;
import az.disclose.inbox.model.QueueQuery;
import az.disclose.inbox.model.QueueRow;
import az.disclose.inbox.model.ReopenGround;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.store.Inbox;
import az.disclose.site.TestSites;
import az.disclose.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assignment to units, reopening, withdrawal and the queues, run against each database by a
 * subclass: {@code SqliteWorkflowTest} and {@code PostgresWorkflowIT}.
 */
abstract class WorkflowContract {
  @TempDir Path tmp;
  TestClock clock;
  Inbox inbox;
  RegisterService register;

  abstract InboxSettings settings(Path dataDir);

  @BeforeEach
  void openRegister() throws Exception {
    clock = TestClock.baku(2026, 2, 5, 10, 0); // a Thursday
    inbox = Inbox.open(settings(tmp.resolve("data")), TestSites.CONTENT, clock);
    register = inbox.register();
    register.useUnits(Set.of("aparat", "huquq", "kadrlar"));
  }

  @AfterEach
  void closeRegister() {
    if (inbox != null) {
      inbox.close();
    }
  }

  String request(String subject, String message) throws Exception {
    Submission s = new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, "Aysel Məmmədova",
        "aysel@example.az", subject, message, "az", List.of(), subject.getBytes(StandardCharsets.UTF_8),
        "text/plain", "192.0.2.7");
    return register.register(s).number();
  }

  private String request(String subject) throws Exception {
    return request(subject, "Zəhmət olmasa göndərin.");
  }

  private List<EventKind> kinds(String number) throws Exception {
    return register.get(number).history().stream().map(HistoryEvent::kind).toList();
  }

  // ------------------------------------------------------------------ assignment

  @Test
  void anOfficerAssignsAndTheUnitAcceptsEachStepOnRecordWithItsActor() throws Exception {
    String n = request("Büdcə");

    register.assign(n, "huquq", "officer.leyla");
    assertThat(register.assignment(n))
        .isEqualTo(new Assignment(Optional.of("huquq"), AssignmentState.PENDING, Optional.empty()));
    register.accept(n, "responder.elvin");

    assertThat(register.assignment(n))
        .isEqualTo(new Assignment(Optional.of("huquq"), AssignmentState.ACCEPTED, Optional.of("responder.elvin")));
    List<HistoryEvent> history = register.get(n).history();
    assertThat(history).extracting(HistoryEvent::kind)
        .containsExactly(EventKind.REGISTERED, EventKind.ASSIGNED, EventKind.ASSIGNMENT_ACCEPTED);
    assertThat(history.get(1).actor()).isEqualTo("officer.leyla");
    assertThat(history.get(2).actor()).isEqualTo("responder.elvin");
    // internal to the officers: the citizen's page does not show them
    assertThat(history.subList(1, 3)).noneMatch(HistoryEvent::visibleToRequester);
  }

  @Test
  void aUnitRejectsWithAReasonAndTheRequestIsUnassignedAgainUntilReassigned() throws Exception {
    String n = request("Kadrlar");
    register.assign(n, "huquq", "officer.leyla");

    register.reject(n, "responder.elvin", "not our department: staff matters");

    assertThat(register.assignment(n).state()).isEqualTo(AssignmentState.REJECTED);
    assertThat(register.get(n).history().get(2).text()).contains("not our department: staff matters");
    assertThat(register.queue(QueueQuery.of(Queue.UNASSIGNED, "officer.leyla")).rows())
        .extracting(QueueRow::number).containsExactly(n);

    register.reassign(n, "kadrlar", "officer.leyla", "staff matters");

    assertThat(register.assignment(n))
        .isEqualTo(new Assignment(Optional.of("kadrlar"), AssignmentState.PENDING, Optional.empty()));
    assertThat(register.queue(QueueQuery.of(Queue.UNASSIGNED, "officer.leyla")).rows()).isEmpty();
    assertThat(kinds(n)).containsExactly(EventKind.REGISTERED, EventKind.ASSIGNED, EventKind.ASSIGNMENT_REJECTED,
        EventKind.ASSIGNED);
  }

  @Test
  void anUnknownUnitIsRefusedNamingItAndTheKnownOnes() throws Exception {
    String n = request("Büdcə");

    assertThatThrownBy(() -> register.assign(n, "maliyye", "officer.leyla"))
        .isInstanceOf(RequestException.class)
        .hasMessageContaining("unknown unit 'maliyye'")
        .hasMessageContaining("aparat, huquq, kadrlar");
    assertThat(kinds(n)).containsExactly(EventKind.REGISTERED);
  }

  @Test
  void assignmentSlipsAreRefusedWithTheReasonAndChangeNothing() throws Exception {
    String n = request("Büdcə");
    assertThatThrownBy(() -> register.accept(n, "responder.elvin"))
        .hasMessageContaining("is not assigned to any unit");
    register.assign(n, "huquq", "officer.leyla");
    assertThatThrownBy(() -> register.assign(n, "kadrlar", "officer.leyla"))
        .hasMessageContaining("already assigned to huquq").hasMessageContaining("reassign");
    register.accept(n, "responder.elvin");
    assertThatThrownBy(() -> register.reject(n, "responder.elvin", "no"))
        .hasMessageContaining("was already accepted by unit huquq");
    register.answer(n, "responder.elvin", "Cavab.", List.of());
    assertThatThrownBy(() -> register.reassign(n, "kadrlar", "officer.leyla", "x"))
        .hasMessageContaining("is answered and cannot be reassigned");
    assertThat(register.assignment(n).state()).isEqualTo(AssignmentState.ACCEPTED);
  }

  /** A unit responder's account, as the console's accounts page or {@code disclose users add} makes it. */
  private void responder(String name, String unit) throws Exception {
    new az.disclose.inbox.accounts.Accounts(inbox.store(), clock,
        new az.disclose.inbox.accounts.PasswordHasher(1024, 1, 1),
        az.disclose.inbox.accounts.PasswordPolicy.standard(), "test")
        .create(name, az.disclose.inbox.accounts.Role.UNIT_RESPONDER, Optional.of(unit),
            "correct horse battery staple", "test");
  }

  @Test
  void aResponderMustAcceptBeforeAnsweringAndOfficersNeedNot() throws Exception {
    responder("aysel", "huquq");
    String n = request("Büdcə");
    register.assign(n, "huquq", "officer.leyla");

    for (var action : List.<ThrowingAction>of(
        () -> register.answer(n, "aysel", "Cavab.", List.of()),
        () -> register.extend(n, "Aysel", "study"),
        () -> register.forward(n, "aysel", "Nazirlik"),
        () -> register.clarify(n, "aysel", "Hansı il?"),
        () -> register.refuse(n, "aysel", "state-secret"))) {
      assertThatThrownBy(action::run).isInstanceOf(RequestException.class)
          .hasMessageContaining(n + " waits for unit huquq to accept it: accept it first");
    }
    assertThat(register.get(n).status()).isEqualTo(RequestStatus.REGISTERED);
    // A note changes nothing the requester sees: allowed while the unit decides.
    register.note(n, "aysel", "checking with the budget department");

    register.accept(n, "aysel");
    register.extend(n, "aysel", "needs study");
    register.answer(n, "aysel", "Cavab.", List.of());
    assertThat(register.get(n).status()).isEqualTo(RequestStatus.ANSWERED);

    // An officer (no responder account) answers a request still waiting for its unit.
    String other = request("Kadrlar");
    register.assign(other, "huquq", "officer.leyla");
    register.answer(other, "officer.leyla", "Cavab.", List.of());
    assertThat(register.get(other).status()).isEqualTo(RequestStatus.ANSWERED);
  }

  @Test
  void aResponderCannotActOnARequestOfAnotherUnitOrOneSentBack() throws Exception {
    responder("murad", "kadrlar");
    String n = request("Büdcə");
    assertThatThrownBy(() -> register.answer(n, "murad", "Cavab.", List.of()))
        .hasMessageContaining("is not assigned to unit kadrlar, the unit of murad");
    register.assign(n, "kadrlar", "officer.leyla");
    register.reject(n, "murad", "not ours");
    assertThatThrownBy(() -> register.refuse(n, "murad", "state-secret"))
        .hasMessageContaining("is not assigned to unit kadrlar");
    assertThat(kinds(n)).doesNotContain(EventKind.ANSWERED, EventKind.REFUSED);
  }

  @FunctionalInterface
  private interface ThrowingAction {
    void run() throws Exception;
  }

  @Test
  void theDatabaseRefusesAnAssignmentWithoutItsEvent() throws Exception {
    String n = request("Büdcə");
    HistoryEvent old = register.get(n).history().get(0);
    register.note(n, "officer.leyla", "later event");

    assertThatThrownBy(() -> inbox.store().<Void, RuntimeException>write(tx -> {
      tx.setAssignment(n, old, new Assignment(Optional.of("huquq"), AssignmentState.PENDING, Optional.empty()));
      return null;
    })).isInstanceOf(StoreException.class).hasMessageContaining("is not its newest");
    assertThat(register.assignment(n)).isEqualTo(Assignment.NONE);
  }

  // ------------------------------------------------------------------ reopening and withdrawal

  @Test
  void anAnsweredRequestIsReopenedAfterAnUpheldAppealWithANewPeriod() throws Exception {
    String n = request("Büdcə");
    register.answer(n, "officer.leyla", "Cavab.", List.of());
    clock.setBaku(2026, 3, 2, 9, 0); // Monday

    register.reopen(n, "officer.leyla", ReopenGround.APPEAL_UPHELD, "Ombudsman decision 12/2026");

    RequestView v = register.get(n);
    assertThat(v.status()).isEqualTo(RequestStatus.REGISTERED);
    // 7 working days counted from the reopening (2 March; no holidays in the fixture then)
    assertThat(v.dueDate()).isEqualTo(register.explainDeadline(n).get(0).dueDate());
    assertThat(v.dueDate()).isAfter(LocalDate.of(2026, 3, 2));
    HistoryEvent e = v.history().get(v.history().size() - 1);
    assertThat(e.kind()).isEqualTo(EventKind.REOPENED);
    assertThat(e.visibleToRequester()).isTrue();
    assertThat(e.text()).contains("complaint or appeal upheld").contains("Ombudsman decision 12/2026");
    // recomputing the calendar keeps the period of the reopening
    register.recomputeDeadlines();
    assertThat(register.get(n).dueDate()).isEqualTo(v.dueDate());
    // and it can be extended once again in its new period
    register.extend(n, "officer.leyla", "large volume");
    assertThat(register.get(n).dueDate()).isAfter(v.dueDate());
  }

  @Test
  void reopeningIsRefusedWhereTheLawDoesNotAllowItWithTheReason() throws Exception {
    String open = request("Açıq");
    String forwarded = request("Yönləndirilmiş");
    register.forward(forwarded, "officer.leyla", "Maliyyə Nazirliyi");
    String withdrawn = request("Geri götürülmüş");
    register.withdraw(withdrawn, "officer.leyla", "e-mail of 5 February");
    String answered = request("Cavablanmış");
    register.answer(answered, "officer.leyla", "Cavab.", List.of());

    assertThatThrownBy(() -> register.reopen(open, "officer.leyla", ReopenGround.APPEAL_UPHELD, "x"))
        .hasMessageContaining("is registered and cannot be reopened").hasMessageContaining("it is open");
    assertThatThrownBy(() -> register.reopen(forwarded, "officer.leyla", ReopenGround.APPEAL_UPHELD, "x"))
        .hasMessageContaining("the body it went to answers it");
    assertThatThrownBy(() -> register.reopen(withdrawn, "officer.leyla", ReopenGround.APPEAL_UPHELD, "x"))
        .hasMessageContaining("a new request is registered instead");
    assertThatThrownBy(() -> register.reopen(answered, "officer.leyla", ReopenGround.CLARIFICATION_RECEIVED, "x"))
        .hasMessageContaining("only an upheld complaint or appeal reopens it");
    assertThat(register.get(answered).status()).isEqualTo(RequestStatus.ANSWERED);
    assertThat(kinds(withdrawn)).doesNotContain(EventKind.REOPENED);
  }

  @Test
  void aClarificationReceivedReopensTheRequestWaitingForIt() throws Exception {
    String n = request("Büdcə");
    register.clarify(n, "officer.leyla", "Hansı il?");
    assertThat(register.queue(QueueQuery.of(Queue.WAITING, "officer.leyla")).rows())
        .extracting(QueueRow::number).containsExactly(n);

    register.reopen(n, "officer.leyla", ReopenGround.CLARIFICATION_RECEIVED, "2025");

    assertThat(register.get(n).status()).isEqualTo(RequestStatus.REGISTERED);
    assertThat(register.queue(QueueQuery.of(Queue.WAITING, "officer.leyla")).rows()).isEmpty();
  }

  @Test
  void aWithdrawnRequestIsClosedAndTakesNoMoreActions() throws Exception {
    String n = request("Büdcə");

    register.withdraw(n, "officer.leyla", "telefonla bildirdi");

    RequestView v = register.get(n);
    assertThat(v.status()).isEqualTo(RequestStatus.WITHDRAWN);
    assertThat(v.status().open()).isFalse();
    assertThat(v.history().get(1).text()).isEqualTo("withdrawn at the requester's wish: telefonla bildirdi");
    assertThatThrownBy(() -> register.answer(n, "officer.leyla", "Cavab.", List.of()))
        .hasMessageContaining("is withdrawn and cannot be answered");
    assertThatThrownBy(() -> register.withdraw(n, "officer.leyla", "again"))
        .hasMessageContaining("is withdrawn and cannot be withdrawn");
    assertThatThrownBy(() -> register.withdraw(request("x"), "officer.leyla", " "))
        .hasMessageContaining("how the requester withdrew it must not be empty");
  }

  @Test
  void aWithdrawnRequestIsPurgedAfterTheRetentionLikeAnAnsweredOne() throws Exception {
    clock.setBaku(2024, 1, 10, 10, 0);
    String n = request("Köhnə");
    register.withdraw(n, "officer.leyla", "e-mail");
    clock.setBaku(2026, 2, 5, 10, 0);

    assertThat(register.purge(365, "admin", false).removed()).containsExactly(n);
    assertThat(register.find(n)).isEmpty();
  }

  // ------------------------------------------------------------------ queues

  @Test
  void eachQueueHoldsWhatItsNameSays() throws Exception {
    String mine = request("Mənim");
    register.assign(mine, "huquq", "officer.leyla");
    register.accept(mine, "responder.elvin");
    String unitPending = request("Bölmənin");
    register.assign(unitPending, "huquq", "officer.leyla");
    String otherUnit = request("Başqa bölmə");
    register.assign(otherUnit, "kadrlar", "officer.leyla");
    String waiting = request("Gözləyən");
    register.clarify(waiting, "officer.leyla", "Hansı il?");
    String answered = request("Cavablanmış");
    register.answer(answered, "officer.leyla", "Cavab.", List.of());
    clock.setBaku(2026, 2, 13, 10, 0); // Friday: the 5 February requests are due 16 February (7 working days)
    String fresh = request("Təzə");

    assertThat(ids(Queue.MINE, "responder.elvin")).containsExactly(mine);
    assertThat(register.queue(QueueQuery.of(Queue.MY_UNIT, "responder.elvin").withActorUnit("huquq")).rows())
        .extracting(QueueRow::number).containsExactly(mine, unitPending);
    assertThat(ids(Queue.UNASSIGNED, "x")).containsExactly(waiting, fresh);
    assertThat(ids(Queue.WAITING, "x")).containsExactly(waiting);
    assertThat(ids(Queue.ANSWERED_THIS_MONTH, "x")).containsExactly(answered);
    assertThat(ids(Queue.DUE_SOON, "x")).containsExactly(mine, unitPending, otherUnit, waiting);
    assertThat(ids(Queue.OVERDUE, "x")).isEmpty();

    clock.setBaku(2026, 2, 17, 10, 0);
    assertThat(ids(Queue.OVERDUE, "x")).containsExactly(mine, unitPending, otherUnit, waiting);
    QueueRow row = register.queue(QueueQuery.of(Queue.OVERDUE, "x")).rows().get(0);
    assertThat(row.overdue()).isTrue();
    assertThat(row.workingDaysLeft()).contains(-1);
    assertThat(row.assignment().unit()).contains("huquq");
    assertThat(row.subject()).isEqualTo("Mənim");
    assertThat(ids(Queue.ANSWERED_THIS_MONTH, "x")).containsExactly(answered);
    clock.setBaku(2026, 3, 2, 10, 0);
    assertThat(ids(Queue.ANSWERED_THIS_MONTH, "x")).isEmpty();
  }

  private List<String> ids(Queue queue, String actor) throws Exception {
    return register.queue(QueueQuery.of(queue, actor)).rows().stream().map(QueueRow::number).toList();
  }

  @Test
  void theFiltersNarrowAQueue() throws Exception {
    String a = request("Büdcə");
    String b = request("Tender");
    register.refuse(b, "officer.leyla", "state-secret");
    String c = request("Hesabat");
    register.refuse(c, "officer.leyla", "not-held", "Bu məlumat bizdə yoxdur.");
    clock.setBaku(2026, 2, 9, 10, 0);
    String d = request("Müqavilə");
    register.assign(d, "kadrlar", "officer.leyla");

    QueueQuery all = QueueQuery.of(Queue.ALL, "x");
    assertThat(register.queue(all).total()).isEqualTo(4);
    assertThat(numbers(all.withStatus(RequestStatus.REFUSED))).containsExactlyInAnyOrder(b, c);
    assertThat(numbers(all.withRefusalGround("state-secret"))).containsExactly(b);
    assertThat(numbers(all.withUnit("kadrlar"))).containsExactly(d);
    assertThat(numbers(all.withReceived(LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 9)))).containsExactly(d);
    assertThat(numbers(all.withReceived(LocalDate.of(2026, 2, 5), LocalDate.of(2026, 2, 8)))).hasSize(3);
    assertThat(numbers(all.withChannel(Channel.EMAIL))).isEmpty();
    assertThat(numbers(all.withType(RequestType.INFORMATION))).hasSize(4);
    assertThat(numbers(all.withType(RequestType.COMPLAINT))).isEmpty();
    assertThatThrownBy(() -> register.queue(all.withUnit("nope"))).hasMessageContaining("unknown unit 'nope'");
    assertThatThrownBy(() -> register.queue(all.withReceived(LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 1))))
        .hasMessageContaining("ends (2026-02-01) before it starts (2026-02-09)");
    assertThatThrownBy(() -> register.queue(QueueQuery.of(Queue.MY_UNIT, "x")))
        .hasMessageContaining("needs the unit");
    assertThat(a).isNotNull();
  }

  List<String> numbers(QueueQuery q) throws Exception {
    return register.queue(q).rows().stream().map(QueueRow::number).toList();
  }

  @Test
  void textSearchFoldsAzerbaijaniCaseAndFindsNumberSubjectAndText() throws Exception {
    String a = request("İNFORMASİYA TEXNOLOGİYALARI", "Şəhər büdcəsi");
    String b = request("Yol təmiri", "ISTILIK sistemi haqqında");
    String c = request("Məktəb", "100% faiz_dərəcəsi");

    QueueQuery all = QueueQuery.of(Queue.ALL, "x");
    assertThat(numbers(all.withText("informasiya"))).containsExactly(a);
    assertThat(numbers(all.withText("İnformasiya texnologiyaları"))).containsExactly(a);
    assertThat(numbers(all.withText("istilik"))).containsExactly(b);
    assertThat(numbers(all.withText("ŞƏHƏR"))).containsExactly(a);
    assertThat(numbers(all.withText(b.toLowerCase(java.util.Locale.ROOT)))).containsExactly(b);
    // LIKE's wildcards in the term are plain characters
    assertThat(numbers(all.withText("0% f"))).containsExactly(c);
    assertThat(numbers(all.withText("_"))).containsExactly(c);
    assertThat(numbers(all.withText("%"))).containsExactly(c);
    assertThat(numbers(all.withText("yoxdur"))).isEmpty();
    assertThatThrownBy(() -> register.queue(all.withText("a".repeat(201)))).hasMessageContaining("at most 200");
  }

  @Test
  void termsWithAzerbaijaniLettersAreFoundAsSubstringsWhateverTheirCase() throws Exception {
    String a = request("Gənclər şəhərciyi", "Ərizə: Çəmənlikdəki ağacların qırılması");
    String b = request("Şəhər nəqliyyatı", "Göyçay rayonu");
    request("Yol təmiri", "Zəhmət olmasa göndərin.");

    QueueQuery all = QueueQuery.of(Queue.ALL, "x");
    assertThat(numbers(all.withText("ŞƏHƏR"))).containsExactlyInAnyOrder(a, b);
    assertThat(numbers(all.withText("çəmənlikdəki ağac"))).containsExactly(a);
    assertThat(numbers(all.withText("QIRILMASI"))).containsExactly(a);
    assertThat(numbers(all.withText("göyçay"))).containsExactly(b);
    assertThat(numbers(all.withText("şəhərciyi ərizə"))).as("a space is not the line break between them").isEmpty();
    assertThat(numbers(all.withText("nəqliyyatı\ngöyçay"))).as("the subject, a line break, the text")
        .containsExactly(b);
    assertThat(numbers(all.withText("ş\"ə"))).as("a quote is an ordinary character").isEmpty();
  }

  @Test
  void indexSyntaxInATermIsPlainText() throws Exception {
    String a = request("Yol təmiri", "Məktəb OR park \"NEAR\" {search}: təmir*");
    request("Məktəb", "Park");

    QueueQuery all = QueueQuery.of(Queue.ALL, "x");
    assertThat(numbers(all.withText("yol OR məktəb"))).isEmpty();
    assertThat(numbers(all.withText("təmir*"))).containsExactly(a);
    assertThat(numbers(all.withText("təmi*"))).isEmpty();
    assertThat(numbers(all.withText("\"near\""))).containsExactly(a);
    assertThat(numbers(all.withText("{search}:"))).containsExactly(a);
    assertThat(numbers(all.withText("search: yol"))).isEmpty();
    assertThat(numbers(all.withText("NEAR(yol park)"))).isEmpty();
  }

  /** The numbers of the rows whose folded search text holds {@code term}, in due order: reading every row. */
  private List<String> everyRowHolding(String term, java.util.function.Predicate<String> status) throws Exception {
    String folded = SearchText.fold(term.strip()); // as the query strips it
    List<String> out = new ArrayList<>();
    try (Connection c = inbox.store().dataSource().getConnection();
        PreparedStatement p = c.prepareStatement(
            "SELECT number, search, status FROM request_queue ORDER BY due_at, year, sequence");
        var r = p.executeQuery()) {
      while (r.next()) {
        if (r.getString(2).contains(folded) && status.test(r.getString(3))) {
          out.add(r.getString(1));
        }
      }
    }
    return out;
  }

  @Test
  void aTermInThousandsOfRequestsGetsTheSamePageAsReadingEveryRowAndACappedCount() throws Exception {
    QueueBench.fill(inbox, 7_000, clock.instant()); // the benchmark's texts: its second word is in most
    String term = QueueBench.WORDS.get(1);
    List<String> expected = everyRowHolding(term, x -> true);
    assertThat(expected).as("more hits than the SQLite index's candidates").hasSizeGreaterThan(
        az.disclose.inbox.store.JdbcRequestStore.MAX_INDEX_CANDIDATES);

    QueueQuery all = QueueQuery.of(Queue.ALL, "x");
    QueuePage first = register.queue(all.withText(term.toUpperCase(java.util.Locale.forLanguageTag("az"))));
    assertThat(first.total()).isEqualTo(QueueQuery.MAX_SEARCH_COUNT);
    assertThat(first.more()).as("more than it counts").isTrue();
    assertThat(first.pages()).isEqualTo(QueueQuery.MAX_SEARCH_COUNT / QueueQuery.PAGE_SIZE);
    assertThat(first.rows()).extracting(QueueRow::number).containsExactlyElementsOf(expected.subList(0, 50));
    QueuePage deep = register.queue(all.withText(term).withPage(30));
    assertThat(deep.rows()).as("a page past the count").extracting(QueueRow::number)
        .containsExactlyElementsOf(expected.subList(29 * 50, 30 * 50));
    assertThat(deep.pages()).isEqualTo(31);

    List<String> waiting = everyRowHolding(term, "clarification"::equals);
    QueuePage narrowed = register.queue(all.withText(term).withStatus(RequestStatus.CLARIFICATION_REQUESTED));
    assertThat(narrowed.more()).isFalse();
    assertThat(narrowed.total()).as("exact under the cap").isEqualTo(waiting.size()).isLessThan(QueueQuery.MAX_SEARCH_COUNT);
  }

  @Test
  void everyClassOfTermFindsWhatReadingEveryRowFinds() throws Exception {
    QueueBench.fill(inbox, 3_000, clock.instant());
    List<String> terms = List.of(
        QueueBench.WORDS.get(0), // the most common word, two letters
        QueueBench.WORDS.get(2) + " " + QueueBench.WORDS.get(3), // a phrase of common words
        QueueBench.WORDS.get(2) + " " + QueueBench.WORDS.get(3) + " " + QueueBench.WORDS.get(4),
        "a " + QueueBench.WORDS.get(5), // a word end and a word
        "ə " + QueueBench.WORDS.get(1) + ".", // then a whole word
        QueueBench.rareWord(), // a rare word
        ", " + QueueBench.WORDS.get(40).substring(0, 4), // a word start
        "SEN-2025-0012", "2025-0012", "-2025-", // a number and parts of one
        QueueBench.SURNAMES.get(3), "Aysel " + QueueBench.SURNAMES.get(0) + "a", // a surname, a name
        "manat. ", "manat. Hörmətlə", ", ", "ci il", "Hörmətlə, ", // punctuation between words
        "nazirlik,", "NAZİRLİYİN İLLƏR");
    QueueQuery all = QueueQuery.of(Queue.ALL, "x");
    for (String term : terms) {
      List<String> expected = everyRowHolding(term, x -> true);
      QueuePage first = register.queue(all.withText(term));
      assertThat(first.rows()).as("the first page of '%s'", term).extracting(QueueRow::number)
          .containsExactlyElementsOf(expected.subList(0, Math.min(50, expected.size())));
      assertThat(first.total()).as("the count of '%s'", term)
          .isEqualTo(Math.min(expected.size(), QueueQuery.MAX_SEARCH_COUNT));
      assertThat(first.more()).isEqualTo(expected.size() > QueueQuery.MAX_SEARCH_COUNT);
      if (expected.size() <= 200) {
        List<String> found = new ArrayList<>();
        for (int page = 1; page <= first.pages(); page++) {
          found.addAll(numbers(all.withText(term).withPage(page)));
        }
        assertThat(found).as("every hit of '%s'", term).containsExactlyElementsOf(expected);
      }
    }
  }

  @Test
  void phrasesAreFoundExactlyAsSubstringsWhateverSeparatesOrJoinsTheirWords() throws Exception {
    String a = request("Hesabat", "Maddə 5² üzrə — «İllik» hesabat, nazirliyin illər üzrə planı");
    String b = request("Hesabat", "Nazirliyin  illər üzrə planı; ab²cd efg");
    String c = request("Hesabat", "nazirliyin, illərin xüzrə planı və naziRLİYİNİLLƏR");
    String d = request("Hesabat", "Ça\u0301y nazirliyin illər\u00A0a\u0308");

    QueueQuery all = QueueQuery.of(Queue.ALL, "x");
    assertThat(numbers(all.withText("nazirliyin illər"))).as("one space only").containsExactly(a, d);
    assertThat(numbers(all.withText("nazirliyin illər üzrə planı"))).containsExactly(a);
    assertThat(numbers(all.withText("nazirliyin  illər"))).as("two spaces").containsExactly(b);
    assertThat(numbers(all.withText("nazirliyin, illər"))).as("a word start after a comma").containsExactly(c);
    assertThat(numbers(all.withText("üzrə planı"))).as("a word end, then a word").containsExactly(a, b, c);
    assertThat(numbers(all.withText("ər üzrə planı"))).as("a whole word after a word end").containsExactly(a, b);
    assertThat(numbers(all.withText("nazirliyinillər"))).as("inside one word").containsExactly(c);
    assertThat(numbers(all.withText("üzrə — «illik»"))).containsExactly(a);
    assertThat(numbers(all.withText("5² üzrə"))).as("a superscript two").containsExactly(a);
    assertThat(numbers(all.withText("; ab"))).as("a word start the tokenizer joins to more").containsExactly(b);
    assertThat(numbers(all.withText("cd efg"))).containsExactly(b);
    assertThat(numbers(all.withText("²cd ef"))).containsExactly(b);
    assertThat(numbers(all.withText("ça\u0301y"))).as("a combining accent").containsExactly(d);
    assertThat(numbers(all.withText("ä"))).as("a composed letter (NFC)").containsExactly(d);
    assertThat(numbers(all.withText("illər\u00A0ä"))).as("a no-break space").containsExactly(d);
    assertThat(numbers(all.withText("illər ä"))).isEmpty();
    assertThat(numbers(all.withText("illik hesabat"))).isEmpty();
  }

  @Test
  void termsShorterThanATrigramAreFoundByReadingEveryRow() throws Exception {
    String a = request("Gənclər şəhərciyi", "Ağacların qırılması");
    String b = request("Şəhər nəqliyyatı", "Göyçay rayonu");
    String c = request("Yol təmiri", "Zəhmət olmasa göndərin.");

    QueueQuery all = QueueQuery.of(Queue.ALL, "x");
    assertThat(numbers(all.withText("ƏH"))).containsExactlyInAnyOrder(a, b, c);
    assertThat(numbers(all.withText("ağ"))).containsExactly(a);
    assertThat(numbers(all.withText("ç"))).containsExactly(b);
    assertThat(numbers(all.withText("qx"))).isEmpty();
  }

  @Test
  void pagesHoldFiftyRowsWithTheTotal() throws Exception {
    for (int i = 0; i < 53; i++) {
      request("Sorğu " + i);
      clock.advance(Duration.ofMinutes(1));
    }
    QueuePage first = register.queue(QueueQuery.of(Queue.ALL, "x"));
    QueuePage second = register.queue(QueueQuery.of(Queue.ALL, "x").withPage(2));

    assertThat(first.rows()).hasSize(50);
    assertThat(first.total()).isEqualTo(53);
    assertThat(first.pages()).isEqualTo(2);
    assertThat(second.rows()).extracting(QueueRow::number)
        .containsExactly("SEN-2026-00051", "SEN-2026-00052", "SEN-2026-00053");
  }

  @Test
  void requestsStoredBeforeTheQueueTableAreFoundByTheirFoldedText() throws Exception {
    String n = request("İQTİSADİ göstəricilər");
    sql("UPDATE request_queue SET search = NULL WHERE number = ?", n);
    InboxSettings s = inbox.settings();
    inbox.close();
    inbox = Inbox.open(s, TestSites.CONTENT, clock);
    register = inbox.register();

    assertThat(numbers(QueueQuery.of(Queue.ALL, "x").withText("iqtisadi"))).containsExactly(n);
  }

  // ------------------------------------------------------------------ templates

  @Test
  void theDefaultTemplatesAreSeededInBothLanguagesForEveryKind() throws Exception {
    List<NoticeTemplate> all = register.listTemplates();

    for (TemplateKind kind : TemplateKind.values()) {
      for (String language : List.of("az", "en")) {
        assertThat(all).as("%s in %s", kind, language)
            .anyMatch(t -> t.kind() == kind && t.language().equals(language) && t.version() == 1
                && t.editedBy().equals("system"));
      }
    }
    assertThat(all).filteredOn(t -> t.kind() == TemplateKind.REFUSE).extracting(NoticeTemplate::ground)
        .contains("state-secret", "personal-data", "not-held");
    assertThat(register.getTemplate(TemplateKind.ACKNOWLEDGE, "", "az").body()).contains("Hörmətli {name}");
    // opening again seeds nothing twice
    InboxSettings s = inbox.settings();
    inbox.close();
    inbox = Inbox.open(s, TestSites.CONTENT, clock);
    register = inbox.register();
    assertThat(register.listTemplates()).hasSameSizeAs(all);
  }

  @Test
  void anEditIsANewVersionWithItsActorAndTimeAndTheOldOneIsKept() throws Exception {
    clock.setBaku(2026, 2, 6, 11, 30);
    NoticeTemplate saved = register.saveTemplate(TemplateKind.EXTEND, "", "en",
        "Dear {name}, {number} is now due {due}.", "officer.leyla");

    assertThat(saved.version()).isEqualTo(2);
    assertThat(register.getTemplate(TemplateKind.EXTEND, "", "en")).isEqualTo(saved);
    List<NoticeTemplate> versions = register.templateVersions(TemplateKind.EXTEND, "", "en");
    assertThat(versions).extracting(NoticeTemplate::version).containsExactly(1, 2);
    assertThat(versions.get(1).editedBy()).isEqualTo("officer.leyla");
    assertThat(versions.get(1).editedAt()).isEqualTo(clock.instant());
    assertThat(versions.get(0).body()).contains("has been extended");
    // a new refusal ground starts at version 1
    assertThat(register.saveTemplate(TemplateKind.REFUSE, "trade-secret", "az", "Kommersiya sirri: {number}.",
        "officer.leyla").version()).isEqualTo(1);
    // the database keeps every version
    assertThatThrownBy(() -> sql("UPDATE notice_templates SET body = 'x' WHERE kind = 'extend'"))
        .isInstanceOf(SQLException.class).hasMessageContaining("template versions are kept");
    assertThatThrownBy(() -> sql("DELETE FROM notice_templates WHERE kind = 'extend'"))
        .isInstanceOf(SQLException.class).hasMessageContaining("template versions are kept");
  }

  @Test
  void aBadTemplateIsRefusedWithTheReasonAndNothingIsSaved() throws Exception {
    assertThatThrownBy(() -> register.saveTemplate(TemplateKind.ANSWER, "", "az", "Salam {nmae}, {email}", "leyla"))
        .hasMessageContaining("unknown placeholders {nmae}, {email}").hasMessageContaining("{number}, {name} and {due}");
    assertThatThrownBy(() -> register.saveTemplate(TemplateKind.ANSWER, "", "az", " ", "leyla"))
        .hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> register.saveTemplate(TemplateKind.ANSWER, "", "az", "x".repeat(20_001), "leyla"))
        .hasMessageContaining("at most 20000");
    assertThatThrownBy(() -> register.saveTemplate(TemplateKind.ANSWER, "", "ru", "x", "leyla"))
        .hasMessageContaining("unknown template language 'ru'");
    assertThatThrownBy(() -> register.saveTemplate(TemplateKind.REFUSE, "Drop Table", "az", "x", "leyla"))
        .hasMessageContaining("lower-case letters, digits and dashes");
    assertThatThrownBy(() -> register.getTemplate(TemplateKind.REFUSE, "whim", "az"))
        .hasMessageContaining("no template refuse/whim/az").hasMessageContaining("not-held");
    assertThat(register.templateVersions(TemplateKind.ANSWER, "", "az")).hasSize(1);
  }

  // ------------------------------------------------------------------ refusal grounds

  @Test
  void aRefusalGroundIsAddedWithItsTemplatesRetiredAndReinstatedButNeverDeleted() throws Exception {
    String n = request("Büdcə");
    register.addRefusalGround("commercial-secret", java.util.Map.of("az", "Hörmətli {name}, kommersiya sirri.",
        "en", "Dear {name}, a commercial secret."), java.util.Map.of("az", "Kommersiya sirri", "en", "A commercial secret"), "leyla");
    assertThat(register.refusalGrounds()).extracting(g -> g.ground())
        .containsExactly("commercial-secret", "not-held", "personal-data", "published", "state-secret");
    // its names in words are what a refusal on it tells the requester
    register.refuse(request("Tender"), "leyla", "commercial-secret");
    assertThat(register.refusalGrounds()).filteredOn(g -> g.ground().equals("commercial-secret")).singleElement()
        .satisfies(g -> assertThat(g.names()).isEqualTo(java.util.Map.of("az", "Kommersiya sirri", "en",
            "A commercial secret")));
    assertThat(register.getTemplate(TemplateKind.REFUSE, "commercial-secret", "en").editedBy()).isEqualTo("leyla");
    assertThat(register.fillTemplate(TemplateKind.REFUSE, "commercial-secret", "az", n))
        .isEqualTo("Hörmətli Aysel Məmmədova, kommersiya sirri.");

    register.retireRefusalGround("commercial-secret", true, "leyla");

    assertThat(register.refusalGrounds()).filteredOn(g -> g.ground().equals("commercial-secret")).singleElement()
        .satisfies(g -> {
          assertThat(g.inUse()).isFalse();
          assertThat(g.retired().orElseThrow().actor()).isEqualTo("leyla");
        });
    assertThatThrownBy(() -> register.fillTemplate(TemplateKind.REFUSE, "commercial-secret", "az", n))
        .isInstanceOf(RequestException.class).hasMessageContaining("the refusal ground commercial-secret was retired");
    // its templates stay readable: the refusals that used them keep their meaning
    assertThat(register.templateVersions(TemplateKind.REFUSE, "commercial-secret", "az")).hasSize(1);
    assertThatThrownBy(() -> register.retireRefusalGround("commercial-secret", true, "leyla"))
        .hasMessageContaining("is retired already");

    register.retireRefusalGround("commercial-secret", false, "admin");
    assertThat(register.refusalGrounds()).filteredOn(g -> g.ground().equals("commercial-secret"))
        .singleElement().satisfies(g -> assertThat(g.inUse()).isTrue());
    assertThat(register.fillTemplate(TemplateKind.REFUSE, "commercial-secret", "en", n)).startsWith("Dear Aysel");

    assertThatThrownBy(() -> sql("DELETE FROM refusal_ground_changes"))
        .isInstanceOf(SQLException.class).hasMessageContaining("refusal ground changes are kept");
    assertThatThrownBy(() -> sql("UPDATE refusal_ground_changes SET change = 'retired'"))
        .isInstanceOf(SQLException.class).hasMessageContaining("refusal ground changes are kept");
  }

  @Test
  void aRefusalStoresTheKeyOfAGroundInUseTheGroundsNamesAndTheLetterApart() throws Exception {
    String a = request("Büdcə");
    String b = request("Tender");
    register.refuse(a, "leyla", "state-secret", "Hörmətli Aysel Məmmədova,\n\nplan məxfidir.");
    register.refuse(b, "leyla", " not-held ");

    assertThat(numbers(QueueQuery.of(Queue.ALL, "x").withRefusalGround("state-secret"))).containsExactly(a);
    assertThat(numbers(QueueQuery.of(Queue.ALL, "x").withRefusalGround("not-held"))).containsExactly(b);
    HistoryEvent e = register.get(a).history().get(register.get(a).history().size() - 1);
    assertThat(e.kind()).isEqualTo(EventKind.REFUSED);
    assertThat(e.visibleToRequester()).isTrue();
    az.disclose.inbox.model.Refusal r = az.disclose.inbox.model.Refusal.parse(e.text()).orElseThrow();
    assertThat(r.ground()).isEqualTo("state-secret");
    assertThat(r.letter()).isEqualTo("Hörmətli Aysel Məmmədova,\n\nplan məxfidir.");
    assertThat(r.name("az")).contains("Məlumat dövlət sirridir (\"İnformasiya əldə etmək haqqında\" Qanun)");
    assertThat(r.name("en")).contains("The information is a state secret (Law on the Right to Obtain Information)");
    // no letter given: the ground's template in the requester's language, filled
    assertThat(az.disclose.inbox.model.Refusal.parse(register.get(b).history().get(register.get(b).history().size() - 1)
        .text()).orElseThrow().letter()).isEqualTo("Hörmətli Aysel Məmmədova,\n\n" + b
            + " nömrəli sorğunuzda istənilən məlumat nazirlikdə yoxdur.");
  }

  @Test
  void aRefusalOnAMissingUnknownOrRetiredGroundIsRefusedWithTheGroundsInUseAndNothingIsRecorded() throws Exception {
    String n = request("Büdcə");
    assertThatThrownBy(() -> register.refuse(n, "leyla", "", "letter")).isInstanceOf(RequestException.class)
        .hasMessage("the legal ground of the refusal is missing: give one of not-held, personal-data, published,"
            + " state-secret");
    assertThatThrownBy(() -> register.refuse(n, "leyla", "art. 35.1 (state secret)", "letter"))
        .isInstanceOf(RequestException.class).hasMessageContaining("there is no refusal ground 'art. 35.1 (state secret)'")
        .hasMessageContaining("give one of not-held, personal-data, published, state-secret");
    register.retireRefusalGround("published", true, "admin");
    assertThatThrownBy(() -> register.refuse(n, "leyla", "published", "letter")).isInstanceOf(RequestException.class)
        .hasMessageContaining("the refusal ground published was retired by admin")
        .hasMessageContaining("the grounds in use are not-held, personal-data, state-secret");
    assertThat(kinds(n)).containsExactly(EventKind.REGISTERED);
    assertThat(register.get(n).status()).isEqualTo(RequestStatus.REGISTERED);
    assertThat(numbers(QueueQuery.of(Queue.ALL, "x").withRefusalGround("published"))).isEmpty();
  }

  @Test
  void aBadOrDuplicateRefusalGroundIsRefusedWithTheReasonAndNothingIsSaved() throws Exception {
    assertThatThrownBy(() -> register.addRefusalGround("State Secret", java.util.Map.of("az", "x", "en", "y"), java.util.Map.of("az", "Kommersiya sirri", "en", "A commercial secret"), "leyla"))
        .isInstanceOf(RequestException.class).hasMessageContaining("lower-case letters, digits and dashes");
    assertThatThrownBy(() -> register.addRefusalGround("state-secret", java.util.Map.of("az", "x", "en", "y"), java.util.Map.of("az", "Kommersiya sirri", "en", "A commercial secret"), "leyla"))
        .hasMessageContaining("the refusal ground state-secret exists already");
    assertThatThrownBy(() -> register.addRefusalGround("tax-secret", java.util.Map.of("az", "Salam {email}"),
        java.util.Map.of("az", "Vergi\nsirri"), "leyla"))
        .hasMessageContaining("az: unknown placeholder {email}").hasMessageContaining("en: the template text must not be empty")
        .hasMessageContaining("az: the ground's name is one line")
        .hasMessageContaining("en: the ground's name in words must not be empty");
    assertThatThrownBy(() -> register.retireRefusalGround("whim", true, "leyla"))
        .hasMessageContaining("there is no refusal ground whim");
    assertThat(register.refusalGrounds()).extracting(g -> g.ground()).doesNotContain("tax-secret", "whim")
        .contains("state-secret");
    assertThat(register.refusalGrounds()).allMatch(g -> g.inUse());
  }

  @Test
  void placeholdersAreFilledOnceWithTheRequestsValues() throws Exception {
    Submission s = new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, "{due} Əliyev $1 \\",
        "a@example.az", "Büdcə", "Mətn", "az", List.of(), new byte[] {1}, "text/plain", "192.0.2.7");
    String n = register.register(s).number();
    register.saveTemplate(TemplateKind.ACKNOWLEDGE, "", "en", "{name}: {number} due {due}; {number}.", "leyla");

    String text = register.fillTemplate(TemplateKind.ACKNOWLEDGE, "", "en", n);

    assertThat(text).isEqualTo("{due} Əliyev $1 \\: " + n + " due " + register.get(n).dueDate() + "; " + n + ".");
  }

  int sql(String statement, Object... args) throws SQLException {
    try (Connection c = inbox.store().dataSource().getConnection();
        PreparedStatement p = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      return p.executeUpdate();
    }
  }
}
