package az.disclose.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import az.disclose.inbox.model.Channel;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.RegisterService;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture month (MonthlyFixture) made through the real register — registrations, answers,
 * refusals, a forward, an extension, a clarification, each at its time — and reported through the
 * real queries: the figures are the hand-computed ones of MonthlyCalculatorTest. Run on SQLite
 * ({@link SqliteReportTest}) and PostgreSQL ({@link PostgresReportIT}).
 */
abstract class RegisterReportContract {
  @TempDir Path tmp;

  abstract InboxSettings settings(Path dataDir);

  static Submission submission(RequestType type, Urgency urgency, Channel channel) {
    return new Submission(channel, type, urgency, "Aysel Məmmədova", "aysel@example.az", "Hesabat",
        "Zəhmət olmasa, hesabatı göndərin.", "az", List.of(), "raw".getBytes(StandardCharsets.UTF_8), "text/plain",
        "192.0.2.7");
  }

  /** Registers and handles the fixture month's requests; returns the open inbox. */
  static Inbox fixtureRegister(InboxSettings settings, TestClock clock) throws Exception {
    Inbox inbox = Inbox.open(settings, MonthlyFixture.CONTENT, clock);
    RegisterService r = inbox.register();
    // numbers 1-96 of 2026, registered and answered in January, so that 97 is the first of the fixture
    clock.setBaku(2026, 1, 12, 9, 0);
    for (int i = 1; i <= 96; i++) {
      String n = r.register(submission(RequestType.INFORMATION, Urgency.NORMAL, Channel.WEB)).number();
      r.answer(n, "leyla", "Cavab", List.of());
    }
    clock.setBaku(2026, 10, 20, 10, 0);
    String n97 = reg(r, RequestType.INFORMATION, Urgency.NORMAL, Channel.WEB);
    clock.setBaku(2026, 10, 28, 15, 0);
    String n98 = reg(r, RequestType.INFORMATION, Urgency.NORMAL, Channel.EMAIL);
    clock.setBaku(2026, 10, 29, 10, 0);
    String n99 = reg(r, RequestType.INFORMATION, Urgency.NORMAL, Channel.WEB);
    clock.setBaku(2026, 10, 30, 9, 0);
    String n100 = reg(r, RequestType.COMPLAINT, Urgency.NORMAL, Channel.WEB);
    clock.setBaku(2026, 11, 2, 9, 0);
    r.answer(n99, "leyla", "Cavab", List.of());
    clock.setBaku(2026, 11, 2, 9, 30);
    String n101 = reg(r, RequestType.INFORMATION, Urgency.NORMAL, Channel.WEB);
    clock.setBaku(2026, 11, 2, 12, 0);
    String n102 = reg(r, RequestType.INFORMATION, Urgency.LOSES_RELEVANCE, Channel.EMAIL);
    clock.setBaku(2026, 11, 3, 11, 0);
    r.answer(n97, "leyla", "Cavab", List.of());
    r.answer(n102, "leyla", "Cavab", List.of());
    clock.setBaku(2026, 11, 4, 10, 0);
    String n103 = reg(r, RequestType.INFORMATION, Urgency.THREAT_TO_LIFE, Channel.WEB);
    clock.setBaku(2026, 11, 5, 10, 0);
    r.extend(n98, "leyla", "əlavə yoxlama");
    clock.setBaku(2026, 11, 5, 16, 0);
    r.answer(n101, "leyla", "Cavab", List.of());
    clock.setBaku(2026, 11, 6, 12, 0);
    r.answer(n103, "leyla", "Cavab", List.of());
    clock.setBaku(2026, 11, 6, 17, 0);
    String n104 = reg(r, RequestType.PROPOSAL, Urgency.NORMAL, Channel.EMAIL);
    clock.setBaku(2026, 11, 11, 10, 0);
    String n105 = reg(r, RequestType.INFORMATION, Urgency.NORMAL, Channel.WEB);
    clock.setBaku(2026, 11, 12, 10, 0);
    r.refuse(n100, "leyla", "not-held");
    String n106 = reg(r, RequestType.INFORMATION, Urgency.NORMAL, Channel.EMAIL);
    clock.setBaku(2026, 11, 13, 11, 0);
    r.forward(n105, "leyla", "Energetika Nazirliyi");
    clock.setBaku(2026, 11, 13, 12, 0);
    r.clarify(n106, "leyla", "Hansı il?");
    clock.setBaku(2026, 11, 16, 10, 0);
    String n107 = reg(r, RequestType.INFORMATION, Urgency.NORMAL, Channel.WEB);
    clock.setBaku(2026, 11, 18, 10, 0);
    r.refuse(n107, "leyla", "personal-data", "Məlumat şəxsi həyata aiddir; ğöüçıİ — ƏĞÖÜÇŞI");
    clock.setBaku(2026, 11, 20, 10, 0);
    r.answer(n104, "leyla", "Cavab", List.of());
    reg(r, RequestType.QUESTION, Urgency.NORMAL, Channel.WEB);
    clock.setBaku(2026, 11, 25, 10, 0);
    String n109 = reg(r, RequestType.INFORMATION, Urgency.NORMAL, Channel.WEB);
    clock.setBaku(2026, 11, 30, 23, 30);
    reg(r, RequestType.CONSULTATION_COMMENT, Urgency.NORMAL, Channel.EMAIL);
    clock.setBaku(2026, 12, 1, 0, 10);
    reg(r, RequestType.INFORMATION, Urgency.NORMAL, Channel.WEB);
    clock.setBaku(2026, 12, 2, 10, 0);
    r.answer(n109, "leyla", "Cavab", List.of());
    assertThat(n97).isEqualTo("SEN-2026-00097");
    assertThat(n109).isEqualTo("SEN-2026-00109");
    clock.setBaku(2026, 12, 3, 9, 0);
    return inbox;
  }

