package az.disclose.report;

import az.disclose.inbox.store.ReportQueries.Numbers;
import az.disclose.inbox.store.ReportQueries.PurgedNumber;
import az.disclose.inbox.store.ReportQueries.ReportEvent;
import az.disclose.inbox.store.ReportQueries.ReportRow;
import java.util.List;
import java.util.Map;

/**
 * What the monthly report is computed from, as read from the register ({@link RegisterReader}): the
 * requests alive in the period, the extensions and clarifications in it, the purged requests
 * registered in it, and per year the numbers around the period's range.
 */
public record MonthlyInput(List<ReportRow> rows, List<ReportEvent> events, List<PurgedNumber> purged,
    Map<Integer, Numbers> numbers) {
  public MonthlyInput {
    rows = List.copyOf(rows);
    events = List.copyOf(events);
    purged = List.copyOf(purged);
    numbers = Map.copyOf(numbers);
  }
}
