package az.disclose.content;

import az.disclose.files.InputFiles;
import az.disclose.yaml.Fields;
import az.disclose.yaml.Node;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import az.disclose.yaml.YamlReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Loads {@code content/}: news, pages and documents (Markdown with YAML front matter) and the plan
 * and commission data (YAML), into typed records. Every problem in every file is collected and
 * thrown together, each with its {@code file:line}.
 */
public final class ContentLoader {
  public static final String NEWS_DIR = "news";
  public static final String PAGES_DIR = "pages";
  public static final String DOCUMENTS_DIR = "documents";
  public static final String PLAN_FILE = "data/plan.yaml";
  public static final String COMMISSION_FILE = "data/commission.yaml";
  /** The ministry's address, phone, hours and FOI officers, for /contact/. */
  public static final String CONTACT_FILE = "data/contact.yaml";
  /** Optional: written by the inbox (disclose requests statistics --write, disclose serve). */
  public static final String REQUEST_STATISTICS_FILE = "data/request-statistics.yaml";
  /** The commission's annual plan reports, one YAML file a year (reports/annual/2026.yaml). */
  public static final String ANNUAL_DIR = "reports/annual";
  /** Top-level paths the site itself uses (from {@link PageKind}); a page cannot take them as its slug. */
  public static final Set<String> RESERVED_SLUGS = Set.copyOf(PageKind.reservedNames());

  private final YamlReader yaml = new YamlReader();
  /** The largest Markdown or YAML file read; a larger one is a problem, found before it is read. */
  private final InputFiles.Limit limit;

  /** A loader with the default size limit of a content file ({@link InputFiles.Limits#DEFAULT}). */
  public ContentLoader() {
    this(InputFiles.Limits.DEFAULT);
  }

  /** A loader with the size limits of the site's settings (content/site.yaml). */
  public ContentLoader(InputFiles.Limits limits) {
    this.limit = limits.text();
  }

  public Content load(Path contentDir) throws ProblemsException {
    return load(contentDir, NewsCache.NONE);
  }

  /**
   * Only the pages the site may show (not confidential), for the navigation of pages rendered
   * outside the build, without reading the news; sorted by slug.
   */
  public List<Page> loadPublishablePages(Path contentDir) throws ProblemsException {
    List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    List<Page> pages = new ArrayList<>(loadAll(contentDir.resolve(PAGES_DIR), problems, f -> entry(f, problems, this::page)));
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    pages.sort(Comparator.comparing(Page::slug));
    return pages.stream().filter(p -> !p.confidential()).toList();
  }

  /** Loads, taking unchanged news items from {@code cache} instead of reading them again. */
  public Content load(Path contentDir, NewsCache cache) throws ProblemsException {
    List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    List<NewsItem> news = loadAll(contentDir.resolve(NEWS_DIR), problems,
        f -> cache.lookup(f).or(() -> entry(f, problems, this::news)));
    List<Page> pages = loadAll(contentDir.resolve(PAGES_DIR), problems, f -> entry(f, problems, this::page));
    List<Document> documents = loadAll(contentDir.resolve(DOCUMENTS_DIR), problems, f -> entry(f, problems, this::document));
    Map<Path, Translation> translations = new HashMap<>();
    for (String dir : List.of(NEWS_DIR, PAGES_DIR, DOCUMENTS_DIR)) {
      loadTranslations(contentDir.resolve(dir), problems).forEach(t -> translations.put(Translation.key(t.original()), t));
    }
    Plan plan = loadData(contentDir.resolve(PLAN_FILE), problems, PlanReader::read);
    Commission commission = loadData(contentDir.resolve(COMMISSION_FILE), problems, CommissionReader::read);
    Contact contact = loadData(contentDir.resolve(CONTACT_FILE), problems, ContactReader::read);
    Optional<RequestStatistics> statistics = loadOptionalData(contentDir.resolve(REQUEST_STATISTICS_FILE), problems,
        RequestStatisticsReader::read);
    UnitsReader.Loaded units = units(contentDir, problems);
    Reports reports = plan == null ? Reports.NONE : reports(contentDir, plan, units, problems);
    if (plan != null && units != null) {
      plan = PlanProgress.apply(plan, units.units(), units.reports());
    }

    checkUnique(news, NewsItem::slug, n -> n.body().file(), "news item", problems);
    checkUnique(pages, Page::slug, p -> p.body().file(), "page", problems);
    checkUnique(documents, Document::slug, d -> d.body().file(), "document", problems);
    for (Page p : pages) {
      if (RESERVED_SLUGS.contains(p.slug())) {
        problems.add(new Problem(p.body().file(), 1, "slug '" + p.slug() + "' is used by the site itself; choose another (reserved: " + String.join(", ", RESERVED_SLUGS.stream().sorted().toList()) + ")"));
      }
    }
    checkTags(news, problems);
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    List<NewsItem> sorted = new ArrayList<>(news);
    sorted.sort(NEWEST_FIRST);
    List<Document> docs = new ArrayList<>(documents);
    docs.sort(Comparator.comparing(Document::date).reversed().thenComparing(Document::slug));
    List<Page> pagesSorted = new ArrayList<>(pages);
    pagesSorted.sort(Comparator.comparing(Page::slug));
    return new Content(List.copyOf(sorted), List.copyOf(pagesSorted), List.copyOf(docs), plan, commission, statistics,
        contact, translations, reports);
  }