  private static String reg(RegisterService r, RequestType type, Urgency urgency, Channel channel) throws Exception {
    return r.register(submission(type, urgency, channel)).number();
  }

  @Test
  void theReportOfTheFixtureMonthFromTheRegisterHasTheHandComputedFigures() throws Exception {
    InboxSettings settings = settings(tmp.resolve("data"));
    TestClock clock = TestClock.baku(2026, 1, 1, 0, 0);
    try (Inbox inbox = fixtureRegister(settings, clock)) {
      MonthlyCalculator calculator = new MonthlyCalculator(settings.zone(), inbox.register().workingDays(),
          settings.deadlineRules(), settings.numberPrefix());
      ReportPeriod november = ReportPeriod.month(YearMonth.of(2026, 11));
      MonthlyReport fromRegister = calculator.compute(november,
          new RegisterReader(inbox.store(), settings.zone()).read(november, calculator), clock.instant());
      // the register records the refusals' ground keys: the hand-built rows of 00100 and 00107 with those keys
      List<az.disclose.inbox.store.ReportQueries.ReportRow> rows = new java.util.ArrayList<>(MonthlyCalculatorTest.rows());
      rows.replaceAll(x -> x.sequence() == 100 || x.sequence() == 107
          ? new az.disclose.inbox.store.ReportQueries.ReportRow(x.number(), x.year(), x.sequence(), x.channel(),
              x.type(), x.urgency(), x.registeredAt(), x.dueAt(), x.status(), x.closedBy(), x.closedAt(),
              "refused: " + (x.sequence() == 100 ? "not-held" : "personal-data"))
          : x);
      MonthlyReport byHand = calculator.compute(november, new MonthlyInput(rows,
          MonthlyCalculatorTest.events(), List.of(), java.util.Map.of(2026, MonthlyCalculatorTest.numbers(96, 110))),
          clock.instant());
      // every figure, the due dates the register computed included, equals the hand-built fixture's
      // (the register's refusals also carry their grounds' names, which the hand-built rows leave out)
      assertThat(fromRegister).usingRecursiveComparison().ignoringFields("refusalGrounds.names").isEqualTo(byHand);
      assertThat(fromRegister.refusalGrounds()).extracting(g -> g.label("az"), g -> g.label("en")).containsExactly(
          tuple("Məlumat nazirlikdə yoxdur (not-held)", "The ministry does not hold the information (not-held)"),
          tuple("Məlumat şəxsi məlumatdır, sahibinin razılığı yoxdur (personal-data)",
              "The information is personal data, without the consent of the person concerned (personal-data)"));
      assertThat(fromRegister.reconciliation()).isEqualTo(new MonthlyReport.Reconciliation(10, 6, 2, 1, 0, 4, 5));
      assertThat(fromRegister.integrity().get(0).complete()).isTrue();
      assertThat(fromRegister.integrity().get(0).firstNumber()).isEqualTo("SEN-2026-00101");
    }
  }

