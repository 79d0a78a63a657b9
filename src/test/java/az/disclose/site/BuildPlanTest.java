package az.disclose.site;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.content.Body;
import az.disclose.content.NewsItem;
import az.disclose.content.NewsMeta;
import az.disclose.content.Tag;
import az.disclose.site.BuildPlan.Facts;
import az.disclose.site.BuildPlan.Full;
import az.disclose.site.BuildPlan.Nothing;
import az.disclose.site.BuildPlan.NotTold;
import az.disclose.site.BuildPlan.OnlyNews;
import az.disclose.site.BuildPlan.Other;
import az.disclose.site.BuildPlan.OwnPages;
import az.disclose.site.BuildPlan.Watched;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each decision of {@link BuildPlan}, taken directly from the facts (no files, no clock). */
class BuildPlanTest {
  private static final Path NEWS = Path.of("/site/content/news").toAbsolutePath();
  private static final Path STATISTICS = Path.of("/site/content/data/request-statistics.yaml").toAbsolutePath();
  private static final Path A = NEWS.resolve("a.md");
  private static final Path B = NEWS.resolve("b.md");
  private static final BooleanSupplier THERE = () -> true;
  private static final BooleanSupplier GONE = () -> false;
  /** For a decision that must not need to look for the outputs. */
  private static final BooleanSupplier NOT_ASKED = () -> {
    throw new AssertionError("the outputs were looked for");
  };

  // ---- what the build was told ------------------------------------------------------------------

  @Test
  void notToldWhatChangedIsNotTold() {
    assertThat(BuildPlan.report(null, true, NEWS, STATISTICS)).isEqualTo(new NotTold());
  }

  @Test
  void newsFilesAndTheStatisticsAloneAreWatchedWhenTheLastBuildWasKept() {
    assertThat(BuildPlan.report(Set.of(A, B), true, NEWS, STATISTICS)).isEqualTo(new Watched(Set.of(A, B), false));
    assertThat(BuildPlan.report(Set.of(A, STATISTICS), true, NEWS, STATISTICS)).isEqualTo(new Watched(Set.of(A), true));
    assertThat(BuildPlan.report(Set.of(STATISTICS), true, NEWS, STATISTICS)).isEqualTo(new Watched(Set.of(), true));
    // Named relatively, or not normally: the same files.
    assertThat(BuildPlan.report(Set.of(NEWS.resolve("x/../a.md")), true, NEWS, STATISTICS)).isEqualTo(new Watched(Set.of(A), false));
  }

  @Test
  void anythingElseOrNothingKeptIsAnOtherChange() {
    assertThat(BuildPlan.report(Set.of(A), false, NEWS, STATISTICS)).isEqualTo(new Other());
    assertThat(BuildPlan.report(Set.of(A, Path.of("/site/theme/static/style.css")), true, NEWS, STATISTICS)).isEqualTo(new Other());
    assertThat(BuildPlan.report(Set.of(NEWS), true, NEWS, STATISTICS)).as("the news directory itself").isEqualTo(new Other());
    assertThat(BuildPlan.report(Set.of(NEWS.resolve("notes.txt")), true, NEWS, STATISTICS)).isEqualTo(new Other());
    assertThat(BuildPlan.report(Set.of(NEWS.resolve("sub/a.md")), true, NEWS, STATISTICS)).isEqualTo(new Other());
    assertThat(BuildPlan.report(Set.of(), true, NEWS, STATISTICS)).as("an empty report").isEqualTo(new Other());
  }

  @Test
  void aNewsTranslationIsAnOtherChangeEvenBesideNewsFiles() {
    // Its stamp is a part of the inputs' fingerprint, which only the whole check compares.
    assertThat(BuildPlan.report(Set.of(NEWS.resolve("a.en.md")), true, NEWS, STATISTICS)).isEqualTo(new Other());
    assertThat(BuildPlan.report(Set.of(A, NEWS.resolve("b.en.md")), true, NEWS, STATISTICS)).isEqualTo(new Other());
    // A name with a dot that is not a translation's language stays a news file.
    Path dotted = NEWS.resolve("hesabat.2012.md");
    assertThat(BuildPlan.report(Set.of(dotted), true, NEWS, STATISTICS)).isEqualTo(new Watched(Set.of(dotted), false));
  }

  // ---- before the content is read ---------------------------------------------------------------

  @Test
  void sameInputsNoEditedNewsAndEveryOutputThereIsNothingToDo() {
    assertThat(BuildPlan.scope(new Facts(new NotTold(), true, false, Optional.of(Set.of()), THERE))).isEqualTo(new Nothing());
    assertThat(BuildPlan.scope(new Facts(new Other(), true, false, Optional.of(Set.of()), THERE))).isEqualTo(new Nothing());
  }

  @Test
  void aMissingOutputMakesItAFullBuild() {
    assertThat(BuildPlan.scope(new Facts(new NotTold(), true, false, Optional.of(Set.of()), GONE))).isEqualTo(new Full());
    assertThat(BuildPlan.scope(new Facts(new NotTold(), true, false, Optional.of(Set.of(A)), GONE))).isEqualTo(new Full());
  }

  @Test
  void editedNewsFilesFoundByTheCacheMayBeOnlyTheirOwnPagesForTheCommandLine() {
    assertThat(BuildPlan.scope(new Facts(new NotTold(), true, false, Optional.of(Set.of(A)), THERE)))
        .isEqualTo(new OnlyNews(Set.of(A), false));
  }

  @Test
  void editedNewsFilesFoundByTheCacheAreAFullBuildWhenTheWatcherReportedSomethingElse() {
    assertThat(BuildPlan.scope(new Facts(new Other(), true, false, Optional.of(Set.of(A)), THERE))).isEqualTo(new Full());
  }

