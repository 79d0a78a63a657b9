package az.disclose.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.calendar.DeadlineExplanation.CountedDay;
import az.disclose.calendar.DeadlineExplanation.SkippedDay;
import az.disclose.site.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadlineTest {
  private static final ZoneId BAKU = ZoneId.of("Asia/Baku");
  private static final Locale AZ = Locale.forLanguageTag("az");

  private static Deadline deadline;

  @BeforeAll
  static void loadShippedData() throws Exception {
    deadline = Deadline.baku(new WorkingDays(HolidayLoader.load(TestSites.CONTENT.resolve("data/holidays"))));
  }

  private static DeadlineRule rule(String id) {
    return DeadlineRules.find(DeadlineRules.defaults(), id).orElseThrow();
  }

  private static ZonedDateTime baku(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), BAKU);
  }

  private static LocalDate d(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  @Test
  void sevenWorkingDaysRunOverAWeekend() {
    DeadlineExplanation e = deadline.compute(baku(2026, 4, 9, 10, 0), rule(DeadlineRules.INFO_REQUEST));

    assertThat(e.startDay()).isEqualTo(d(2026, 4, 10));
    assertThat(e.counted()).extracting(CountedDay::date).containsExactly(
        d(2026, 4, 10), d(2026, 4, 13), d(2026, 4, 14), d(2026, 4, 15), d(2026, 4, 16), d(2026, 4, 17),
        d(2026, 4, 20));
    assertThat(e.counted()).extracting(CountedDay::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(e.skipped()).extracting(SkippedDay::date, SkippedDay::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple(d(2026, 4, 11), "şənbə"),
        org.assertj.core.groups.Tuple.tuple(d(2026, 4, 12), "bazar"),
        org.assertj.core.groups.Tuple.tuple(d(2026, 4, 18), "şənbə"),
        org.assertj.core.groups.Tuple.tuple(d(2026, 4, 19), "bazar"));
    assertThat(e.dueDate()).isEqualTo(d(2026, 4, 20));
    assertThat(e.dueAt()).isEqualTo(d(2026, 4, 20).atTime(LocalTime.MAX).atZone(BAKU));
    assertThat(e.warnings()).isEmpty();
  }

  @Test
  void novruzAndRamazan2026AreSkippedWithTheirNames() {
    DeadlineExplanation e = deadline.compute(baku(2026, 3, 19, 15, 0), rule(DeadlineRules.INFO_REQUEST));

    assertThat(e.startDay()).isEqualTo(d(2026, 3, 31));
    assertThat(e.dueDate()).isEqualTo(d(2026, 4, 8));
    assertThat(e.skipped()).extracting(SkippedDay::date).containsExactly(
        d(2026, 3, 20), d(2026, 3, 21), d(2026, 3, 22), d(2026, 3, 23), d(2026, 3, 24), d(2026, 3, 25),
        d(2026, 3, 26), d(2026, 3, 27), d(2026, 3, 28), d(2026, 3, 29), d(2026, 3, 30),
        d(2026, 4, 4), d(2026, 4, 5));
    assertThat(e.skipped().get(0).reason()).isEqualTo("Novruz bayramı; Ramazan bayramı (novruz)");
    assertThat(e.skipped().get(0).holiday()).map(Holiday::kind).contains(HolidayKind.NOVRUZ);
    assertThat(e.skipped().get(7).reason()).startsWith("Ramazan bayramı ilə əlaqədar istirahət günü")
        .endsWith("(carried_over)");
    assertThat(e.skipped().get(8).reason()).isEqualTo("şənbə");
  }

  @Test
  void aRequestRegisteredOnFridayEveningStartsOnMonday() {
    DeadlineExplanation e = deadline.compute(baku(2026, 4, 10, 19, 45), rule(DeadlineRules.INFO_REQUEST));

    assertThat(e.startDay()).isEqualTo(d(2026, 4, 13));
    assertThat(e.skipped()).extracting(SkippedDay::date).startsWith(d(2026, 4, 11), d(2026, 4, 12));
    assertThat(e.dueDate()).isEqualTo(d(2026, 4, 21));
  }

  @Test
  void registrationIsTakenInBakuTime() {
    // 20:30 UTC on Thursday is 00:30 on Friday in Baku: the registration day is the Friday.
    ZonedDateTime utc = ZonedDateTime.of(2026, 4, 9, 20, 30, 0, 0, ZoneOffset.UTC);

    DeadlineExplanation e = deadline.compute(utc, rule(DeadlineRules.INFO_REQUEST));

    assertThat(e.registeredAt().getZone()).isEqualTo(BAKU);
    assertThat(e.registeredAt().toLocalDate()).isEqualTo(d(2026, 4, 10));
    assertThat(e.startDay()).isEqualTo(d(2026, 4, 13));
  }

  @Test
  void aRequestRegisteredOnAHolidayStartsOnTheNextWorkingDay() {
    // 28 May 2026: Independence Day and Gurban; 29 May carried over; 30-31 May weekend.
    DeadlineExplanation e = deadline.compute(baku(2026, 5, 28, 11, 0), rule(DeadlineRules.INFO_REQUEST));

    assertThat(e.skipped()).extracting(SkippedDay::date)
        .containsExactly(d(2026, 5, 29), d(2026, 5, 30), d(2026, 5, 31), d(2026, 6, 6), d(2026, 6, 7));
    assertThat(e.startDay()).isEqualTo(d(2026, 6, 1));
    assertThat(e.dueDate()).isEqualTo(d(2026, 6, 9));
  }

  @Test
  void aWeekendDayDeclaredWorkingIsCounted() {
    // 2025: Saturday 21 June is a working day, Friday 27 June a day off, 26 June Armed Forces Day.
    DeadlineExplanation e = deadline.compute(baku(2025, 6, 19, 9, 0), rule(DeadlineRules.UNCLEAR_REQUEST));

    assertThat(e.counted()).extracting(CountedDay::date).containsExactly(
        d(2025, 6, 20), d(2025, 6, 21), d(2025, 6, 23), d(2025, 6, 24), d(2025, 6, 25));
  }

  @Test
  void twentyFourHoursArePlainElapsedHours() {
    DeadlineExplanation e = deadline.compute(baku(2026, 4, 9, 15, 30), rule(DeadlineRules.LOSES_RELEVANCE));

    assertThat(e.dueAt()).isEqualTo(baku(2026, 4, 10, 15, 30));
    assertThat(e.dueDate()).isEqualTo(d(2026, 4, 10));
    assertThat(e.counted()).isEmpty();
    assertThat(e.skipped()).isEmpty();
    assertThat(e.warnings()).isEmpty();
  }

  @Test
  void fortyEightHoursRunThroughTheWeekendAndWarnWhenDueOnIt() {
    DeadlineExplanation e = deadline.compute(baku(2026, 4, 10, 19, 45), rule(DeadlineRules.THREAT_TO_LIFE));

    assertThat(e.dueAt()).isEqualTo(baku(2026, 4, 12, 19, 45));
    assertThat(e.warnings()).extracting(CalendarWarning::code)
        .containsExactly(CalendarWarning.DUE_ON_NON_WORKING_DAY);
    assertThat(e.warnings().get(0).text(AZ)).isEqualTo("son müddət qeyri-iş gününə düşür (bazar)");
    assertThat(e.warnings().get(0).text(Locale.ENGLISH))
        .isEqualTo("the deadline falls on a non-working day (Sunday)");
  }

  @Test
  void hoursDueOnAHolidayNameTheHoliday() {
    DeadlineExplanation e = deadline.compute(baku(2026, 3, 19, 15, 0), rule(DeadlineRules.LOSES_RELEVANCE));

    assertThat(e.dueAt()).isEqualTo(baku(2026, 3, 20, 15, 0));
    assertThat(e.warnings()).extracting(w -> w.text(Locale.ENGLISH)).containsExactly(
        "the deadline falls on a non-working day (Novruz bayramı; Ramazan bayramı (novruz))");
  }

  @Test
  void aYearWithoutDataProducesAWarning() {
    DeadlineExplanation e = deadline.compute(baku(2026, 12, 28, 12, 0), rule(DeadlineRules.INFO_REQUEST));

    assertThat(e.dueDate()).isEqualTo(d(2027, 1, 7));
    assertThat(e.counted()).extracting(CountedDay::date).contains(d(2027, 1, 1));
    assertThat(e.skipped()).extracting(SkippedDay::date, SkippedDay::reason)
        .contains(org.assertj.core.groups.Tuple.tuple(d(2026, 12, 31),
            "Dünya Azərbaycanlılarının Həmrəyliyi Günü (fixed)"));
    assertThat(e.warnings()).extracting(w -> w.text(Locale.ENGLISH)).containsExactly(
        "no holiday data for 2027: counted weekends only; add " + TestSites.CONTENT.resolve("data/holidays/2027.yaml"));
  }

  @Test
  void anHourRuleDueInAYearWithoutDataWarnsToo() {
    DeadlineExplanation e = deadline.compute(baku(2026, 12, 31, 12, 0), rule(DeadlineRules.LOSES_RELEVANCE));

    assertThat(e.warnings()).extracting(CalendarWarning::code).containsExactly(CalendarWarning.NO_HOLIDAY_DATA);
  }

  @Test
  void overdueAndRemainingFollowTheClock() {
    DeadlineExplanation e = deadline.compute(baku(2026, 4, 9, 10, 0), rule(DeadlineRules.INFO_REQUEST));
    Clock beforeMidnight = Clock.fixed(baku(2026, 4, 20, 23, 59).toInstant(), BAKU);
    Clock nextMorning = Clock.fixed(baku(2026, 4, 21, 0, 0).toInstant(), ZoneOffset.UTC);

    assertThat(e.isOverdue(beforeMidnight)).isFalse();
    assertThat(e.remaining(beforeMidnight)).isPositive().isLessThan(Duration.ofMinutes(1));
    assertThat(e.isOverdue(nextMorning)).isTrue();
    assertThat(e.remaining(nextMorning)).isNegative();
  }

  @Test
  void computeNowRegistersAtTheClocksInstant() {
    Clock clock = Clock.fixed(baku(2026, 4, 10, 19, 45).toInstant(), ZoneOffset.UTC);

    DeadlineExplanation e = deadline.computeNow(clock, rule(DeadlineRules.INFO_REQUEST));

    assertThat(e.registeredAt()).isEqualTo(baku(2026, 4, 10, 19, 45));
    assertThat(e.dueDate()).isEqualTo(d(2026, 4, 21));
  }

  @Test
  void theExplanationReadsInAzerbaijani() {
    String text = deadline.compute(baku(2026, 3, 19, 15, 0), rule(DeadlineRules.INFO_REQUEST)).toText(AZ);

    assertThat(text)
        .contains("Qayda: info-request — 7 iş günü")
        .contains("Hüquqi əsas: Law of the Republic of Azerbaijan \"On the right to obtain information\" (2005), art. 24.1")
        .contains("Qeydiyyat: 2026-03-19 15:00 (cümə axşamı), Asia/Baku")
        .contains("1-ci gün: 2026-03-31 (çərşənbə axşamı)")
        .contains("2026-03-20 (cümə) — sayılmır: Novruz bayramı; Ramazan bayramı (novruz)")
        .contains("2026-03-28 (şənbə) — sayılmır: şənbə")
        .contains(" 1. 2026-03-31 (çərşənbə axşamı)")
        .contains(" 7. 2026-04-08 (çərşənbə)")
        .contains("Son müddət: 2026-04-08 (çərşənbə), günün sonunadək")
        .doesNotContain("Xəbərdarlıqlar");
    assertThat(text.indexOf("2026-03-30")).isLessThan(text.indexOf(" 1. 2026-03-31"));
  }

  @Test
  void theExplanationReadsInEnglishWithWarnings() {
    String text = deadline.compute(baku(2026, 12, 28, 12, 0), rule(DeadlineRules.INFO_REQUEST))
        .toText(Locale.ENGLISH);

    assertThat(text)
        .contains("Rule: info-request — 7 working days")
        .contains("Registered: 2026-12-28 12:00 (Monday), Asia/Baku")
        .contains("day 1: 2026-12-29 (Tuesday)")
        .contains("2026-12-31 (Thursday) — not counted: Dünya Azərbaycanlılarının Həmrəyliyi Günü (fixed)")
        .contains("2027-01-02 (Saturday) — not counted: Saturday")
        .contains("Due: 2027-01-07 (Thursday), end of the day")
        .contains("Warnings:\n  - no holiday data for 2027: counted weekends only; add " + TestSites.CONTENT.resolve("data/holidays/2027.yaml"));
  }

  @Test
  void anHourRuleExplanationShowsTheDueTime() {
    String text = deadline.compute(baku(2026, 4, 10, 19, 45), rule(DeadlineRules.THREAT_TO_LIFE)).toText(AZ);

    assertThat(text)
        .contains("Qayda: threat-to-life — 48 saat")
        .contains("Son müddət: 2026-04-12 19:45 (bazar)")
        .contains("son müddət qeyri-iş gününə düşür (bazar)");
  }

  @Test
  void aCalendarFromTempDirDataIsUsedForCounting(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("2030.yaml"), """
        year: 2030
        sources: ["test data"]
        days:
          - date: 2030-01-01
            name: "Yeni il bayramı"
            kind: fixed
          - date: 2030-01-02
            name: "Yeni il bayramı"
            kind: fixed
        """);
    Deadline custom = new Deadline(new WorkingDays(HolidayLoader.load(dir)), BAKU);

    DeadlineExplanation e = custom.compute(baku(2029, 12, 31, 9, 0), rule(DeadlineRules.APPEAL_FORWARD));

    assertThat(e.counted()).extracting(CountedDay::date)
        .containsExactly(d(2030, 1, 3), d(2030, 1, 4), d(2030, 1, 7));
    assertThat(e.warnings()).isEmpty();
  }

  @Test
  void theDefaultRulesMatchTheDesign() {
    List<DeadlineRule> rules = DeadlineRules.defaults();

    assertThat(rules).extracting(DeadlineRule::id).doesNotHaveDuplicates().containsExactly(
        "info-request", "loses-relevance", "threat-to-life", "unclear-request", "forward-to-holder",
        "extension", "appeal", "appeal-extended", "appeal-forward");
    assertThat(rules).extracting(DeadlineRule::amount).containsExactly(7, 24, 48, 5, 5, 7, 15, 30, 3);
    assertThat(rules).extracting(DeadlineRule::unit).containsExactly(
        DeadlineRule.Unit.WORKING_DAYS, DeadlineRule.Unit.HOURS, DeadlineRule.Unit.HOURS,
        DeadlineRule.Unit.WORKING_DAYS, DeadlineRule.Unit.WORKING_DAYS, DeadlineRule.Unit.WORKING_DAYS,
        DeadlineRule.Unit.WORKING_DAYS, DeadlineRule.Unit.WORKING_DAYS, DeadlineRule.Unit.WORKING_DAYS);
    assertThat(rules).allSatisfy(r -> assertThat(r.legalBasis()).containsPattern("art\\.|article|Law"));
    assertThat(DeadlineRules.find(rules, "extension").orElseThrow().legalBasis()).contains("UNVERIFIED");
  }
}
