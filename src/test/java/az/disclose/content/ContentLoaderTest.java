package az.disclose.content;

import static az.disclose.site.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import az.disclose.site.TestSites;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {
  @TempDir Path dir;
  Path content;

  @BeforeEach
  void copyRealContent() {
    TestSites.copyProject(dir);
    content = dir.resolve("content");
  }

  private List<String> problems() {
    ProblemsException e = catchThrowableOfType(ProblemsException.class, () -> new ContentLoader().load(content));
    assertThat(e).as("loading should fail").isNotNull();
    return e.problems().stream().map(p -> dir.relativize(p.file()) + ":" + p.line() + ": " + p.message()).toList();
  }

  @Test
  void loadsTheShippedContent() throws Exception {
    Content c = new ContentLoader().load(content);
    assertThat(c.news()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(c.news()).allSatisfy(n -> {
      assertThat(n.date().getYear()).isEqualTo(2012);
      assertThat(n.eventDate()).isPresent();
    });
    assertThat(c.documents()).extracting(Document::slug).contains("emr-2012", "informasiya-azadligi-qaydalari");
    assertThat(c.plan().measureCount()).isEqualTo(16);
    assertThat(c.commission().members()).hasSize(14);
    assertThat(c.commission().foiOfficers()).extracting(Commission.Officer::name).containsExactly("A. Məsimli", "R. Şəfaqətov");
  }

  @Test
  void newsAreSortedNewestFirst() throws Exception {
    write(content.resolve("news/kohne.md"), TestSites.news("Köhnə", "2011-01-05"));
    write(content.resolve("news/yeni.md"), TestSites.news("Yeni", "2013-02-01"));
    List<NewsItem> news = new ContentLoader().load(content).news();
    assertThat(news.get(0).slug()).isEqualTo("yeni");
    assertThat(news.get(news.size() - 1).slug()).isEqualTo("kohne");
  }

  @Test
  void badDateIsReportedWithFileLineAndKey() {
    write(content.resolve("news/x.md"), """
        ---
        title: "Xəbər"
        date: 12/5
        ---
        Mətn
        """);
    assertThat(problems()).containsExactly("content/news/x.md:3: 'date' is not an ISO date (yyyy-mm-dd): '12/5'");
  }

  @Test
  void unknownKeyMissingTitleAndMissingFrontMatterAreAllReportedTogether() {
    write(content.resolve("news/a.md"), """
        ---
        date: 2012-10-30
        autor: "Mətbuat katibi"
        ---
        Mətn
        """);
    write(content.resolve("news/b.md"), "Başlıq\n\nFront matter yoxdur.\n");
    write(content.resolve("pages/c.md"), """
        ---
        title: "Açılmış, bağlanmamış
        """);
    assertThat(problems()).satisfiesExactly(
        p -> assertThat(p).startsWith("content/news/a.md:2: 'title' is required"),
        p -> assertThat(p).startsWith("content/news/a.md:3: unknown key 'autor' (allowed: confidential, date, event_date, late_reason, publish_despite, slug, summary, tags, title)"),
        p -> assertThat(p).startsWith("content/news/b.md:1: the file must start with front matter"),
        p -> assertThat(p).startsWith("content/pages/c.md:1: the front matter opened on line 1 is never closed"));
  }

  @Test
  void yamlSyntaxErrorNamesTheFileLine() {
    write(content.resolve("news/x.md"), """
        ---
        title: "Xəbər"
        date: 2012-10-30
        tags: [bir, iki
        ---
        Mətn
        """);
    assertThat(problems()).singleElement().asString().startsWith("content/news/x.md:").contains("YAML syntax error");
  }

  @Test
  void eventAfterPublicationIsAnError() {
    write(content.resolve("news/x.md"), """
        ---
        title: "Xəbər"
        date: 2012-10-30
        event_date: 2012-11-02
        ---
        Mətn
        """);
    assertThat(problems()).containsExactly("content/news/x.md:4: 'event_date' 2012-11-02 is after the publication 'date' 2012-10-30");
  }

  @Test
  void fileNotInUtf8IsAnError() throws Exception {
    byte[] latin5 = "---\ntitle: \"Az\u0259\"\ndate: 2012-10-30\n---\n\u015e\n".getBytes("ISO-8859-9");
    Files.write(content.resolve("news/x.md"), latin5);
    assertThat(problems()).containsExactly("content/news/x.md:0: is not valid UTF-8 text; save it as UTF-8");
  }

  @Test
  void duplicateSlugsAndReservedPageSlugsAreErrors() {
    write(content.resolve("news/a.md"), TestSites.news("A", "2012-10-30"));
    write(content.resolve("news/b.md"), "---\ntitle: B\ndate: 2012-10-30\nslug: a\n---\nB\n");
    write(content.resolve("pages/plan.md"), "---\ntitle: Plan\n---\nX\n");
    assertThat(problems()).containsExactlyInAnyOrder(
        "content/news/b.md:1: slug 'a' is already used by the news item " + content.resolve("news/a.md") + "; set a different 'slug'",
        "content/pages/plan.md:1: slug 'plan' is used by the site itself; choose another (reserved: commission, contact, documents, feed.xml, files, news, openness, plan, reports, request, requests, sitemap.xml, statistics, tags)");
  }

  @Test
  void tagsWrittenDifferentlyButWithOneAddressAreAnError() {
    write(content.resolve("news/a.md"), TestSites.news("A", "2012-10-30", "Enerji Şurası"));
    write(content.resolve("news/b.md"), TestSites.news("B", "2012-10-30", "enerji surasi"));
    assertThat(problems()).singleElement().asString().contains("/tags/enerji-surasi/");
  }

  @Test
  void planErrorsNameTheMeasureAndLine() {
    Path plan = content.resolve("data/plan.yaml");
    write(plan, """
        title: "Plan"
        sections:
          - number: "1"
            title: "Bölmə"
            measures:
              - id: "2.1"
                text: "Tədbir"
                executors: "Mətbuat katibi"
                deadline: "tezliklə"
                status: done
        """);
    assertThat(problems()).containsExactly(
        "content/data/plan.yaml:6: sections[1].measures[1]: measure '2.1' is listed under section 1; its id must start with '1.'",
        "content/data/plan.yaml:9: sections[1].measures[1]: 'deadline' must be a period of years such as '2012-2014-cü illər' or 'mütəmadi', not 'tezliklə'",
        "content/data/plan.yaml:10: sections[1].measures[1]: 'status' must be one of not_started, limited, substantial, complete, not 'done'");
  }

  @Test
  void bodyIsReadFromAfterTheFrontMatter() throws Exception {
    write(content.resolve("news/x.md"), "---\ntitle: X\ndate: 2012-10-30\n---\n## Başlıq\n\nİçərik\n");
    NewsItem x = new ContentLoader().load(content).news().stream().filter(n -> n.slug().equals("x")).findFirst().orElseThrow();
    assertThat(x.body().read()).isEqualTo("## Başlıq\n\nİçərik\n");
    assertThat(x.body().line()).isEqualTo(5);
    assertThat(x.date()).isEqualTo(LocalDate.of(2012, 10, 30));
  }

  @Test
  void problemFormatIsFileColonLine() {
    assertThat(new Problem(Path.of("content/news/x.md"), 3, "'date' is not an ISO date: '12/5'"))
        .hasToString("content/news/x.md:3: 'date' is not an ISO date: '12/5'");
  }

  @Test
  void publishablePagesAloneSkipConfidentialPagesAndDoNotReadTheNews() throws Exception {
    write(content.resolve("pages/daxili.md"), "---\ntitle: Daxili\nconfidential: true\n---\nX\n");
    write(content.resolve("news/broken.md"), "no front matter at all\n");
    assertThat(new ContentLoader().loadPublishablePages(content)).extracting(Page::slug).containsExactly("haqqinda");
  }

  @Test
  void theContactDataIsReadWithTheOfficersAndTheirOfficialAddresses() throws Exception {
    Contact c = new ContentLoader().load(content).contact();
    assertThat(c.organisation()).isEqualTo("Azərbaycan Respublikasının Sənaye və Energetika Nazirliyi");
    assertThat(c.address()).containsExactly("Test küçəsi 1", "Bakı, AZ1000");
    assertThat(c.telUrl()).contains("tel:+994120000000");
    assertThat(c.hours()).hasSize(2);
    assertThat(c.officers()).extracting(Contact.Officer::name).containsExactly("A. Məsimli", "R. Şəfaqətov");
    assertThat(c.officers().get(0).address()).containsExactly("Test küçəsi 1, otaq 101", "Bakı, AZ1000");
    assertThat(c.officers().get(1).phone()).isEmpty();
  }

  @Test
  void contactMistakesAreAllReportedWithFileAndLine() {
    write(content.resolve("data/contact.yaml"), """
        organisation: "Nazirlik"
        address: "Bakı"
        email: "info-at-example"
        hours: []
        fax: "+994 12 000"
        officers:
          - name: "A. Məsimli"
            position: "Mətbuat katibi"
            email: "metbuat@example.gov.az"
        """);
    assertThat(problems()).containsExactlyInAnyOrder(
        "content/data/contact.yaml:1: 'phone' is required",
        "content/data/contact.yaml:3: 'email' is not an e-mail address: 'info-at-example'",
        "content/data/contact.yaml:4: 'hours' must not be empty, nor hold an empty line",
        "content/data/contact.yaml:5: unknown key 'fax' (allowed: address, email, hours, officers, organisation, phone)",
        "content/data/contact.yaml:7: officers[1]: 'address' is required (a line, or a list of lines)");
  }

  @Test
  void aSiteWithoutContactDataIsToldWhichFileIsMissing() throws Exception {
    Files.delete(content.resolve("data/contact.yaml"));
    assertThat(problems()).containsExactly(
        "content/data/contact.yaml:0: missing: the site needs this data file (see content/README.md)");
  }

  @Test
  void aPhoneThatIsNotANumberIsShownButNotLinked() {
    assertThat(Contact.telUrl("DOLDURULMALI: telefon")).isEmpty();
    assertThat(Contact.telUrl("(012) 598-16-65")).contains("tel:0125981665");
  }
}