  @Test
  void unitsWithdrawalAndAReopenedRequestAreCountedFromTheRegister() throws Exception {
    InboxSettings settings = settings(tmp.resolve("data"));
    TestClock clock = TestClock.baku(2026, 1, 1, 0, 0);
    try (Inbox inbox = fixtureRegister(settings, clock)) {
      RegisterService r = inbox.register();
      r.useUnits(java.util.Set.of("huquq", "kadrlar"));
      // December 3 (after the fixture month): units assigned, 110 withdrawn, 109 reopened, assigned and answered again
      r.assign("SEN-2026-00098", "kadrlar", "leyla");
      r.assign("SEN-2026-00108", "huquq", "leyla");
      r.assign("SEN-2026-00110", "huquq", "leyla");
      r.assign("SEN-2026-00111", "kadrlar", "leyla");
      clock.setBaku(2026, 12, 3, 10, 0);
      r.withdraw("SEN-2026-00110", "leyla", "e-mail of 3 December");
      clock.setBaku(2026, 12, 3, 11, 0);
      r.reopen("SEN-2026-00109", "leyla", az.disclose.inbox.model.ReopenGround.APPEAL_UPHELD, "head's decision");
      r.assign("SEN-2026-00109", "huquq", "leyla");
      clock.setBaku(2026, 12, 4, 10, 0);
      r.answer("SEN-2026-00109", "leyla", "Yeni cavab", List.of());
      clock.setBaku(2026, 12, 4, 12, 0);

      MonthlyCalculator calculator = new MonthlyCalculator(settings.zone(), r.workingDays(), settings.deadlineRules(),
          settings.numberPrefix());
      ReportPeriod december = ReportPeriod.month(YearMonth.of(2026, 12));
      MonthlyReport report = calculator.compute(december,
          new RegisterReader(inbox.store(), settings.zone()).read(december, calculator), clock.instant());

      // open on 1 December: 98, 106, 108, 109, 110; received: 111; answered: 109 once (its latest answer,
      // 4 December, within the period of the reopening); withdrawn: 110; open now: 98, 106, 108, 111
      assertThat(report.reconciliation()).isEqualTo(new MonthlyReport.Reconciliation(1, 1, 0, 0, 1, 5, 4));
      assertThat(report.reconciliation().holds()).isTrue();
      assertThat(report.answeredTotal().inTime()).isEqualTo(1);
      assertThat(report.unitsAssigned()).isTrue();
      // huquq: 109 answered in time (108 open, not overdue; 110 withdrawn); kadrlar: 111 received, 98 overdue;
      // no unit: 106 overdue
      assertThat(report.units()).containsExactly(new MonthlyReport.UnitLine("huquq", 0, 1, 0, 0),
          new MonthlyReport.UnitLine("kadrlar", 1, 0, 0, 1), new MonthlyReport.UnitLine("", 0, 0, 0, 1));
    }
  }

  @Test
  void aNumberDeletedBehindTheRegistersBackIsReportedMissing() throws Exception {
    InboxSettings settings = settings(tmp.resolve("data"));
    TestClock clock = TestClock.baku(2026, 1, 1, 0, 0);
    try (Inbox inbox = fixtureRegister(settings, clock)) {
      // what the integrity line is for: a row removed outside the program (not by purge), by someone
      // who can first remove the database's own guards (the tables' owner, or whoever can write the
      // SQLite file: docs/register.md, "What the database refuses")
      try (var c = inbox.store().dataSource().getConnection(); var s = c.createStatement()) {
        if (inbox.store().dialect() == az.disclose.inbox.store.JdbcRequestStore.Dialect.SQLITE) {
          for (String guard : List.of("requests_deleted_only_by_purge", "history_deleted_only_by_purge")) {
            s.executeUpdate("DROP TRIGGER " + guard);
          }
        } else {
          s.execute("SET session_replication_role = replica"); // a superuser's session: no triggers fire
        }
        s.executeUpdate("DELETE FROM history WHERE request_number = 'SEN-2026-00105'");
        s.executeUpdate("DELETE FROM request_queue WHERE number = 'SEN-2026-00105'");
        s.executeUpdate("DELETE FROM requests WHERE number = 'SEN-2026-00105'");
      }
      MonthlyCalculator calculator = new MonthlyCalculator(settings.zone(), inbox.register().workingDays(),
          settings.deadlineRules(), settings.numberPrefix());
      ReportPeriod november = ReportPeriod.month(YearMonth.of(2026, 11));
      MonthlyReport r = calculator.compute(november,
          new RegisterReader(inbox.store(), settings.zone()).read(november, calculator), clock.instant());
      assertThat(r.integrity().get(0).missing()).containsExactly("SEN-2026-00105");
      assertThat(r.integrity().get(0).count()).isEqualTo(9);
    }
  }
}
