package az.disclose.report;

import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.store.JdbcRequestStore;
import az.disclose.inbox.store.ReportQueries;
import az.disclose.inbox.store.ReportQueries.Numbers;
import az.disclose.inbox.store.ReportQueries.PurgedNumber;
import az.disclose.inbox.store.ReportQueries.ReportEvent;
import az.disclose.inbox.store.ReportQueries.ReportRow;
import az.disclose.inbox.StoreException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what {@link MonthlyCalculator} needs from the register, read-only, in a handful of queries. */
public final class RegisterReader {
  private final ReportQueries queries;
  private final ZoneId zone;

  public RegisterReader(JdbcRequestStore store, ZoneId zone) {
    this.queries = new ReportQueries(store);
    this.zone = zone;
  }

  public MonthlyInput read(ReportPeriod period, MonthlyCalculator calculator) throws StoreException {
    List<ReportRow> rows = queries.aliveBetween(period.start(zone), period.end(zone));
    List<ReportEvent> events = queries.eventsBetween(period.start(zone), period.end(zone),
        List.of(EventKind.EXTENDED, EventKind.CLARIFICATION_REQUESTED));
    List<PurgedNumber> purged = queries.purgedBetween(period.start(zone), period.end(zone));
    Map<Integer, Numbers> numbers = new HashMap<>();
    for (MonthlyCalculator.NumberRange range : calculator.numberRanges(period, rows, purged)) {
      numbers.put(range.year(), queries.numbers(range.year(), range.low(), range.high()));
    }
    return new MonthlyInput(rows, events, purged, numbers);
  }
}
