package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.content.Content;
import az.disclose.content.ContentLoader;
import az.disclose.content.RequestStatistics;
import az.disclose.site.TestSites;
import az.disclose.testing.TestClock;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.store.Inbox;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics the inbox publishes for the site: counted from a register with known requests
 * (registered and handled at known Baku times), written only when they change, with no personal data.
 */
class PublishedStatisticsTest {
  @TempDir Path tmp;
  TestClock clock;
  Inbox inbox;
  RegisterService register;
  Path content;

  @BeforeEach
  void openRegister() throws Exception {
    clock = TestClock.baku(2026, 2, 5, 10, 0);
    // the real holiday data (1-2 and 20 January 2026 are non-working days)
    inbox = Inbox.open(InboxSettings.defaults(tmp.resolve("data")), TestSites.CONTENT, clock);
    register = inbox.register();
    content = TestSites.copyProject(tmp.resolve("project")).resolve("content");
  }

  @AfterEach
  void closeRegister() {
    inbox.close();
  }

  private String web(int year, int month, int day, int hour, int minute) throws Exception {
    clock.setBaku(year, month, day, hour, minute);
    return register.register(Submissions.information("Büdcə hesabatı")).number();
  }

  private String mail(int year, int month, int day, int hour, int minute) throws Exception {
    clock.setBaku(year, month, day, hour, minute);
    return register.register(new Submission(Channel.EMAIL, RequestType.INFORMATION, Urgency.NORMAL, "Rəşad Əliyev",
        "resad@example.az", "Tender nəticələri", "Tender nəticələrini göndərin.", "az", List.of(),
        "From: resad@example.az\r\n\r\nTender".getBytes(StandardCharsets.UTF_8), "message/rfc822",
        "resad@example.az")).number();
  }

  private String file() throws Exception {
    return Files.readString(content.resolve(PublishedStatistics.FILE), StandardCharsets.UTF_8);
  }

  /**
   * Seven requests around the turn of the year and of January in Baku (UTC is four hours behind,
   * so some of them are still in the previous month or year in UTC), handled in every way.
   */
  private void knownRegister() throws Exception {
    String c = web(2025, 12, 31, 23, 59);             // December 2025; left open, overdue by February
    String d = mail(2026, 1, 1, 0, 5);                 // January 2026 in Baku (still 2025 in UTC); refused
    String a = web(2026, 1, 31, 23, 30);               // January; answered on time
    String b = mail(2026, 2, 1, 0, 10);                // February in Baku (31 January in UTC); answered late
    String e = web(2026, 2, 5, 10, 0);                 // February; forwarded
    String g = web(2026, 2, 6, 10, 0);                 // February; extended, open
    String f = web(2026, 2, 20, 10, 0);                // February; open, not yet due

    clock.setBaku(2026, 1, 2, 9, 0);
    register.refuse(d, "leyla", "state-secret");
    clock.setBaku(2026, 2, 3, 12, 0);                  // 2 working days after 31 January (2 and 3 February)
    register.answer(a, "leyla", "Cavab", List.of());
    assertThat(register.get(b).dueDate()).isEqualTo(LocalDate.of(2026, 2, 10));
    clock.setBaku(2026, 2, 11, 10, 0);                 // a day after its due date; 8 working days
    register.answer(b, "leyla", "Gecikmiş cavab", List.of());
    clock.setBaku(2026, 2, 6, 11, 0);
    register.forward(e, "leyla", "Energetika Nazirliyi");
    clock.setBaku(2026, 2, 9, 11, 0);
    register.extend(g, "leyla", "məlumat toplanır");
    register.note(c, "leyla", "unit asked");          // a note changes nothing the statistics count
    assertThat(List.of(a, b, c, d, e, f, g)).doesNotHaveDuplicates();
    clock.setBaku(2026, 2, 25, 12, 0);
  }

