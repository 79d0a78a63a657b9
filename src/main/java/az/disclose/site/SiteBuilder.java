package az.disclose.site;

import az.disclose.config.RequestForm;
import az.disclose.config.SettingsLoader;
import az.disclose.config.SiteSettings;
import az.disclose.files.InputFiles;
import az.disclose.content.Content;
import az.disclose.content.ContentLoader;
import az.disclose.content.Document;
import az.disclose.content.Measure;
import az.disclose.content.NewsItem;
import az.disclose.content.NewsMeta;
import az.disclose.content.Page;
import az.disclose.content.PageKind;
import az.disclose.content.Tag;
import az.disclose.publish.AnnualReportDue;
import az.disclose.publish.Finding;
import az.disclose.publish.HoldBack;
import az.disclose.publish.PublicationLedger;
import az.disclose.render.AzDates;
import az.disclose.render.Markdown;
import az.disclose.render.Messages;
import az.disclose.render.Templates;
import az.disclose.site.Views.FeedEntry;
import az.disclose.site.Views.NewsSummary;
import az.disclose.site.Views.PageLink;
import az.disclose.site.Views.Pager;
import az.disclose.site.Views.SitemapEntry;
import az.disclose.site.Views.TagCount;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * The build pipeline: content + theme -> the public site. Loads and validates everything first
 * (nothing is written when content has errors), renders the pages in parallel, writes only files
 * whose bytes changed, checks every internal link, and then removes files whose source is gone.
 */
public final class SiteBuilder {
  /** How many news items the home page lists. */
  public static final int HOME_NEWS = 5;
  /** How many related news items (sharing a tag, newest first) a news page lists. */
  public static final int RELATED_NEWS = 3;
  /** How many news items the Atom feed carries. */
  public static final int FEED_ENTRIES = 20;
  /** Rendering threads: twice the cores, as rendering threads also wait on file writes. */
  static final int THREADS = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

  /** The ministry's time zone: "today" for held-back items is today in Baku. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Baku");

  private final Path contentDir;
  private final Path themeDir;
  private final Path outDir;
  private final Clock clock;

  /** A builder on the system clock. */
  public SiteBuilder(Path contentDir, Path themeDir, Path outDir) {
    this(contentDir, themeDir, outDir, Clock.systemUTC());
  }

  /** {@code clock} decides which dated items are due (items dated in the future are held back). */
  public SiteBuilder(Path contentDir, Path themeDir, Path outDir, Clock clock) {
    this.contentDir = contentDir;
    this.themeDir = themeDir;
    this.outDir = outDir;
    this.clock = clock;
  }

  /** Builds the site; the first build of a builder, or one that cannot know what changed. */
  public BuildReport build() throws ProblemsException, IOException {
    return build(null);
  }

  /**
   * Builds the site again in a long-running process (serve), after {@code changed}: the files a
   * watcher saw change since the last build (a directory: something under it changed). When they
   * are only news files and the inbox's request statistics, this builder trusts what it kept in
   * memory from its last successful build (the cache, the content, the settings, the compiled
   * templates, the ledger and the list of files written) and reads, renders and writes only what
   * those files touch; anything else is checked as in {@link #build()}. Not for concurrent use: one
   * build at a time.
   */
  public BuildReport rebuild(Set<Path> changed) throws ProblemsException, IOException {
    // Changes seen by a build that failed are still to be built: they count again.
    Set<Path> all = new java.util.HashSet<>(unbuilt);
    all.addAll(changed);
    unbuilt = Set.copyOf(all);
    return build(unbuilt);
  }

  private BuildReport build(Set<Path> changed) throws ProblemsException, IOException {
    long start = System.nanoTime();
    // Before anything is created (the lock and the cache live beside the output directory).
    Output.checkTarget(outDir, contentDir, themeDir);
    try (BuildLock lock = BuildLock.acquire(outDir, () -> org.slf4j.LoggerFactory.getLogger(SiteBuilder.class)
        .warn("another build is writing {} (disclose serve, or a build run beside it): waiting for it to finish", outDir))) {
      return buildLocked(changed, start);
    }
  }

