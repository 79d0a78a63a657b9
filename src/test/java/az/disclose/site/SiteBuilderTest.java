package az.disclose.site;

import static az.disclose.site.TestSites.read;
import static az.disclose.site.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import az.disclose.yaml.ProblemsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SiteBuilderTest {
  @TempDir Path dir;
  Path content;
  Path out;

  @BeforeEach
  void copyProject() {
    TestSites.copyProject(dir);
    content = dir.resolve("content");
    out = dir.resolve("site");
  }

  /** A fixed "now": the home page shows when the site was regenerated, to the minute. */
  private static final Clock NOW = Clock.fixed(java.time.Instant.parse("2026-11-25T10:00:00Z"), java.time.ZoneOffset.UTC);

  private BuildReport build() throws Exception {
    return new SiteBuilder(content, dir.resolve("theme"), out, NOW).build();
  }

  private String page(String sitePath) {
    return read(out.resolve(sitePath.substring(1) + (sitePath.endsWith("/") ? "index.html" : "")));
  }

  @Test
  void buildsEveryKindOfPageFromTheRealContent() throws Exception {
    build();
    assertThat(out.resolve("index.html")).exists();
    for (String path : List.of("news/index.html", "news/komissiya-yaradildi/index.html", "tags/index.html",
        "tags/komissiya/index.html", "plan/index.html", "plan/1-1/index.html", "plan/5-2/index.html",
        "commission/index.html", "documents/index.html", "documents/emr-2012/index.html",
        "documents/informasiya-azadligi-qaydalari/index.html", "request/index.html", "contact/index.html", "haqqinda/index.html",
        "404.html", "feed.xml", "sitemap.xml", "robots.txt", "plan.json", "plan.csv", "style.css")) {
      assertThat(out.resolve(path)).as(path).isRegularFile();
    }
    try (Stream<Path> measures = Files.list(out.resolve("plan"))) {
      assertThat(measures.filter(Files::isDirectory).count()).isEqualTo(16);
    }
  }

  @Test
  void pagesAreAzerbaijaniWithAzerbaijaniDates() throws Exception {
    build();
    String news = page("/news/komissiya-yaradildi/");
    assertThat(news).contains("<html lang=\"az\">", "30 oktyabr 2012", "29 oktyabr 2012", "Hadisə tarixi");
    assertThat(page("/")).contains("Son xəbərlər", "Məlumat sorğusu");
  }

  @Test
  void planPageShowsTheSeedTableWithStatusesAndOpenDataLinks() throws Exception {
    build();
    String plan = page("/plan/");
    assertThat(plan).contains("İcraçı", "İcra müddəti", "Vəziyyət", "href=\"/plan.json\"", "href=\"/plan.csv\"",
        "Aparatın rəhbəri, Elektron İdarəetmə şöbəsi və Mətbuat katibi", "2012-2014-cü illər", "başlanmayıb");
    assertThat(plan).contains("href=\"/plan/3-4/\"");
    String measure = page("/plan/1-1/");
    assertThat(measure).contains("(2012–2014)", "href=\"/news/mesul-sexsler-teyin-edildi/\"");
  }

  @Test
  void theContactPageShowsTheMinistryAndEachOfficerWithTheirOfficialAddress() throws Exception {
    build();
    String contact = page("/contact/");
    assertThat(contact).contains("<title>Əlaqə — ", "Test küçəsi 1<br>Bakı, AZ1000", "href=\"tel:+994120000000\"",
        "Bazar ertəsi – cümə: 09:00–18:00", "href=\"mailto:info@example.gov.az\"",
        "A. Məsimli", "Test küçəsi 1, otaq 101", "href=\"mailto:metbuat@example.gov.az\"", "R. Şəfaqətov",
        "Test küçəsi 1, otaq 202", "href=\"/request/\"");
    assertThat(page("/")).contains("<a href=\"/contact/\">Əlaqə</a>");
    assertThat(contact).contains("<a href=\"/contact/\" aria-current=\"page\">Əlaqə</a>");
  }

  @Test
  void aNewsPageLeadsBackToTheNewsAndListsTheNewestItemsSharingATag() throws Exception {
    write(content.resolve("news/yeni-komissiya.md"), TestSites.news("Komissiyanın ilk iclası", "2013-01-15", "komissiya"));
    write(content.resolve("news/basqa.md"), TestSites.news("Başqa mövzu", "2013-01-20", "enerji"));
    build();
    String news = page("/news/komissiya-yaradildi/");
    assertThat(news).contains("href=\"/news/\">Bütün xəbərlərə qayıt</a>", "<h2 id=\"related\">Oxşar xəbərlər</h2>");
    String related = news.substring(news.indexOf("id=\"related\""));
    // Newest first, each with its date in words; never itself, never a news item sharing no tag.
    assertThat(related).containsSubsequence("Komissiyanın ilk iclası", "15 yanvar 2013", "/news/illik-is-plani-tesdiq-edildi/",
        "/news/mesul-sexsler-teyin-edildi/");
    assertThat(related).doesNotContain("/news/komissiya-yaradildi/", "Başqa mövzu");
    assertThat(page("/news/basqa/")).doesNotContain("id=\"related\"").contains("Bütün xəbərlərə qayıt");
  }

  @Test
  void aRebuildRedoesTheNewsPagesThatListAnEditedItemAsRelated() throws Exception {
    build();
    assertThat(page("/news/komissiya-yaradildi/")).contains("/news/illik-is-plani-tesdiq-edildi/");
    Path edited = content.resolve("news/illik-is-plani-tesdiq-edildi.md");
    write(edited, read(edited).replaceFirst("title: \"[^\"]*\"", "title: \"Təzə başlıq\""));
    build();
    assertThat(page("/news/komissiya-yaradildi/")).contains("Təzə başlıq");
    write(content.resolve("news/muveqqeti.md"), TestSites.news("Müvəqqəti", "2013-03-01", "komissiya"));
    build();
    assertThat(page("/news/komissiya-yaradildi/")).contains("/news/muveqqeti/");
    // Removed: no page lists it any more (the build's link check would refuse a page that did).
    Files.delete(content.resolve("news/muveqqeti.md"));
    build();
    assertThat(page("/news/komissiya-yaradildi/")).doesNotContain("/news/muveqqeti/");
  }

  @Test
  void everyDateOnThePagesIsInWordsInOneFormat() throws Exception {
    build();
    assertThat(page("/plan/1-1/")).contains("<time datetime=\"2012-10-30\">30 oktyabr 2012</time>");
    assertThat(page("/documents/")).contains(">29 oktyabr 2012</time>");
    try (Stream<Path> all = Files.walk(out)) {
      for (Path html : all.filter(p -> p.toString().endsWith(".html")).toList()) {
        // A <time> shows words ("30 oktyabr 2012", "oktyabr 2012"), never the ISO form of its datetime.
        assertThat(read(html)).as(out.relativize(html).toString()).doesNotContainPattern(">\\d{4}-\\d{2}-\\d{2}</time>");
      }
    }
  }

  @Test
  void theNotFoundPageLinksToEveryMainSection() throws Exception {
    build();
    String notFound = page("/404.html");
    for (String section : List.of("/news/", "/plan/", "/commission/", "/documents/", "/request/", "/contact/")) {
      assertThat(notFound).contains("<li><a href=\"" + section + "\">");
    }
  }

  @Test
  void everyPageHasTheFaviconAndTheCrestOnlyWhenTheThemeHasOne() throws Exception {
    build();
    assertThat(page("/")).contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">").doesNotContain("crest");
    assertThat(out.resolve("favicon.svg")).isRegularFile();
    write(dir.resolve("theme/static/crest.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>");
    build();
    assertThat(page("/contact/")).contains("<a class=\"brand\" href=\"/\"><img src=\"/crest.svg\" alt=\"\">");
    assertThat(out.resolve("crest.svg")).isRegularFile();
  }

  @Test
  void theOrdersPointsShowTheirOwnNumbersOnceWithoutBullets() throws Exception {
    build();
    assertThat(page("/documents/informasiya-azadligi-qaydalari/")).contains("<ul class=\"numbered\">\n<li>1.1. ");
  }

  @Test
  void planIsPublishedAsJsonAndCsv() throws Exception {
    build();
    JsonNode json = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
    assertThat(json.get("sections")).hasSize(5);
    int measures = 0;
    for (JsonNode s : json.get("sections")) {
      measures += s.get("measures").size();
    }
    assertThat(measures).isEqualTo(16);
    JsonNode first = json.get("sections").get(0).get("measures").get(0);
    assertThat(first.get("id").asText()).isEqualTo("1.1");
    assertThat(first.get("deadline").get("from_year").asInt()).isEqualTo(2012);
    assertThat(first.get("deadline").get("to_year").asInt()).isEqualTo(2014);
    assertThat(first.get("status").asText()).isEqualTo("not_started");

    List<String> csv = Files.readAllLines(out.resolve("plan.csv"), StandardCharsets.UTF_8);
    assertThat(csv).hasSize(17);
    assertThat(csv.get(0)).startsWith("\uFEFFid,section,section_title,text,executors,deadline");
    assertThat(csv.get(1)).startsWith("1.1,1,İnformasiya əldə edilməsinin asanlaşdırılması,\"Nazirlikdə");
  }

  @Test
  void newsListIsPaginatedWithPreviousAndNextLinks() throws Exception {
    for (int i = 1; i <= 23; i++) {
      write(content.resolve("news/xeber-" + i + ".md"), TestSites.news("Xəbər " + i, "2013-01-%02d".formatted(i)));
    }
    build();
    assertThat(out.resolve("news/index.html")).exists();
    assertThat(out.resolve("news/page/2/index.html")).exists();
    assertThat(out.resolve("news/page/3/index.html")).exists();
    assertThat(out.resolve("news/page/4")).doesNotExist();
    String first = page("/news/");
    assertThat(first).contains("Xəbər 23", "href=\"/news/page/2/\" rel=\"next\"").doesNotContain("rel=\"prev\"");
    String second = page("/news/page/2/");
    assertThat(second).contains("href=\"/news/\" rel=\"prev\"", "href=\"/news/page/3/\" rel=\"next\"", "Xəbər 13");
    assertThat(page("/news/page/3/")).contains("komissiya-yaradildi").doesNotContain("rel=\"next\"");
  }

  @Test
  void tagPagesListTheirNews() throws Exception {
    write(content.resolve("news/a.md"), TestSites.news("Enerji xəbəri", "2013-01-01", "Enerji Şurası"));
    build();
    assertThat(page("/tags/enerji-surasi/")).contains("Enerji Şurası", "href=\"/news/a/\"");
    assertThat(page("/tags/")).contains("href=\"/tags/enerji-surasi/\"");
    assertThat(page("/news/a/")).contains("href=\"/tags/enerji-surasi/\"");
  }

  @Test
  void feedIsAtomWithTheLatestNewsFirstAndAbsoluteIds() throws Exception {
    for (int i = 1; i <= 25; i++) {
      write(content.resolve("news/x" + i + ".md"), TestSites.news("Xəbər " + i, "2014-02-%02d".formatted(i)));
    }
    build();
    var doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(out.resolve("feed.xml").toFile());
    Element feed = doc.getDocumentElement();
    assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
    NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    assertThat(entries.getLength()).isEqualTo(SiteBuilder.FEED_ENTRIES);
    Element newest = (Element) entries.item(0);
    assertThat(newest.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo("Xəbər 25");
    assertThat(newest.getElementsByTagNameNS("*", "id").item(0).getTextContent()).isEqualTo("https://example.gov.az/news/x25/");
    assertThat(newest.getElementsByTagNameNS("*", "content").item(0).getTextContent()).contains("<p>Mətn: Xəbər 25.</p>");
    assertThat(feed.getElementsByTagNameNS("*", "updated").item(0).getTextContent()).isEqualTo("2014-02-25T00:00:00+04:00");
  }

  @Test
  void sitemapListsEveryPageButThe404AndRobotsPointsAtIt() throws Exception {
    build();
    String sitemap = read(out.resolve("sitemap.xml"));
    assertThat(sitemap).contains("<loc>https://example.gov.az/</loc>", "<loc>https://example.gov.az/plan/2-3/</loc>",
        "<loc>https://example.gov.az/news/komissiya-yaradildi/</loc><lastmod>2012-10-30</lastmod>").doesNotContain("404");
    long htmlPages;
    try (Stream<Path> all = Files.walk(out)) {
      htmlPages = all.filter(p -> p.toString().endsWith(".html") && !p.endsWith("404.html")).count();
    }
    assertThat(sitemap.split("<url>", -1).length - 1).isEqualTo((int) htmlPages);
    assertThat(read(out.resolve("robots.txt"))).contains("Sitemap: https://example.gov.az/sitemap.xml");
  }

  @Test
  void requestPageFormPostsToTheConfiguredInboxWithEmailAlternative() throws Exception {
    build();
    String request = page("/request/");
    assertThat(request).contains("action=\"http://127.0.0.1:8080/requests\"", "method=\"post\"",
        "href=\"mailto:sorgu@example.gov.az\"", "name=\"website\"");
  }

  @Test
  void twoBuildsOfTheSameInputAreByteIdentical() throws Exception {
    // The clock is an input too: the home page says when the site was regenerated.
    build();
    Path other = dir.resolve("site2");
    new SiteBuilder(content, dir.resolve("theme"), other, NOW).build();
    assertThat(tree(other)).isEqualTo(tree(out));
    assertThat(page("/")).contains("Sayt sonuncu dəfə yenilənib: <time datetime=\"2026-11-25T14:00+04:00\">25 noyabr 2026, 14:00</time>");
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  @Test
  void rebuildRewritesOnlyTheFilesWhoseBytesChange() throws Exception {
    BuildReport first = build();
    assertThat(first.changed()).isEqualTo(first.pages());
    FileTime old = FileTime.fromMillis(0);
    try (Stream<Path> all = Files.walk(out)) {
      for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        Files.setLastModifiedTime(p, old);
      }
    }
    Path news = content.resolve("news/komissiya-yaradildi.md");
    write(news, read(news).replace("Komissiya 14 nəfərdən ibarətdir.", "Komissiya on dörd nəfərdən ibarətdir."));

    BuildReport second = build();

    // Its own page and the feed, which carries its text. The item has an English translation
    // (komissiya-yaradildi.en.md): its English page and the English feed do not change.
    assertThat(second.written()).containsExactlyInAnyOrder("news/komissiya-yaradildi/index.html", "feed.xml");
    assertThat(second.unchanged()).isEqualTo(first.pages() - 2);
    assertThat(Files.getLastModifiedTime(out.resolve("feed.xml"))).isNotEqualTo(old);
    assertThat(page("/news/komissiya-yaradildi/")).contains("on dörd nəfərdən");
    assertThat(Files.getLastModifiedTime(out.resolve("news/komissiya-yaradildi/index.html"))).isNotEqualTo(old);
    assertThat(Files.getLastModifiedTime(out.resolve("plan/index.html"))).isEqualTo(old);
  }

  @Test
  void rebuildRemovesFilesWhoseSourceIsGone() throws Exception {
    write(content.resolve("news/muveqqeti.md"), TestSites.news("Müvəqqəti", "2013-03-01", "Tək teq"));
    build();
    assertThat(out.resolve("news/muveqqeti/index.html")).exists();
    assertThat(out.resolve("tags/tek-teq/index.html")).exists();

    Files.delete(content.resolve("news/muveqqeti.md"));
    BuildReport report = build();

    assertThat(report.removed()).containsExactlyInAnyOrder("news/muveqqeti/index.html", "tags/tek-teq/index.html",
        "en/news/muveqqeti/index.html", "en/tags/tek-teq/index.html");
    assertThat(out.resolve("news/muveqqeti")).doesNotExist();
    assertThat(out.resolve("tags/tek-teq")).doesNotExist();
  }

  @Test
  void rebuildRemovesFilesAndEmptyDirectoriesNoBuildProducedAndKeepsTheirNeighbours() throws Exception {
    build();
    write(out.resolve("plan/old-draft.html"), "<p>köhnə</p>");
    write(out.resolve("archive/2012/a/index.html"), "<p>arxiv</p>");
    Files.createDirectories(out.resolve("empty/inside"));
    // A build with nothing to do looks at nothing: a change makes it build.
    Path news = content.resolve("news/komissiya-yaradildi.md");
    write(news, read(news).replace("Komissiya 14 nəfərdən ibarətdir.", "Komissiya on dörd nəfərdən ibarətdir."));

    BuildReport report = build();

    assertThat(report.removed()).containsExactlyInAnyOrder("plan/old-draft.html", "archive/2012/a/index.html");
    assertThat(out.resolve("plan/index.html")).exists();
    assertThat(out.resolve("archive")).doesNotExist();
    assertThat(out.resolve("empty")).doesNotExist();
    assertThat(out.resolve(Output.MARKER)).exists();
  }

  @Test
  void brokenInternalLinksFailTheBuildListingEveryOne() throws Exception {
    write(content.resolve("news/x.md"), """
        ---
        title: "Keçidlər"
        date: 2013-01-01
        ---
        [yox](/yoxdur/), [plan](/plan/9-9/), [yaxşı](/plan/1-1/), [xarici](https://example.org/x), [məktub](mailto:sorgu@example.gov.az)
        """);
    ProblemsException e = catchThrowableOfType(ProblemsException.class, this::build);
    assertThat(e.problems()).extracting(p -> p.message()).containsExactly(
        "broken link: /en/news/x/ links to /en/plan/9-9/, which the build did not produce",
        "broken link: /en/news/x/ links to /en/yoxdur/, which the build did not produce",
        "broken link: /news/x/ links to /plan/9-9/, which the build did not produce",
        "broken link: /news/x/ links to /yoxdur/, which the build did not produce");
  }

  @Test
  void contentErrorsWriteNothing() {
    write(content.resolve("news/x.md"), "---\ntitle: X\ndate: dünən\n---\nMətn\n");
    assertThatThrownBy(this::build).isInstanceOf(ProblemsException.class).hasMessageContaining("news/x.md:3: 'date' is not an ISO date");
    assertThat(out).doesNotExist();
  }

  @Test
  void refusesToWriteIntoADirectoryItDidNotMake() throws Exception {
    Files.createDirectories(out);
    write(out.resolve("vacib.txt"), "başqasının faylı");
    assertThatThrownBy(this::build).isInstanceOf(IOException.class).hasMessageContaining("not made by disclose");
    assertThat(out.resolve("vacib.txt")).exists();
  }

  @Test
  void contentTextIsEscapedAndUnsafeLinksAreNeutralised() throws Exception {
    write(content.resolve("news/x.md"), """
        ---
        title: "<script>alert(1)</script> & Co"
        date: 2013-01-01
        summary: "\\"><img src=x onerror=alert(1)>"
        ---
        <b onclick="x()">qalın</b> [klik](javascript:alert(1))
        """);
    build();
    String html = page("/news/x/");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", "&lt;b onclick=&quot;x()&quot;&gt;qalın&lt;/b&gt;", "<a href=\"#\">klik</a>")
        .doesNotContain("<script>", "javascript:", "<img src=x");
  }

  @Test
  void templateErrorsNameTheTemplateAndLine() throws Exception {
    Path template = dir.resolve("theme/templates/commission.ftlh");
    write(template, read(template).replace("${msg[\"commission.intro\"]}", "${commission.yoxdur}"));
    ProblemsException e = catchThrowableOfType(ProblemsException.class, this::build);
    // Once for each language's page.
    assertThat(e.problems()).hasSize(2).allSatisfy(p -> {
      assertThat(p.file()).isEqualTo(template);
      assertThat(p.line()).isEqualTo(4);
    });
    assertThat(e.problems()).extracting(p -> p.message().substring(0, p.message().indexOf(':')))
        .containsExactlyInAnyOrder("while rendering /commission/", "while rendering /en/commission/");
  }

  @Test
  void rebuildWithNothingChangedWritesNothingAndKeepsTheCacheOutsideTheSite() throws Exception {
    BuildReport first = build();
    BuildReport second = build();
    assertThat(second.changed()).isZero();
    assertThat(second.unchanged()).isEqualTo(first.pages());
    assertThat(BuildCache.fileFor(out)).exists();
    assertThat(BuildCache.fileFor(out).startsWith(out.toAbsolutePath())).isFalse();
  }

  @Test
  void rebuildRestoresAnOutputFileThatWasDeleted() throws Exception {
    build();
    Files.delete(out.resolve("plan/index.html"));
    BuildReport again = build();
    assertThat(out.resolve("plan/index.html")).exists();
    assertThat(again.changed()).isEqualTo(1);
  }

  @Test
  void themeChangeRerendersEveryNewsPage() throws Exception {
    build();
    Path layout = dir.resolve("theme/templates/news.ftlh");
    write(layout, read(layout).replace("<article>", "<article class=\"yeni\">"));
    build();
    assertThat(page("/news/komissiya-yaradildi/")).contains("<article class=\"yeni\">");
    assertThat(page("/news/illik-is-plani-tesdiq-edildi/")).contains("<article class=\"yeni\">");
  }

  @Test
  void editedNewsTitleReachesItsPageAndTheLists() throws Exception {
    build();
    Path news = content.resolve("news/komissiya-yaradildi.md");
    write(news, read(news).replaceFirst("title: \"[^\"]*\"", "title: \"Yeni başlıq\""));
    build();
    assertThat(page("/news/komissiya-yaradildi/")).contains("<h1>Yeni başlıq</h1>");
    assertThat(page("/news/")).contains("Yeni başlıq");
    assertThat(page("/")).contains("Yeni başlıq");
  }

  @Test
  void aDamagedCacheOnlyCostsAFullBuild() throws Exception {
    build();
    Files.write(BuildCache.fileFor(out), new byte[] {0, 0, 0, 1, 42});
    BuildReport again = build();
    assertThat(again.changed()).isZero();
    assertThat(again.pages()).isGreaterThan(40);
  }

  @Test
  void aCacheWithZeroedOrChangedBytesOnlyCostsAFullBuild() throws Exception {
    build();
    byte[] whole = Files.readAllBytes(BuildCache.fileFor(out));
    // What a crash can leave behind: the right length with its last blocks zeroed; or one byte changed.
    byte[] zeroed = whole.clone();
    java.util.Arrays.fill(zeroed, whole.length / 2, whole.length, (byte) 0);
    byte[] changed = whole.clone();
    changed[whole.length / 3] ^= 0x20;
    for (byte[] damaged : List.of(zeroed, changed)) {
      Files.write(BuildCache.fileFor(out), damaged);
      BuildReport again = build();
      assertThat(again.changed()).isZero();
      assertThat(again.unchanged()).isEqualTo(again.pages()).isGreaterThan(40);
      assertThat(Files.readAllBytes(BuildCache.fileFor(out))).isNotEqualTo(damaged);
    }
  }

  @Test
  void aCacheCutOffAnywhereOnlyCostsAFullBuild() throws Exception {
    build();
    byte[] whole = Files.readAllBytes(BuildCache.fileFor(out));
    for (int length : new int[] {3, 4, 9, whole.length / 3, whole.length / 2, whole.length - 1}) {
      Files.write(BuildCache.fileFor(out), java.util.Arrays.copyOf(whole, length));
      write(content.resolve("news/komissiya-yaradildi.md"), read(content.resolve("news/komissiya-yaradildi.md")) + "\nƏlavə " + length + "\n");
      BuildReport again = build();
      assertThat(again.changed()).as("cut at %d of %d bytes", length, whole.length).isPositive();
      assertThat(page("/news/komissiya-yaradildi/")).contains("Əlavə " + length);
      whole = Files.readAllBytes(BuildCache.fileFor(out));
    }
  }

  @Test
  void aConfidentialItemIsNeverWrittenToTheSite() throws Exception {
    write(content.resolve("news/daxili.md"), """
        ---
        title: "Daxili yazışma"
        date: 2012-11-01
        tags: ["gizli teq"]
        confidential: true
        ---
        Bu mətn heç vaxt dərc olunmamalıdır: XÜSUSİ-İŞARƏ.
        """);
    write(content.resolve("documents/daxili-emr.md"), "---\ntitle: Daxili əmr\ndate: 2012-11-01\nconfidential: true\n---\nXÜSUSİ-İŞARƏ\n");
    write(content.resolve("pages/daxili.md"), "---\ntitle: Daxili səhifə\nconfidential: true\n---\nXÜSUSİ-İŞARƏ\n");
    build();
    assertThat(out.resolve("news/daxili")).doesNotExist();
    assertThat(out.resolve("documents/daxili-emr")).doesNotExist();
    assertThat(out.resolve("daxili")).doesNotExist();
    assertThat(out.resolve("tags/gizli-teq")).doesNotExist();
    try (Stream<Path> all = Files.walk(out)) {
      for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        assertThat(read(p)).as(p.toString()).doesNotContain("XÜSUSİ-İŞARƏ", "Daxili yazışma", "Daxili səhifə");
      }
    }
  }

  @Test
  void anItemDatedInTheFutureIsHeldBackAndAppearsOnItsDay() throws Exception {
    write(content.resolve("news/sabah.md"), TestSites.news("Sabahın xəbəri", "2030-03-02"));
    Path theme = dir.resolve("theme");
    // 1 March 2030, 23:00 in Baku
    Clock eve = Clock.fixed(java.time.Instant.parse("2030-03-01T19:00:00Z"), java.time.ZoneOffset.UTC);
    new SiteBuilder(content, theme, out, eve).build();
    assertThat(out.resolve("news/sabah")).doesNotExist();
    assertThat(page("/news/")).doesNotContain("Sabahın xəbəri");
    assertThat(read(out.resolve("feed.xml"))).doesNotContain("Sabahın xəbəri");

    BuildReport sameDay = new SiteBuilder(content, theme, out, eve).build();
    assertThat(sameDay.changed()).isZero();

    // 2 March 2030, 00:30 in Baku: nothing changed on disk, but the item's day has come.
    Clock morning = Clock.fixed(java.time.Instant.parse("2030-03-01T20:30:00Z"), java.time.ZoneOffset.UTC);
    new SiteBuilder(content, theme, out, morning).build();
    assertThat(page("/news/sabah/")).contains("Sabahın xəbəri");
    assertThat(page("/news/")).contains("Sabahın xəbəri");
  }

  @Test
  void theLedgerRecordsWhenANewItemFirstWentLiveAndOnlyThen() throws Exception {
    write(content.resolve("news/yeni.md"), TestSites.news("Yeni xəbər", "2013-04-01"));
    Clock first = Clock.fixed(java.time.Instant.parse("2013-04-01T08:15:00Z"), java.time.ZoneOffset.UTC);
    new SiteBuilder(content, dir.resolve("theme"), out, first).build();
    Path ledger = content.resolve("data/publication-ledger.yaml");
    assertThat(read(ledger)).contains("\"/news/yeni/\": \"2013-04-01T08:15:00Z\"", "\"/news/komissiya-yaradildi/\": 2012-10-30");

    Clock later = Clock.fixed(java.time.Instant.parse("2013-04-09T10:00:00Z"), java.time.ZoneOffset.UTC);
    BuildReport again = new SiteBuilder(content, dir.resolve("theme"), out, later).build();
    assertThat(read(ledger)).contains("\"/news/yeni/\": \"2013-04-01T08:15:00Z\"").doesNotContain("2013-04-09");
    assertThat(again.changed()).as("writing the ledger is not a change of the site").isZero();
  }

  @Test
  void theOpennessPageCountsItemsPublishedWithinThreeDaysByMonthFromTheLedger() throws Exception {
    write(content.resolve("news/a.md"), "---\ntitle: A\ndate: 2013-01-03\nevent_date: 2013-01-02\n---\nA\n");
    write(content.resolve("news/b.md"), "---\ntitle: B\ndate: 2013-01-06\nevent_date: 2013-01-05\n---\nB\n");
    write(content.resolve("news/c.md"), "---\ntitle: C\ndate: 2013-02-02\nevent_date: 2013-02-01\n---\nC\n");
    Path ledger = content.resolve("data/publication-ledger.yaml");
    write(ledger, read(ledger) + """
          "/news/a/": 2013-01-03
          "/news/b/": 2013-01-20
          "/news/c/": 2013-02-04
        """);
    build();
    String openness = page("/openness/");
    // October 2012: the order's five items (documents on their day, news a day later).
    String cells = "</th><td data-label=\"Material\">%d</td><td data-label=\"üç gün ərzində\">%d</td>"
        + "<td data-label=\"gecikmə ilə\">%d</td><td data-label=\"Vaxtında, %%\">%d</td></tr>";
    assertThat(openness).contains(
        "<tr><th scope=\"row\"><time datetime=\"2012-10\">oktyabr 2012</time>" + cells.formatted(5, 5, 0, 100),
        "<tr><th scope=\"row\"><time datetime=\"2013-01\">yanvar 2013</time>" + cells.formatted(2, 1, 1, 50),
        "<tr><th scope=\"row\"><time datetime=\"2013-02\">fevral 2013</time>" + cells.formatted(1, 1, 0, 100),
        "Cəmi 8 materialdan 7-i (88%)");
    // The chart: a text alternative with every month's figure, the counts' axis named and marked,
    // each bar's value above it and its month below the axis.
    assertThat(openness).contains("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\"",
        "<desc id=\"chart-desc\">Hər ay üçün bir sütun", "oktyabr 2012: 5. yanvar 2013: 2. fevral 2013: 1.</desc>",
        ">Materialların sayı</text>", "text-anchor=\"end\">0</text>", "text-anchor=\"end\">5</text>",
        "class=\"value\" x=\"", "text-anchor=\"middle\">oktyabr</text>", "text-anchor=\"middle\">2012</text>");
    assertThat(page("/")).contains("href=\"/openness/\"");
  }

  @Test
  void anItemWithASummaryOverSixtyFourKilobytesIsBuiltAndCachedLikeAnyOther() throws Exception {
    String summary = "Uzun xülasə ə".repeat(6000); // ~84 KB of UTF-8: more than writeUTF could hold
    write(content.resolve("news/uzun.md"), "---\ntitle: \"Uzun\"\ndate: 2013-01-01\nsummary: \"" + summary + "\"\n---\nMətn.\n");
    build();
    BuildReport again = build();
    assertThat(again.changed()).isZero();
    assertThat(page("/news/uzun/")).contains("Uzun xülasə ə");
    write(content.resolve("news/komissiya-yaradildi.md"), read(content.resolve("news/komissiya-yaradildi.md")) + "\nƏlavə.\n");
    assertThat(build().changed()).isPositive(); // the cache, read back, still serves
  }

  @Test
  void aDateCarriedOverIntoTheLedgerByHandReachesTheOpennessPageAtTheNextBuild() throws Exception {
    build();
    String before = page("/openness/");
    Path ledger = content.resolve("data/publication-ledger.yaml");
    // The commission's news went live a month after its event, say the records of the old site.
    write(ledger, read(ledger).replaceFirst("\"/news/komissiya-yaradildi/\": [^\\n]*", "\"/news/komissiya-yaradildi/\": 2012-11-30"));
    assertThat(read(ledger)).contains("\"/news/komissiya-yaradildi/\": 2012-11-30");

    BuildReport report = build();

    assertThat(report.written()).contains("openness/index.html");
    assertThat(page("/openness/")).isNotEqualTo(before);
    assertThat(build().changed()).as("the build's own ledger entries are no change").isZero();
  }
}