  @Test
  void countsEachRequestInItsBakuMonthAndYearOfRegistrationAsItStandsToday() throws Exception {
    knownRegister();

    assertThat(inbox.publishStatistics(content)).isTrue();

    assertThat(file()).isEqualTo("""
        # Request statistics, written by disclose from the request register (disclose requests statistics --write,
        # and disclose serve within seconds of every change of the register). Do not edit: it is rewritten from the register.
        # Aggregate counts only, by the month and year of registration (Baku time); no personal data.
        # See docs/register.md, "Published statistics".
        as_of: 2026-02-25
        years:
          - year: 2025
            received: 1
            received_web: 1
            received_email: 0
            answered: 0
            answered_on_time: 0
            answered_late: 0
            refused: 0
            forwarded: 0
            open: 1
            open_overdue: 1
          - year: 2026
            received: 6
            received_web: 4
            received_email: 2
            answered: 2
            answered_on_time: 1
            answered_late: 1
            refused: 1
            forwarded: 1
            open: 2
            open_overdue: 0
            median_working_days: 5
        months:
          - month: 2025-12
            received: 1
            received_web: 1
            received_email: 0
            answered: 0
            answered_on_time: 0
            answered_late: 0
            refused: 0
            forwarded: 0
            open: 1
            open_overdue: 1
          - month: 2026-01
            received: 2
            received_web: 1
            received_email: 1
            answered: 1
            answered_on_time: 1
            answered_late: 0
            refused: 1
            forwarded: 0
            open: 0
            open_overdue: 0
            median_working_days: 2
          - month: 2026-02
            received: 4
            received_web: 3
            received_email: 1
            answered: 1
            answered_on_time: 0
            answered_late: 1
            refused: 0
            forwarded: 1
            open: 2
            open_overdue: 0
            median_working_days: 8
        """);
  }

  @Test
  void anAnswerAtTheLastMillisecondOfTheDueDateIsOnTimeAndOneMillisecondLaterIsLate() throws Exception {
    String onTime = web(2026, 2, 5, 10, 0);
    String late = web(2026, 2, 5, 10, 0);
    Instant due = register.get(onTime).dueAt().toInstant();
    clock.set(due);
    register.answer(onTime, "leyla", "Cavab", List.of());
    clock.set(due.plusMillis(1));
    register.answer(late, "leyla", "Cavab", List.of());

    PublishedStatistics.Counts feb = register.statistics().months().get(0).counts();

    assertThat(feb.answeredOnTime()).isEqualTo(1);
    assertThat(feb.answeredLate()).isEqualTo(1);
  }

