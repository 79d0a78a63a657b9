import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark corpus generator for the site build (disclose vs Hugo).
 *
 * <p>Usage: {@code java bench/GenCorpus.java OUTDIR N [seed] [dataDir]}
 *
 * <ul>
 *   <li>OUTDIR/content : disclose's content directory (site.yaml, data/, news/*.md)
 *   <li>OUTDIR/hugo : a Hugo site with the same news (content/news/*.md), hugo.toml, layouts/
 * </ul>
 *
 * <p>Deterministic: the same N and seed give byte-identical files. No dependencies (JDK 17
 * single-file launch). dataDir defaults to "content/data" relative to the working directory and is
 * copied to OUTDIR/content/data when it exists, together with its sibling news/, documents/ and
 * pages/ (the real site's own items, which the plan data links to).
 */
public final class GenCorpus {

  private static final String[] WORDS = {
    "nazirlik", "sənaye", "enerji", "hökumət", "açıq", "şəffaflıq", "məlumat", "vətəndaş",
    "hesabat", "komissiya", "tədbir", "plan", "layihə", "inkişaf", "iqtisadiyyat", "müəssisə",
    "istehsal", "elektrik", "qaz", "neft", "bərpa", "olunan", "mənbə", "günəş", "külək",
    "stansiya", "şəbəkə", "təchizat", "istifadəçi", "xidmət", "elektron", "portal", "sorğu",
    "müraciət", "cavab", "qanun", "qərar", "sərəncam", "fərman", "nazir", "müavin", "şöbə",
    "idarə", "mərkəz", "regional", "bölgə", "şəhər", "rayon", "kənd", "ərazi", "Bakı", "Gəncə",
    "Sumqayıt", "Şəki", "Lənkəran", "Naxçıvan", "Quba", "Şamaxı", "Mingəçevir", "Şirvan",
    "respublika", "dövlət", "proqram", "strategiya", "məqsəd", "nəticə", "göstərici", "artım",
    "azalma", "faiz", "milyon", "manat", "büdcə", "maliyyə", "investisiya", "tərəfdaş",
    "beynəlxalq", "əməkdaşlıq", "görüş", "müzakirə", "konfrans", "seminar", "təlim", "iştirakçı",
    "mütəxəssis", "işçi", "kollektiv", "əmək", "təhlükəsizlik", "keyfiyyət", "standart", "sertifikat",
    "yoxlama", "monitorinq", "nəzarət", "qiymətləndirmə", "təhlil", "araşdırma", "statistika",
    "məlumatlandırma", "ictimaiyyət", "mətbuat", "katib", "açıqlama", "bəyanat", "xəbər", "tarix",
    "il", "ay", "gün", "həftə", "mərhələ", "müddət", "vaxt", "icra", "icraçı", "məsul", "vəzifə",
    "hüquq", "öhdəlik", "tələb", "qayda", "prosedur", "sənəd", "arxiv", "qeydiyyat", "nömrə",
    "rəqəmsal", "texnologiya", "innovasiya", "modernləşmə", "avadanlıq", "quraşdırma", "tikinti",
    "təmir", "obyekt", "zavod", "fabrik", "sahə", "sektor", "bazar", "ixrac", "idxal", "məhsul",
    "yerli", "xarici", "ölkə", "region", "əhali", "ailə", "gənclər", "qadınlar", "sahibkar",
    "kiçik", "orta", "böyük", "yeni", "müasir", "səmərəli", "davamlı", "uğurlu", "mühüm",
    "əsas", "ümumi", "xüsusi", "geniş", "dəqiq", "aydın", "qısa", "düzgün", "vaxtında",
    "həyata", "keçirilmişdir", "təqdim", "edilmişdir", "qeyd", "olunmuşdur", "bildirilmişdir",
    "təsdiq", "müzakirə", "edilib", "başa", "çatdırılıb", "davam", "etdirilir", "planlaşdırılır",
    "göstərir", "artırılır", "yaxşılaşdırılır", "genişləndirilir", "ilə", "və", "üçün", "üzrə",
    "barədə", "haqqında", "sonra", "əvvəl", "həmçinin", "eləcə", "də", "isə", "artıq", "hələ",
    "İqtisadiyyat", "İnformasiya", "İctimai", "İcra", "İşçi", "Ölkə", "Ümumi", "Çərçivə",
    "çağırış", "üstünlük", "güclü", "öyrənmə", "ötürmə", "şərt", "dağ", "sağlamlıq",
  };

  private static final String[] TAGS = {
    "enerji", "açıq hökumət", "sənaye", "elektrik", "qaz", "neft", "bərpa olunan enerji",
    "günəş", "külək", "investisiya", "beynəlxalq əməkdaşlıq", "təlim", "seminar", "hesabat",
    "komissiya", "şəffaflıq", "elektron hökumət", "sorğular", "statistika", "büdcə",
    "regionlar", "Bakı", "Gəncə", "Sumqayıt", "ixrac", "innovasiya", "təhlükəsizlik",
    "keyfiyyət", "sahibkarlıq", "gənclər",
  };

  private static final String SITE_YAML =
      "title: \"Bench\"\n"
          + "description: \"Benchmark corpus\"\n"
          + "base_url: \"https://example.gov.az/\"\n"
          + "language: az\n"
          + "news_per_page: 10\n"
          + "request_endpoint: \"http://localhost:8080/requests\"\n"
          + "request_email: \"sorgu@example.gov.az\"\n";

  private final Random rnd;

  private GenCorpus(long seed) {
    this.rnd = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 4) {
      System.err.println("usage: java bench/GenCorpus.java OUTDIR N [seed] [dataDir]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    long seed = args.length >= 3 ? Long.parseLong(args[2]) : 42L;
    Path dataDir = Path.of(args.length >= 4 ? args[3] : "content/data");
    if (n < 1) {
      System.err.println("N must be >= 1");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    new GenCorpus(seed).generate(out, n, dataDir);
    System.err.printf(
        Locale.ROOT,
        "GenCorpus: %d news into %s (seed %d) in %.1f s%n",
        n,
        out,
        seed,
        (System.nanoTime() - t0) / 1e9);
  }

  private void generate(Path out, int n, Path dataDir) throws IOException {
    Path content = out.resolve("content");
    Path news = content.resolve("news");
    Path hugo = out.resolve("hugo");
    Path hugoNews = hugo.resolve("content").resolve("news");
    Files.createDirectories(news);
    Files.createDirectories(hugoNews);

    write(content.resolve("site.yaml"), SITE_YAML);
    if (Files.isDirectory(dataDir)) {
      copyTree(dataDir, content.resolve("data"));
      // The real site's own news, documents and pages: the plan data links to them.
      for (String dir : new String[] {"news", "documents", "pages"}) {
        Path real = dataDir.resolveSibling(dir);
        if (Files.isDirectory(real)) {
          copyTree(real, content.resolve(dir));
        }
      }
    } else {
      System.err.println("GenCorpus: no data dir at " + dataDir + " (skipped)");
    }

    Set<String> slugs = new LinkedHashSet<>();
    LocalDate start = LocalDate.of(2019, 1, 1);
    int spanDays = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - start.toEpochDay());
    for (int i = 1; i <= n; i++) {
      String title = capitalize(sentence(5 + rnd.nextInt(5)));
      String slug = slugify(title, i);
      if (!slugs.add(slug)) {
        throw new IllegalStateException("duplicate slug " + slug);
      }
      LocalDate date = start.plusDays(rnd.nextInt(spanDays + 1));
      LocalDate eventDate = date.minusDays(rnd.nextInt(4)); // published 0-3 days after the event
      List<String> tags = pickTags(1 + rnd.nextInt(3));
      String summary = capitalize(sentence(14 + rnd.nextInt(10))) + ".";
      String md = frontMatter(title, date, eventDate, tags, summary) + body();
      write(news.resolve(slug + ".md"), md);
      write(hugoNews.resolve(slug + ".md"), md);
    }
    // Section and taxonomy titles (Hugo would otherwise call them "News" and "Tags").
    write(hugo.resolve("content/news/_index.md"), "---\ntitle: \"Xəbərlər\"\n---\n");
    write(hugo.resolve("content/tags/_index.md"), "---\ntitle: \"Teqlər\"\n---\n");
    writeHugoSite(hugo);
  }

  // ---------------------------------------------------------------- news

  private static String frontMatter(
      String title, LocalDate date, LocalDate eventDate, List<String> tags, String summary) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("---\n");
    sb.append("title: \"").append(title).append("\"\n");
    sb.append("date: ").append(date).append('\n');
    sb.append("event_date: ").append(eventDate).append('\n');
    sb.append("tags: [");
    for (int i = 0; i < tags.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append('"').append(tags.get(i)).append('"');
    }
    sb.append("]\n");
    sb.append("summary: \"").append(summary).append("\"\n");
    sb.append("---\n\n");
    return sb.toString();
  }

  /** About 500 words of Markdown: 3 headings, paragraphs, a list, a GFM table, a link. */
  private String body() {
    StringBuilder sb = new StringBuilder(4600);
    sb.append(paragraph(50 + rnd.nextInt(12), true)).append("\n\n");

    sb.append("## ").append(capitalize(sentence(3 + rnd.nextInt(3)))).append("\n\n");
    sb.append(paragraph(62 + rnd.nextInt(16), true)).append("\n\n");
    int items = 4 + rnd.nextInt(2);
    for (int i = 0; i < items; i++) {
      sb.append("- ").append(capitalize(sentence(5 + rnd.nextInt(5)))).append('\n');
    }
    sb.append('\n');
    sb.append(paragraph(54 + rnd.nextInt(16), false)).append("\n\n");

    sb.append("## ").append(capitalize(sentence(3 + rnd.nextInt(3)))).append("\n\n");
    sb.append(paragraph(36 + rnd.nextInt(12), false)).append("\n\n");
    sb.append("| Göstərici | ").append(capitalize(word())).append(" | Dəyişmə |\n");
    sb.append("|---|---:|---:|\n");
    for (int r = 0; r < 4; r++) {
      sb.append("| ")
          .append(capitalize(sentence(2)))
          .append(" | ")
          .append(rnd.nextInt(100_000))
          .append(" | ")
          .append(rnd.nextInt(41) - 20)
          .append("% |\n");
    }
    sb.append('\n');
    sb.append(paragraph(54 + rnd.nextInt(16), true)).append(' ');
    sb.append("Ətraflı məlumat üçün [")
        .append(sentence(2 + rnd.nextInt(2)))
        .append("](https://www.e-gov.az/az/services/")
        .append(1000 + rnd.nextInt(9000))
        .append(") səhifəsinə baxın.\n\n");

    sb.append("## ").append(capitalize(sentence(3 + rnd.nextInt(3)))).append("\n\n");
    sb.append(paragraph(54 + rnd.nextInt(16), true)).append('\n');
    return sb.toString();
  }

  /** A paragraph of about {@code words} words in sentences of 8-16 words. */
  private String paragraph(int words, boolean markup) {
    StringBuilder sb = new StringBuilder(words * 9);
    int left = words;
    boolean boldDone = !markup;
    boolean emDone = !markup;
    while (left > 0) {
      int len = 8 + rnd.nextInt(9);
      if (left - len < 5) len = left; // no one- or two-word tail sentences
      left -= len;
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < len; i++) {
        if (i > 0) s.append(' ');
        String w = word();
        if (i == 0) w = capitalize(w);
        if (!boldDone && i == 2 && len > 4) {
          s.append("**").append(w).append(' ').append(word()).append("**");
          boldDone = true;
          i++;
        } else if (!emDone && boldDone && sb.length() > 0 && i == 4 && len > 6) {
          s.append('*').append(w).append('*');
          emDone = true;
        } else {
          s.append(w);
        }
      }
      if (sb.length() > 0) sb.append(' ');
      sb.append(s).append(rnd.nextInt(6) == 0 ? "," : "").append('.');
    }
    // ",." never helps readers; keep punctuation simple
    return sb.toString().replace(",.", ".");
  }

  private String sentence(int words) {
    StringBuilder sb = new StringBuilder(words * 9);
    for (int i = 0; i < words; i++) {
      if (i > 0) sb.append(' ');
      sb.append(word());
    }
    return sb.toString();
  }

  private String word() {
    return WORDS[rnd.nextInt(WORDS.length)];
  }

  private List<String> pickTags(int k) {
    Set<String> picked = new LinkedHashSet<>();
    while (picked.size() < k) {
      picked.add(TAGS[rnd.nextInt(TAGS.length)]);
    }
    return new ArrayList<>(picked);
  }

  private static String capitalize(String s) {
    if (s.isEmpty()) return s;
    int cp = s.codePointAt(0);
    // Azerbaijani: i -> İ (dotted capital), ı -> I
    String first = cp == 'i' ? "İ" : new String(Character.toChars(Character.toUpperCase(cp)));
    return first + s.substring(Character.charCount(cp));
  }

  /** Lowercase ASCII slug from the first words of the title, made unique by the index. */
  static String slugify(String title, int index) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < title.length() && sb.length() < 48; i++) {
      char c = title.charAt(i);
      String t =
          switch (c) {
            case 'ə', 'Ə' -> "e";
            case 'ı', 'I', 'İ', 'i' -> "i";
            case 'ğ', 'Ğ' -> "g";
            case 'ö', 'Ö' -> "o";
            case 'ü', 'Ü' -> "u";
            case 'ç', 'Ç' -> "c";
            case 'ş', 'Ş' -> "s";
            default -> {
              char l = Character.toLowerCase(c);
              yield (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') ? String.valueOf(l) : "-";
            }
          };
      if (t.equals("-") && (sb.length() == 0 || sb.charAt(sb.length() - 1) == '-')) continue;
      sb.append(t);
    }
    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') sb.setLength(sb.length() - 1);
    return sb + "-" + index;
  }

  // ---------------------------------------------------------------- Hugo site

  private static void writeHugoSite(Path hugo) throws IOException {
    write(
        hugo.resolve("hugo.toml"),
        """
        # Hugo 0.111 (Debian 12). Newer Hugo (>= 0.128) spells pagination as
        # [pagination] pagerSize = 10; 0.111 only knows `paginate`.
        baseURL = "https://example.gov.az/"
        languageCode = "az"
        defaultContentLanguage = "az"
        title = "Bench"
        paginate = 10
        enableRobotsTXT = true
        disableHugoGeneratorInject = true
        enableGitInfo = false
        enableEmoji = false
        timeZone = "UTC"

        [params]
          description = "Benchmark corpus"
          request_endpoint = "http://localhost:8080/requests"
          request_email = "sorgu@example.gov.az"

        [taxonomies]
          tag = "tags"

        [mediaTypes."application/atom+xml"]
          suffixes = ["xml"]

        [outputFormats.Atom]
          mediaType = "application/atom+xml"
          baseName = "feed"
          isPlainText = false
          rel = "alternate"

        # One Atom feed (home, latest 20 news); no RSS anywhere.
        [outputs]
          home = ["HTML", "Atom"]
          section = ["HTML"]
          taxonomy = ["HTML"]
          term = ["HTML"]
          page = ["HTML"]

        [markup.goldmark.extensions]
          typographer = false
          definitionList = false
          footnote = false
        [markup.goldmark.renderer]
          unsafe = false
        [markup.highlight]
          codeFences = false
        """);

    Path l = hugo.resolve("layouts");
    write(
        l.resolve("_default/baseof.html"),
        """
        <!DOCTYPE html>
        <html lang="{{ site.LanguageCode }}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
        <meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
        <link rel="canonical" href="{{ .Permalink }}">
        <link rel="alternate" type="application/atom+xml" title="{{ site.Title }}" href="{{ "feed.xml" | absURL }}">
        <link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
        </head>
        <body>
        <header class="site-header">
        <a class="brand" href="{{ "/" | relURL }}">{{ site.Title }}</a>
        <nav aria-label="Əsas menyu"><ul>
        <li><a href="{{ "/" | relURL }}">Ana səhifə</a></li>
        <li><a href="{{ "news/" | relURL }}">Xəbərlər</a></li>
        <li><a href="{{ "tags/" | relURL }}">Teqlər</a></li>
        <li><a href="{{ "feed.xml" | relURL }}">Atom</a></li>
        </ul></nav>
        </header>
        <main id="main">
        {{ block "main" . }}{{ end }}
        </main>
        <footer class="site-footer">
        <p>{{ site.Params.description }}</p>
        <p>Məlumat sorğusu: <a href="mailto:{{ site.Params.request_email }}">{{ site.Params.request_email }}</a></p>
        </footer>
        </body>
        </html>
        """);
    write(
        l.resolve("_default/single.html"),
        """
        {{ define "main" }}
        <article class="news">
        <h1>{{ .Title }}</h1>
        <p class="meta">
        <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02.01.2006" }}</time>
        {{ with .Params.event_date }}· Hadisə: <time datetime="{{ time.Format "2006-01-02" . }}">{{ time.Format "02.01.2006" . }}</time>{{ end }}
        </p>
        {{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ (printf "tags/%s/" (urlize .)) | relURL }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}
        <div class="content">
        {{ .Content }}
        </div>
        </article>
        {{ end }}
        """);
    write(
        l.resolve("_default/list.html"),
        """
        {{ define "main" }}
        <h1>{{ .Title }}</h1>
        {{ $pag := .Paginate .Pages.ByDate.Reverse }}
        <ol class="news-list">
        {{ range $pag.Pages }}
        <li><article>
        <h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
        <p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02.01.2006" }}</time></p>
        <p>{{ .Params.summary }}</p>
        </article></li>
        {{ end }}
        </ol>
        <nav class="pager" aria-label="Səhifələr">
        {{ with $pag.Prev }}<a rel="prev" href="{{ .URL }}">« Əvvəlki</a>{{ end }}
        <span>{{ $pag.PageNumber }} / {{ $pag.TotalPages }}</span>
        {{ with $pag.Next }}<a rel="next" href="{{ .URL }}">Növbəti »</a>{{ end }}
        </nav>
        {{ end }}
        """);
    write(
        l.resolve("index.html"),
        """
        {{ define "main" }}
        <h1>{{ site.Title }}</h1>
        <p>{{ site.Params.description }}</p>
        <h2>Son xəbərlər</h2>
        <ul class="news-list">
        {{ range first 10 (where site.RegularPages "Section" "news").ByDate.Reverse }}
        <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02.01.2006" }}</time></li>
        {{ end }}
        </ul>
        {{ end }}
        """);
    write(
        l.resolve("_default/terms.html"),
        """
        {{ define "main" }}
        <h1>Teqlər</h1>
        <ul class="tags">
        {{ range .Data.Terms.Alphabetical }}
        <li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
        {{ end }}
        </ul>
        {{ end }}
        """);
    write(
        l.resolve("_default/term.html"),
        """
        {{ define "main" }}
        <h1>Teq: {{ .Title }}</h1>
        <ul class="news-list">
        {{ range .Pages.ByDate.Reverse }}
        <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02.01.2006" }}</time></li>
        {{ end }}
        </ul>
        {{ end }}
        """);
    write(
        l.resolve("index.atom.xml"),
        """
        {{ printf `<?xml version="1.0" encoding="utf-8"?>` | safeHTML }}
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{ site.LanguageCode }}">
        <title>{{ site.Title }}</title>
        <subtitle>{{ site.Params.description }}</subtitle>
        <id>{{ site.BaseURL }}</id>
        <link rel="self" href="{{ "feed.xml" | absURL }}"/>
        <link rel="alternate" href="{{ site.BaseURL }}"/>
        {{- $news := first 20 (where site.RegularPages "Section" "news").ByDate.Reverse }}
        {{- with index $news 0 }}
        <updated>{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}</updated>
        {{- end }}
        {{- range $news }}
        <entry>
        <title>{{ .Title }}</title>
        <link rel="alternate" href="{{ .Permalink }}"/>
        <id>{{ .Permalink }}</id>
        <updated>{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}</updated>
        <summary>{{ .Params.summary }}</summary>
        {{- range .Params.tags }}
        <category term="{{ . }}"/>
        {{- end }}
        </entry>
        {{- end }}
        </feed>
        """);
    write(
        l.resolve("404.html"),
        """
        {{ define "main" }}
        <h1>Səhifə tapılmadı</h1>
        <p><a href="{{ "/" | relURL }}">Ana səhifə</a></p>
        {{ end }}
        """);
    write(
        hugo.resolve("static/css/site.css"),
        """
        body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:0 1rem;line-height:1.5}
        nav ul,.tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.75rem}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}
        .meta{color:#555}
        """);
  }

  // ---------------------------------------------------------------- io

  private static void write(Path p, String s) throws IOException {
    Path parent = p.getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.write(p, s.getBytes(StandardCharsets.UTF_8));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
            try {
              Files.copy(
                  file,
                  to.resolve(from.relativize(file).toString()),
                  StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