  private BuildReport buildLocked(Set<Path> changed, long start) throws ProblemsException, IOException {
    List<Problem> themeProblems = checkTheme();
    if (!themeProblems.isEmpty()) {
      throw new ProblemsException(themeProblems);
    }
    Path newsDir = contentDir.resolve(ContentLoader.NEWS_DIR).toAbsolutePath().normalize();
    Path ledgerFile = contentDir.resolve(PublicationLedger.FILE).toAbsolutePath().normalize();
    Path statisticsFile = contentDir.resolve(ContentLoader.REQUEST_STATISTICS_FILE).toAbsolutePath().normalize();
    Path cacheFile = BuildCache.fileFor(outDir);
    Warm kept = warm;
    BuildPlan.Report report = BuildPlan.report(changed, kept != null, newsDir, statisticsFile);
    // Only news files and the inbox's statistics changed: what this builder kept from its last build serves.
    BuildPlan.Watched watched = report instanceof BuildPlan.Watched w ? w : null;
    // The last build's cache is read, and its outputs looked for, on a thread of their own while
    // this one digests the inputs and reads the news files' attributes, so that the two halves of
    // a build with nothing to do run side by side. (The outputs are looked for even when the
    // inputs turn out changed; then it is wasted, ~50 ms beside a build.)
    CompletableFuture<BuildCache> cached = kept != null ? CompletableFuture.completedFuture(kept.cache())
        : CompletableFuture.supplyAsync(() -> BuildCache.read(cacheFile), SiteBuilder::ownThread);
    CompletableFuture<Boolean> outputsThere = watched != null ? CompletableFuture.completedFuture(true)
        : cached.thenApplyAsync(c -> Output.stillThere(outDir, c.outputs()), SiteBuilder::ownThread);
    // The frame is everything a news page shows around its text: its digest leaves out the news
    // files, and the data only their own pages show (the statistics; the ledger, on the openness
    // page), so it stays the same when only they changed. Those count apart: a change there (the
    // inbox's new counts, a date carried over into the ledger by hand) is a change to build.
    // The walk of the inputs also finds every symbolic link under content/ and theme/ (the news
    // directory's are found as its files are looked at): the build refuses them all, before it
    // reads anything, whatever else changed or did not.
    Fingerprint.Inputs inputs = watched != null ? null : Fingerprint.of(contentDir, themeDir, newsDir, Set.of(ledgerFile, statisticsFile));
    List<Path> links = new ArrayList<>(inputs == null ? List.of() : inputs.symbolicLinks());
    String frame = watched != null ? framePart(kept.cache().fingerprint()) : inputs.digest();
    List<String> translationStamps = new ArrayList<>();
    Map<Path, BasicFileAttributes> newsFiles = watched != null ? restat(kept.newsFiles(), watched.news(), links)
        : statNews(newsDir, links, translationStamps);
    // The news translations (x.en.md) count apart from the news files: by name, size and time.
    String translations = watched != null ? translationsPart(kept.cache().fingerprint()) : String.join("\n", translationStamps);
    if (watched != null && watched.statistics() && Files.isSymbolicLink(statisticsFile)) {
      links.add(statisticsFile);
    }
    if (!links.isEmpty()) {
      throw new ProblemsException(links.stream().map(l -> new Problem(l, 0, InputFiles.MESSAGE)).toList());
    }
    String fingerprint = fingerprint(frame, statisticsFile, translations, ledgerFile);
    BuildCache previous = cached.join();
    boolean sameFrame = frame.equals(framePart(previous.fingerprint()));
    long checked = System.nanoTime();
    LocalDate today = LocalDate.now(clock.withZone(ZONE));
    // Due by 15 January (point 4.2): the build warns, whatever else it has to do; `check` fails.
    List<String> warnings = AnnualReportDue.check(contentDir, today).map(Finding::toString).stream().toList();
    warnings.forEach(w -> org.slf4j.LoggerFactory.getLogger(SiteBuilder.class).warn("{}", w));
    boolean sameInputs = fingerprint.equals(previous.fingerprint());
    boolean releaseDue = !today.isBefore(previous.nextRelease());
    BuildPlan.Scope scope = BuildPlan.scope(new BuildPlan.Facts(report, sameInputs, releaseDue,
        sameInputs && !releaseDue ? previous.editedNews(newsFiles) : Optional.empty(), outputsThere::join));
    if (scope instanceof BuildPlan.Nothing) {
      unbuilt = Set.of();
      Map<Path, List<String>> stillHeld = kept != null ? kept.held() : HeldBack.read(cacheFile);
      return new BuildReport(previous.outputs().size(), 0, previous.outputs().size(), List.of(), List.of(), millisSince(start), "",
          stillHeld == null ? List.of() : HeldBack.lines(stillHeld), warnings);
    }

    // Settings, messages and templates are part of the fingerprint: kept while it is the same.
    boolean reuse = sameFrame && kept != null;
    SiteSettings settings = reuse ? kept.settings() : new SettingsLoader().load(contentDir);
    // Unchanged news come from the cache, judged by the attributes just read (no second stat).
    // Published files over their limit are content problems too, listed with the others.
    List<Problem> tooLarge = inputs == null ? List.of() : tooLargeToPublish(inputs.largeFiles(), settings.limits().published());
    Content all;
    try {
      all = watched != null ? reload(kept.content(), watched.news(), watched.statistics(), settings)
          : new ContentLoader(settings.limits()).load(contentDir,
              file -> Optional.ofNullable(newsFiles.get(file.toAbsolutePath().normalize()))
                  .flatMap(now -> previous.lookup(file, now)));
    } catch (ProblemsException e) {
      List<Problem> problems = new ArrayList<>(tooLarge);
      problems.addAll(e.problems());
      throw new ProblemsException(problems);
    }
    if (!tooLarge.isEmpty()) {
      throw new ProblemsException(tooLarge);
    }
    // The kept ledger serves while the file is as the last build left it (its stamp, counted apart).
    boolean sameLedger = kept != null && lastPart(fingerprint).equals(lastPart(previous.fingerprint()));
    PublicationLedger ledger = sameLedger ? kept.ledger() : PublicationLedger.load(contentDir);
    // What `check` calls an error is held back from the site (publish.HoldBack). When only news
    // changed, the other items' verdicts are the last build's (their text, the check settings and the
    // ledger are the same): the changed files and the items held back before are judged again.
    Map<Path, List<String>> heldBefore = kept != null ? kept.held() : HeldBack.read(cacheFile);
    Content candidates = all.publishable(today);
    Set<Path> toJudge = scope instanceof BuildPlan.OnlyNews only && heldBefore != null
        ? HeldBack.union(only.files(), heldBefore.keySet()) : null;
    HeldBack.Judged judged = HeldBack.judge(HoldBack.load(contentDir, settings.requestEmail(), ledger, clock), candidates,
        toJudge);
    Content content = candidates.without(judged.held().keySet());
    Map<String, String> messages = reuse ? kept.messages() : Messages.load(themeDir, settings.locale());
    // The second language's pages (under /en/), when the site's first language is Azerbaijani.
    boolean second = settings.locale().getLanguage().equals(Messages.FIRST_LANGUAGE);
    Map<String, String> messagesEn = !second ? Map.of() : reuse ? kept.messagesEn()
        : Messages.load(themeDir, java.util.Locale.forLanguageTag(PageFrame.SECOND_LANGUAGE));
    Templates templates = reuse ? kept.templates() : new Templates(themeDir.resolve("templates"), settings.locale());
    // What the last build published of the news: as this builder kept it, or as the cache knows each item.
    // Without the items the last build held back; not known (no record of it): everything is redone.
    List<NewsMeta> before = !(scope instanceof BuildPlan.OnlyNews) || heldBefore == null ? List.of()
        : metas((watched != null ? kept.content().publishable(today) : asCached(all, previous).publishable(today))
            .without(heldBefore.keySet()));
    BuildPlan plan = heldBefore == null ? new BuildPlan.Full() : BuildPlan.decide(scope, before, content.news());
    BuildPlan.OwnPages ownPages = plan instanceof BuildPlan.OwnPages o ? o : null;
    // The files of the previous build are trusted to be there when the watcher says that nothing
    // but news and statistics changed, or when they were just looked for and only some news pages
    // are to be redone; otherwise the directory is asked (and files no build produced are removed).
    Output output = Output.open(outDir, watched != null || ownPages != null ? previous.outputs() : null);
    long loaded = System.nanoTime();
    // The openness page counts this build's first publications too: the ledger records them once it succeeds.
    Map<String, Instant> live = firstPublications(content);
    // "Last regenerated" (home, openness) says when the published content last changed: a build for
    // nothing but the inbox's new statistics keeps the last build's moment. A news translation
    // (x.en.md) edited is published content changed too: it counts apart from the frame and the news.
    boolean onlyStatistics = sameFrame && !releaseDue && lastPart(fingerprint).equals(lastPart(previous.fingerprint()))
        && translations.equals(translationsPart(previous.fingerprint()))
        && previous.editedNews(newsFiles).filter(Set::isEmpty).isPresent();
    Instant regenerated = onlyStatistics ? previous.regenerated().orElse(clock.instant()) : clock.instant();
    BuildCache known = sameFrame ? previous : BuildCache.empty();
    Set<String> changedTranslations = changedTranslations(translationsPart(previous.fingerprint()), translations);
    Map<String, String> justified = new TreeMap<>();
    judged.exceptions().forEach((path, reasons) -> justified.put(path, String.join("; ", reasons)));
    PublicationLedger withLive = ledger.withFirstPublications(live, justified);
    Run run = new Run(settings, Messages.FIRST_LANGUAGE, content, messages, templates, output, known, newsFiles, withLive,
        regenerated, null);
    if (second) {
      run.second = new Run(settings.in(PageFrame.SECOND_LANGUAGE), PageFrame.SECOND_LANGUAGE, content, messagesEn, templates, output,
          known, newsFiles, withLive, regenerated, run);
    }
    run.changedTranslations = changedTranslations;
    if (ownPages != null) {
      run.renderOwnPages(ownPages.items(), ownPages.statistics());
    } else {
      run.renderAll();
    }
    long rendered = System.nanoTime();
    if (!run.problems.isEmpty()) {
      throw new ProblemsException(run.problems);
    }
    if (ownPages != null) {
      // Every other file of the previous build stands as it was, links and all.
      previous.outputs().forEach(output::keepFile);
      all.news().forEach(n -> previous.entry(n.body().file()).ifPresent(e -> {
        run.newsLinks.putIfAbsent(n.url(), e.links());
        run.newsRelated.putIfAbsent(n.url(), e.related());
      }));
    }
    // A link to an item held back is no broken link: the linking page is published with it, and it
    // leads to the item once the item is published (docs/publishing.md). The build warns, naming both files.
    Map<String, Path> heldAt = heldSitePaths(candidates, judged.held().keySet());
    Map<String, Path> sources = heldAt.isEmpty() ? Map.of() : sourceFiles(content);
    List<Problem> broken = new ArrayList<>();
    List<String> allWarnings = new ArrayList<>(warnings);
    for (LinkChecker.Broken b : run.links.brokenLinks(output)) {
      Path held = heldAt.get(pagePath(b.target()));
      if (held == null) {
        broken.add(new Problem(outDir, 0, "broken link: " + b));
      } else {
        String warning = linkToHeld(b, sources.get(pagePath(b.page())), held);
        org.slf4j.LoggerFactory.getLogger(SiteBuilder.class).warn("{}", warning);
        allWarnings.add(warning);
      }
    }
    if (!broken.isEmpty()) {
      throw new ProblemsException(broken);
    }
    List<String> removed = output.removeStale();
    if (ledger.recordFirstPublications(live, justified) > 0) {
      // The build's own entries are not a change for the next build to find.
      fingerprint = fingerprint(frame, statisticsFile, translations, ledgerFile);
    }
    LocalDate nextRelease = all.nextRelease(today).orElse(LocalDate.MAX);
    BuildCache next = BuildCache.of(fingerprint, nextRelease, all.news(), newsFiles, run.newsLinks, run.newsRelated,
        output.producedFiles(), previous, regenerated);
    next.write(cacheFile);
    HeldBack.write(cacheFile, judged.held());
    warm = new Warm(next, all, newsFiles, settings, messages, messagesEn, templates, ledger, judged.held());
    unbuilt = Set.of();
    String phases = "cache and inputs checked " + (checked - start) / 1_000_000 + " ms, content and theme loaded "
        + (loaded - checked) / 1_000_000 + " ms, changed news pages written "
        + (run.changedWritten == 0 ? "-" : (run.changedWritten - loaded) / 1_000_000) + " ms, rendered "
        + (rendered - loaded) / 1_000_000 + " ms, links, clean-up, ledger and cache " + (System.nanoTime() - rendered) / 1_000_000 + " ms";
    return new BuildReport(output.producedFiles().size(), output.changedCount(), output.unchangedCount(), output.changedFiles(),
        removed, millisSince(start), phases, HeldBack.lines(judged.held()), allWarnings);
  }

