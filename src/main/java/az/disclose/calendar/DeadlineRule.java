package az.disclose.calendar;

import java.util.Objects;

/**
 * A statutory period as data: {@code amount} working days or hours, with the article it comes from.
 *
 * @param id a stable identifier, e.g. {@code info-request}
 * @param legalBasis the law and article, and whether the figure is verified
 */
public record DeadlineRule(String id, int amount, Unit unit, String legalBasis) {
  public enum Unit {
    /**
     * Working days, counted from the first working day after the registration day (Law on the right
     * to obtain information, art. 24.5); due at the end of the last one.
     */
    WORKING_DAYS,
    /** Plain elapsed hours from the registration instant, weekends and holidays included. */
    HOURS
  }

  public DeadlineRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(legalBasis, "legalBasis");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a deadline rule needs an id");
    }
    if (amount < 1) {
      throw new IllegalArgumentException("rule " + id + ": amount must be at least 1, not " + amount);
    }
  }

  /** {@code 7 iş günü} / {@code 7 working days}, {@code 24 saat} / {@code 24 hours}. */
  String periodText(boolean azerbaijani) {
    if (unit == Unit.WORKING_DAYS) {
      return amount + (azerbaijani ? " iş günü" : amount == 1 ? " working day" : " working days");
    }
    return amount + (azerbaijani ? " saat" : amount == 1 ? " hour" : " hours");
  }
}
