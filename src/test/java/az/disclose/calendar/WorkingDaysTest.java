package az.disclose.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.site.TestSites;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {
  private static WorkingDays shipped;

  @BeforeAll
  static void loadShippedData() throws Exception {
    shipped = new WorkingDays(HolidayLoader.load(TestSites.CONTENT.resolve("data/holidays")));
  }

  private static LocalDate d(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  @Test
  void mondayToFridayAreWorkingDaysAndWeekendsAreNot() {
    assertThat(shipped.isWorkingDay(d(2026, 4, 10))).isTrue();   // Friday
    assertThat(shipped.isWorkingDay(d(2026, 4, 11))).isFalse();  // Saturday
    assertThat(shipped.isWorkingDay(d(2026, 4, 12))).isFalse();  // Sunday
  }

  @Test
  void listedHolidaysAndCarriedOverDaysAreNotWorkingDays() {
    assertThat(shipped.isWorkingDay(d(2026, 1, 20))).isFalse();  // National Mourning Day
    assertThat(shipped.isWorkingDay(d(2026, 3, 9))).isFalse();   // carried over from 8 March
    assertThat(shipped.isWorkingDay(d(2026, 3, 27))).isFalse();  // Ramazan coinciding with Novruz
    assertThat(shipped.isWorkingDay(d(2026, 3, 31))).isTrue();
  }

  @Test
  void aWeekendDayDeclaredWorkingIsAWorkingDay() {
    assertThat(shipped.isWorkingDay(d(2025, 6, 21))).isTrue();   // Saturday, swapped with 27 June
    assertThat(shipped.isWorkingDay(d(2025, 6, 27))).isFalse();
  }

  @Test
  void hasDataForTellsWhichYearsHaveAFile() {
    assertThat(shipped.hasDataFor(2025)).isTrue();
    assertThat(shipped.hasDataFor(2026)).isTrue();
    assertThat(shipped.hasDataFor(2027)).isFalse();
  }

  @Test
  void addingWorkingDaysSkipsTheWeekend() {
    WorkingDayResult result = shipped.addWorkingDays(d(2026, 4, 9), 3);   // Thursday

    assertThat(result.date()).isEqualTo(d(2026, 4, 14));                  // Fri, Mon, Tue
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void addingWorkingDaysSkipsNovruzAndRamazan() {
    assertThat(shipped.addWorkingDays(d(2026, 3, 19), 1).date()).isEqualTo(d(2026, 3, 31));
  }

  @Test
  void addingZeroWorkingDaysGivesTheSameDay() {
    assertThat(shipped.addWorkingDays(d(2026, 3, 21), 0).date()).isEqualTo(d(2026, 3, 21));
  }

  @Test
  void aNegativeCountIsRejected() {
    assertThatThrownBy(() -> shipped.addWorkingDays(d(2026, 3, 21), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aYearWithoutDataIsCountedWithWeekendsOnlyAndWarns() {
    WorkingDayResult result = shipped.addWorkingDays(d(2026, 12, 30), 2);

    // 31 December 2026 is a holiday; 1 January 2027 is a Friday, a holiday in reality, but 2027 has no data.
    assertThat(result.date()).isEqualTo(d(2027, 1, 4));
    assertThat(result.messages()).containsExactly(
        "no holiday data for 2027: counted weekends only; add " + TestSites.CONTENT.resolve("data/holidays/2027.yaml"));
  }

  @Test
  void anEmptyCalendarWarnsForEveryYearCounted() {
    WorkingDays none = new WorkingDays(HolidayCalendar.empty(TestSites.CONTENT.resolve("data/holidays")));

    WorkingDayResult result = none.addWorkingDays(d(2026, 12, 30), 5);

    assertThat(result.date()).isEqualTo(d(2027, 1, 6));
    assertThat(result.warnings()).extracting(CalendarWarning::code)
        .containsExactly(CalendarWarning.NO_HOLIDAY_DATA, CalendarWarning.NO_HOLIDAY_DATA);
    assertThat(result.messages()).allMatch(m -> m.startsWith("no holiday data for 202"));
  }

  @Test
  void warningsAreAlsoAvailableInAzerbaijani() {
    WorkingDayResult result = shipped.addWorkingDays(d(2026, 12, 30), 2);

    assertThat(result.messages(java.util.Locale.forLanguageTag("az")))
        .isEqualTo(List.of("2027-ci il üçün bayram günləri məlumatı yoxdur: yalnız şənbə və bazar günləri"
            + " nəzərə alınıb; " + TestSites.CONTENT.resolve("data/holidays/2027.yaml") + " faylını əlavə edin"));
  }
}
