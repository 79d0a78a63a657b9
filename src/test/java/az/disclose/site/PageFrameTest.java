package az.disclose.site;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.config.SiteSettings;
import az.disclose.site.Views.Alternate;
import az.disclose.site.Views.LanguageLink;
import az.disclose.site.Views.NavLink;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PageFrame}: the same page in the other language, for the site's pages and for the inbox's. */
class PageFrameTest {
  private static SiteSettings settings(String lang) {
    return new SiteSettings("Sayt", "", URI.create("https://example.gov.az/"), Locale.forLanguageTag(lang), 10,
        URI.create("https://example.gov.az/requests"), "sorgu@example.gov.az");
  }

  private static final Map<String, String> EN = Map.of("language.other", "Azərbaycanca", "nav.home", "Home", "nav.news", "News");

  @Test
  void anEnglishPageOfTheSiteLivesUnderEnWithItsNavigation() {
    Map<String, Object> model = new PageFrame(settings("en"), EN, List.of()).model("/news/x/", "X", "/news/", Map.of());

    assertThat(model.get("canonical")).isEqualTo("https://example.gov.az/en/news/x/");
    assertThat(model.get("languageSwitch")).isEqualTo(new LanguageLink("/news/x/", "az", "Azərbaycanca"));
    assertThat(model.get("alternates")).isEqualTo(List.of(new Alternate("az", "https://example.gov.az/news/x/"),
        new Alternate("en", "https://example.gov.az/en/news/x/"), new Alternate("x-default", "https://example.gov.az/news/x/")));
    @SuppressWarnings("unchecked")
    List<NavLink> nav = (List<NavLink>) model.get("nav");
    assertThat(nav).allMatch(l -> l.url().startsWith("/en/")).anyMatch(l -> l.url().equals("/en/news/") && l.current());
  }

  @Test
  void anInboxPageHasNoAlternatesAndItsSwitchLeadsToItsSectionInTheOtherLanguage() {
    PageFrame frame = new PageFrame(settings("az"), Map.of("language.other", "English"), List.of(), p -> !p.startsWith("/requests"));

    Map<String, Object> model = frame.model("/requests/status/secret-token", "Status", "/request/", Map.of());

    assertThat(model.get("canonical")).isEqualTo("https://example.gov.az/requests/status/secret-token");
    assertThat(model.get("alternates")).isEqualTo(List.of());
    assertThat(model.get("languageSwitch")).isEqualTo(new LanguageLink("/en/request/", "en", "English"));
  }
}
