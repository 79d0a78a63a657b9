package az.disclose.render;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Human dates as the site shows them: "5 sentyabr 2012" in Azerbaijani, "5 September 2012" in English. */
public final class AzDates {
  private static final List<String> AZ_MONTHS = List.of(
      "yanvar", "fevral", "mart", "aprel", "may", "iyun",
      "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr");
  private static final List<String> EN_MONTHS = List.of(
      "January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December");

  private AzDates() {}

  public static String format(LocalDate date, Locale locale) {
    List<String> months = locale.getLanguage().equals("en") ? EN_MONTHS : AZ_MONTHS;
    return date.getDayOfMonth() + " " + months.get(date.getMonthValue() - 1) + " " + date.getYear();
  }
}
