package az.disclose.report;

import static az.disclose.inbox.model.Channel.WEB;
import static az.disclose.inbox.model.EventKind.ANSWERED;
import static az.disclose.inbox.model.EventKind.WITHDRAWN;
import static az.disclose.inbox.model.RequestType.INFORMATION;
import static az.disclose.inbox.model.Urgency.NORMAL;
import static az.disclose.report.MonthlyFixture.BAKU;
import static az.disclose.report.MonthlyFixture.baku;
import static az.disclose.report.MonthlyFixture.endOf;
import static az.disclose.report.MonthlyFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.calendar.DeadlineRules;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.store.ReportQueries.ReportRow;
import az.disclose.report.MonthlyReport.UnitLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-unit figures, withdrawals and reopened requests on the fixture month (MonthlyFixture) with
 * units assigned and three more requests; every figure computed by hand below.
 *
 * <pre>
 * unit     requests (see MonthlyFixture)           received  in time  late  overdue at the end
 * huquq    97, 99, 101, 108, 111                   3         2        1     0
 *            101, 108, 111 registered in November; 99, 101 answered in time, 97 late; 108 due 11 Dec
 * kadrlar  98, 103, 106, 112                       3         1        1     2
 *            103, 106, 112 registered in November; 112 answered in time (its latest answer), 103 late;
 *            98 (due 19 Nov) and 106 (due 23 Nov) open on 1 December
 * none     100, 102, 104, 105, 107, 109, 110       6         2        0     0
 *            102, 104, 105, 107, 109, 110 registered in November; 102, 104 answered in time
 * 111: registered 23 Nov, withdrawn 24 Nov. 112: registered 24 Nov, answered 25 Nov, reopened 26 Nov
 * (new period, due 7 Dec), answered again 27 Nov: two rows from the register, counted once.
 * </pre>
 */
class MonthlyUnitsTest {
  MonthlyCalculator calculator;

  @BeforeEach
  void setUp() throws Exception {
    calculator = new MonthlyCalculator(BAKU, MonthlyFixture.workingDays(), DeadlineRules.defaults(), "SEN");
  }

  static final Map<Integer, String> UNITS = Map.of(97, "huquq", 99, "huquq", 101, "huquq", 108, "huquq",
      111, "huquq", 98, "kadrlar", 103, "kadrlar", 106, "kadrlar", 112, "kadrlar");

  static List<ReportRow> rows() {
    List<ReportRow> rows = new ArrayList<>(MonthlyCalculatorTest.rows());
    rows.add(row(111, baku(11, 23, 10, 0), INFORMATION, NORMAL, WEB, endOf(12, 2), RequestStatus.WITHDRAWN, WITHDRAWN,
        baku(11, 24, 10, 0), null));
    rows.add(row(112, baku(11, 24, 10, 0), INFORMATION, NORMAL, WEB, endOf(12, 7), RequestStatus.ANSWERED, ANSWERED,
        baku(11, 25, 10, 0), null));
    rows.add(row(112, baku(11, 24, 10, 0), INFORMATION, NORMAL, WEB, endOf(12, 7), RequestStatus.ANSWERED, ANSWERED,
        baku(11, 27, 10, 0), null));
    rows.replaceAll(r -> r.withUnit(UNITS.getOrDefault(r.sequence(), "")));
    return rows;
  }

  MonthlyReport november(List<ReportRow> rows) {
    return calculator.compute(MonthlyCalculatorTest.NOVEMBER, new MonthlyInput(rows, MonthlyCalculatorTest.events(),
        List.of(), Map.of(2026, MonthlyCalculatorTest.numbers(96, 112))), baku(12, 3, 9, 0));
  }

  @Test
  void eachUnitHasItsReceivedAnsweredInTimeLateAndOverdue() {
    MonthlyReport r = november(rows());

    assertThat(r.unitsAssigned()).isTrue();
    assertThat(r.units()).containsExactly(new UnitLine("huquq", 3, 2, 1, 0), new UnitLine("kadrlar", 3, 1, 1, 2),
        new UnitLine("", 6, 2, 0, 0));
    // the units' lines add up to the month's totals
    assertThat(r.units().stream().mapToInt(UnitLine::received).sum()).isEqualTo(r.receivedTotal().total());
    assertThat(r.units().stream().mapToInt(u -> u.inTime() + u.late()).sum()).isEqualTo(r.answeredTotal().total());
    assertThat(r.units().stream().mapToInt(UnitLine::overdue).sum()).isEqualTo(r.openAtEnd().overdue());
  }

  @Test
  void withdrawnCountsInTheReconciliationAndAReopenedRequestOnceByItsLatestAnswer() {
    // 12 received = 7 answered + 2 refused + 1 forwarded + 1 withdrawn + (5 open at the end - 4 at the start)
    MonthlyReport r = november(rows());

    assertThat(r.reconciliation()).isEqualTo(new MonthlyReport.Reconciliation(12, 7, 2, 1, 1, 4, 5));
    assertThat(r.reconciliation().holds()).isTrue();
    assertThat(r.speed().answers()).isEqualTo(7);
  }

  @Test
  void aReopenedRequestOpenNowCountsAsOpenNotAsAnswered() {
    List<ReportRow> rows = new ArrayList<>(MonthlyCalculatorTest.rows());
    // 113: registered 24 Nov, answered 25 Nov, reopened 26 Nov and open since (due 7 Dec)
    rows.add(row(113, baku(11, 24, 10, 0), INFORMATION, NORMAL, WEB, endOf(12, 7), RequestStatus.REGISTERED, ANSWERED,
        baku(11, 25, 10, 0), null));
    rows.add(row(113, baku(11, 24, 10, 0), INFORMATION, NORMAL, WEB, endOf(12, 7), RequestStatus.REGISTERED, null,
        null, null));

    MonthlyReport r = november(rows);

    assertThat(r.reconciliation()).isEqualTo(new MonthlyReport.Reconciliation(11, 6, 2, 1, 0, 4, 6));
    assertThat(r.reconciliation().holds()).isTrue();
    assertThat(r.unitsAssigned()).isFalse();
    assertThat(r.units()).isEmpty();
  }
}
