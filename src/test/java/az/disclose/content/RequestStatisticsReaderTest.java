package az.disclose.content;

import static az.disclose.site.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import az.disclose.site.TestSites;
import az.disclose.yaml.ProblemsException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data/request-statistics.yaml}, written by the inbox, read by the build as strictly as any content. */
public class RequestStatisticsReaderTest {
  @TempDir Path dir;
  Path content;
  Path file;

  /** A valid statistics file, as the inbox writes it. */
  public static final String VALID = """
      # written by disclose
      as_of: 2026-02-25
      years:
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
          median_working_days: 2.5
      """;

  @BeforeEach
  void copyRealContent() {
    TestSites.copyProject(dir);
    content = dir.resolve("content");
    file = content.resolve(ContentLoader.REQUEST_STATISTICS_FILE);
  }

  private List<String> problems() {
    ProblemsException e = catchThrowableOfType(ProblemsException.class, () -> new ContentLoader().load(content));
    assertThat(e).as("loading should fail").isNotNull();
    return e.problems().stream().map(p -> dir.relativize(p.file()) + ":" + p.line() + ": " + p.message()).toList();
  }

  @Test
  void withoutTheFileThereAreNoStatisticsYetAndNoProblem() throws Exception {
    assertThat(file).doesNotExist();

    assertThat(new ContentLoader().load(content).requestStatistics()).isEmpty();
  }

  @Test
  void readsYearsAndMonthsIntoTypedRecordsOldestFirst() throws Exception {
    write(file, VALID);

    RequestStatistics s = new ContentLoader().load(content).requestStatistics().orElseThrow();

    assertThat(s.asOf()).isEqualTo(LocalDate.of(2026, 2, 25));
    assertThat(s.years()).singleElement().satisfies(y -> {
      assertThat(y.year()).isEqualTo(2026);
      assertThat(y.counts()).isEqualTo(new RequestStatistics.Counts(6, 4, 2, 2, 1, 1, 1, 1, 2, 0,
          java.util.Optional.of(new BigDecimal("5"))));
      assertThat(y.counts().percentOnTime()).isEqualTo(50);
    });
    assertThat(s.months()).extracting(RequestStatistics.Month::month)
        .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
    assertThat(s.months().get(0).counts().medianWorkingDays()).contains(new BigDecimal("2.5"));
  }

  @Test
  void aBadValueIsReportedWithFileAndLine() {
    write(file, VALID.replace("    received_web: 3\n", "    received_web: üç\n"));

    assertThat(problems()).containsExactly(
        "content/data/request-statistics.yaml:19: months[1]: 'received_web' must be a whole number, not 'üç'");
  }

  @Test
  void countsThatDoNotAddUpMissingKeysUnknownKeysAndBadMonthsAreAllReported() {
    write(file, VALID
        .replace("    received: 6\n", "    received: 7\n")
        .replace("    open_overdue: 0\n    median_working_days: 8\n", "    median_working_days: 8\n    visitors: 12\n")
        .replace("  - month: 2026-01\n", "  - month: 2026-13\n")
        .replace("answered_late: 0\n", "answered_late: -1\n"));

    assertThat(problems()).containsExactlyInAnyOrder(
        "content/data/request-statistics.yaml:5: years[1]: received_web + received_email (6) must equal received (7)",
        "content/data/request-statistics.yaml:5: years[1]: answered + refused + forwarded + open (6) must equal"
            + " received (7)",
        "content/data/request-statistics.yaml:17: months[1]: 'open_overdue' is required (a whole number)",
        "content/data/request-statistics.yaml:28: months[1]: unknown key 'visitors' (allowed: answered,"
            + " answered_late, answered_on_time, forwarded, median_working_days, month, open, open_overdue, received,"
            + " received_email, received_web, refused)",
        "content/data/request-statistics.yaml:29: months[2]: 'month' must be a year and month (yyyy-mm), not"
            + " '2026-13'",
        "content/data/request-statistics.yaml:35: months[2]: 'answered_late' must be between 0 and 10000000, not -1");
  }

  @Test
  void aPageCannotTakeTheStatisticsAddress() {
    write(content.resolve("pages/statistics.md"), "---\ntitle: Statistika\n---\nX\n");

    assertThat(problems()).singleElement().asString()
        .startsWith("content/pages/statistics.md:1: slug 'statistics' is used by the site itself");
  }
}