  /**
   * The warning for a link to a held-back item: {@code linking-file (page): links to target, the page
   * of held-file, which is held back; ...}. {@code source} null: a page made of no one file.
   */
  private String linkToHeld(LinkChecker.Broken b, Path source, Path held) {
    String from = (source == null ? "" : relative(source) + " ") + "(" + b.page() + ")";
    return "warning [link-to-held-back] " + from + " links to " + b.target() + ", the page of " + relative(held)
        + ", which is held back: the page is published with the link, which leads to the item once it is published";
  }

  private String relative(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path root = contentDir.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString() : file.toString();
  }

  /**
   * A link's site path as a page's: {@code /news/x}, {@code /news/x/} and {@code /news/x/index.html}
   * are the same page; the English pages' {@code /en/} is dropped (the items are the same).
   */
  static String pagePath(String sitePath) {
    String p = sitePath.endsWith("/index.html") ? sitePath.substring(0, sitePath.length() - "index.html".length()) : sitePath;
    p = p.endsWith("/") ? p : p + "/";
    String english = PageFrame.rootOf(PageFrame.SECOND_LANGUAGE) + "/";
    return p.startsWith(english) ? p.substring(english.length() - 1) : p;
  }

  /** The site paths of the held-back items among {@code candidates} ({@link #pagePath} form), with their files. */
  private static Map<String, Path> heldSitePaths(Content candidates, Set<Path> held) {
    if (held.isEmpty()) {
      return Map.of();
    }
    Map<String, Path> out = new HashMap<>();
    Map<String, Path> all = sourceFiles(candidates);
    all.forEach((path, file) -> {
      if (held.contains(file)) {
        out.put(path, file);
      }
    });
    return out;
  }

  /** The news items', pages' and documents' site paths with their source files (absolute, normalised). */
  private static Map<String, Path> sourceFiles(Content content) {
    Map<String, Path> out = new HashMap<>();
    content.news().forEach(n -> out.put(n.url(), n.body().file().toAbsolutePath().normalize()));
    content.pages().forEach(p -> out.put(p.url(), p.body().file().toAbsolutePath().normalize()));
    content.documents().forEach(d -> out.put(d.url(), d.body().file().toAbsolutePath().normalize()));
    return out;
  }

  /**
   * What the last successful build of this builder had in memory, for the next (serve). Everything
   * in it is either immutable or, like the ledger and the templates, safe to share between builds.
   */
  private record Warm(BuildCache cache, Content content, Map<Path, BasicFileAttributes> newsFiles, SiteSettings settings,
      Map<String, String> messages, Map<String, String> messagesEn, Templates templates, PublicationLedger ledger,
      Map<Path, List<String>> held) {}

  private Warm warm;
  /** Changes given to {@link #rebuild} that no successful build has taken in yet. */
  private Set<Path> unbuilt = Set.of();

  /** {@code now} with each news item as the cache knows it (an edited file's item as it was). */
  private static Content asCached(Content now, BuildCache previous) {
    List<NewsItem> news = now.news().stream()
        .map(n -> previous.entry(n.body().file()).map(BuildCache.Entry::item).orElse(n)).toList();
    return now.withNews(news);
  }

  private static List<NewsMeta> metas(Content content) {
    return content.news().stream().map(NewsItem::meta).toList();
  }

