package az.disclose.site;

import static az.disclose.site.TestSites.read;
import static az.disclose.site.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /statistics/}: the request statistics the inbox published, or word that there are none yet. */
class StatisticsPageTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-02-25T08:00:00Z"), ZoneOffset.UTC);
  static final String STATISTICS = """
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
          received: 16
          received_web: 11
          received_email: 5
          answered: 12
          answered_on_time: 9
          answered_late: 3
          refused: 1
          forwarded: 1
          open: 2
          open_overdue: 0
          median_working_days: 4.5
      months:
        - month: 2026-01
          received: 10
          received_web: 7
          received_email: 3
          answered: 8
          answered_on_time: 6
          answered_late: 2
          refused: 1
          forwarded: 1
          open: 0
          open_overdue: 0
          median_working_days: 4
        - month: 2026-02
          received: 6
          received_web: 4
          received_email: 2
          answered: 4
          answered_on_time: 3
          answered_late: 1
          refused: 0
          forwarded: 0
          open: 2
          open_overdue: 0
          median_working_days: 6
      """;

  @TempDir Path dir;
  Path content;
  Path out;

  @BeforeEach
  void copyProject() {
    TestSites.copyProject(dir);
    content = dir.resolve("content");
    out = dir.resolve("site");
  }

  private String build() throws Exception {
    new SiteBuilder(content, dir.resolve("theme"), out, NOW).build();
    return read(out.resolve("statistics/index.html"));
  }

  /** The cells of the table row headed {@code label}, without tags. */
  private static List<String> row(String html, String label) {
    Matcher m = Pattern.compile("<tr>\\s*<th scope=\"row\"><time datetime=\"[^\"]+\">" + Pattern.quote(label)
        + "</time></th>(.*?)</tr>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("a row for " + label).isTrue();
    return Pattern.compile("<td[^>]*>(.*?)</td>").matcher(m.group(1)).results().map(r -> r.group(1)).toList();
  }

  @Test
  void showsTheYearlySummaryAndEveryMonthWithTheNumbers() throws Exception {
    write(content.resolve("data/request-statistics.yaml"), STATISTICS);

    String html = build();

    assertThat(html).contains("<h1>Məlumat sorğularının statistikası</h1>",
        "Rəqəmlərin aid olduğu tarix: <time datetime=\"2026-02-25\">25 fevral 2026</time>", "<caption>");
    // received, web, e-mail, answered, on time, late, % on time, refused, forwarded, open, overdue, median
    assertThat(row(html, "2026")).containsExactly("16", "11", "5", "12", "9", "3", "75%", "1", "1", "2", "0", "4,5");
    // On a phone each row is a card, each figure labelled with its column's heading.
    assertThat(html).contains("<td data-label=\"Daxil olub\">16</td>", "<td data-label=\"Cavab müddətinin medianı, iş günü\">4,5</td>",
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"");
    assertThat(row(html, "2025")).containsExactly("1", "1", "0", "0", "0", "0", "—", "0", "0", "1", "1", "—");
    assertThat(row(html, "yanvar 2026")).containsExactly("10", "7", "3", "8", "6", "2", "75%", "1", "1", "0", "0", "4");
    assertThat(row(html, "fevral 2026")).containsExactly("6", "4", "2", "4", "3", "1", "75%", "0", "0", "2", "0", "6");
    assertThat(html.indexOf("2026-02\"")).as("the latest month first").isLessThan(html.indexOf("2026-01\""));
    assertThat(html.indexOf(">2026<")).as("the latest year first").isLessThan(html.indexOf(">2025<"));
  }

  @Test
  void withoutPublishedStatisticsThePageSaysThereAreNoneYet() throws Exception {
    String html = build();

    assertThat(html).contains("Məlumat sorğuları üzrə statistika hələ dərc edilməyib.").doesNotContain("<table");
  }

  @Test
  void theRequestAndOpennessPagesLinkToIt() throws Exception {
    build();

    assertThat(read(out.resolve("request/index.html"))).contains("<a href=\"/statistics/\">");
    assertThat(read(out.resolve("openness/index.html"))).contains("<a href=\"/statistics/\">");
    assertThat(read(out.resolve("sitemap.xml"))).contains("/statistics/</loc>");
  }

  @Test
  void aChangedStatisticsFileRewritesThePage() throws Exception {
    write(content.resolve("data/request-statistics.yaml"), STATISTICS);
    build();

    write(content.resolve("data/request-statistics.yaml"), STATISTICS.replace("as_of: 2026-02-25", "as_of: 2026-02-26"));
    new SiteBuilder(content, dir.resolve("theme"), out, NOW).build();

    assertThat(read(out.resolve("statistics/index.html"))).contains("26 fevral 2026");
  }

  @Test
  void inEnglishTheDecimalIsAPoint() throws Exception {
    write(content.resolve("data/request-statistics.yaml"), STATISTICS);
    write(content.resolve("site.yaml"), read(content.resolve("site.yaml")).replaceFirst("(?m)^language:.*\\n", "")
        + "language: en\n");

    String html = build();

    assertThat(html).contains("<h1>Information request statistics</h1>", "January 2026");
    assertThat(row(html, "2026")).last().isEqualTo("4.5");
  }
}
