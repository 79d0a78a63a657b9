package az.disclose.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of counting working days: the date reached and what the count could not rely on
 * (years without holiday data were counted with weekends only).
 */
public record WorkingDayResult(LocalDate date, List<CalendarWarning> warnings) {
  public WorkingDayResult {
    Objects.requireNonNull(date, "date");
    warnings = List.copyOf(warnings);
  }

  /** The warnings in English, e.g. {@code no holiday data for 2027: counted weekends only; ...}. */
  public List<String> messages() {
    return messages(Locale.ENGLISH);
  }

  public List<String> messages(Locale locale) {
    return warnings.stream().map(w -> w.text(locale)).toList();
  }

  public boolean hasWarnings() {
    return !warnings.isEmpty();
  }
}
