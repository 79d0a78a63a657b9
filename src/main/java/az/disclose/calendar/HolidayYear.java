package az.disclose.calendar;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The contents of one {@code <year>.yaml}. */
public record HolidayYear(int year, List<String> sources, List<Holiday> days, Path file) {
  public HolidayYear {
    sources = List.copyOf(sources);
    days = List.copyOf(days);
    Objects.requireNonNull(file, "file");
    for (Holiday day : days) {
      if (day.date().getYear() != year) {
        throw new IllegalArgumentException(day.date() + " is not in " + year);
      }
    }
  }
}
