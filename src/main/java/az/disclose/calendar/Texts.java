package az.disclose.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

/** Day names in the two languages the explanations are written in. */
final class Texts {
  private static final String[] AZ_DAYS = {
    "bazar ertəsi", "çərşənbə axşamı", "çərşənbə", "cümə axşamı", "cümə", "şənbə", "bazar"
  };
  private static final String[] EN_DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };

  private Texts() {}

  static boolean isAzerbaijani(Locale locale) {
    return locale != null && "az".equals(locale.getLanguage());
  }

  static String dayName(DayOfWeek day, boolean azerbaijani) {
    return (azerbaijani ? AZ_DAYS : EN_DAYS)[day.getValue() - 1];
  }

  static String dayName(LocalDate date, boolean azerbaijani) {
    return dayName(date.getDayOfWeek(), azerbaijani);
  }

  /** {@code 2026-03-20 (cümə)}. */
  static String dated(LocalDate date, boolean azerbaijani) {
    return date + " (" + dayName(date, azerbaijani) + ")";
  }
}
