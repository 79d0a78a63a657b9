package az.disclose.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One listed date of a holiday file. Despite the name it may also be a {@link
 * HolidayKind#WORKING_DAY}: a weekend day that is a working day.
 *
 * @param name the name in Azerbaijani, as in the file
 */
public record Holiday(LocalDate date, String name, HolidayKind kind) {
  public Holiday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  public boolean nonWorking() {
    return kind.nonWorking();
  }

  /** "name (kind)", e.g. {@code Novruz bayramı (novruz)}: the reason a day was skipped. */
  public String describe() {
    return name + " (" + kind.yamlName() + ")";
  }
}
