package az.disclose.publish;

import az.disclose.files.AtomicFiles;
import az.disclose.yaml.Fields;
import az.disclose.yaml.Node;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import az.disclose.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The publication ledger, {@code content/data/publication-ledger.yaml}: for every item, by its site
 * path ({@code /news/<slug>/}), when it first went live. It is committed with the content, so the
 * three-day window (rule 6 of the FOI rules) is checked against what really happened, not against
 * the date an editor typed.
 *
 * <pre>
 * published:
 *   "/news/komissiya-yaradildi/": 2012-10-30              # a day: the exact time is not known
 *   "/news/yeni-xeber/": "2026-05-04T07:12:30Z"           # an instant, as the build records it
 * exceptions:
 *   "/news/yeni-xeber/": "late_reason: Fotolar gec çatdı"  # why it went live despite a check error
 * </pre>
 *
 * <p>{@code exceptions} records, with an item's first publication, the reason its editor gave for
 * publishing it despite a check error (publish.HoldBack: {@code late_reason}, {@code
 * publish_despite}); like the day, it is never changed afterwards.
 *
 * A day means "some time that day, Baku time" (items carried over from an earlier site); the build
 * records instants. The file is read strictly (every problem with its line) and written back sorted
 * by site path, so that its diffs are small and reviewable. Thread-safe.
 */
public final class PublicationLedger {
  public static final String FILE = "data/publication-ledger.yaml";
  public static final ZoneId BAKU = ZoneId.of("Asia/Baku");

  private static final String HEADER = """
      # Publication ledger: when each item first went live on the site (rule 6 of the
      # Ministry's FOI rules: published no later than three days after the event).
      # Maintained by `disclose build`; committed with the content. Do not edit entries by hand
      # except to carry over items first published elsewhere (a day, yyyy-mm-dd, Baku time).
      # See docs/publishing.md.
      """;

  /** When an item first went live: an exact instant, or only the (Baku) day. */
  public record Entry(String sitePath, LocalDate day, Optional<Instant> instant, int line) {
    /** The instant, or the start of the day in Baku when only the day is known. */
    public Instant earliestInstant() {
      return instant.orElseGet(() -> day.atStartOfDay(BAKU).toInstant());
    }

    String yamlValue() {
      return instant.map(i -> "\"" + i + "\"").orElse(day.toString());
    }
  }

  private final Path file;
  private final TreeMap<String, Entry> entries;
  private final TreeMap<String, String> reasons;

  private PublicationLedger(Path file, TreeMap<String, Entry> entries, TreeMap<String, String> reasons) {
    this.file = file;
    this.entries = entries;
    this.reasons = reasons;
  }

  /** An empty ledger that will be written to {@code file}. */
  public static PublicationLedger empty(Path file) {
    return new PublicationLedger(file, new TreeMap<>(), new TreeMap<>());
  }

  /** Loads {@code <contentDir>/data/publication-ledger.yaml}; a missing file is an empty ledger. */
  public static PublicationLedger load(Path contentDir) throws ProblemsException {
    return loadFile(contentDir.resolve(FILE));
  }

  public static PublicationLedger loadFile(Path file) throws ProblemsException {
    if (!Files.exists(file)) {
      return empty(file);
    }
    String text = YamlReader.readText(file);
    TreeMap<String, String> reasons = new TreeMap<>();
    return new PublicationLedger(file, fromYaml(file, text, reasons), reasons);
  }

  static TreeMap<String, Entry> fromYaml(Path file, String text) throws ProblemsException {
    return fromYaml(file, text, new TreeMap<>());
  }

  /** The entries of {@code text} read as YAML, every problem with its line. */
  static TreeMap<String, Entry> fromYaml(Path file, String text, TreeMap<String, String> reasons) throws ProblemsException {
    Node root = new YamlReader().read(file, text);
    List<Problem> problems = new ArrayList<>();
    Fields top = Fields.of(file, root, problems, "");
    TreeMap<String, Entry> entries = new TreeMap<>();
    top.child("published").ifPresent(published -> {
      // A mapping of site path to day or instant; its keys are not known in advance.
      if (root instanceof Node.Mapping m && m.entries().get("published") instanceof Node.Mapping items) {
        for (Map.Entry<String, Node> e : items.entries().entrySet()) {
          int line = items.keyLines().get(e.getKey());
          parseEntry(file, e.getKey(), e.getValue(), line, problems).ifPresent(entry -> entries.put(entry.sitePath(), entry));
        }
      }
    });
    top.child("exceptions").ifPresent(exceptions -> {
      if (root instanceof Node.Mapping m && m.entries().get("exceptions") instanceof Node.Mapping items) {
        for (Map.Entry<String, Node> e : items.entries().entrySet()) {
          int line = items.keyLines().get(e.getKey());
          if (!isSitePath(e.getKey())) {
            problems.add(new Problem(file, line, "'" + e.getKey() + "' is not a site path"));
          } else if (!(e.getValue() instanceof Node.Scalar s) || s.text().isBlank()) {
            problems.add(new Problem(file, line, "'" + e.getKey() + "' needs the reason it was published despite a check error"));
          } else {
            reasons.put(e.getKey(), s.text().strip());
          }
        }
      }
    });
    top.rejectUnknownKeys();
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    return entries;
  }