  @Test
  void monthsWithoutRequestsUpToTodayAreListedWithZeros() throws Exception {
    web(2026, 2, 5, 10, 0);
    clock.setBaku(2026, 4, 1, 0, 0);

    PublishedStatistics.Snapshot s = register.statistics();

    assertThat(s.asOf()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(s.months()).extracting(PublishedStatistics.Period::period).containsExactly("2026-02", "2026-03", "2026-04");
    assertThat(s.months().get(1).counts().received()).isZero();
    assertThat(s.months().get(0).counts().openOverdue()).isEqualTo(1);
    assertThat(s.years()).extracting(PublishedStatistics.Period::period).containsExactly("2026");
  }

  @Test
  void anEmptyRegisterPublishesEmptyLists() throws Exception {
    assertThat(inbox.publishStatistics(content)).isTrue();

    assertThat(file()).endsWith("as_of: 2026-02-05\nyears: []\nmonths: []\n");
    Content loaded = new ContentLoader().load(content);
    assertThat(loaded.requestStatistics()).hasValueSatisfying(r -> assertThat(r.years()).isEmpty());
  }

  @Test
  void theFileIsNotRewrittenWhileTheCountsAreUnchanged() throws Exception {
    String n = web(2026, 2, 5, 10, 0);
    assertThat(inbox.publishStatistics(content)).isTrue();
    Path file = content.resolve(PublishedStatistics.FILE);
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(file, old);

    assertThat(inbox.publishStatistics(content)).as("nothing happened").isFalse();
    register.note(n, "leyla", "internal note");
    register.acknowledge(n, "system", "acknowledged");
    assertThat(inbox.publishStatistics(content)).as("a note and an acknowledgement count nothing").isFalse();
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);

    register.answer(n, "leyla", "Cavab", List.of());
    assertThat(inbox.publishStatistics(content)).as("an answer").isTrue();
    assertThat(file()).contains("answered: 1");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
          .noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  @Test
  void theDateAsOfMovesTheFileOnAnotherDayEvenWithoutActions() throws Exception {
    web(2026, 2, 5, 10, 0);
    assertThat(inbox.publishStatistics(content)).isTrue();
    clock.advance(Duration.ofHours(1));
    assertThat(inbox.publishStatistics(content)).as("same day").isFalse();

    clock.setBaku(2026, 2, 20, 9, 0);
    assertThat(inbox.publishStatistics(content)).as("another day, and now overdue").isTrue();
    assertThat(file()).contains("as_of: 2026-02-20", "open_overdue: 1");
  }

  @Test
  void theFileHoldsNoPersonalDataNumbersOrText() throws Exception {
    knownRegister();
    inbox.publishStatistics(content);

    String text = file();
    RequestView any = register.get("SEN-2026-00001");
    assertThat(text).doesNotContain("Aysel", "Məmmədova", "aysel@example.az", "Rəşad", "resad@example.az",
        "Büdcə", "hesabatı", "Tender", "script", "192.0.2.7", "SEN-", "00001", "leyla", "Cavab",
        "Energetika", "confidential", any.subject());
    List<String> keys = text.lines().filter(l -> !l.startsWith("#")).map(l -> l.replaceFirst("^[ -]*", ""))
        .map(l -> l.substring(0, l.indexOf(':'))).distinct().toList();
    assertThat(keys).containsExactlyInAnyOrder("as_of", "years", "year", "months", "month", "received", "received_web",
        "received_email", "answered", "answered_on_time", "answered_late", "refused", "forwarded", "open",
        "open_overdue", "median_working_days");
  }

  @Test
  void theSiteReadsWhatTheInboxWrites() throws Exception {
    knownRegister();
    inbox.publishStatistics(content);

    Optional<RequestStatistics> read = new ContentLoader().load(content).requestStatistics();

    assertThat(read).isPresent();
    RequestStatistics s = read.get();
    assertThat(s.asOf()).isEqualTo(LocalDate.of(2026, 2, 25));
    assertThat(s.years()).extracting(RequestStatistics.Year::year).containsExactly(2025, 2026);
    assertThat(s.months()).extracting(RequestStatistics.Month::month)
        .containsExactly(YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2026, 2));
    RequestStatistics.Counts y2026 = s.years().get(1).counts();
    assertThat(y2026.received()).isEqualTo(6);
    assertThat(y2026.receivedEmail()).isEqualTo(2);
    assertThat(y2026.answeredLate()).isEqualTo(1);
    assertThat(y2026.percentOnTime()).isEqualTo(50);
    assertThat(y2026.medianWorkingDays()).contains(new BigDecimal("5"));
  }

  @Test
  void theMedianOfAnEvenNumberOfAnswersMayBeAHalfDay() throws Exception {
    String sameDay = web(2026, 2, 5, 10, 0);
    String nextDay = web(2026, 2, 5, 10, 0);
    clock.setBaku(2026, 2, 5, 15, 0);
    register.answer(sameDay, "leyla", "Cavab", List.of());
    clock.setBaku(2026, 2, 6, 15, 0);
    register.answer(nextDay, "leyla", "Cavab", List.of());

    assertThat(register.statistics().months().get(0).counts().medianWorkingDays()).contains(new BigDecimal("0.5"));
  }
}
