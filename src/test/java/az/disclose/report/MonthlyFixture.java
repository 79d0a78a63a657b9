package az.disclose.report;

import az.disclose.calendar.HolidayLoader;
import az.disclose.calendar.WorkingDays;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.store.ReportQueries.ReportRow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The fixture month, November 2026 in Baku, with a calendar whose only days off besides weekends
 * are 8–10 November (src/test/resources/report/content/data/holidays/2026.yaml). The requests and
 * what happened to them (every figure in {@link MonthlyCalculatorTest} is computed by hand from this
 * list):
 *
 * <pre>
 * number  registered        type/urgency        channel  due (in force now)  what happened
 * 00097   Oct 20 10:00      information         web      Oct 29 (end)        answered Nov 3 11:00 (late; 10 wd)
 * 00098   Oct 28 15:00      information         email    Nov 19 (end)        extended Nov 5 10:00; open
 * 00099   Oct 29 10:00      information         web      Nov 11 (end)        answered Nov 2 09:00 (in time; 2 wd)
 * 00100   Oct 30 09:00      complaint           web      Nov 24 (end)        refused Nov 12 10:00 (art. 21.2.1)
 * 00101   Nov 2 09:30       information         web      Nov 13 (end)        answered Nov 5 16:00 (in time; 3 wd)
 * 00102   Nov 2 12:00       information/24 h    email    Nov 3 12:00         answered Nov 3 11:00 (in time; 1 wd)
 * 00103   Nov 4 10:00       information/48 h    web      Nov 6 10:00         answered Nov 6 12:00 (late; 2 wd)
 * 00104   Nov 6 17:00       proposal            email    Dec 1 (end)         answered Nov 20 10:00 (in time; 8 wd)
 * 00105   Nov 11 10:00      information         web      Nov 20 (end)        forwarded Nov 13 11:00
 * 00106   Nov 12 10:00      information         email    Nov 23 (end)        clarification asked Nov 13 12:00; open
 * 00107   Nov 16 10:00      information         web      Nov 25 (end)        refused Nov 18 10:00 (Azerbaijani ground)
 * 00108   Nov 20 10:00      question            web      Dec 11 (end)        open
 * 00109   Nov 25 10:00      information         web      Dec 4 (end)         answered Dec 2 10:00 (after the month)
 * 00110   Nov 30 23:30      consultation-comment email   Dec 21 (end)        open
 * </pre>
 */
final class MonthlyFixture {
  static final ZoneId BAKU = ZoneId.of("Asia/Baku");
  static final Path CONTENT = Path.of("src/test/resources/report/content");
  /** A ground with every letter of the Azerbaijani alphabet that is not in the English one, both cases. */
  static final String AZ_GROUND = "Əsas: şəxsi həyat; ğöüçıİ — ƏĞÖÜÇŞI";

  private MonthlyFixture() {}

  static WorkingDays workingDays() throws Exception {
    return new WorkingDays(HolidayLoader.load(CONTENT.resolve("data/holidays")));
  }

  static Instant baku(int month, int day, int hour, int minute) {
    return LocalDateTime.of(2026, month, day, hour, minute).atZone(BAKU).toInstant();
  }

  static Instant endOf(int month, int day) {
    return LocalDate.of(2026, month, day).atTime(LocalTime.MAX).atZone(BAKU).toInstant();
  }

  static ReportRow row(int seq, Instant registered, RequestType type, Urgency urgency, Channel channel, Instant due,
      RequestStatus status, EventKind closedBy, Instant closedAt, String refusal) {
    return new ReportRow(String.format("SEN-2026-%05d", seq), 2026, seq, channel, type, urgency, registered, due, status,
        Optional.ofNullable(closedBy), Optional.ofNullable(closedAt), refusal == null ? "" : "refused: " + refusal);
  }
}