  /** A day ({@code yyyy-mm-dd}, Baku) or an instant with a zone; empty when it is neither. */
  private static Optional<Entry> entry(String path, String text, int line) {
    try {
      if (text.length() == 10) {
        return Optional.of(new Entry(path, LocalDate.parse(text), Optional.empty(), line));
      }
      Instant instant = text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
      return Optional.of(new Entry(path, instant.atZone(BAKU).toLocalDate(), Optional.of(instant), line));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Entry> parseEntry(Path file, String path, Node value, int line, List<Problem> problems) {
    if (!isSitePath(path)) {
      problems.add(new Problem(file, line, "'" + path + "' is not a site path; write it as the item's address, e.g. \"/news/komissiya-yaradildi/\""));
      return Optional.empty();
    }
    if (!(value instanceof Node.Scalar s) || s.isNull()) {
      problems.add(new Problem(file, line, "'" + path + "' needs the day (yyyy-mm-dd) or the instant (e.g. 2026-05-04T07:12:30Z) it first went live"));
      return Optional.empty();
    }
    String text = s.text().trim();
    Optional<Entry> entry = entry(path, text, line);
    if (entry.isEmpty()) {
      problems.add(new Problem(file, line, "'" + path + "': '" + text + "' is neither a day (yyyy-mm-dd) nor an instant with a zone (e.g. 2026-05-04T07:12:30Z)"));
    }
    return entry;
  }

  static boolean isSitePath(String path) {
    return path.length() >= 1 && path.startsWith("/") && path.endsWith("/") && !path.contains("//")
        && path.chars().noneMatch(c -> Character.isWhitespace(c) || c == '?' || c == '#');
  }

  public Path file() {
    return file;
  }

  public synchronized Optional<Entry> entry(String sitePath) {
    return Optional.ofNullable(entries.get(sitePath));
  }

  /** The reason {@code sitePath} was published despite a check error, if it was. */
  public synchronized Optional<String> exception(String sitePath) {
    return Optional.ofNullable(reasons.get(sitePath));
  }

  /** All entries, sorted by site path. */
  public synchronized List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /**
   * Records that {@code sitePath} went live at {@code instant}, unless it already has an entry (the
   * first publication is what counts), and writes the file back. Returns whether it was new.
   */
  public boolean recordFirstPublication(String sitePath, Instant instant) throws IOException {
    return recordFirstPublications(Map.of(sitePath, instant)) == 1;
  }

  /**
   * A copy that also holds {@code published} where this ledger has no entry yet, as {@link
   * #recordFirstPublications} would record them, without writing anything: what a build shows
   * before it knows that it succeeded.
   */
  public synchronized PublicationLedger withFirstPublications(Map<String, Instant> published) {
    return withFirstPublications(published, Map.of());
  }

  /** As {@link #withFirstPublications(Map)}, with the justified exceptions of the new entries. */
  public synchronized PublicationLedger withFirstPublications(Map<String, Instant> published, Map<String, String> exceptions) {
    TreeMap<String, Entry> copy = new TreeMap<>(entries);
    TreeMap<String, String> why = new TreeMap<>(reasons);
    published.forEach((path, i) -> {
      if (copy.putIfAbsent(path, new Entry(path, i.atZone(BAKU).toLocalDate(), Optional.of(i), 0)) == null
          && exceptions.containsKey(path)) {
        why.putIfAbsent(path, exceptions.get(path));
      }
    });
    return new PublicationLedger(file, copy, why);
  }

  /** Records several first publications with one write; returns how many were new. */
  public synchronized int recordFirstPublications(Map<String, Instant> published) throws IOException {
    return recordFirstPublications(published, Map.of());
  }

  /**
   * As {@link #recordFirstPublications(Map)}; a new entry whose path is in {@code exceptions} also
   * records the reason it was published despite a check error.
   */
  public synchronized int recordFirstPublications(Map<String, Instant> published, Map<String, String> exceptions)
      throws IOException {
    int added = 0;
    for (Map.Entry<String, Instant> e : new TreeMap<>(published).entrySet()) {
      if (!isSitePath(e.getKey())) {
        throw new IllegalArgumentException("not a site path: '" + e.getKey() + "'");
      }
      if (!entries.containsKey(e.getKey())) {
        Instant i = e.getValue();
        entries.put(e.getKey(), new Entry(e.getKey(), i.atZone(BAKU).toLocalDate(), Optional.of(i), 0));
        if (exceptions.containsKey(e.getKey())) {
          reasons.putIfAbsent(e.getKey(), exceptions.get(e.getKey()));
        }
        added++;
      }
    }
    if (added > 0) {
      write();
    }
    return added;
  }

  /** The file text: the header, then the entries sorted by site path (deterministic). */
  public synchronized String toYaml() {
    StringBuilder sb = new StringBuilder(HEADER);
    if (entries.isEmpty()) {
      return sb.append("published: {}\n").toString();
    }
    sb.append("published:\n");
    for (Entry e : entries.values()) {
      sb.append("  \"").append(e.sitePath().replace("\\", "\\\\").replace("\"", "\\\"")).append("\": ")
          .append(e.yamlValue()).append('\n');
    }
    if (!reasons.isEmpty()) {
      sb.append("exceptions:\n");
      reasons.forEach((path, why) -> sb.append("  ").append(quoted(path)).append(": ").append(quoted(why)).append('\n'));
    }
    return sb.toString();
  }

  private static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private void write() throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, toYaml().getBytes(StandardCharsets.UTF_8));
  }

  /** Unmodifiable view for tests and reports. */
  Map<String, Entry> asMap() {
    return Collections.unmodifiableMap(entries);
  }
}