  /**
   * {@code pages} as the pages in {@code language} name them (the navigation of the inbox's pages in
   * that language): each with its translation's words ({@code x.<language>.md} beside it) when it has
   * one that reads without problems, else as it is (the site's build reports a translation's problems).
   */
  public List<Page> inLanguage(List<Page> pages, String language) {
    Map<Path, Translation> byOriginal = new HashMap<>();
    pages.stream().map(p -> p.body().file().toAbsolutePath().getParent()).distinct().forEach(dir -> {
      List<Problem> problems = new ArrayList<>();
      loadTranslations(dir, problems).stream()
          .filter(t -> t.language().equals(language))
          .filter(t -> problems.stream().noneMatch(pr -> pr.file() != null && Translation.key(pr.file()).equals(Translation.key(t.body().file()))))
          .forEach(t -> byOriginal.put(Translation.key(t.original()), t));
    });
    return pages.stream().map(p -> java.util.Optional.ofNullable(byOriginal.get(Translation.key(p.body().file())))
        .map(t -> new Page(p.slug(), t.title(), t.summary(), p.confidential(), t.body())).orElse(p)).toList();
  }

  /**
   * The translations ({@code x.en.md}) in {@code dir}: each needs its original ({@code x.md})
   * beside it, a {@code title} and optionally a {@code summary}; nothing else (the rest is the original's).
   */
  public List<Translation> loadTranslations(Path dir, List<Problem> problems) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> Translation.languageOf(f) != null).sorted().toList();
    } catch (IOException e) {
      problems.add(new Problem(dir, 0, "cannot list directory: " + e.getMessage()));
      return List.of();
    }
    List<Translation> out = new ArrayList<>();
    for (Path f : files) {
      Path original = Translation.originalOf(f);
      if (!Files.isRegularFile(original, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        problems.add(new Problem(f, 1, "a translation needs its original beside it: " + original.getFileName()
            + " is missing (rename this file after the original, or remove it)"));
        continue;
      }
      String lang = Translation.languageOf(f);
      entry(f, problems, (file, fields, split, name) -> {
        String title = fields.requiredText("title");
        String summary = fields.optionalText("summary").orElse("");
        fields.rejectUnknownKeys();
        return new Translation(original, lang, title, summary, body(file, split));
      }).ifPresent(out::add);
    }
    return out;
  }

  /**
   * {@code before} (loaded from {@code contentDir}) with the news files {@code changedNewsFiles}
   * read again, or dropped when they are gone: for a long-running process that knows from a
   * watcher which files changed, and so need not list and look up every other news file. The news
   * are checked together as by {@link #load}; pages, documents and data are taken from {@code before}.
   */
  public Content reloadNews(Content before, Path contentDir, Set<Path> changedNewsFiles) throws ProblemsException {
    Path newsDir = contentDir.resolve(NEWS_DIR);
    // Keyed by the file as load() names it: <contentDir>/news/<name>.
    Map<Path, NewsItem> byFile = new HashMap<>();
    for (NewsItem n : before.news()) {
      byFile.put(n.body().file(), n);
    }
    List<Problem> problems = new ArrayList<>();
    for (Path changed : changedNewsFiles) {
      Path file = newsDir.resolve(changed.getFileName().toString());
      byFile.remove(file);
      if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        entry(file, problems, this::news).ifPresent(item -> byFile.put(file, item));
      } else {
        // An original gone with its translation still there: as load() finds it.
        before.translation(file).filter(t -> Files.exists(t.body().file(), java.nio.file.LinkOption.NOFOLLOW_LINKS))
            .ifPresent(t -> problems.add(new Problem(t.body().file(), 1, "a translation needs its original beside it: "
                + file.getFileName() + " is missing (rename this file after the original, or remove it)")));
      }
    }
    List<NewsItem> news = new ArrayList<>(byFile.values());
    checkUnique(news, NewsItem::slug, n -> n.body().file(), "news item", problems);
    checkTags(news, problems);
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    news.sort(NEWEST_FIRST);
    return new Content(List.copyOf(news), before.pages(), before.documents(), before.plan(), before.commission(),
        before.requestStatistics(), before.contact(), before.translations(), before.reports());
  }

  /** {@code before} with the request statistics file read again (the inbox rewrote it). */
  public Content reloadStatistics(Content before, Path contentDir) throws ProblemsException {
    List<Problem> problems = new ArrayList<>();
    Optional<RequestStatistics> statistics = loadOptionalData(contentDir.resolve(REQUEST_STATISTICS_FILE), problems,
        RequestStatisticsReader::read);
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    return new Content(before.news(), before.pages(), before.documents(), before.plan(), before.commission(), statistics,
        before.contact(), before.translations(), before.reports());
  }

  /**
   * The annual plan report of {@code year} alone, as {@code disclose report annual} makes it: the
   * plan, the units and their reports, and {@code reports/annual/<year>.yaml}, put together (approved
   * or not); every problem of those files with its {@code file:line}. The news and pages are not read.
   */
  public AnnualPlanReport loadAnnual(Path contentDir, int year) throws ProblemsException {
    List<Problem> problems = new ArrayList<>();
    Plan plan = loadData(contentDir.resolve(PLAN_FILE), problems, PlanReader::read);
    UnitsReader.Loaded units = units(contentDir, problems);
    Path file = contentDir.resolve(ANNUAL_DIR).resolve(year + ".yaml");
    AnnualData data = null;
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      problems.add(new Problem(file, 0, "missing: the commission's assessment of " + year + " goes here (see"
          + " content/README.md and docs/reports.md)"));
    } else {
      data = loadData(file, problems, AnnualReader::read);
    }
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    return AnnualPlanReport.assemble(plan, data, units == null ? null : units.units(),
        units == null ? List.of() : units.reports());
  }

  /**
   * The units and their twice-monthly reports, when the content has units (data/units.yaml) or unit
   * reports (reports/units/); null when it has neither.
   */
  private static UnitsReader.Loaded units(Path contentDir, List<Problem> problems) {
    if (!Files.exists(contentDir.resolve(UnitsReader.UNITS_FILE)) && !Files.isDirectory(contentDir.resolve(UnitsReader.REPORTS_DIR))) {
      return null;
    }
    try {
      return new UnitsReader().load(contentDir);
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** The annual plan reports (reports/annual/*.yaml, put together) and the published FOI figures (data/foi/*.yaml). */
  private Reports reports(Path contentDir, Plan plan, UnitsReader.Loaded units, List<Problem> problems) {
    List<AnnualPlanReport> annual = new ArrayList<>();
    for (Path f : yamlFiles(contentDir.resolve(ANNUAL_DIR), problems)) {
      AnnualData data = loadData(f, problems, AnnualReader::read);
      if (data != null) {
        try {
          annual.add(AnnualPlanReport.assemble(plan, data, units == null ? null : units.units(),
              units == null ? List.of() : units.reports()));
        } catch (ProblemsException e) {
          problems.addAll(e.problems());
        }
      }
    }
    List<FoiFigures> foi = new ArrayList<>();
    for (Path f : yamlFiles(contentDir.resolve(FoiFigures.DIR), problems)) {
      FoiFigures figures = loadData(f, problems, FoiFiguresReader::read);
      if (figures != null) {
        foi.add(figures);
      }
    }
    return new Reports(annual, foi);
  }

  /** The .yaml files of {@code dir}, sorted (none when it is absent); anything else there is a problem. */
  private static List<Path> yamlFiles(Path dir, List<Problem> problems) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      List<Path> files = list.sorted().toList();
      for (Path f : files) {
        if (!f.getFileName().toString().endsWith(".yaml")) {
          problems.add(new Problem(f, 0, "only .yaml data files belong here"));
        }
      }
      return files.stream().filter(f -> f.getFileName().toString().endsWith(".yaml")).toList();
    } catch (IOException e) {
      problems.add(new Problem(dir, 0, "cannot list directory: " + e.getMessage()));
      return List.of();
    }
  }

  /** The order of {@link Content#news()}: by date, newest first, then by slug. */
  private static final Comparator<NewsItem> NEWEST_FIRST = Comparator.comparing(NewsItem::date).reversed().thenComparing(NewsItem::slug);

  @FunctionalInterface
  private interface EntryReader<T> {
    T read(Path file, Fields fields, FrontMatter split, String slugFromName);
  }

  @FunctionalInterface
  private interface DataReader<T> {
    T read(Fields root);
  }

  /** Loads every .md file of {@code dir} with {@code loader}, in parallel; other files are problems. */
  private <T> List<T> loadAll(Path dir, List<Problem> problems, Function<Path, Optional<T>> loader) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.sorted().toList();
    } catch (IOException e) {
      problems.add(new Problem(dir, 0, "cannot list directory: " + e.getMessage()));
      return List.of();
    }
    for (Path f : files) {
      if (!f.getFileName().toString().endsWith(".md")) {
        problems.add(new Problem(f, 0, "only Markdown files (.md) belong here; put other files to publish under content/files/"));
      }
    }
    return files.parallelStream()
        .filter(f -> f.getFileName().toString().endsWith(".md") && Translation.languageOf(f) == null)
        .map(loader)
        .flatMap(Optional::stream)
        .toList();
  }

  private <T> Optional<T> entry(Path file, List<Problem> problems, EntryReader<T> reader) {
    List<Problem> own = new ArrayList<>();
    try {
      // Never through a symbolic link, and never a file over the limit (checked before reading).
      byte[] bytes = InputFiles.read(file, limit);
      FrontMatter split = FrontMatter.split(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString()); // strict UTF-8: malformed input throws
      Node node = yaml.read(split.yaml(), split.yamlLine());
      String name = file.getFileName().toString();
      T value = reader.read(file, Fields.of(file, node, own, ""), split, name.substring(0, name.length() - 3));
      problems.addAll(own);
      return own.isEmpty() ? Optional.of(value) : Optional.empty();
    } catch (FrontMatter.Missing e) {
      problems.add(new Problem(file, e.line(), e.getMessage()));
    } catch (YamlReader.SyntaxError e) {
      problems.add(new Problem(file, e.line(), e.getMessage()));
    } catch (CharacterCodingException e) {
      problems.add(new Problem(file, 0, "is not valid UTF-8 text; save it as UTF-8"));
    } catch (InputFiles.SymbolicLink | InputFiles.TooLarge e) {
      problems.add(new Problem(file, 0, e.getMessage()));
    } catch (IOException e) {
      problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private <T> T loadData(Path file, List<Problem> problems, DataReader<T> reader) {
    if (!Files.isRegularFile(file) && !Files.isSymbolicLink(file)) {
      problems.add(new Problem(file, 0, "missing: the site needs this data file (see content/README.md)"));
      return null;
    }
    String text;
    try {
      text = InputFiles.readText(file, limit);
    } catch (CharacterCodingException e) {
      problems.add(new Problem(file, 0, "is not valid UTF-8 text; save it as UTF-8"));
      return null;
    } catch (InputFiles.SymbolicLink | InputFiles.TooLarge e) {
      problems.add(new Problem(file, 0, e.getMessage()));
      return null;
    } catch (IOException e) {
      problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
      return null;
    }
    try {
      List<Problem> own = new ArrayList<>();
      T value = reader.read(Fields.of(file, yaml.read(file, text), own, ""));
      problems.addAll(own);
      return value;
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** A data file the site can do without: absent, it is empty (and no problem). */
  private <T> Optional<T> loadOptionalData(Path file, List<Problem> problems, DataReader<T> reader) {
    return Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? Optional.ofNullable(loadData(file, problems, reader)) : Optional.empty();
  }

  private NewsItem news(Path file, Fields f, FrontMatter split, String name) {
    String title = f.requiredText("title");
    LocalDate date = f.requiredDate("date");
    Optional<LocalDate> eventDate = f.optionalDate("event_date");
    List<Tag> tags = f.textList("tags").stream().map(Tag::of).toList();
    for (Tag t : tags) {
      if (t.slug().isEmpty()) {
        f.problemAt("tags", "tag '" + t.name() + "' has no letters or digits");
      }
    }
    String summary = f.optionalText("summary").orElse("");
    String slug = slug(f, name);
    boolean confidential = f.bool("confidential", false);
    reasons(f);
    f.rejectUnknownKeys();
    if (date != null && eventDate.isPresent() && eventDate.get().isAfter(date)) {
      f.problemAt("event_date", "'event_date' " + eventDate.get() + " is after the publication 'date' " + date);
    }
    return new NewsItem(new NewsMeta(slug, title, date, eventDate, tags, summary, confidential), body(file, split));
  }

  private Page page(Path file, Fields f, FrontMatter split, String name) {
    String title = f.requiredText("title");
    String summary = f.optionalText("summary").orElse("");
    String slug = slug(f, name);
    boolean confidential = f.bool("confidential", false);
    reasons(f);
    f.rejectUnknownKeys();
    return new Page(slug, title, summary, confidential, body(file, split));
  }

  private Document document(Path file, Fields f, FrontMatter split, String name) {
    String title = f.requiredText("title");
    LocalDate date = f.requiredDate("date");
    String number = f.optionalText("number").orElse("");
    String summary = f.optionalText("summary").orElse("");
    String slug = slug(f, name);
    boolean confidential = f.bool("confidential", false);
    reasons(f);
    f.rejectUnknownKeys();
    return new Document(slug, title, date, number, summary, confidential, body(file, split));
  }

  /**
   * The editor's reasons for publishing a justified exception to the publishing rules: {@code
   * late_reason} (the item is later than the three-day window) and {@code publish_despite} (a marker
   * or a number that the check flags is public). The build's hold-back (publish.HoldBack) reads
   * them; here they are only checked to be one non-empty text each.
   */
  private static void reasons(Fields f) {
    for (String key : REASON_KEYS) {
      f.optionalText(key).filter(String::isBlank).ifPresent(blank -> f.problemAt(key,
          "'" + key + "' must give the reason in words, or be left out"));
    }
  }

  /** The front-matter keys that carry the reason for a justified exception. */
  public static final List<String> REASON_KEYS = List.of("late_reason", "publish_despite");

  private static Body body(Path file, FrontMatter split) {
    return new Body(file, split.bodyOffset(), split.bodyLine());
  }

  private static String slug(Fields f, String fileName) {
    Optional<String> explicit = f.optionalText("slug");
    if (explicit.isPresent()) {
      if (!Slugs.isValid(explicit.get())) {
        f.problemAt("slug", "'slug' must be lower-case ASCII letters, digits and hyphens, e.g. '" + Slugs.of(explicit.get()) + "', not '" + explicit.get() + "'");
      }
      return explicit.get();
    }
    String slug = Slugs.of(fileName);
    if (slug.isEmpty()) {
      f.problem(1, "the file name gives an empty slug; rename the file or set 'slug'");
    }
    return slug;
  }

  private static <T> void checkUnique(List<T> items, java.util.function.Function<T, String> key,
      java.util.function.Function<T, Path> file, String what, List<Problem> problems) {
    Set<String> seen = new java.util.HashSet<>();
    if (items.stream().allMatch(i -> seen.add(key.apply(i)))) {
      return; // the usual case, found without sorting
    }
    // Which file came first is told in the order of file names, whatever order the items are in.
    Map<String, Path> first = new HashMap<>();
    items.stream().sorted(Comparator.comparing(i -> file.apply(i).toString())).forEach(item -> {
      Path previous = first.putIfAbsent(key.apply(item), file.apply(item));
      if (previous != null) {
        problems.add(new Problem(file.apply(item), 1, "slug '" + key.apply(item) + "' is already used by the " + what + " " + previous + "; set a different 'slug'"));
      }
    });
  }

  private static void checkTags(List<NewsItem> news, List<Problem> problems) {
    Map<String, String> names = new HashMap<>();
    if (news.stream().flatMap(n -> n.tags().stream()).allMatch(t -> names.computeIfAbsent(t.slug(), k -> t.name()).equals(t.name()))) {
      return; // the usual case, found without sorting
    }
    Map<String, String> nameBySlug = new HashMap<>();
    news.stream().sorted(Comparator.comparing(n -> n.body().file().toString())).forEach(n -> {
      for (Tag t : n.tags()) {
        String previous = nameBySlug.putIfAbsent(t.slug(), t.name());
        if (previous != null && !previous.equals(t.name())) {
          problems.add(new Problem(n.body().file(), 1, "tag '" + t.name() + "' and tag '" + previous + "' have the same address /tags/" + t.slug() + "/; write them the same way"));
        }
      }
    });
  }
}
