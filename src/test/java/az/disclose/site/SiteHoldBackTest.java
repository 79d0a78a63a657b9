package az.disclose.site;

import static az.disclose.site.TestSites.read;
import static az.disclose.site.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What `disclose check` calls an error never goes live by default: the build holds the item back
 * (no page, and nowhere in the lists, tags, feed, sitemap or home page) and lists it; a front-matter
 * reason publishes a justified exception; a fix publishes the item with the next build, which makes
 * the same site as a fresh build.
 */
class SiteHoldBackTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final String PHONE = "+994 50 123 45 67";

  @TempDir Path dir;
  Path content;
  Path theme;
  Path out;

  @BeforeEach
  void copyTheTestSite() {
    TestSites.copyProject(dir);
    content = dir.resolve("content");
    theme = dir.resolve("theme");
    out = dir.resolve("site");
  }

  private Path newsFile(String slug) {
    return content.resolve("news/" + slug + ".md");
  }

  /** A news item dated 2026-11-20 with its event on {@code event}, tagged "Yoxlama", with {@code more} front matter and {@code body}. */
  private void news(String slug, String title, String event, String more, String body) {
    write(newsFile(slug), "---\ntitle: \"" + title + "\"\ndate: 2026-11-20\nevent_date: " + event
        + "\ntags: [\"Yoxlama\"]\n" + more + "---\n\n" + body + "\n");
  }

  private static Map<String, String> files(Path root) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      all.filter(Files::isRegularFile).forEach(f -> files.put(root.relativize(f).toString(), read(f)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Whether {@code slug} is anywhere a published item appears. */
  private void assertNowhere(String slug) {
    assertThat(out.resolve("news/" + slug)).doesNotExist();
    for (String listing : List.of("index.html", "news/index.html", "feed.xml", "sitemap.xml")) {
      assertThat(read(out.resolve(listing))).as(listing).doesNotContain("/news/" + slug + "/");
    }
    try (Stream<Path> tags = Files.walk(out.resolve("tags"))) {
      tags.filter(Files::isRegularFile).forEach(t -> assertThat(read(t)).as(t.toString()).doesNotContain("/news/" + slug + "/"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertPublished(String slug) {
    assertThat(out.resolve("news/" + slug + "/index.html")).exists();
    for (String listing : List.of("news/index.html", "feed.xml", "sitemap.xml")) {
      assertThat(read(out.resolve(listing))).as(listing).contains("/news/" + slug + "/");
    }
  }

  @Test
  void itemsWithCheckErrorsAreHeldBackAndListedWhileTheRestIsPublished() throws Exception {
    news("telefon", "Qəbul günü elan edildi", "2026-11-19", "", "Əlaqə üçün: " + PHONE + ".");
    news("mexfi", "Sənəd hazırlandı", "2026-11-19", "", "Bu əlavə məxfidir və dərc olunmur.");
    news("gecikmis", "Görüş keçirildi", "2026-11-10", "", "Nazirlikdə görüş keçirildi.");
    news("vaxtinda", "Seminar keçirildi", "2026-11-19", "", "Nazirlikdə seminar keçirildi.");

    BuildReport report = new SiteBuilder(content, theme, out, NOW).build();

    assertThat(report.heldBack()).hasSize(3);
    assertThat(report.heldBack()).anySatisfy(l -> assertThat(l).startsWith(newsFile("telefon") + ":").contains("[personal-data]")
        .doesNotContain("123 45 67"));
    assertThat(report.heldBack()).anySatisfy(l -> assertThat(l).startsWith(newsFile("mexfi") + ":").contains("[confidential-marker]"));
    assertThat(report.heldBack()).anySatisfy(l -> assertThat(l).startsWith(newsFile("gecikmis") + ":").contains("[three-day-window]"));
    for (String slug : List.of("telefon", "mexfi", "gecikmis")) {
      assertNowhere(slug);
    }
    assertPublished("vaxtinda");
    assertThat(read(content.resolve("data/publication-ledger.yaml"))).contains("/news/vaxtinda/").doesNotContain("/news/telefon/")
        .doesNotContain("/news/mexfi/").doesNotContain("/news/gecikmis/");
  }

  @ParameterizedTest
  @EnumSource(Told.class)
  void aLinkToAHeldBackItemIsAWarningNamingBothFilesAndThePageIsPublishedWithIt(Told told) throws Exception {
    news("telefon", "Qəbul günü elan edildi", "2026-11-19", "", "Əlaqə üçün: " + PHONE + ".");
    news("vaxtinda", "Seminar keçirildi", "2026-11-19", "", "Seminar keçirildi; [qəbul günü](/news/telefon/) də elan olunub.");
    SiteBuilder builder = new SiteBuilder(content, theme, out, NOW);
    BuildReport report = builder.build();
    if (told == Told.BY_THE_WATCHER) {
      // The linking item edited while serve runs: only its pages are redone.
      write(newsFile("vaxtinda"), read(newsFile("vaxtinda")).replace("Seminar keçirildi;", "Seminar uğurla keçirildi;"));
      report = builder.rebuild(Set.of(newsFile("vaxtinda")));
    }

    assertThat(report.heldBack()).singleElement().asString().contains("[personal-data]");
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w).startsWith("warning [link-to-held-back] news/vaxtinda.md (/news/vaxtinda/)")
        .contains("links to /news/telefon/, the page of news/telefon.md, which is held back"));
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w).startsWith("warning [link-to-held-back] news/vaxtinda.md (/en/news/vaxtinda/)")
        .contains("links to /en/news/telefon/, the page of news/telefon.md"));
    assertPublished("vaxtinda");
    assertThat(read(out.resolve("news/vaxtinda/index.html"))).contains("href=\"/news/telefon/\"");
    assertThat(out.resolve("news/telefon")).doesNotExist();
    assertThat(out.resolve("en/news/telefon")).doesNotExist();
  }

  @Test
  void aLinkToAPageThatIsNeitherPublishedNorHeldBackStillFailsTheBuild() {
    news("telefon", "Qəbul günü elan edildi", "2026-11-19", "", "Əlaqə üçün: " + PHONE + ".");
    news("vaxtinda", "Seminar keçirildi", "2026-11-19", "", "Bax: [qəbul](/news/telefonlar/), [qəbul günü](/news/telefon/).");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SiteBuilder(content, theme, out, NOW).build())
        .isInstanceOf(az.disclose.yaml.ProblemsException.class)
        .hasMessageContaining("broken link: /news/vaxtinda/ links to /news/telefonlar/")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("links to /news/telefon/,"));
  }

  @Test
  void aReasonInTheFrontMatterPublishesAJustifiedException() throws Exception {
    news("gecikmis", "Görüş keçirildi", "2026-11-10", "late_reason: \"Fotolar nazirliyə 20 noyabrda çatdı\"\n",
        "Nazirlikdə görüş keçirildi.");
    news("qaynar-xett", "Qaynar xətt", "2026-11-19", "publish_despite: \"Nazirliyin rəsmi qaynar xətt nömrəsidir\"\n",
        "Qaynar xətt: " + PHONE + ".");

    BuildReport report = new SiteBuilder(content, theme, out, NOW).build();

    assertThat(report.heldBack()).isEmpty();
    assertPublished("gecikmis");
    assertPublished("qaynar-xett");
    // On record: in the ledger with the first publication, and on the openness page.
    String ledger = read(content.resolve("data/publication-ledger.yaml"));
    assertThat(ledger).contains("exceptions:\n")
        .contains("\"/news/gecikmis/\": \"late_reason: Fotolar nazirliyə 20 noyabrda çatdı\"")
        .contains("\"/news/qaynar-xett/\": \"publish_despite: Nazirliyin rəsmi qaynar xətt nömrəsidir\"");
    assertThat(az.disclose.publish.PublicationLedger.load(content).exception("/news/gecikmis/"))
        .hasValue("late_reason: Fotolar nazirliyə 20 noyabrda çatdı");
    String openness = read(out.resolve("openness/index.html"));
    assertThat(openness).contains("Əsaslandırılmış istisnalar")
        .contains("<a href=\"/news/gecikmis/\">Görüş keçirildi</a> — Gecikmənin səbəbi: Fotolar nazirliyə 20 noyabrda çatdı",
            "<a href=\"/news/qaynar-xett/\">Qaynar xətt</a> — Xətaya baxmayaraq dərc edilməsinin səbəbi: Nazirliyin rəsmi qaynar xətt nömrəsidir")
        .doesNotContain("late_reason", "publish_despite");
    assertThat(read(out.resolve("en/openness/index.html"))).contains(
        "<a href=\"/en/news/gecikmis/\" lang=\"az\">Görüş keçirildi</a> — Reason for the delay: <span lang=\"az\">Fotolar nazirliyə 20 noyabrda çatdı</span>");
    // A second build keeps the record as it is.
    new SiteBuilder(content, theme, out, NOW).build();
    assertThat(read(content.resolve("data/publication-ledger.yaml"))).isEqualTo(ledger);
  }

  @Test
  void anEmptyReasonIsAProblemOfTheFile() {
    news("gecikmis", "Görüş keçirildi", "2026-11-10", "late_reason: \"\"\n", "Nazirlikdə görüş keçirildi.");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SiteBuilder(content, theme, out, NOW).build())
        .isInstanceOf(az.disclose.yaml.ProblemsException.class)
        .hasMessageContaining("'late_reason' must give the reason in words");
  }

  enum Told { BY_THE_WATCHER, NOTHING }

  @ParameterizedTest
  @EnumSource(Told.class)
  void aFixedItemIsPublishedByTheNextBuildAsAFreshBuildWouldMakeIt(Told told) throws Exception {
    news("telefon", "Qəbul günü elan edildi", "2026-11-19", "", "Əlaqə üçün: " + PHONE + ".");
    SiteBuilder builder = new SiteBuilder(content, theme, out, NOW);
    builder.build();
    assertNowhere("telefon");

    Path file = newsFile("telefon");
    write(file, read(file).replace(PHONE, "nazirliyin qaynar xətti"));
    BuildReport report = told == Told.BY_THE_WATCHER ? builder.rebuild(Set.of(file)) : new SiteBuilder(content, theme, out, NOW).build();

    assertThat(report.heldBack()).isEmpty();
    assertPublished("telefon");
    Path fresh = dir.resolve("fresh");
    new SiteBuilder(content, theme, fresh, NOW).build();
    assertThat(files(out)).isEqualTo(files(fresh));
  }

  @ParameterizedTest
  @EnumSource(Told.class)
  void anItemThatGainsAnErrorIsTakenOffTheSiteByTheNextBuild(Told told) throws Exception {
    news("telefon", "Qəbul günü elan edildi", "2026-11-19", "", "Əlaqə üçün nazirliyə yazın.");
    SiteBuilder builder = new SiteBuilder(content, theme, out, NOW);
    builder.build();
    assertPublished("telefon");

    Path file = newsFile("telefon");
    write(file, read(file).replace("nazirliyə yazın", PHONE));
    BuildReport report = told == Told.BY_THE_WATCHER ? builder.rebuild(Set.of(file)) : new SiteBuilder(content, theme, out, NOW).build();

    assertThat(report.heldBack()).singleElement().asString().contains("[personal-data]");
    assertNowhere("telefon");
    // Still listed by a build with nothing to do.
    assertThat(new SiteBuilder(content, theme, out, NOW).build().heldBack()).hasSize(1);
    Path fresh = dir.resolve("fresh");
    new SiteBuilder(content, theme, fresh, NOW).build();
    assertThat(files(out)).isEqualTo(files(fresh));
  }

  @ParameterizedTest
  @EnumSource(Told.class)
  void anErrorInAnItemsTranslationHoldsBackTheTranslationAndTheOriginalIsPublished(Told told) throws Exception {
    news("telefon", "Qəbul günü elan edildi", "2026-11-19", "", "Əlaqə üçün nazirliyə yazın.");
    Path translation = content.resolve("news/telefon.en.md");
    write(translation, """
        ---
        title: "Reception day announced"
        ---

        Write to the Ministry.
        """);
    SiteBuilder builder = new SiteBuilder(content, theme, out, NOW);
    assertThat(builder.build().heldBack()).isEmpty();
    assertPublished("telefon");
    assertThat(out.resolve("en/news/telefon/index.html")).exists();

    write(translation, read(translation).replace("Write to the Ministry.", "Call the clerk on " + PHONE + "."));
    BuildReport report = told == Told.BY_THE_WATCHER ? builder.rebuild(Set.of(translation))
        : new SiteBuilder(content, theme, out, NOW).build();

    assertThat(report.heldBack()).singleElement().asString().startsWith(translation + ":").contains("[personal-data]")
        .doesNotContain("123 45 67");
    assertPublished("telefon");
    String english = read(out.resolve("en/news/telefon/index.html"));
    assertThat(english).as("the English page shows the original, marked as untranslated")
        .contains("Əlaqə üçün nazirliyə yazın.", "<p class=\"translation-note\">", "<h1 lang=\"az\">")
        .doesNotContain("Reception day announced");
    try (Stream<Path> all = Files.walk(out)) {
      all.filter(Files::isRegularFile).forEach(f -> assertThat(read(f)).as(f.toString()).doesNotContain("123 45 67"));
    }
    Path fresh = dir.resolve("fresh");
    new SiteBuilder(content, theme, fresh, NOW).build();
    assertThat(files(out)).isEqualTo(files(fresh));
  }
}