  /** {@code before} with the changed news files and, when it changed, the statistics file read again. */
  private Content reload(Content before, Set<Path> changedNews, boolean statisticsChanged, SiteSettings settings)
      throws ProblemsException {
    ContentLoader loader = new ContentLoader(settings.limits());
    Content news = changedNews.isEmpty() ? before : loader.reloadNews(before, contentDir, changedNews);
    return statisticsChanged ? loader.reloadStatistics(news, contentDir) : news;
  }

  /**
   * A cache's fingerprint: the frame's digest, then those of the files counted apart from it — the
   * statistics by their bytes, the news translations by name, size and time (one line each), the
   * ledger (last, see {@link #lastPart}) by its size and time.
   */
  private static String fingerprint(String frame, Path statistics, String translations, Path ledger) throws IOException {
    return frame + "/" + Fingerprint.ofFile(statistics) + "/" + translations + "/" + Fingerprint.stampOf(ledger);
  }

  /** The news translations' part of a cache's fingerprint ("" when it has none or another shape). */
  private static String translationsPart(String fingerprint) {
    String[] parts = fingerprint.split("/", -1);
    return parts.length == 4 ? parts[2] : "";
  }

  /**
   * The news files ({@code x.md}, by name) whose translation was added, changed or removed between
   * two fingerprints' translation parts: their pages are rendered again.
   */
  static Set<String> changedTranslations(String before, String now) {
    if (before.equals(now)) {
      return Set.of();
    }
    Set<String> a = before.isEmpty() ? Set.of() : Set.of(before.split("\n"));
    Set<String> b = now.isEmpty() ? Set.of() : Set.of(now.split("\n"));
    Set<String> changed = new java.util.HashSet<>();
    Set<String> difference = new java.util.HashSet<>(a);
    difference.removeAll(b);
    Set<String> added = new java.util.HashSet<>(b);
    added.removeAll(a);
    difference.addAll(added);
    for (String line : difference) {
      String name = line.substring(0, line.indexOf('\t'));
      changed.add(az.disclose.content.Translation.originalOf(Path.of(name)).getFileName().toString());
    }
    return changed;
  }

  /** The last part of a cache's fingerprint: the ledger's size and time. */
  private static String lastPart(String fingerprint) {
    return fingerprint.substring(fingerprint.lastIndexOf('/') + 1);
  }

  /** The frame's part of a cache's fingerprint (see {@link #build(Set)}). */
  private static String framePart(String fingerprint) {
    int slash = fingerprint.indexOf('/');
    return slash < 0 ? fingerprint : fingerprint.substring(0, slash);
  }

