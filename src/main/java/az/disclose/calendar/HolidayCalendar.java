package az.disclose.calendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The listed days of every year that has a holiday file. Immutable; reload the files and build a
 * new calendar when they change.
 */
public final class HolidayCalendar {
  /** Where the holiday files live in the content repository. */
  public static final Path DEFAULT_DIRECTORY = Path.of("content", "data", "holidays");

  private final Path directory;
  private final SortedMap<Integer, HolidayYear> years;
  private final Map<LocalDate, Holiday> days;

  private HolidayCalendar(Path directory, SortedMap<Integer, HolidayYear> years, Map<LocalDate, Holiday> days) {
    this.directory = directory;
    this.years = Collections.unmodifiableSortedMap(years);
    this.days = Collections.unmodifiableMap(days);
  }

  /**
   * A calendar of the given years.
   *
   * @param directory the holiday directory, used to name the file to add for a missing year
   * @throws IllegalArgumentException when a year or a date is given twice
   */
  public static HolidayCalendar of(Path directory, Collection<HolidayYear> years) {
    SortedMap<Integer, HolidayYear> byYear = new TreeMap<>();
    Map<LocalDate, Holiday> byDate = new HashMap<>();
    for (HolidayYear year : years) {
      if (byYear.put(year.year(), year) != null) {
        throw new IllegalArgumentException("year " + year.year() + " given twice");
      }
      for (Holiday day : year.days()) {
        if (byDate.put(day.date(), day) != null) {
          throw new IllegalArgumentException("date " + day.date() + " given twice");
        }
      }
    }
    return new HolidayCalendar(directory, byYear, byDate);
  }

  /** A calendar without any year: every count warns. */
  public static HolidayCalendar empty(Path directory) {
    return of(directory, java.util.List.of());
  }

  public Path directory() {
    return directory;
  }

  /** The file that holds, or would hold, the given year. */
  public Path fileFor(int year) {
    return directory.resolve(year + ".yaml");
  }

  public boolean hasDataFor(int year) {
    return years.containsKey(year);
  }

  public SortedSet<Integer> years() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
  }

  public Optional<HolidayYear> year(int year) {
    return Optional.ofNullable(years.get(year));
  }

  /** The listed entry for {@code date}, if any (a holiday, a day off, or a working weekend day). */
  public Optional<Holiday> lookup(LocalDate date) {
    return Optional.ofNullable(days.get(date));
  }

  @Override
  public String toString() {
    return "HolidayCalendar" + years.keySet() + " from " + directory;
  }
}
