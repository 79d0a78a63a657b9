package az.disclose.content;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The request statistics the inbox publishes ({@code data/request-statistics.yaml}, written by
 * {@code disclose requests statistics --write} and by {@code disclose serve}): aggregate counts of
 * the request register by year and month of registration (Baku time), as of {@code asOf}. Counts
 * only; no request or requester is identified.
 *
 * @param years oldest first
 * @param months oldest first
 */
public record RequestStatistics(LocalDate asOf, List<Year> years, List<Month> months) {
  public RequestStatistics {
    years = List.copyOf(years);
    months = List.copyOf(months);
  }

  /**
   * The counts of one period; {@code received = answered + refused + forwarded + open}.
   *
   * @param answeredOnTime answered no later than the due date (an extended period's new date)
   * @param open still waiting for an answer
   * @param openOverdue open and past the due date as of the statistics' date
   * @param medianWorkingDays the median working days from registration to the answer; empty when
   *     nothing was answered
   */
  public record Counts(int received, int receivedWeb, int receivedEmail, int answered, int answeredOnTime,
      int answeredLate, int refused, int forwarded, int open, int openOverdue, Optional<BigDecimal> medianWorkingDays) {

    /** The share of answers given on time, rounded, in percent; 0 when nothing was answered. */
    public int percentOnTime() {
      return answered == 0 ? 0 : (int) Math.round(answeredOnTime * 100.0 / answered);
    }
  }

  public record Year(int year, Counts counts) {}

  public record Month(YearMonth month, Counts counts) {}
}
