package az.disclose.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link LanguageLinks}: an English page's links lead to English pages, and to nothing else. */
class LanguageLinksTest {

  @Test
  void pagesAndTheFeedMoveUnderTheLanguageRoot() {
    String html = """
        <a href="/">Home</a> <a href="/news/x/">x</a> <a href="/news/x/#top">top</a> <a href="/news/page/2/?a=b">2</a>
        <link rel="alternate" type="application/atom+xml" href="/feed.xml"> <a href="/404.html">404</a>
        """;
    assertThat(LanguageLinks.rewrite(html, "/en")).isEqualTo("""
        <a href="/en/">Home</a> <a href="/en/news/x/">x</a> <a href="/en/news/x/#top">top</a> <a href="/en/news/page/2/?a=b">2</a>
        <link rel="alternate" type="application/atom+xml" href="/en/feed.xml"> <a href="/en/404.html">404</a>
        """);
  }

  @Test
  void filesOtherHostsFragmentsAndLinksAlreadyUnderTheRootStay() {
    String html = """
        <link rel="stylesheet" href="/style.css"> <a href="/plan.json">json</a> <a href="/files/emr.pdf">pdf</a>
        <a href="//cdn.example.org/x/">cdn</a> <a href="https://example.org/">ext</a> <a href="#main">skip</a>
        <a href="/en/news/">news</a> <a href="mailto:a@b.az">mail</a> <img src="/files/a.png" alt="">
        """;
    assertThat(LanguageLinks.rewrite(html, "/en")).isEqualTo(html);
  }

  @Test
  void theLanguageSwitchAndFormActionsAreLeftAsTheyAre() {
    String html = """
        <a hreflang="az" lang="az" href="/news/x/">Azərbaycanca</a>
        <form method="post" action="/requests"><input type="hidden" name="lang" value="en"></form>
        """;
    assertThat(LanguageLinks.rewrite(html, "/en")).isEqualTo(html);
  }

  @Test
  void theFirstLanguagesPagesAreNotTouched() {
    String html = "<a href=\"/news/\">Xəbərlər</a>";
    assertThat(LanguageLinks.rewrite(html, "")).isSameAs(html);
  }
}
