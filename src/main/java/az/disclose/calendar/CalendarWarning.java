package az.disclose.calendar;

import java.util.Locale;
import java.util.Objects;

/**
 * Something an officer should know about a computed date, in English and Azerbaijani.
 *
 * @param code a stable identifier: {@code no-holiday-data} or {@code due-on-non-working-day}
 */
public record CalendarWarning(String code, String english, String azerbaijani) {
  public static final String NO_HOLIDAY_DATA = "no-holiday-data";
  public static final String DUE_ON_NON_WORKING_DAY = "due-on-non-working-day";

  public CalendarWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(english, "english");
    Objects.requireNonNull(azerbaijani, "azerbaijani");
  }

  static CalendarWarning noHolidayData(int year, String file) {
    return new CalendarWarning(
        NO_HOLIDAY_DATA,
        "no holiday data for " + year + ": counted weekends only; add " + file,
        year + "-ci il üçün bayram günləri məlumatı yoxdur: yalnız şənbə və bazar günləri nəzərə alınıb; "
            + file + " faylını əlavə edin");
  }

  static CalendarWarning dueOnNonWorkingDay(String reasonEnglish, String reasonAzerbaijani) {
    return new CalendarWarning(
        DUE_ON_NON_WORKING_DAY,
        "the deadline falls on a non-working day (" + reasonEnglish + ")",
        "son müddət qeyri-iş gününə düşür (" + reasonAzerbaijani + ")");
  }

  /** The Azerbaijani text for locale language "az", the English text otherwise. */
  public String text(Locale locale) {
    return Texts.isAzerbaijani(locale) ? azerbaijani : english;
  }

  @Override
  public String toString() {
    return english;
  }
}
