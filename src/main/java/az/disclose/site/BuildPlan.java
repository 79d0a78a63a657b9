package az.disclose.site;

import az.disclose.content.NewsItem;
import az.disclose.content.NewsMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What a build has to do: {@link Nothing}, only some news items' {@link OwnPages}, or the
 * {@link Full} pipeline. Decided by pure functions of what the build found — what it was told
 * changed, the last build's cache, the inputs' digests and the news files' stamps, and the news
 * before and after — which read no file and no clock; {@link SiteBuilder} gathers those facts and
 * carries the plan out. In two steps, because deciding whether an edit touched more than its own
 * page needs the edited files read, and a build with nothing to do reads nothing:
 *
 * <ol>
 *   <li>{@link #scope}, before any content is read: {@link Nothing}, {@link Full}, or
 *       {@link OnlyNews} — perhaps only these news files' own pages;
 *   <li>{@link #decide}, once the content is loaded: {@link OnlyNews} becomes {@link OwnPages} when
 *       the published news are the same items with the same {@link NewsMeta} (what the lists, tag
 *       pages, home page and sitemap show) and none of the edited ones is in the feed (which
 *       carries their text); {@link Full} otherwise.
 * </ol>
 */
sealed interface BuildPlan permits BuildPlan.Nothing, BuildPlan.OwnPages, BuildPlan.Full {

  /** Nothing changed: the site stands as the last build wrote it; nothing is read or written. */
  record Nothing() implements BuildPlan, Scope {}

  /**
   * Only the pages of {@code items}, the two pages that say when the site was regenerated (home,
   * openness) and, when {@code statistics}, the statistics page are redone; every other file of
   * the last build stands.
   */
  record OwnPages(List<NewsItem> items, boolean statistics) implements BuildPlan {
    public OwnPages {
      items = List.copyOf(items);
    }
  }

  /** The whole pipeline (pages of unchanged news items are still kept when their frame is the same). */
  record Full() implements BuildPlan, Scope {}

  /** What a build knows it has to do before it reads any content. */
  sealed interface Scope permits Nothing, Full, OnlyNews {}

  /**
   * Only these news files (absolute, normal paths) and, when {@code statistics}, the inbox's
   * statistics changed: their own pages may be all there is to redo.
   */
  record OnlyNews(Set<Path> files, boolean statistics) implements Scope {
    public OnlyNews {
      files = Set.copyOf(files);
    }
  }

  /** What a build was told changed. */
  sealed interface Report permits NotTold, Watched, Other {}

  /** Nobody said what changed (the command line, serve's schedule): the cache tells. */
  record NotTold() implements Report {}

  /**
   * A watcher reported changes to these news files (absolute, normal paths) and, when
   * {@code statistics}, to the inbox's statistics, and nothing else; the builder kept what its
   * last successful build had in memory, and trusts it (the files it wrote are still there).
   */
  record Watched(Set<Path> news, boolean statistics) implements Report {
    public Watched {
      news = Set.copyOf(news);
    }
  }

  /** A watcher reported anything else (theme, settings, data, pages, a directory), or nothing was kept. */
  record Other() implements Report {}

  /**
   * What a build found before reading any content.
   *
   * @param report what it was told changed
   * @param sameInputs every input but the news files digests as the last build's did (the frame,
   *     the statistics, the ledger)
   * @param releaseDue a held-back item's day has come since the last build (today is on or after
   *     the day the cache names): the published news are not those of the last build
   * @param editedNews the news files whose size or time differ from the cache's, when the same
   *     news files are there (none added, none removed); empty otherwise
   * @param outputsThere whether every file the last build wrote is still there; asked only when
   *     it decides something (it is looked for on a thread of its own meanwhile)
   */
  record Facts(Report report, boolean sameInputs, boolean releaseDue, Optional<Set<Path>> editedNews, BooleanSupplier outputsThere) {}

  /**
   * How a build takes {@code changed} (null: not told): {@link Watched} when they are news files
   * ({@code newsDir/*.md}, not a translation {@code x.en.md}) and the statistics file alone, and the builder {@code kept} its last
   * build; {@link NotTold} when null; {@link Other} otherwise (an empty report included).
   */
  static Report report(Set<Path> changed, boolean kept, Path newsDir, Path statisticsFile) {
    if (changed == null) {
      return new NotTold();
    }
    Set<Path> news = new HashSet<>();
    boolean statistics = false;
    for (Path p : changed) {
      Path f = p.toAbsolutePath().normalize();
      if (f.equals(statisticsFile)) {
        statistics = true;
      } else if (newsDir.equals(f.getParent()) && f.getFileName().toString().endsWith(".md")
          && az.disclose.content.Translation.languageOf(f) == null) {
        // (A news translation, x.en.md, is Other: its stamp is part of the inputs' fingerprint.)
        news.add(f);
      } else {
        return new Other();
      }
    }
    return kept && !changed.isEmpty() ? new Watched(news, statistics) : new Other();
  }

  /** Step one: what the facts found before reading any content allow. */
  static Scope scope(Facts facts) {
    boolean watched = facts.report() instanceof Watched;
    // The news files edited when nothing else can have changed.
    Optional<Set<Path>> edited = facts.sameInputs() && !facts.releaseDue() ? facts.editedNews() : Optional.empty();
    if (edited.isPresent() && !watched && !facts.outputsThere().getAsBoolean()) {
      edited = Optional.empty(); // a file of the site is gone: the whole site is checked
    }
    if (edited.filter(Set::isEmpty).isPresent()) {
      return new Nothing();
    }
    if (facts.releaseDue()) {
      return new Full(); // an item becomes public: the lists change
    }
    if (facts.report() instanceof Watched w) {
      return new OnlyNews(w.news(), w.statistics());
    }
    if (facts.report() instanceof NotTold && edited.isPresent()) {
      // The command line is not told what changed: the edited files stand for a watcher's report.
      return new OnlyNews(edited.get(), false);
    }
    return new Full();
  }

  /**
   * Step two, once the content is read: {@code before} is what the last build published of the
   * news (in its order), {@code after} what this one publishes.
   */
  static BuildPlan decide(Scope scope, List<NewsMeta> before, List<NewsItem> after) {
    if (scope instanceof Nothing nothing) {
      return nothing;
    }
    if (!(scope instanceof OnlyNews only) || before.size() != after.size()) {
      return new Full();
    }
    List<NewsItem> own = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      NewsItem item = after.get(i);
      if (!before.get(i).equals(item.meta())) {
        return new Full(); // the lists show it otherwise, or in another place
      }
      if (only.files().contains(item.body().file().toAbsolutePath().normalize())) {
        if (i < SiteBuilder.FEED_ENTRIES) {
          return new Full(); // the feed carries its text
        }
        own.add(item);
      }
    }
    return new OwnPages(own, only.statistics());
  }
}
