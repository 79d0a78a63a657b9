package az.disclose.report;

import static az.disclose.inbox.model.Channel.EMAIL;
import static az.disclose.inbox.model.Channel.WEB;
import static az.disclose.inbox.model.EventKind.ANSWERED;
import static az.disclose.inbox.model.EventKind.FORWARDED;
import static az.disclose.inbox.model.EventKind.REFUSED;
import static az.disclose.inbox.model.RequestStatus.CLARIFICATION_REQUESTED;
import static az.disclose.inbox.model.RequestStatus.EXTENDED;
import static az.disclose.inbox.model.RequestStatus.REGISTERED;
import static az.disclose.inbox.model.RequestType.COMPLAINT;
import static az.disclose.inbox.model.RequestType.CONSULTATION_COMMENT;
import static az.disclose.inbox.model.RequestType.INFORMATION;
import static az.disclose.inbox.model.RequestType.PROPOSAL;
import static az.disclose.inbox.model.RequestType.QUESTION;
import static az.disclose.inbox.model.Urgency.LOSES_RELEVANCE;
import static az.disclose.inbox.model.Urgency.NORMAL;
import static az.disclose.inbox.model.Urgency.THREAT_TO_LIFE;
import static az.disclose.report.MonthlyFixture.AZ_GROUND;
import static az.disclose.report.MonthlyFixture.BAKU;
import static az.disclose.report.MonthlyFixture.baku;
import static az.disclose.report.MonthlyFixture.endOf;
import static az.disclose.report.MonthlyFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.calendar.DeadlineRules;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.store.ReportQueries.Numbers;
import az.disclose.inbox.store.ReportQueries.PurgedNumber;
import az.disclose.inbox.store.ReportQueries.ReportEvent;
import az.disclose.inbox.store.ReportQueries.ReportRow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonthlyCalculatorTest {
  static final ReportPeriod NOVEMBER = ReportPeriod.month(YearMonth.of(2026, 11));

  MonthlyCalculator calculator;

  @BeforeEach
  void setUp() throws Exception {
    calculator = new MonthlyCalculator(BAKU, MonthlyFixture.workingDays(), DeadlineRules.defaults(), "SEN");
  }

  /** The rows of the fixture month (MonthlyFixture), as the register query returns them. */
  static List<ReportRow> rows() {
    return List.of(
        row(97, baku(10, 20, 10, 0), INFORMATION, NORMAL, WEB, endOf(10, 29), RequestStatus.ANSWERED, ANSWERED,
            baku(11, 3, 11, 0), null),
        row(98, baku(10, 28, 15, 0), INFORMATION, NORMAL, EMAIL, endOf(11, 19), EXTENDED, null, null, null),
        row(99, baku(10, 29, 10, 0), INFORMATION, NORMAL, WEB, endOf(11, 11), RequestStatus.ANSWERED, ANSWERED,
            baku(11, 2, 9, 0), null),
        row(100, baku(10, 30, 9, 0), COMPLAINT, NORMAL, WEB, endOf(11, 24), RequestStatus.REFUSED, REFUSED,
            baku(11, 12, 10, 0), "art. 21.2.1"),
        row(101, baku(11, 2, 9, 30), INFORMATION, NORMAL, WEB, endOf(11, 13), RequestStatus.ANSWERED, ANSWERED,
            baku(11, 5, 16, 0), null),
        row(102, baku(11, 2, 12, 0), INFORMATION, LOSES_RELEVANCE, EMAIL, baku(11, 3, 12, 0), RequestStatus.ANSWERED,
            ANSWERED, baku(11, 3, 11, 0), null),
        row(103, baku(11, 4, 10, 0), INFORMATION, THREAT_TO_LIFE, WEB, baku(11, 6, 10, 0), RequestStatus.ANSWERED,
            ANSWERED, baku(11, 6, 12, 0), null),
        row(104, baku(11, 6, 17, 0), PROPOSAL, NORMAL, EMAIL, endOf(12, 1), RequestStatus.ANSWERED, ANSWERED,
            baku(11, 20, 10, 0), null),
        row(105, baku(11, 11, 10, 0), INFORMATION, NORMAL, WEB, endOf(11, 20), RequestStatus.FORWARDED, FORWARDED,
            baku(11, 13, 11, 0), null),
        row(106, baku(11, 12, 10, 0), INFORMATION, NORMAL, EMAIL, endOf(11, 23), CLARIFICATION_REQUESTED, null, null,
            null),
        row(107, baku(11, 16, 10, 0), INFORMATION, NORMAL, WEB, endOf(11, 25), RequestStatus.REFUSED, REFUSED,
            baku(11, 18, 10, 0), AZ_GROUND),
        row(108, baku(11, 20, 10, 0), QUESTION, NORMAL, WEB, endOf(12, 11), REGISTERED, null, null, null),
        row(109, baku(11, 25, 10, 0), INFORMATION, NORMAL, WEB, endOf(12, 4), RequestStatus.ANSWERED, ANSWERED,
            baku(12, 2, 10, 0), null),
        row(110, baku(11, 30, 23, 30), CONSULTATION_COMMENT, NORMAL, EMAIL, endOf(12, 21), REGISTERED, null, null,
            null));
  }

  static List<ReportEvent> events() {
    return List.of(new ReportEvent("SEN-2026-00098", EventKind.EXTENDED, baku(11, 5, 10, 0)),
        new ReportEvent("SEN-2026-00106", EventKind.CLARIFICATION_REQUESTED, baku(11, 13, 12, 0)));
  }

  static Numbers numbers(int low, int high, int... absent) {
    TreeSet<Integer> present = IntStream.rangeClosed(low, high).boxed().collect(Collectors.toCollection(TreeSet::new));
    for (int a : absent) {
      present.remove(a);
    }
    return new Numbers(2026, present, new TreeSet<>());
  }

  MonthlyReport november(List<ReportRow> rows, Map<Integer, Numbers> numbers, List<PurgedNumber> purged) {
    return calculator.compute(NOVEMBER, new MonthlyInput(rows, events(), purged, numbers), baku(12, 3, 9, 0));
  }

  MonthlyReport november() {
    return november(rows(), Map.of(2026, numbers(100, 110)), List.of());
  }

  @Test
  void countsTheRequestsReceivedInTheMonthByTypeAndChannel() {
    MonthlyReport r = november();
    assertThat(r.received()).extracting(MonthlyReport.TypeLine::key, MonthlyReport.TypeLine::web,
        MonthlyReport.TypeLine::email).containsExactly(
            org.assertj.core.groups.Tuple.tuple("information", 5, 2),
            org.assertj.core.groups.Tuple.tuple("proposal", 0, 1),
            org.assertj.core.groups.Tuple.tuple("complaint", 0, 0),
            org.assertj.core.groups.Tuple.tuple("question", 1, 0),
            org.assertj.core.groups.Tuple.tuple("consultation-comment", 0, 1));
    assertThat(r.receivedTotal().web()).isEqualTo(6);
    assertThat(r.receivedTotal().email()).isEqualTo(4);
    assertThat(r.receivedTotal().total()).isEqualTo(10);
  }

  @Test
  void countsAnswersInTimeAndLateByDeadlineClass() {
    MonthlyReport r = november();
    assertThat(r.answered()).extracting(MonthlyReport.ClassLine::key, MonthlyReport.ClassLine::inTime,
        MonthlyReport.ClassLine::late).containsExactly(
            org.assertj.core.groups.Tuple.tuple("info-request", 2, 1),
            org.assertj.core.groups.Tuple.tuple("loses-relevance", 1, 0),
            org.assertj.core.groups.Tuple.tuple("threat-to-life", 0, 1),
            org.assertj.core.groups.Tuple.tuple("appeal", 1, 0));
    assertThat(r.answered().get(0).periodAz()).isEqualTo("7 iş günü");
    assertThat(r.answered().get(1).periodEn()).isEqualTo("24 hours");
    assertThat(r.answeredTotal().inTime()).isEqualTo(4);
    assertThat(r.answeredTotal().late()).isEqualTo(2);
  }

  @Test
  void describesTheOpenRequestsAtTheStartAndTheEndWithTheOldest() {
    MonthlyReport r = november();
    assertThat(r.openAtStart().at()).isEqualTo(baku(11, 1, 0, 0));
    assertThat(r.openAtStart().inTime()).isEqualTo(3);
    assertThat(r.openAtStart().overdue()).isEqualTo(1);
    assertThat(r.openAtStart().oldestNumber()).isEqualTo("SEN-2026-00097");
    assertThat(r.openAtStart().oldestRegistered()).isEqualTo(LocalDate.of(2026, 10, 20));
    assertThat(r.openAtEnd().at()).isEqualTo(baku(12, 1, 0, 0));
    assertThat(r.openAtEnd().inTime()).isEqualTo(3);
    assertThat(r.openAtEnd().overdue()).isEqualTo(2);
    assertThat(r.openAtEnd().oldestNumber()).isEqualTo("SEN-2026-00098");
    assertThat(r.partial()).isFalse();
  }

  @Test
  void countsExtensionsForwardsClarificationsAndRefusalsByGround() {
    MonthlyReport r = november();
    assertThat(r.extensions()).isEqualTo(1);
    assertThat(r.clarifications()).isEqualTo(1);
    assertThat(r.forwarded()).isEqualTo(1);
    assertThat(r.refused()).isEqualTo(2);
    assertThat(r.refusalGrounds()).extracting(MonthlyReport.GroundLine::ground)
        .containsExactlyInAnyOrder("art. 21.2.1", AZ_GROUND);
  }

  @Test
  void medianAndNinetiethPercentileOfWorkingDaysToAnswerSkipTheNovemberHolidays() {
    // working days to answer: 10, 2, 3, 1, 2, 8 -> sorted 1 2 2 3 8 10; nearest rank: 3rd and 6th
    MonthlyReport r = november();
    assertThat(r.speed().answers()).isEqualTo(6);
    assertThat(r.speed().median()).isEqualTo(2);
    assertThat(r.speed().p90()).isEqualTo(10);
  }

  @Test
  void theTotalsReconcileOnTheFixtureMonth() {
    // 10 received = 6 answered + 2 refused + 1 forwarded + 0 withdrawn + (5 open at the end - 4 at the start)
    MonthlyReport.Reconciliation c = november().reconciliation();
    assertThat(c).isEqualTo(new MonthlyReport.Reconciliation(10, 6, 2, 1, 0, 4, 5));
    assertThat(c.changeInOpen()).isEqualTo(1);
    assertThat(c.holds()).isTrue();
  }

  @Test
  void theReconciliationFailsWhenAClosingIsMissedFromTheCounts() {
    // the identity is checked, not assumed: one answer fewer and it no longer holds
    assertThat(new MonthlyReport.Reconciliation(10, 5, 2, 1, 0, 4, 5).holds()).isFalse();
  }

  @Test
  void theIntegrityLineNamesTheRangeAndFindsNoneMissing() {
    List<MonthlyReport.Integrity> integrity = november().integrity();
    assertThat(integrity).hasSize(1);
    MonthlyReport.Integrity i = integrity.get(0);
    assertThat(i.firstNumber()).isEqualTo("SEN-2026-00101");
    assertThat(i.lastNumber()).isEqualTo("SEN-2026-00110");
    assertThat(i.count()).isEqualTo(10);
    assertThat(i.complete()).isTrue();
    assertThat(i.elsewhere()).isEmpty();
  }

  @Test
  void aNumberAbsentFromTheRegisterIsListedAsMissing() {
    List<ReportRow> rows = new ArrayList<>(rows());
    rows.removeIf(r -> r.sequence() == 105);
    MonthlyReport.Integrity i = november(rows, Map.of(2026, numbers(100, 110, 105)), List.of()).integrity().get(0);
    assertThat(i.count()).isEqualTo(9);
    assertThat(i.complete()).isFalse();
    assertThat(i.missing()).containsExactly("SEN-2026-00105");
  }

  @Test
  void aGapJustBeforeTheMonthsFirstNumberIsMissingToo() {
    MonthlyReport.Integrity i = november(rows(), Map.of(2026, numbers(100, 110, 100)), List.of()).integrity().get(0);
    assertThat(i.missing()).containsExactly("SEN-2026-00100");
  }

  @Test
  void aPurgedNumberIsAccountedForNotMissing() {
    List<ReportRow> rows = new ArrayList<>(rows());
    rows.removeIf(r -> r.sequence() == 105);
    TreeSet<Integer> present = numbers(100, 110, 105).present();
    Numbers numbers = new Numbers(2026, present, new TreeSet<>(List.of(105)));
    MonthlyReport.Integrity i = november(rows, Map.of(2026, numbers),
        List.of(new PurgedNumber(2026, 105, baku(11, 11, 10, 0)))).integrity().get(0);
    assertThat(i.count()).isEqualTo(10);
    assertThat(i.purged()).isEqualTo(1);
    assertThat(i.complete()).isTrue();
  }

  @Test
  void aPeriodNotOverYetDescribesTheOpenRequestsAsOfNow() {
    MonthlyReport r = calculator.compute(NOVEMBER,
        new MonthlyInput(rows(), events(), List.of(), Map.of(2026, numbers(100, 110))), baku(11, 21, 0, 0));
    assertThat(r.partial()).isTrue();
    assertThat(r.asOf()).isEqualTo(baku(11, 21, 0, 0));
    // as of 21 November 00:00 98 (due Nov 19) is overdue, 106 (due Nov 23) is not yet
    assertThat(r.openAtEnd().overdue()).isEqualTo(1);
  }

  @Test
  void anyPeriodCanBeReported() {
    ReportPeriod firstWeek = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 7));
    MonthlyReport r = calculator.compute(firstWeek,
        new MonthlyInput(rows(), events(), List.of(), Map.of(2026, numbers(100, 104))), baku(12, 3, 9, 0));
    // received 101-104; answered 97, 99, 101, 102, 103; open at the start 97-100, at the end (Nov 8) 98, 100, 104
    assertThat(r.receivedTotal().total()).isEqualTo(4);
    assertThat(r.answeredTotal().total()).isEqualTo(5);
    assertThat(r.openAtStart().total()).isEqualTo(4);
    assertThat(r.openAtEnd().total()).isEqualTo(3);
    assertThat(r.reconciliation().holds()).isTrue();
    assertThat(r.extensions()).isEqualTo(1);
    assertThat(r.clarifications()).isZero();
  }

  @Test
  void aMonthWithNoRequestAtAllReconcilesAtZeroAndHasNoNumbering() {
    MonthlyReport r = calculator.compute(NOVEMBER, new MonthlyInput(List.of(), List.of(), List.of(), Map.of()),
        baku(12, 3, 9, 0));
    assertThat(r.reconciliation()).isEqualTo(new MonthlyReport.Reconciliation(0, 0, 0, 0, 0, 0, 0));
    assertThat(r.reconciliation().holds()).isTrue();
    assertThat(r.integrity()).isEmpty();
    assertThat(r.speed().answers()).isZero();
    assertThat(r.openAtEnd().hasOldest()).isFalse();
  }

  @Test
  void aPeriodLongerThanTheLimitIsRefused() {
    LocalDate first = LocalDate.of(2016, 1, 1);
    assertThat(new ReportPeriod(first, first.plusDays(ReportPeriod.MAX_DAYS)).last()).isEqualTo(first.plusDays(3_660));
    assertThatThrownBy(() -> new ReportPeriod(first, first.plusDays(ReportPeriod.MAX_DAYS + 1)))
        .hasMessageContaining("longer than 3660 days");
  }

  @Test
  void aPeriodEndingBeforeItStartsIsRefusedWithBothDates() {
    assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 1)))
        .hasMessageContaining("2026-11-01").hasMessageContaining("2026-11-30");
    assertThatThrownBy(() -> ReportPeriod.parseMonth("11/2026", "--month"))
        .hasMessageContaining("--month").hasMessageContaining("YYYY-MM").hasMessageContaining("11/2026");
  }
}
