package az.disclose.publish;

import az.disclose.content.ContentLoader;
import az.disclose.content.FrontMatter;
import az.disclose.content.Slugs;
import az.disclose.yaml.Node;
import az.disclose.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Markdown content file as the checks see it: every line of it (front matter included, since
 * titles and summaries are published too), its body, and the few front-matter values the checks
 * need. Reading is lenient: the strict validation of front matter is the {@link ContentLoader}'s.
 *
 * @param relative the path inside the content directory, with '/' ({@code news/x.md})
 * @param lines every line of the file (without line ends)
 * @param body the Markdown after the front matter
 * @param bodyLine the file line the body starts on
 * @param frontMatterEnd the last front-matter line (the closing {@code ---}); 0 without front matter
 * @param kind {@code news}, {@code pages} or {@code documents}
 */
public record ContentFile(
    Path file,
    String relative,
    String kind,
    List<String> lines,
    String body,
    int bodyLine,
    int frontMatterEnd,
    Optional<Node.Mapping> frontMatter) {

  private static final List<String> DIRS = List.of(ContentLoader.NEWS_DIR, ContentLoader.PAGES_DIR, ContentLoader.DOCUMENTS_DIR);

  /** Reads every .md file under news/, pages/ and documents/ of {@code contentDir}, sorted. */
  public static List<ContentFile> readAll(Path contentDir) throws IOException {
    List<ContentFile> out = new ArrayList<>();
    for (String dir : DIRS) {
      Path d = contentDir.resolve(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> list = Files.list(d)) {
        for (Path f : list.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList()) {
          out.add(read(f, dir + "/" + f.getFileName(), dir));
        }
      }
    }
    return out;
  }

  static ContentFile read(Path file, String relative, String kind) throws IOException {
    return parse(file, relative, kind, Files.readString(file, StandardCharsets.UTF_8));
  }

  static ContentFile parse(Path file, String relative, String kind, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = text.lines().toList();
    FrontMatter split;
    try {
      split = FrontMatter.split(text);
    } catch (FrontMatter.Missing e) {
      // reported by the content loader; the whole file is the body
      return new ContentFile(file, relative, kind, lines, text, 1, 0, Optional.empty());
    }
    Optional<Node.Mapping> fm = Optional.empty();
    try {
      if (new YamlReader().read(split.yaml(), split.yamlLine()) instanceof Node.Mapping m) {
        fm = Optional.of(m);
      }
    } catch (YamlReader.SyntaxError e) {
      // reported by the content loader
    }
    int end = split.bodyLine() - 1;
    String body = text.substring(split.bodyOffset());
    return new ContentFile(file, relative, kind, lines, body, end + 1, end, fm);
  }

  /** Every line of the file joined with '\n': the text the marker and personal-data checks search. */
  public String wholeText() {
    return String.join("\n", lines);
  }

  /** A front-matter value as text, if it is a single value. */
  public Optional<String> text(String key) {
    return frontMatter.map(m -> m.entries().get(key))
        .filter(n -> n instanceof Node.Scalar s && !s.isNull())
        .map(n -> ((Node.Scalar) n).text());
  }

  /** The line of a front-matter key, or 1. */
  public int lineOf(String key) {
    return frontMatter.map(m -> m.keyLines().getOrDefault(key, 1)).orElse(1);
  }

  public Optional<LocalDate> date(String key) {
    return text(key).flatMap(t -> {
      try {
        return Optional.of(LocalDate.parse(t.trim()));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    });
  }

  /** {@code confidential: true} in the front matter (rule 4.3): the item is never published. */
  public boolean confidential() {
    return text("confidential").map(t -> t.trim().equals("true")).orElse(false);
  }

  public String slug() {
    return text("slug").map(String::trim).orElseGet(() -> {
      String name = file.getFileName().toString();
      return Slugs.of(name.substring(0, name.length() - 3));
    });
  }

  /** The item's address on the site, as the ledger knows it. */
  public String sitePath() {
    return switch (kind) {
      case "news" -> "/news/" + slug() + "/";
      case "documents" -> "/documents/" + slug() + "/";
      default -> "/" + slug() + "/";
    };
  }

  /** The item as the three-day window sees it; empty for pages (undated) and items without a date. */
  public Optional<PublicationWindow.DatedItem> datedItem() {
    if (kind.equals("pages")) {
      return Optional.empty();
    }
    Optional<LocalDate> date = date("date");
    if (date.isEmpty()) {
      return Optional.empty();
    }
    Optional<LocalDate> event = kind.equals("news") ? date("event_date") : Optional.empty();
    int line = event.isPresent() ? lineOf("event_date") : lineOf("date");
    return Optional.of(new PublicationWindow.DatedItem(file, line, sitePath(), event.orElse(date.get()), date.get()));
  }
}
