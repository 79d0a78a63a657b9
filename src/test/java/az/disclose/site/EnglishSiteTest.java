package az.disclose.site;

import static az.disclose.site.TestSites.read;
import static az.disclose.site.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.yaml.ProblemsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site in its second language, under {@code /en/}: English UI, English content where a file
 * has a translation ({@code x.en.md}, the test site's about page and one news item), the
 * Azerbaijani text marked {@code lang="az"} with a note otherwise, a language switch and
 * {@code hreflang} alternates on every page, the feed and the request form in both languages.
 */
class EnglishSiteTest {
  private static final Clock NOW = Clock.fixed(java.time.Instant.parse("2026-11-25T10:00:00Z"), java.time.ZoneOffset.UTC);

  @TempDir Path dir;
  Path content;
  Path out;

  @BeforeEach
  void copyProject() {
    TestSites.copyProject(dir);
    content = dir.resolve("content");
    out = dir.resolve("site");
  }

  private BuildReport build() throws Exception {
    return new SiteBuilder(content, dir.resolve("theme"), out, NOW).build();
  }

  private String page(String sitePath) {
    return read(out.resolve(sitePath.substring(1) + (sitePath.endsWith("/") ? "index.html" : "")));
  }

  @Test
  void everyPageOfTheSiteHasItsEnglishCounterpartWithEnglishInterfaceText() throws Exception {
    build();
    List<String> azerbaijani;
    try (Stream<Path> all = Files.walk(out)) {
      azerbaijani = all.filter(p -> p.toString().endsWith(".html")).map(p -> out.relativize(p).toString())
          .filter(p -> !p.startsWith("en/")).sorted().toList();
    }
    assertThat(azerbaijani).hasSizeGreaterThan(30);
    for (String p : azerbaijani) {
      assertThat(out.resolve("en/" + p)).as("English counterpart of " + p).isRegularFile();
      assertThat(read(out.resolve(p))).as(p).contains("<html lang=\"az\">");
      assertThat(read(out.resolve("en/" + p))).as("en/" + p).contains("<html lang=\"en\">", "Skip to main content")
          .doesNotContain("Əsas məzmuna keç");
    }
    assertThat(page("/en/")).contains("Latest news", "30 October 2012", "Ministry of Industry and Energy — Open Government");
  }

  @Test
  void aTranslatedItemIsInEnglishAndAnUntranslatedOneIsMarkedAzerbaijaniWithANote() throws Exception {
    build();
    String translated = page("/en/news/komissiya-yaradildi/");
    assertThat(translated).contains("<h1>Open Government commission established</h1>", "chaired by Deputy Minister G. Javadov")
        .doesNotContain("available in Azerbaijani only", "Komissiya 14 nəfərdən");
    String untranslated = page("/en/news/mesul-sexsler-teyin-edildi/");
    assertThat(untranslated).contains("<h1 lang=\"az\">", "<p class=\"translation-note\">This item is available in Azerbaijani only.</p>",
        "<div lang=\"az\">");
    assertThat(page("/en/haqqinda/")).contains("<h1>About this site</h1>", "What the site publishes");
    assertThat(page("/en/documents/emr-2012/")).contains("<h1 lang=\"az\">", "This item is available in Azerbaijani only.");
    // The lists mark the untranslated titles and show the translated ones.
    String list = page("/en/news/");
    assertThat(list).contains("<h2><a href=\"/en/news/komissiya-yaradildi/\">Open Government commission established</a></h2>",
        "<h2 lang=\"az\"><a href=\"/en/news/mesul-sexsler-teyin-edildi/\">");
    // The Azerbaijani pages are as they were.
    assertThat(page("/news/komissiya-yaradildi/")).contains("Komissiya 14 nəfərdən").doesNotContain("translation-note", "lang=\"az\"><");
    assertThat(page("/plan/")).doesNotContain("translation-note");
    assertThat(page("/en/plan/")).contains("The data on this page is available in Azerbaijani only.");
  }

  @Test
  void theDatasEnBlocksAreShownOnEnglishPagesAndTheAzerbaijaniOnlyDataIsMarked() throws Exception {
    build();
    String plan = page("/en/plan/");
    // 1.1 and section 1 have en: blocks (the test site's plan.yaml); 1.2 and section 2 have none.
    assertThat(plan).contains("1. Making information easier to obtain</th>",
        ">Appointing the Ministry&#39;s freedom-of-information officers",
        ">Head of the Office, E-Governance Unit and Press Secretary</td>",
        "<span lang=\"az\">Nazirliyin fəaliyyəti barədə ictimaiyyətə müntəzəm məlumat verməsi</span>",
        "<span lang=\"az\">İnformasiya azadlığının təmin edilməsi",
        "<td data-label=\"Deadline\" lang=\"az\">2012-2014-cü illər</td>")
        .doesNotContain("<span lang=\"az\">Nazirlikdə informasiya azadlığı üzrə məsul şəxslərin");
    assertThat(page("/en/plan/1-1/")).contains("<p class=\"lead\">Appointing the Ministry&#39;s",
        "<meta name=\"description\" content=\"Appointing the Ministry&#39;s");
    assertThat(page("/en/plan/1-2/")).contains("<p class=\"lead\"><span lang=\"az\">İnformasiya azadlığının");
    String commission = page("/en/commission/");
    assertThat(commission).contains("lang=\"az\">G. Cavadov</td>", ">Deputy Minister</td>", ">chair</td>",
        "<span lang=\"az\">Aparatın rəhbəri</span>", "<span lang=\"az\">sədr müavini</span>");
    // The contact data is Azerbaijani-only.
    assertThat(page("/en/contact/")).contains("<h2 id=\"ministry\" lang=\"az\">", "<address lang=\"az\">");
    assertThat(page("/contact/")).doesNotContain("<address lang=");
    // Tag names are Azerbaijani on every page.
    assertThat(page("/en/news/komissiya-yaradildi/")).containsPattern("href=\"/en/tags/[a-z-]+/\" lang=\"az\">");
    assertThat(page("/en/tags/")).containsPattern("href=\"/en/tags/[a-z-]+/\" lang=\"az\">");
    assertThat(page("/en/tags/komissiya/")).contains("<span lang=\"az\">");
    // The Azerbaijani pages show the Azerbaijani texts, unmarked.
    assertThat(page("/plan/")).contains("Nazirlikdə informasiya azadlığı üzrə məsul şəxslərin", "İnformasiya əldə edilməsinin asanlaşdırılması")
        .doesNotContain("Making information easier").doesNotContainPattern("<(span|td|a)[^>]* lang=\"az\"");
    assertThat(page("/commission/")).contains(">Nazir müavini</td>").doesNotContain("Deputy Minister").doesNotContainPattern("<(span|td)[^>]* lang=\"az\"");
  }

  @Test
  void anUnknownKeyInAnEnBlockIsAProblemNamingTheFileAndLine() throws Exception {
    Path commission = content.resolve("data/commission.yaml");
    write(commission, read(commission).replace("      role: \"chair\"\n", "      role: \"chair\"\n      name: \"G. Javadov\"\n"));
    assertThatThrownBy(this::build).isInstanceOf(ProblemsException.class)
        .hasMessageContaining("commission.yaml:").hasMessageContaining("unknown key 'name'");
  }

  @Test
  void everyPageLinksToItselfInTheOtherLanguageAndNamesBothAsAlternates() throws Exception {
    build();
    for (String p : List.of("/", "/news/komissiya-yaradildi/", "/haqqinda/", "/plan/1-1/", "/request/", "/tags/komissiya/")) {
      String az = page(p);
      String en = page("/en" + p);
      String alternates = "<link rel=\"alternate\" hreflang=\"az\" href=\"https://example.gov.az" + p + "\">\n"
          + "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.gov.az/en" + p + "\">\n"
          + "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.gov.az" + p + "\">";
      assertThat(az).as(p).contains(alternates, "<a hreflang=\"en\" lang=\"en\" href=\"/en" + p + "\">English</a>",
          "<link rel=\"canonical\" href=\"https://example.gov.az" + p + "\">");
      assertThat(en).as("/en" + p).contains(alternates, "<a hreflang=\"az\" lang=\"az\" href=\"" + p + "\">Azərbaycanca</a>",
          "<link rel=\"canonical\" href=\"https://example.gov.az/en" + p + "\">");
    }
  }

  @Test
  void englishPagesLinkToEnglishPagesAndToTheSharedFilesOnce() throws Exception {
    build();
    String en = page("/en/haqqinda/");
    assertThat(en).contains("href=\"/en/plan/\"", "href=\"/en/documents/emr-2012/\"", "href=\"/en/request/\"", "href=\"/style.css\"",
        "href=\"/en/feed.xml\"");
    assertThat(page("/en/plan/")).contains("href=\"/plan.json\"");
    // Only pages are doubled: the data and static files are the same for both languages.
    assertThat(out.resolve("en/plan.json")).doesNotExist();
    assertThat(out.resolve("en/style.css")).doesNotExist();
    // Every href in every English page outside /en/ is the language switch or a shared file.
    Pattern href = Pattern.compile("<a ([^>]*)href=\"(/[^\"]*)\"");
    try (Stream<Path> all = Files.walk(out.resolve("en"))) {
      for (Path p : (Iterable<Path>) all.filter(f -> f.toString().endsWith(".html"))::iterator) {
        Matcher m = href.matcher(read(p));
        while (m.find()) {
          if (!m.group(2).startsWith("/en/")) {
            assertThat(m.group(1).contains("hreflang=\"az\"") || m.group(2).matches("/(plan\\.(json|csv)|files/.*)"))
                .as(p + " links to " + m.group(2)).isTrue();
          }
        }
      }
    }
  }

  @Test
  void theFeedAndTheSitemapComeInBothLanguages() throws Exception {
    build();
    String feed = read(out.resolve("en/feed.xml"));
    assertThat(feed).contains("xml:lang=\"en\"", "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.gov.az/en/feed.xml\"/>",
        "<title>Open Government commission established</title>", "<id>https://example.gov.az/en/news/komissiya-yaradildi/</id>",
        "<title xml:lang=\"az\">");
    assertThat(read(out.resolve("feed.xml"))).contains("xml:lang=\"az\"", "<title>Açıq Hökumət üzrə komissiya yaradıldı</title>")
        .doesNotContain("Open Government commission established");
    String sitemap = read(out.resolve("sitemap.xml"));
    assertThat(sitemap).contains("<loc>https://example.gov.az/en/</loc>", "<loc>https://example.gov.az/en/news/komissiya-yaradildi/</loc>",
        "<loc>https://example.gov.az/news/komissiya-yaradildi/</loc>").doesNotContain("404.html");
  }

  @Test
  void theEnglishRequestFormPostsToTheInboxSayingItsLanguage() throws Exception {
    build();
    String form = page("/en/request/");
    assertThat(form).contains("<input type=\"hidden\" name=\"lang\" value=\"en\">", "action=\"http://127.0.0.1:8080/requests\"");
    assertThat(page("/request/")).contains("<input type=\"hidden\" name=\"lang\" value=\"az\">");
  }

  @Test
  void aTranslationWithoutItsOriginalOrWithFieldsOfItsOwnIsAProblemNamingTheFile() throws Exception {
    write(content.resolve("news/yoxdur.en.md"), "---\ntitle: \"Nothing\"\n---\nText.\n");
    write(content.resolve("pages/haqqinda.en.md"), "---\ntitle: \"About\"\ndate: 2013-01-01\n---\nText.\n");
    assertThatThrownBy(this::build).isInstanceOf(ProblemsException.class)
        .hasMessageContaining("news/yoxdur.en.md:1: a translation needs its original beside it: yoxdur.md is missing")
        .hasMessageContaining("pages/haqqinda.en.md:3: unknown key 'date'");
    assertThat(out).doesNotExist();
  }

  @Test
  void anEnglishTitleInSiteYamlNeedsATitle() throws Exception {
    Path site = content.resolve("site.yaml");
    write(site, read(site).replaceAll("(?s)\nen:.*", "\nen:\n  description: \"No title\"\n"));
    assertThatThrownBy(this::build).isInstanceOf(ProblemsException.class).hasMessageContaining("site.yaml")
        .hasMessageContaining("title");
  }

  @Test
  void aSiteWhoseFirstLanguageIsEnglishHasOneLanguageAtItsRoot() throws Exception {
    Path site = content.resolve("site.yaml");
    write(site, read(site).replaceFirst("(?m)^language:.*\\n", "") + "language: en\n");

    build();

    assertThat(out.resolve("en")).doesNotExist();
    assertThat(page("/news/")).contains("<html lang=\"en\">", "<a href=\"/news/\" aria-current=\"page\">News</a>")
        .doesNotContain("hreflang", "/en/");
  }
}