  @Test
  void addedOrRemovedNewsFilesOrOtherChangedInputsAreAFullBuild() {
    assertThat(BuildPlan.scope(new Facts(new NotTold(), true, false, Optional.empty(), THERE))).isEqualTo(new Full());
    assertThat(BuildPlan.scope(new Facts(new NotTold(), false, false, Optional.of(Set.of()), THERE))).isEqualTo(new Full());
    assertThat(BuildPlan.scope(new Facts(new NotTold(), false, false, Optional.of(Set.of(A)), THERE))).isEqualTo(new Full());
  }

  @Test
  void aHeldBackItemsDayIsAFullBuildHoweverTheChangeWasLearnt() {
    assertThat(BuildPlan.scope(new Facts(new NotTold(), true, true, Optional.of(Set.of()), THERE))).isEqualTo(new Full());
    assertThat(BuildPlan.scope(new Facts(new NotTold(), true, true, Optional.of(Set.of(A)), THERE))).isEqualTo(new Full());
    assertThat(BuildPlan.scope(new Facts(new Watched(Set.of(A), false), true, true, Optional.of(Set.of(A)), NOT_ASKED)))
        .isEqualTo(new Full());
  }

  @Test
  void watchedChangesTrustTheKeptOutputs() {
    // The watcher reported a file whose size and time are as they were: nothing to do.
    assertThat(BuildPlan.scope(new Facts(new Watched(Set.of(A), false), true, false, Optional.of(Set.of()), NOT_ASKED)))
        .isEqualTo(new Nothing());
    assertThat(BuildPlan.scope(new Facts(new Watched(Set.of(A), false), true, false, Optional.of(Set.of(A)), NOT_ASKED)))
        .isEqualTo(new OnlyNews(Set.of(A), false));
    // New statistics: the inputs differ, and only the statistics page is added.
    assertThat(BuildPlan.scope(new Facts(new Watched(Set.of(A), true), false, false, Optional.empty(), NOT_ASKED)))
        .isEqualTo(new OnlyNews(Set.of(A), true));
  }

  // ---- once the content is read -----------------------------------------------------------------

  @Test
  void nothingAndFullStayWhatTheyAre() {
    List<NewsItem> news = news(30);
    assertThat(BuildPlan.decide(new Nothing(), metas(news), news)).isEqualTo(new Nothing());
    assertThat(BuildPlan.decide(new Full(), metas(news), news)).isEqualTo(new Full());
  }

  @Test
  void anEditedItemOutsideTheFeedWithTheSameMetadataRedoesItsOwnPageAlone() {
    List<NewsItem> news = news(30);
    NewsItem edited = news.get(SiteBuilder.FEED_ENTRIES);
    assertThat(BuildPlan.decide(new OnlyNews(Set.of(edited.body().file()), true), metas(news), news))
        .isEqualTo(new OwnPages(List.of(edited), true));
  }

  @Test
  void anEditedItemInTheFeedIsAFullBuild() {
    List<NewsItem> news = news(30);
    NewsItem edited = news.get(SiteBuilder.FEED_ENTRIES - 1);
    assertThat(BuildPlan.decide(new OnlyNews(Set.of(edited.body().file()), false), metas(news), news)).isEqualTo(new Full());
  }

  @Test
  void anItemAddedOrRemovedIsAFullBuild() {
    List<NewsItem> news = news(30);
    OnlyNews last = new OnlyNews(Set.of(news.get(29).body().file()), false);
    assertThat(BuildPlan.decide(last, metas(news.subList(0, 29)), news)).isEqualTo(new Full());
    assertThat(BuildPlan.decide(last, metas(news), news.subList(0, 29))).isEqualTo(new Full());
  }

  @Test
  void theSameItemsInAnotherOrderAreAFullBuild() {
    List<NewsItem> news = news(30);
    List<NewsItem> swapped = new ArrayList<>(news);
    swapped.set(25, news.get(26));
    swapped.set(26, news.get(25));
    assertThat(BuildPlan.decide(new OnlyNews(Set.of(news.get(25).body().file()), false), metas(news), swapped))
        .isEqualTo(new Full());
  }

  /**
   * Every component of the metadata — one added tomorrow too, as the components are walked by
   * reflection — is something the lists show: a change to any of them redoes more than the page.
   */
  @Test
  void aChangeToAnyComponentOfTheMetadataIsAFullBuild() {
    RandomRecords random = new RandomRecords(14);
    List<NewsItem> news = news(30);
    NewsItem edited = news.get(25);
    int components = NewsMeta.class.getRecordComponents().length;
    for (int c = 0; c < components; c++) {
      for (int round = 0; round < 20; round++) {
        List<NewsItem> after = new ArrayList<>(news);
        after.set(25, new NewsItem(random.withOneChanged(edited.meta(), c), edited.body()));
        assertThat(BuildPlan.decide(new OnlyNews(Set.of(edited.body().file()), false), metas(news), after))
            .as("%s changed", NewsMeta.class.getRecordComponents()[c].getName()).isEqualTo(new Full());
      }
    }
  }

  /** {@code n} published news items, newest first, one file each. */
  private static List<NewsItem> news(int n) {
    return IntStream.range(0, n).mapToObj(i -> new NewsItem(
            new NewsMeta("x-" + i, "Xəbər " + i, LocalDate.of(2014, 1, 1).minusDays(i), Optional.empty(), List.of(Tag.of("Arxiv")), "", false),
            new Body(NEWS.resolve("x-" + i + ".md"), 40, 5)))
        .toList();
  }

  private static List<NewsMeta> metas(List<NewsItem> news) {
    return news.stream().map(NewsItem::meta).toList();
  }
}
