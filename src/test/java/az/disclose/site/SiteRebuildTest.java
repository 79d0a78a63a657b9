package az.disclose.site;

import static az.disclose.site.TestSites.read;
import static az.disclose.site.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.yaml.ProblemsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * {@link SiteBuilder#rebuild}: a long-running builder that is told which files changed redoes only
 * what they touch, and so does a new builder (the command line) that finds them by the cache —
 * and the site is always the one a fresh build of the same input makes.
 */
class SiteRebuildTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  Path content;
  Path theme;
  Path out;
  SiteBuilder builder;

  @BeforeEach
  void siteWithMoreNewsThanTheFeedCarries() throws Exception {
    TestSites.copyProject(dir);
    content = dir.resolve("content");
    theme = dir.resolve("theme");
    out = dir.resolve("site");
    // 30 news items in 2013, older than the feed's 20 newest... and the 20 newest, in 2014.
    for (int i = 1; i <= 30; i++) {
      write(newsFile("kohne-" + i), TestSites.news("Köhnə xəbər " + i, "2013-01-%02d".formatted(i), "Arxiv"));
    }
    for (int i = 1; i <= 20; i++) {
      write(newsFile("teze-" + i), TestSites.news("Təzə xəbər " + i, "2014-02-%02d".formatted(i), "Təzə"));
    }
    builder = new SiteBuilder(content, theme, out, NOW);
    builder.build();
  }

  private Path newsFile(String name) {
    return content.resolve("news/" + name + ".md");
  }

  /** The site a fresh builder makes of the same input, in a directory of its own. */
  private Map<String, String> freshBuild() throws Exception {
    return freshBuild(NOW);
  }

  private Map<String, String> freshBuild(Clock clock) throws Exception {
    Path other = dir.resolve("fresh-" + System.nanoTime());
    new SiteBuilder(content, theme, other, clock).build();
    return files(other);
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

  /** How a build after an edit learns of it. */
  enum Told {
    /** serve's watcher names the changed files to the builder that made the last build. */
    BY_THE_WATCHER,
    /** `disclose build`: a new builder, told nothing, finds the edits by the cache. */
    NOTHING
  }

  private BuildReport buildAfterEditing(Told told, Path... files) throws Exception {
    return told == Told.BY_THE_WATCHER ? builder.rebuild(Set.of(files)) : new SiteBuilder(content, theme, out, NOW).build();
  }

  @ParameterizedTest
  @EnumSource(Told.class)
  void aChangeToTheTextOfAnOlderItemRewritesOnlyItsOwnPage(Told told) throws Exception {
    Path file = newsFile("kohne-5");
    write(file, read(file).replace("Mətn:", "Düzəldilmiş mətn:"));

    BuildReport report = buildAfterEditing(told, file);

    // Its page in both languages: the English one shows the untranslated Azerbaijani text.
    assertThat(report.written()).containsExactlyInAnyOrder("news/kohne-5/index.html", "en/news/kohne-5/index.html");
    assertThat(read(out.resolve("news/kohne-5/index.html"))).contains("Düzəldilmiş mətn:");
    assertThat(read(out.resolve("en/news/kohne-5/index.html"))).contains("Düzəldilmiş mətn:");
    assertThat(files(out)).isEqualTo(freshBuild());
  }

  @ParameterizedTest
  @EnumSource(Told.class)
  void aChangeToTheFrontMatterOfOneItemBesideATextEditOfAnotherRedoesTheListsToo(Told told) throws Exception {
    Path text = newsFile("kohne-4");
    write(text, read(text).replace("Mətn:", "Düzəldilmiş mətn:"));
    Path title = newsFile("kohne-6");
    write(title, read(title).replace("Köhnə xəbər 6", "Yenidən adlandırılmış xəbər"));

    BuildReport report = buildAfterEditing(told, text, title);

    assertThat(report.written()).contains("news/kohne-4/index.html", "news/kohne-6/index.html", "tags/arxiv/index.html")
        .anyMatch(f -> f.startsWith("news/page/"));
    assertThat(files(out)).isEqualTo(freshBuild());
  }

  @ParameterizedTest
  @EnumSource(Told.class)
  void aChangeToTheTextOfAnItemInTheFeedRewritesTheFeedToo(Told told) throws Exception {
    Path file = newsFile("teze-20");
    write(file, read(file).replace("Mətn:", "Düzəldilmiş mətn:"));

    BuildReport report = buildAfterEditing(told, file);

    assertThat(report.written()).containsExactlyInAnyOrder("news/teze-20/index.html", "feed.xml",
        "en/news/teze-20/index.html", "en/feed.xml");
    assertThat(files(out)).isEqualTo(freshBuild());
  }

  @ParameterizedTest
  @EnumSource(Told.class)
  void aNewTitleReachesTheListsTheTagPageAndTheHomePage(Told told) throws Exception {
    Path file = newsFile("kohne-30");
    write(file, read(file).replace("Köhnə xəbər 30", "Yenidən adlandırılmış xəbər"));

    BuildReport report = buildAfterEditing(told, file);

    assertThat(report.written()).contains("news/kohne-30/index.html", "tags/arxiv/index.html")
        .anyMatch(f -> f.startsWith("news/page/"));
    assertThat(files(out)).isEqualTo(freshBuild());
  }

  @Test
  void aNewItemAndARemovedItemAreOnTheSiteAsAFreshBuildMakesIt() throws Exception {
    Path added = newsFile("elave");
    write(added, TestSites.news("Əlavə xəbər", "2014-03-01", "Yeni teq"));
    Path removed = newsFile("kohne-1");
    Files.delete(removed);

    BuildReport report = builder.rebuild(Set.of(added, removed));

    assertThat(report.written()).contains("news/elave/index.html", "tags/yeni-teq/index.html");
    assertThat(report.removed()).contains("news/kohne-1/index.html");
    assertThat(out.resolve("news/kohne-1")).doesNotExist();
    assertThat(files(out)).isEqualTo(freshBuild());
  }

  @Test
  void aChangeABuildRejectedIsBuiltWithTheNextChange() throws Exception {
    Path first = newsFile("kohne-7");
    write(first, read(first).replace("Mətn:", "Birinci düzəliş:").replace("date: 2013-01-07", "date: 7 yanvar"));
    assertThatThrownBy(() -> builder.rebuild(Set.of(first))).isInstanceOf(ProblemsException.class)
        .hasMessageContaining("kohne-7.md");
    assertThat(read(out.resolve("news/kohne-7/index.html"))).doesNotContain("Birinci düzəliş:");

    // Fixed, but the watcher only reports the next file that changes after that.
    write(first, read(first).replace("date: 7 yanvar", "date: 2013-01-07"));
    Path second = newsFile("kohne-8");
    write(second, read(second).replace("Mətn:", "İkinci düzəliş:"));
    builder.rebuild(Set.of(second));

    assertThat(read(out.resolve("news/kohne-7/index.html"))).contains("Birinci düzəliş:");
    assertThat(read(out.resolve("news/kohne-8/index.html"))).contains("İkinci düzəliş:");
    assertThat(files(out)).isEqualTo(freshBuild());
  }

  @Test
  void lastRegeneratedMovesWhenPublishedContentChangesAndNotForNewStatistics() throws Exception {
    Path site = dir.resolve("stamped");
    az.disclose.testing.TestClock clock = az.disclose.testing.TestClock.baku(2026, 11, 25, 10, 0);
    SiteBuilder serving = new SiteBuilder(content, theme, site, clock);
    serving.build();
    String stamp = "25 noyabr 2026, 10:00";
    String stampEn = "25 November 2026, 10:00";
    assertThat(read(site.resolve("index.html"))).contains(stamp);
    assertThat(read(site.resolve("en/index.html"))).contains(stampEn);
    assertThat(read(site.resolve("en/openness/index.html"))).contains(stampEn);

    // The inbox writes new statistics an hour later: in serve (told what changed) ...
    clock.setBaku(2026, 11, 25, 11, 0);
    Path statistics = content.resolve("data/request-statistics.yaml");
    write(statistics, az.disclose.content.RequestStatisticsReaderTest.VALID);
    BuildReport report = serving.rebuild(Set.of(statistics));
    assertThat(report.written()).containsExactlyInAnyOrder("statistics/index.html", "en/statistics/index.html");
    // ... and by a build from the command line (told nothing) the next day.
    clock.setBaku(2026, 11, 26, 9, 30);
    write(statistics, read(statistics).replace("as_of: 2026-02-25", "as_of: 2026-02-26"));
    report = new SiteBuilder(content, theme, site, clock).build();
    assertThat(report.written()).containsExactlyInAnyOrder("statistics/index.html", "en/statistics/index.html");
    assertThat(read(site.resolve("index.html"))).contains(stamp);
    assertThat(read(site.resolve("openness/index.html"))).contains(stamp);
    // The English pages say the same as the Azerbaijani ones.
    assertThat(read(site.resolve("en/index.html"))).contains(stampEn);
    assertThat(read(site.resolve("en/openness/index.html"))).contains(stampEn);

    // A news edit is a change of the published content.
    clock.setBaku(2026, 11, 26, 9, 45);
    Path file = newsFile("kohne-9");
    write(file, read(file).replace("Mətn:", "Düzəliş:"));
    serving.rebuild(Set.of(file));
    assertThat(read(site.resolve("index.html"))).contains("26 noyabr 2026, 09:45");
    assertThat(read(site.resolve("openness/index.html"))).contains("26 noyabr 2026, 09:45");
    assertThat(read(site.resolve("en/index.html"))).contains("26 November 2026, 09:45");
    assertThat(read(site.resolve("en/openness/index.html"))).contains("26 November 2026, 09:45");

    // So is an edit of an English translation: both languages' stamps move.
    clock.setBaku(2026, 11, 26, 10, 15);
    Path translation = content.resolve("news/komissiya-yaradildi.en.md");
    write(translation, read(translation).replace("chaired by", "led by"));
    serving.rebuild(Set.of(translation));
    assertThat(read(site.resolve("en/index.html"))).contains("26 November 2026, 10:15");
    assertThat(read(site.resolve("index.html"))).contains("26 noyabr 2026, 10:15");

    // And new statistics after it keep that moment on both.
    clock.setBaku(2026, 11, 26, 11, 0);
    write(statistics, read(statistics).replace("as_of: 2026-02-26", "as_of: 2026-02-27"));
    report = serving.rebuild(Set.of(statistics));
    assertThat(report.written()).containsExactlyInAnyOrder("statistics/index.html", "en/statistics/index.html");
    assertThat(read(site.resolve("en/index.html"))).contains("26 November 2026, 10:15");
    assertThat(read(site.resolve("en/openness/index.html"))).contains("26 November 2026, 10:15");
  }

  @Test
  void newRequestStatisticsFromTheInboxRewriteTheStatisticsPageAndNoNewsPage() throws Exception {
    Path statistics = content.resolve("data/request-statistics.yaml");
    write(statistics, az.disclose.content.RequestStatisticsReaderTest.VALID);

    BuildReport report = builder.rebuild(Set.of(statistics));

    assertThat(report.written()).contains("statistics/index.html").noneMatch(f -> f.startsWith("news/"));
    assertThat(read(out.resolve("statistics/index.html"))).contains("2026");
    assertThat(files(out)).isEqualTo(freshBuild());

    // The next statistics, and a news edit with them.
    write(statistics, read(statistics).replace("as_of: 2026-02-25", "as_of: 2026-02-26"));
    Path file = newsFile("kohne-9");
    write(file, read(file).replace("Mətn:", "Düzəliş:"));
    report = builder.rebuild(Set.of(statistics, file));
    assertThat(report.written()).contains("statistics/index.html", "news/kohne-9/index.html");
    assertThat(files(out)).isEqualTo(freshBuild());
  }

  @Test
  void aChangeOutsideTheNewsIsCheckedLikeAFreshBuild() throws Exception {
    Path css = theme.resolve("static/style.css");
    write(css, read(css) + "\n/* dəyişiklik */\n");
    Path plan = content.resolve("data/plan.yaml");

    BuildReport report = builder.rebuild(Set.of(css));

    assertThat(report.written()).containsExactly("style.css");
    assertThat(plan).exists();
    assertThat(files(out)).isEqualTo(freshBuild());
  }

  @Test
  void aFileOfTheSiteDeletedByHandIsRestoredByTheNextFullCheck() throws Exception {
    Files.delete(out.resolve("plan/index.html"));
    Path file = newsFile("kohne-3");
    write(file, read(file).replace("Mətn:", "Düzəliş:"));
    builder.rebuild(Set.of(file));
    // A news-only rebuild trusts its own record of the site...
    assertThat(out.resolve("plan/index.html")).doesNotExist();

    // ...the scheduled build, which does not know what changed, checks the site itself.
    builder.build();
    assertThat(out.resolve("plan/index.html")).exists();
    assertThat(files(out)).isEqualTo(freshBuild());
  }

  @Test
  void anEditOnTheDayAHeldBackItemIsDuePublishesThatItemToo() throws Exception {
    Path held = newsFile("sabahki");
    write(held, TestSites.news("Sabahkı xəbər", "2026-11-26", "Təzə"));
    Clock[] clock = {NOW};
    SiteBuilder serve = new SiteBuilder(content, theme, out, new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return clock[0].withZone(zone);
      }

      @Override
      public Instant instant() {
        return clock[0].instant();
      }
    });
    serve.build();
    assertThat(out.resolve("news/sabahki")).doesNotExist();

    // The next day, before any scheduled build, an old item's text is edited.
    clock[0] = Clock.offset(NOW, java.time.Duration.ofDays(1));
    Path file = newsFile("kohne-5");
    write(file, read(file).replace("Mətn:", "Düzəldilmiş mətn:"));
    serve.rebuild(Set.of(file));

    assertThat(out.resolve("news/sabahki/index.html")).exists();
    assertThat(read(out.resolve("news/index.html"))).contains("Sabahkı xəbər");
    assertThat(files(out)).isEqualTo(freshBuild(clock[0]));
  }

  private Path translationFile(String name) {
    return content.resolve("news/" + name + ".en.md");
  }

  @ParameterizedTest
  @EnumSource(Told.class)
  void aNewTranslationOfAnOlderItemRewritesItsEnglishPageAndNotTheOthers(Told told) throws Exception {
    Path file = translationFile("kohne-7");
    write(file, """
        ---
        title: "Old news 7"
        summary: "In English"
        ---
        English text of the seventh item.
        """);

    BuildReport report = buildAfterEditing(told, file);

    String english = read(out.resolve("en/news/kohne-7/index.html"));
    assertThat(english).contains("<h1>Old news 7</h1>", "English text of the seventh item.")
        .doesNotContain("This item is available in Azerbaijani only");
    assertThat(report.written()).contains("en/news/kohne-7/index.html")
        .noneMatch(f -> f.startsWith("en/news/kohne-8/") || f.startsWith("news/kohne-8/"));
    assertThat(files(out)).isEqualTo(freshBuild());
  }

  @ParameterizedTest
  @EnumSource(Told.class)
  void editingAndThenRemovingATranslationRebuildsTheEnglishPageEachTime(Told told) throws Exception {
    Path file = translationFile("kohne-3");
    write(file, "---\ntitle: \"Old news 3\"\n---\nFirst wording.\n");
    buildAfterEditing(told, file);
    write(file, "---\ntitle: \"Old news 3\"\n---\nSecond wording, longer than the first.\n");

    BuildReport edited = buildAfterEditing(told, file);

    assertThat(edited.written()).contains("en/news/kohne-3/index.html");
    assertThat(read(out.resolve("en/news/kohne-3/index.html"))).contains("Second wording").doesNotContain("First wording");
    assertThat(files(out)).isEqualTo(freshBuild());

    Files.delete(file);
    buildAfterEditing(told, file);

    assertThat(read(out.resolve("en/news/kohne-3/index.html"))).doesNotContain("Second wording")
        .contains("This item is available in Azerbaijani only", "<div lang=\"az\">");
    assertThat(files(out)).isEqualTo(freshBuild());
  }

  @Test
  void aTranslationWhoseOriginalIsDeletedFailsTheRebuildNamingIt() throws Exception {
    Path translation = translationFile("kohne-2");
    write(translation, "---\ntitle: \"Old news 2\"\n---\nText.\n");
    builder.rebuild(Set.of(translation));
    Files.delete(newsFile("kohne-2"));

    assertThatThrownBy(() -> builder.rebuild(Set.of(newsFile("kohne-2")))).isInstanceOf(ProblemsException.class)
        .hasMessageContaining("kohne-2.en.md:1: a translation needs its original beside it: kohne-2.md is missing");
  }
}
