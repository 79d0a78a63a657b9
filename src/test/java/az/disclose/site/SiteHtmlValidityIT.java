package az.disclose.site;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.testing.HtmlChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page the build writes passes the W3C Nu HTML checker (errors, not warnings). */
class SiteHtmlValidityIT {
  @TempDir Path dir;

  @Test
  void everyGeneratedPageIsValidHtml() throws Exception {
    TestSites.copyProject(dir);
    Path content = dir.resolve("content");
    // Enough news for pagination and tag pages, with the Markdown features the theme must carry.
    for (int i = 1; i <= 12; i++) {
      TestSites.write(content.resolve("news/yoxlama-" + i + ".md"), """
          ---
          title: "Yoxlama xəbəri %d: “dırnaq” & <işarələr>"
          date: 2013-05-%02d
          event_date: 2013-05-%02d
          tags: ["Enerji", "açıq hökumət"]
          summary: "Qısa məzmun %d"
          ---
          ## Başlıq İki

          Paraqraf **qalın** və *maili* mətnlə, [keçid](/plan/) və https://example.org avtokeçid.

          - bir
          - iki

          | Sütun | Dəyər |
          |-------|------:|
          | ə     | 1     |

          <div>xam HTML</div>
          """.formatted(i, i, i, i));
    }
    // The statistics page with its tables (without the file it shows only a sentence).
    TestSites.write(content.resolve("data/request-statistics.yaml"), StatisticsPageTest.STATISTICS);
    // The /reports/ pages (an approved annual report, a month's figures) and the plan from unit reports.
    TestSites.copyTree(az.disclose.content.AnnualFixture.OVERLAY, content);
    Path out = dir.resolve("site");
    new SiteBuilder(content, dir.resolve("theme"), out,
        java.time.Clock.fixed(java.time.Instant.parse("2027-01-20T08:00:00Z"), java.time.ZoneOffset.UTC)).build();
    assertThat(out.resolve("reports/annual/2026/index.html")).exists();
    assertThat(out.resolve("reports/monthly/2026-11/index.html")).exists();

    long pages;
    try (Stream<Path> all = Files.walk(out)) {
      pages = all.filter(p -> p.toString().endsWith(".html")).count();
    }
    assertThat(pages).isGreaterThan(80);
    // The English pages are checked as well: translated, and untranslated with their note.
    assertThat(out.resolve("en/haqqinda/index.html")).isRegularFile();
    assertThat(out.resolve("en/news/yoxlama-1/index.html")).isRegularFile();
    assertThat(HtmlChecker.create().checkAll(out)).isEmpty();
  }
}