  /**
   * {@code before} with the attributes of {@code changed} news files read again (removed when gone);
   * a changed file that is now a symbolic link is added to {@code links}.
   */
  private static Map<Path, BasicFileAttributes> restat(Map<Path, BasicFileAttributes> before, Set<Path> changed, List<Path> links) {
    Map<Path, BasicFileAttributes> now = new HashMap<>(before);
    for (Path p : changed) {
      Path f = p.toAbsolutePath().normalize();
      try {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
          links.add(p);
          now.remove(f);
        } else {
          now.put(f, a);
        }
      } catch (IOException e) {
        // Gone (or unreadable: the loader reports why).
        now.remove(f);
      }
    }
    return now;
  }

  /**
   * Each published news item and document, by site path, with this moment: the publication ledger
   * (kept with the content, committed with it) records it as the item's first publication unless
   * it knows an earlier one. `disclose check` measures the three-day window of rule 6 against it.
   */
  private Map<String, Instant> firstPublications(Content published) {
    Instant now = clock.instant();
    Map<String, Instant> live = new HashMap<>();
    published.news().forEach(n -> live.put(n.url(), now));
    published.documents().forEach(d -> live.put(d.url(), now));
    return live;
  }

  /**
   * The files among {@code large} (sizes, by path under the roots as given) that the build would
   * publish as they are (content/files/, theme/static/; not hidden ones) and that are over {@code limit}.
   */
  private List<Problem> tooLargeToPublish(Map<Path, Long> large, InputFiles.Limit limit) {
    List<Problem> problems = new ArrayList<>();
    for (Path dir : List.of(contentDir.resolve("files"), themeDir.resolve("static"))) {
      large.forEach((file, size) -> {
        if (file.startsWith(dir) && size > limit.bytes() && !hiddenUnder(dir, file)) {
          problems.add(new Problem(file, 0, InputFiles.tooLarge(size, limit)));
        }
      });
    }
    return problems;
  }

  private static boolean hiddenUnder(Path dir, Path file) {
    for (Path name : dir.relativize(file)) {
      if (name.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code task} on a new daemon thread. */
  private static void ownThread(Runnable task) {
    Thread t = new Thread(task, "disclose-build-cache");
    t.setDaemon(true);
    t.start();
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /**
   * Size and modification time of every news file, by absolute path; every symbolic link in the
   * news directory (named as under {@code contentDir}) is added to {@code links}.
   */
  private Map<Path, BasicFileAttributes> statNews(Path newsDir, List<Path> links, List<String> translationStamps) throws IOException {
    // Not through a link: the news directory itself is one the walk of the inputs found.
    if (!Files.isDirectory(newsDir, LinkOption.NOFOLLOW_LINKS)) {
      return Map.of();
    }
    List<Path> files;
    List<Path> others;
    try (Stream<Path> listed = Files.list(newsDir)) {
      // The whole path's string, which the cache's keys are made of anyway, rather than a new path
      // and string for each file's name (10,000 files: a build with nothing to do allocates less).
      Map<Boolean, List<Path>> byKind = listed.collect(java.util.stream.Collectors.partitioningBy(f -> f.toString().endsWith(".md")));
      files = byKind.get(true);
      others = byKind.get(false);
    }
    Path shown = contentDir.resolve(ContentLoader.NEWS_DIR);
    Map<Path, BasicFileAttributes> out = new ConcurrentHashMap<>(files.size() * 2);
    List<Path> found = Collections.synchronizedList(new ArrayList<>());
    // lstat, not stat: the same one call per file, and a link is seen as a link.
    List<String> stamps = Collections.synchronizedList(new ArrayList<>());
    files.parallelStream().forEach(f -> {
      try {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
          found.add(shown.resolve(f.getFileName().toString()));
        } else if (az.disclose.content.Translation.languageOf(f) != null) {
          // A translation: not a news item of its own (see translationsPart).
          stamps.add(f.getFileName() + "\t" + a.size() + "\t" + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        } else {
          out.put(f.toAbsolutePath().normalize(), a);
        }
      } catch (IOException e) {
        // Not cached; the loader reads the file and reports why it cannot.
      }
    });
    // Anything else here is a problem the loader reports; a link among them is named as one.
    others.stream().filter(Files::isSymbolicLink).forEach(f -> found.add(shown.resolve(f.getFileName().toString())));
    links.addAll(found);
    stamps.stream().sorted().forEach(translationStamps::add);
    return out;
  }

  private List<Problem> checkTheme() {
    List<Problem> problems = new ArrayList<>();
    for (String required : List.of("templates", "messages_az.properties")) {
      if (!Files.exists(themeDir.resolve(required))) {
        problems.add(new Problem(themeDir.resolve(required), 0, "missing from the theme; is --theme pointing at a theme directory?"));
      }
    }
    if (!Files.isDirectory(contentDir)) {
      problems.add(new Problem(contentDir, 0, "content directory does not exist; pass --content DIR"));
    }
    return problems;
  }

  /**
   * One build's state in one language: shared, read-only inputs plus thread-safe collectors. The
   * first language's run renders at the site's root and carries the second's ({@link #second},
   * under {@code /en/}), which shares its collectors: a news item's two pages are rendered by one
   * job, from one rendering of its Markdown when it has no translation.
   */
  private final class Run {
    final SiteSettings settings;
    /** The run's language, and its root: "" for the first language, "/en" for the second. */
    final String language;
    final String root;
    final boolean first;
    final Content content;
    final PageFrame frame;
    final Map<String, String> msg;
    final Templates templates;
    final Output output;
    final LinkChecker links;
    /** Made per build that renders (a build with nothing to do never loads the Markdown parser). */
    final Markdown markdown = new Markdown();
    final List<Problem> problems;
    final Map<String, String> feedHtml = new ConcurrentHashMap<>();
    /** Internal links of each news item's pages (both languages), for the next build's cache. */
    final Map<String, List<String>> newsLinks;
    /** What each news page listed as related news ({@link #relatedKey}), for the next build's cache. */
    final Map<String, String> newsRelated;
    /** The published news by tag (its slug), newest first, for the related news of each news page. */
    final Map<String, List<NewsItem>> newsByTag = new HashMap<>();
    final BuildCache previous;
    final Map<Path, BasicFileAttributes> newsFiles;

    final PublicationLedger ledger;
    /** When the published content last changed (see {@link #regenerated()}). */
    final Instant regeneratedAt;
    /** When the pages of changed news items were on disk, if they were rendered first (0: not). */
    long changedWritten;
    /** The second language's run, when the site has one (set on the first's). */
    Run second;
    /** The news files ({@code x.md}, by name) whose translation changed since the last build. */
    Set<String> changedTranslations = Set.of();

    Run(SiteSettings settings, String language, Content content, Map<String, String> msg, Templates templates, Output output,
        BuildCache previous, Map<Path, BasicFileAttributes> newsFiles, PublicationLedger ledger, Instant regenerated, Run shared) {
      this.regeneratedAt = regenerated;
      this.ledger = ledger;
      this.previous = previous;
      this.newsFiles = newsFiles;
      this.settings = settings;
      this.language = language;
      // The first run is the site's language, at the root; the second (English) under /en/.
      this.first = shared == null;
      this.root = first ? "" : PageFrame.rootOf(language);
      this.content = content;
      this.msg = msg;
      boolean bilingual = settings.locale().getLanguage().equals(Messages.FIRST_LANGUAGE) || !first;
      this.frame = new PageFrame(settings, msg, first ? content.pages() : content.pages().stream().map(this::translated).toList(),
          path -> true, bilingual, themeDir);
      for (NewsItem n : content.news()) {
        for (Tag t : n.tags()) {
          newsByTag.computeIfAbsent(t.slug(), k -> new ArrayList<>()).add(n);
        }
      }
      this.templates = templates;
      this.output = output;
      this.links = shared == null ? new LinkChecker() : shared.links;
      this.problems = shared == null ? Collections.synchronizedList(new ArrayList<>()) : shared.problems;
      this.newsLinks = shared == null ? new ConcurrentHashMap<>() : shared.newsLinks;
      this.newsRelated = shared == null ? new ConcurrentHashMap<>() : shared.newsRelated;
    }

    /** A page as this run's language shows it: its translation's words, or the original's. */
    private Page translated(Page p) {
      return translation(p.body().file()).map(t -> new Page(p.slug(), t.title(), t.summary(), p.confidential(), t.body())).orElse(p);
    }

    /** The translation into this run's language of the item whose file is {@code original}. */
    private Optional<az.disclose.content.Translation> translation(Path original) {
      return first ? Optional.empty() : content.translation(original).filter(t -> t.language().equals(language));
    }

    /** The language of an item's words on this run's pages when they are not in its language: "az"; else "". */
    private String contentLang(Path original) {
      return first || translation(original).isPresent() ? "" : Messages.FIRST_LANGUAGE;
    }

    /**
     * The HTML of an untranslated item's body on this run's pages: on the first language's, as it
     * is; on the second's, marked as Azerbaijani after a note that says so.
     */
    private String untranslatedBody(String html) {
      if (first) {
        return html;
      }
      return "<p class=\"translation-note\">" + escape(msg.getOrDefault("translation.az_only", "")) + "</p>\n<div lang=\""
          + Messages.FIRST_LANGUAGE + "\">\n" + html + "</div>\n";
    }

    void renderAll() {
      List<NewsItem> news = content.news();
      // Changed news pages first: an edit is on disk before the lists around it are redone.
      List<Runnable> changed = new ArrayList<>();
      List<Runnable> jobs = new ArrayList<>();
      for (int i = 0; i < news.size(); i++) {
        NewsItem item = news.get(i);
        boolean inFeed = i < FEED_ENTRIES;
        (unchanged(item).isPresent() && !changedTranslations.contains(item.body().file().getFileName().toString()) ? jobs : changed)
            .add(() -> newsPages(item, inFeed));
      }
      if (!changed.isEmpty() && changed.size() < news.size()) {
        runAll(changed);
        changedWritten = System.nanoTime();
      } else {
        jobs.addAll(0, changed);
      }
      jobs.addAll(otherPages());
      if (first) {
        jobs.add(this::planData);
        jobs.add(this::staticFiles);
        jobs.add(this::robots);
      }
      if (second != null) {
        jobs.addAll(second.otherPages());
      }
      runAll(jobs);
      // The feeds and the sitemap need what the page jobs collected.
      guarded(this::feed);
      if (second != null) {
        guarded(second::feed);
      }
      guarded(this::sitemapFile);
    }

    /** Every page but the news items' own, in this run's language. */
    List<Runnable> otherPages() {
      List<Runnable> jobs = new ArrayList<>();
      jobs.addAll(newsLists());
      jobs.addAll(tagPages());
      jobs.add(this::planPage);
      content.plan().measures().forEach(m -> jobs.add(() -> measurePage(m)));
      jobs.add(() -> page(PageKind.COMMISSION, PageKind.COMMISSION.path(), msg.get("commission.title"),
          Map.of("commission", content.commission(), "dataInFirstLanguage", !first), null));
      jobs.add(this::documentsIndex);
      content.documents().forEach(d -> jobs.add(() -> documentPage(d)));
      content.pages().forEach(p -> jobs.add(() -> contentPage(p)));
      jobs.add(() -> page(PageKind.REQUEST, PageKind.REQUEST.path(), msg.get("request.title"),
          Map.of("form", Views.RequestFormView.of(RequestForm.defaults(), msg)), null));
      jobs.add(this::opennessPage);
      jobs.add(this::statisticsPage);
      jobs.add(() -> page(PageKind.CONTACT, PageKind.CONTACT.path(), msg.get("contact.title"), Map.of("contact", content.contact()), null));
      jobs.addAll(reportPages());
      jobs.add(this::homePage);
      jobs.add(() -> page(PageKind.NOT_FOUND, PageKind.NOT_FOUND.path(), msg.get("notfound.title"), Map.of(), null));
      return jobs;
    }

    /**
     * Renders the pages of {@code items} alone, the two pages that say when the site was last
     * regenerated, and the statistics page when asked; the caller keeps every other file of the
     * previous build.
     */
    void renderOwnPages(List<NewsItem> items, boolean statistics) {
      List<Runnable> jobs = new ArrayList<>();
      items.forEach(item -> jobs.add(() -> newsPages(item, false)));
      runAll(jobs);
      changedWritten = System.nanoTime();
      List<Runnable> around = new ArrayList<>();
      for (Run run : second == null ? List.of(this) : List.of(this, second)) {
        around.add(run::homePage);
        around.add(run::opennessPage);
        if (statistics) {
          around.add(run::statisticsPage);
        }
      }
      runAll(around);
    }

    /**
     * Runs the jobs on {@link #THREADS} threads. A job both renders (CPU) and writes (file system
     * calls, which block on a slow disk), so there are more threads than cores.
     */
    private void runAll(List<Runnable> jobs) {
      ForkJoinPool pool = new ForkJoinPool(THREADS);
      try {
        pool.submit(() -> jobs.parallelStream().forEach(this::guarded)).join();
      } finally {
        pool.shutdown();
      }
    }

    private void guarded(Runnable job) {
      try {
        job.run();
      } catch (TemplateFailure e) {
        TemplateException t = e.cause;
        String where = t.getTemplateSourceName() == null ? "templates" : "templates/" + t.getTemplateSourceName();
        int line = t.getLineNumber() == null ? 0 : t.getLineNumber();
        problems.add(new Problem(themeDir.resolve(where), line, "while rendering " + e.sitePath + ": " + gist(t.getMessageWithoutStackTop())));
      } catch (UncheckedIOException e) {
        problems.add(new Problem(outDir, 0, e.getCause().getMessage()));
      }
    }

    // ---- pages -------------------------------------------------------------------------------

    /**
     * The pages of a news item in both languages: kept together when the item, its translation
     * and the frame are as the last build left them, rendered together otherwise (the cache keeps
     * the links of both under the item). An untranslated item's Markdown is rendered once for both.
     */
    private void newsPages(NewsItem item, boolean inFeed) {
      Optional<BuildCache.Entry> known = unchanged(item);
      String relatedKey = relatedKey(related(item));
      newsRelated.put(item.url(), relatedKey);
      String enUrl = second == null ? null : second.root + item.url();
      if (known.isPresent() && !inFeed && known.get().related().equals(relatedKey)
          && !changedTranslations.contains(item.body().file().getFileName().toString())
          && output.keep(item.url()) && (enUrl == null || output.keep(enUrl))) {
        links.add(item.url(), known.get().links());
        if (enUrl != null) {
          links.add(enUrl, known.get().links());
        }
        newsLinks.put(item.url(), known.get().links());
        return;
      }
      String body;
      try {
        body = markdown.toHtml(item.body().read());
      } catch (IOException e) {
        problems.add(new Problem(item.body().file(), 0, "cannot read: " + e.getMessage()));
        return;
      }
      Set<String> targets = new java.util.TreeSet<>(newsPage(item, inFeed, body));
      if (second != null) {
        Set<String> more = second.newsPage(item, inFeed, body);
        if (more == null) {
          return;
        }
        targets.addAll(more);
      }
      newsLinks.put(item.url(), List.copyOf(targets));
    }

    /** A news item's page in this run's language, {@code original} its Markdown rendered; its links, or null on a problem. */
    private Set<String> newsPage(NewsItem item, boolean inFeed, String original) {
      Optional<az.disclose.content.Translation> t = translation(item.body().file());
      String body;
      if (t.isPresent()) {
        try {
          body = markdown.toHtml(t.get().body().read());
        } catch (IOException e) {
          problems.add(new Problem(t.get().body().file(), 0, "cannot read: " + e.getMessage()));
          return null;
        }
      } else {
        body = untranslatedBody(original);
      }
      if (inFeed) {
        feedHtml.put(item.slug(), body);
      }
      NewsSummary view = summary(item);
      return page(PageKind.NEWS_ITEM, item.url(), view.title(), Map.of("news", view, "body", body, "contentLang", view.lang(),
          "related", related(item).stream().map(this::summary).toList()), item.date());
    }

    /**
     * The news sharing a tag with {@code item}: the newest {@link #RELATED_NEWS}, in the order of the
     * news lists (the newest of each of its tags are enough to find them).
     */
    private List<NewsItem> related(NewsItem item) {
      java.util.Set<NewsItem> found = new java.util.HashSet<>();
      for (Tag t : item.tags()) {
        int taken = 0;
        for (NewsItem n : newsByTag.getOrDefault(t.slug(), List.of())) {
          if (taken == RELATED_NEWS) {
            break;
          }
          if (!n.url().equals(item.url())) {
            found.add(n);
            taken++;
          }
        }
      }
      return found.stream()
          .sorted(java.util.Comparator.comparing(NewsItem::date).reversed().thenComparing(NewsItem::slug))
          .limit(RELATED_NEWS).toList();
    }

    /** What a news page shows of its related news: address, title and date, a line each. */
    private static String relatedKey(List<NewsItem> related) {
      StringBuilder key = new StringBuilder();
      related.forEach(n -> key.append(n.url()).append('\t').append(n.title()).append('\t').append(n.date()).append('\n'));
      return key.toString();
    }

    /** The cache entry of a news item whose file is as the last build saw it (and whose frame is too). */
    private Optional<BuildCache.Entry> unchanged(NewsItem item) {
      Path source = item.body().file().toAbsolutePath().normalize();
      BasicFileAttributes now = newsFiles.get(source);
      return now == null ? Optional.empty() : previous.entry(source).filter(e -> e.matches(now));
    }

    private List<Runnable> newsLists() {
      List<NewsItem> news = content.news();
      int perPage = settings.newsPerPage();
      int total = Math.max(1, (news.size() + perPage - 1) / perPage);
      List<Runnable> jobs = new ArrayList<>();
      for (int n = 1; n <= total; n++) {
        int number = n;
        jobs.add(() -> {
          List<NewsSummary> items = news.subList((number - 1) * perPage, Math.min(news.size(), number * perPage))
              .stream().map(this::summary).toList();
          Pager pager = pager(number, total, PageKind.NEWS_LIST.path());
          String title = number == 1 ? msg.get("news.title") : msg.get("news.title") + " — " + number;
          page(PageKind.NEWS_LIST, newsListUrl(PageKind.NEWS_LIST.path(), number), title, Map.of("items", items, "pager", pager), null);
        });
      }
      return jobs;
    }

    private List<Runnable> tagPages() {
      Map<String, List<NewsItem>> bySlug = new TreeMap<>();
      Map<String, Tag> tags = new HashMap<>();
      for (NewsItem n : content.news()) {
        for (Tag t : n.tags()) {
          bySlug.computeIfAbsent(t.slug(), k -> new ArrayList<>()).add(n);
          tags.putIfAbsent(t.slug(), t);
        }
      }
      List<Runnable> jobs = new ArrayList<>();
      List<TagCount> counts = bySlug.entrySet().stream()
          .map(e -> new TagCount(tags.get(e.getKey()), tagUrl(e.getKey()), e.getValue().size()))
          .toList();
      jobs.add(() -> page(PageKind.TAGS, PageKind.TAGS.path(), msg.get("tags.title"), Map.of("tags", counts), null));
      bySlug.forEach((slug, items) -> jobs.add(() -> page(PageKind.TAG, tagUrl(slug), tags.get(slug).name(),
          Map.of("tag", tags.get(slug), "items", items.stream().map(this::summary).toList()), null)));
      return jobs;
    }

    private void planPage() {
      page(PageKind.PLAN, PageKind.PLAN.path(), first ? content.plan().title()
          : content.plan().en().title().isEmpty() ? msg.get("nav.plan") : content.plan().en().title(),
          Map.of("plan", content.plan(), "dataInFirstLanguage", !first), null);
    }

    private void measurePage(Measure m) {
      List<Views.Progress> progress = m.progress().stream()
          .map(n -> new Views.Progress(n.date().toString(), AzDates.format(n.date(), settings.locale()), n.text(), n.links(), n.source()))
          .toList();
      page(PageKind.MEASURE, m.url(), m.id() + " — " + msg.get("plan.measure"),
          Map.of("measure", m, "plan", content.plan(), "progress", progress, "dataInFirstLanguage", !first), null);
    }

    private void documentsIndex() {
      // (Each document's title and summary in this run's language: documentView.)
      page(PageKind.DOCUMENTS, PageKind.DOCUMENTS.path(), msg.get("documents.title"), Map.of("documents", content.documents().stream().map(this::documentView).toList()), null);
    }

    private void documentPage(Document d) {
      Optional<az.disclose.content.Translation> t = translation(d.body().file());
      String body = t.isPresent() ? render(t.get().body()) : untranslatedBody(render(d.body()));
      DocumentView view = documentView(d);
      page(PageKind.DOCUMENT, d.url(), view.title(), Map.of("document", view, "body", body, "contentLang", view.lang()), d.date());
    }

    private void contentPage(Page original) {
      Page p = translated(original);
      boolean untranslated = !contentLang(original.body().file()).isEmpty();
      String body = untranslated ? untranslatedBody(render(p.body())) : render(p.body());
      page(PageKind.PAGE, p.url(), p.title(), Map.of("summary", p.summary(), "body", body, "contentLang", contentLang(original.body().file())), null);
    }

    private void opennessPage() {
      page(PageKind.OPENNESS, PageKind.OPENNESS.path(), msg.get("openness.title"),
          Map.of("openness", Openness.of(content, ledger, clock, settings.locale()), "regenerated", regenerated()), null);
    }

    /** The inbox's published request statistics (data/request-statistics.yaml), or "none yet". */
    private void statisticsPage() {
      page(PageKind.STATISTICS, StatisticsPage.URL, msg.get("statistics.title"),
          StatisticsPage.model(content.requestStatistics(), settings.locale()), null);
    }

    /** {@code /reports/}, each approved annual report and each published month (docs/publishing.md). */
    private List<Runnable> reportPages() {
      var reports = content.reports();
      Locale locale = settings.locale();
      List<Runnable> jobs = new ArrayList<>();
      jobs.add(() -> page(PageKind.REPORTS, ReportsPages.URL, msg.get("reports.title"),
          Map.of("reports", ReportsPages.index(reports, locale)), null));
      for (var a : reports.annual()) {
        jobs.add(() -> page(PageKind.ANNUAL_REPORT, ReportsPages.annualUrl(a.year()),
            msg.get("reports.annual.title") + " — " + a.year(), Map.of("view", ReportsPages.annual(a, reports, locale)),
            a.approved().orElseThrow()));
      }
      for (var f : reports.months()) {
        ReportsPages.MonthView view = ReportsPages.month(f, locale);
        jobs.add(() -> page(PageKind.MONTHLY_REPORT, ReportsPages.monthUrl(f), msg.get("reports.monthly.title") + " — "
            + view.label(), Map.of("view", view), null));
      }
      return jobs;
    }

    private void homePage() {
      List<NewsSummary> latest = content.news().stream().limit(HOME_NEWS).map(this::summary).toList();
      page(PageKind.HOME, PageKind.HOME.path(), settings.title(), Map.of("latest", latest, "plan", content.plan(), "regenerated", regenerated()),
          null);
    }

    /**
     * When the site was last regenerated, to the minute in Baku: shown on the home and openness
     * pages (not on every page, which would rewrite them all at each rebuild). A rebuild with
     * nothing changed leaves it, and so does one for the inbox's statistics alone, so it says when
     * the published content last changed.
     */
    private Regenerated regenerated() {
      java.time.ZonedDateTime now = regeneratedAt.atZone(ZONE);
      return new Regenerated(now.toOffsetDateTime().withNano(0).withSecond(0).toString(),
          AzDates.format(now.toLocalDate(), settings.locale()) + ", " + String.format("%02d:%02d", now.getHour(), now.getMinute()));
    }

    private String render(az.disclose.content.Body body) {
      try {
        return markdown.toHtml(body.read());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + body.file() + ": " + e.getMessage(), e);
      }
    }

    /** Renders a page of {@code kind} at {@code sitePath} with the kind's template and writes it. */
    private Set<String> page(PageKind kind, String sitePath, String title, Map<String, ?> specific, LocalDate lastmod) {
      String template = kind.template();
      Map<String, Object> model = frame.model(sitePath, title, kind.section(sitePath), specific);
      String html;
      try {
        html = templates.render(template, model);
      } catch (TemplateException e) {
        throw new TemplateFailure(root + sitePath, e);
      } catch (IOException e) {
        throw new UncheckedIOException("template " + template + ": " + e.getMessage(), e);
      }
      html = LanguageLinks.rewrite(html, root);
      Set<String> targets = links.scan(root + sitePath, html);
      write(root + sitePath, html.getBytes(StandardCharsets.UTF_8));
      return targets;
    }

    private void write(String sitePath, byte[] bytes) {
      try {
        output.write(sitePath, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    // ---- data files --------------------------------------------------------------------------

    private void planData() {
      write("/plan.json", PlanExport.json(content.plan()));
      write("/plan.csv", PlanExport.csv(content.plan()));
    }

    private void feed() {
      List<FeedEntry> entries = content.news().stream().limit(FEED_ENTRIES)
          .map(n -> new FeedEntry(summary(n), settings.absolute(root + n.url()), atomDate(n.date()), feedHtml.getOrDefault(n.slug(), "")))
          .toList();
      String updated = content.news().isEmpty() ? atomDate(LocalDate.of(2012, 1, 1)) : atomDate(content.news().get(0).date());
      Map<String, Object> model = new HashMap<>();
      model.put("site", settings);
      model.put("msg", msg);
      model.put("entries", entries);
      model.put("updated", updated);
      model.put("self", settings.absolute(root + PageKind.FEED.path()));
      model.put("root", root);
      renderData(PageKind.FEED, model);
    }

    private void sitemapFile() {
      Map<String, String> lastmod = new HashMap<>();
      content.news().forEach(n -> lastmod.put(n.url(), n.date().toString()));
      content.documents().forEach(d -> lastmod.put(d.url(), d.date().toString()));
      if (second != null) {
        content.news().forEach(n -> lastmod.put(second.root + n.url(), n.date().toString()));
        content.documents().forEach(d -> lastmod.put(second.root + d.url(), d.date().toString()));
      }
      List<SitemapEntry> entries = output.producedFiles().stream()
          .filter(f -> f.endsWith(".html") && !f.equals("404.html") && !f.endsWith("/404.html"))
          .map(f -> "/" + (f.endsWith("index.html") ? f.substring(0, f.length() - "index.html".length()) : f))
          .sorted()
          .map(p -> new SitemapEntry(settings.absolute(p), lastmod.get(p)))
          .toList();
      renderData(PageKind.SITEMAP, Map.of("entries", entries));
    }

    private void renderData(PageKind kind, Map<String, ?> model) {
      String sitePath = root + kind.path();
      try {
        write(sitePath, templates.render(kind.template(), model).getBytes(StandardCharsets.UTF_8));
      } catch (TemplateException e) {
        throw new TemplateFailure(sitePath, e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void robots() {
      write("/robots.txt", ("User-agent: *\nAllow: /\nSitemap: " + settings.absolute(PageKind.SITEMAP.path()) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Copies theme/static/** to the site root and content/files/** to /files/: never a symbolic link
     * (the walk of the inputs has refused them already; a link made since is refused here), never a
     * file over the limit of a published file, and never a file or directory whose name starts
     * with '.' (an editor's or a version-control system's, never the public's).
     */
    private void staticFiles() {
      copyTree(themeDir.resolve("static"), "/");
      copyTree(contentDir.resolve("files"), "/files/");
    }

    private void copyTree(Path dir, String prefix) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      InputFiles.Limit limit = settings.limits().published();
      Map<String, Path> files = new TreeMap<>();
      try {
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
            return !d.equals(dir) && hidden(d) ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFile(Path f, BasicFileAttributes a) {
            if (a.isSymbolicLink()) {
              problems.add(new Problem(f, 0, InputFiles.MESSAGE));
            } else if (a.isRegularFile() && !hidden(f)) {
              if (a.size() > limit.bytes()) {
                problems.add(new Problem(f, 0, InputFiles.tooLarge(a.size(), limit)));
              } else {
                files.put(dir.relativize(f).toString().replace('\\', '/'), f);
              }
            }
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
        for (Map.Entry<String, Path> e : files.entrySet()) {
          try {
            write(prefix + e.getKey(), InputFiles.read(e.getValue(), limit));
          } catch (InputFiles.SymbolicLink | InputFiles.TooLarge refused) {
            problems.add(new Problem(e.getValue(), 0, refused.getMessage()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("copying " + dir + ": " + e.getMessage(), e);
      }
    }

    private static boolean hidden(Path p) {
      return p.getFileName().toString().startsWith(".");
    }

    // ---- view helpers ------------------------------------------------------------------------

    private NewsSummary summary(NewsItem n) {
      String eventIso = n.eventDate().map(LocalDate::toString).orElse("");
      String eventText = n.eventDate().map(d -> AzDates.format(d, settings.locale())).orElse("");
      Optional<az.disclose.content.Translation> t = translation(n.body().file());
      return new NewsSummary(t.map(az.disclose.content.Translation::title).orElse(n.title()), n.url(), n.date().toString(),
          AzDates.format(n.date(), settings.locale()), eventIso, eventText, t.map(az.disclose.content.Translation::summary).orElse(n.summary()),
          n.tags(), contentLang(n.body().file()));
    }

    private DocumentView documentView(Document d) {
      Optional<az.disclose.content.Translation> t = translation(d.body().file());
      return new DocumentView(t.map(az.disclose.content.Translation::title).orElse(d.title()), d.url(), d.date().toString(),
          AzDates.format(d.date(), settings.locale()), d.number(), t.map(az.disclose.content.Translation::summary).orElse(d.summary()),
          contentLang(d.body().file()));
    }

    private Pager pager(int current, int total, String base) {
      List<PageLink> pages = new ArrayList<>();
      for (int i = 1; i <= total; i++) {
        if (i == 1 || i == total || Math.abs(i - current) <= 2) {
          pages.add(new PageLink(i, newsListUrl(base, i), i == current));
        }
      }
      return new Pager(current, total, current > 1 ? newsListUrl(base, current - 1) : null,
          current < total ? newsListUrl(base, current + 1) : null, pages);
    }
  }

  /** A moment as a page shows it: machine-readable and in words. */
  public record Regenerated(String iso, String text) {}

  /** A document as its list and page show it. */
  public record DocumentView(String title, String url, String date, String dateText, String number, String summary, String lang) {}

  /** {@code text} escaped for HTML text and attribute values. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static String newsListUrl(String base, int number) {
    return number == 1 ? base : base + "page/" + number + "/";
  }

  static String tagUrl(String slug) {
    return PageKind.TAG.path() + slug + "/";
  }

  static String atomDate(LocalDate date) {
    return date + "T00:00:00+04:00";
  }

  /** The gist of a template error: its first line, and the expression ("==> x.y") when given. */
  private static String gist(String s) {
    if (s == null) {
      return "";
    }
    List<String> lines = s.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    String first = lines.isEmpty() ? "" : lines.get(0);
    return lines.size() > 1 && lines.get(1).startsWith("==>") ? first + " " + lines.get(1) : first;
  }

  /** Carries a template error out of a rendering job. */
  private static final class TemplateFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String sitePath;
    final transient TemplateException cause;

    TemplateFailure(String sitePath, TemplateException cause) {
      super(cause);
      this.sitePath = sitePath;
      this.cause = cause;
    }
  }
}
