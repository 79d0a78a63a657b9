package az.disclose.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@link PageKind}: the registry agrees with the theme, and what derives from it. */
class PageKindTest {
  private static final Path THEME = Path.of("theme");

  @Test
  void everyKindsTemplateIsInTheTheme() {
    for (PageKind kind : PageKind.values()) {
      assertThat(THEME.resolve("templates").resolve(kind.template())).as(kind.name()).isRegularFile();
    }
  }

  @Test
  void everyNavigationEntryHasItsLabelInBothLanguages() throws IOException {
    for (String bundle : new String[] {"messages_az.properties", "messages_en.properties"}) {
      Properties messages = new Properties();
      try (InputStream in = Files.newInputStream(THEME.resolve(bundle))) {
        messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      }
      for (PageKind kind : PageKind.navigation()) {
        assertThat(messages.getProperty(kind.navKey())).as(bundle + " " + kind.navKey()).isNotBlank();
      }
    }
  }

  @Test
  void theNavigationIsTheKindsWithAnEntryInTheirOrder() {
    assertThat(PageKind.navigation()).extracting(PageKind::path)
        .containsExactly("/", "/news/", "/plan/", "/commission/", "/documents/", "/request/", "/contact/");
  }

  @Test
  void everyTopLevelNameOfTheSiteIsReservedAndNothingElse() {
    assertThat(ContentLoader.RESERVED_SLUGS).containsExactlyInAnyOrder(
        "news", "tags", "plan", "commission", "documents", "request", "requests", "openness", "statistics", "contact", "reports", "files", "feed.xml",
        "sitemap.xml");
    for (PageKind kind : PageKind.values()) {
      String top = kind.path().substring(1).split("/")[0];
      if (!top.isEmpty() && kind != PageKind.NOT_FOUND) {
        assertThat(ContentLoader.RESERVED_SLUGS).as(kind.name()).contains(top);
      }
    }
  }

  @Test
  void aContentPageMarksItselfAndAListedKindItsSection() {
    assertThat(PageKind.PAGE.section("/haqqimizda/")).isEqualTo("/haqqimizda/");
    assertThat(PageKind.TAG.section("/tags/arxiv/")).isEqualTo("/news/");
    assertThat(PageKind.MEASURE.section("/plan/1-1/")).isEqualTo("/plan/");
    assertThat(PageKind.STATISTICS.section("/statistics/")).isEqualTo("/request/");
  }
}
