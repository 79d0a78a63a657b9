package az.disclose.site;

import static az.disclose.site.TestSites.read;
import static az.disclose.site.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the build never reads or publishes: a symbolic link anywhere under content/ or theme/
 * (refused, all listed, never followed), a file over its size limit (refused before it is read),
 * and a hidden file of content/files/ (left out); and where it never writes (a dangerous --out).
 */
class SiteInputsTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final String SECRET = "Aysel Məmmədova aysel@example.az şikayət";

  @TempDir Path dir;
  Path content;
  Path theme;
  Path out;
  Path secret;

  @BeforeEach
  void copyProject() {
    TestSites.copyProject(dir);
    content = dir.resolve("content");
    theme = dir.resolve("theme");
    out = dir.resolve("site");
    // What a link could publish: the register's log, outside content/.
    secret = dir.resolve("data/register.log");
    write(secret, SECRET + "\n");
  }

  private SiteBuilder builder() {
    return new SiteBuilder(content, theme, out, NOW);
  }

  private List<String> problemsOf(SiteBuilder builder) {
    ProblemsException e = catchThrowableOfType(ProblemsException.class, builder::build);
    assertThat(e).as("the build fails with problems").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  /** Every file of the site whose bytes hold the secret. */
  private List<Path> leaked() throws IOException {
    if (!Files.exists(out)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(out)) {
      return files.filter(Files::isRegularFile).filter(f -> read(f).contains("aysel@example.az")).toList();
    }
  }

  @Test
  void aLinkInContentFilesToAPrivateFileIsRefusedAndNothingOfItIsPublished() throws Exception {
    Files.createDirectories(content.resolve("files"));
    Path link = content.resolve("files/register.pdf");
    Files.createSymbolicLink(link, secret);

    assertThat(problemsOf(builder())).containsExactly(link + ": is a symbolic link; disclose never follows one (it could publish "
        + "a file from outside content/ and theme/): put the file itself here, or remove the link");
    // Refused before anything is written: not even the output directory was made.
    assertThat(out).doesNotExist();
    assertThat(leaked()).isEmpty();
  }

  @Test
  void everyLinkUnderContentAndThemeIsListedFilesAndDirectoriesAlike() throws Exception {
    Files.createDirectories(content.resolve("files"));
    Path file = Files.createSymbolicLink(content.resolve("files/register.pdf"), secret);
    Path directory = Files.createSymbolicLink(content.resolve("files/data"), secret.getParent());
    Path news = Files.createSymbolicLink(content.resolve("news/sizma.md"), secret);
    Path notMarkdown = Files.createSymbolicLink(content.resolve("news/other"), secret);
    Path page = Files.createSymbolicLink(content.resolve("pages/sizma.md"), secret);
    Path data = content.resolve("data/commission.yaml");
    Path real = dir.resolve("elsewhere/commission.yaml");
    Files.createDirectories(real.getParent());
    Files.move(data, real);
    Files.createSymbolicLink(data, real);
    Path style = Files.createSymbolicLink(theme.resolve("static/leak.css"), secret);
    Path templates = theme.resolve("templates/partials");
    Files.createDirectories(templates.getParent());
    Files.createSymbolicLink(templates, secret.getParent());

    List<String> problems = problemsOf(builder());
    assertThat(problems).hasSize(8).allMatch(p -> p.contains(": is a symbolic link; disclose never follows one"));
    assertThat(problems.stream().map(p -> p.substring(0, p.indexOf(": is a symbolic link"))).toList())
        .containsExactlyInAnyOrder(file.toString(), directory.toString(), news.toString(), notMarkdown.toString(), page.toString(),
            data.toString(), style.toString(), templates.toString());
    assertThat(out).doesNotExist();
  }

  @Test
  void aLinkAddedAloneAfterABuildFailsTheNextBuildAsTheCommandLineAndServeRunIt() throws Exception {
    SiteBuilder serve = builder();
    serve.build();
    Files.createDirectories(content.resolve("files"));
    Path link = Files.createSymbolicLink(content.resolve("files/register.pdf"), secret);

    // disclose build: nothing else changed, and it is still no "nothing to do".
    assertThat(problemsOf(builder())).singleElement().asString().startsWith(link + ": is a symbolic link");
    // disclose serve: the watcher reports the link alone.
    ProblemsException e = catchThrowableOfType(ProblemsException.class, () -> serve.rebuild(Set.of(link)));
    assertThat(e.problems()).extracting(Problem::file).containsExactly(link);
    assertThat(leaked()).isEmpty();
    assertThat(out.resolve("files/register.pdf")).doesNotExist();

    // Removed, the site builds again.
    Files.delete(link);
    serve.rebuild(Set.of(link));
  }

  @Test
  void aNewsFileReplacedByALinkIsRefusedByServesQuickRebuildOfNewsAlone() throws Exception {
    SiteBuilder serve = builder();
    serve.build();
    Path news = content.resolve("news/komissiya-yaradildi.md");
    Path hostile = dir.resolve("data/news.md");
    write(hostile, read(news).replace("Komissiya 14 nəfərdən", SECRET));
    Files.delete(news);
    Files.createSymbolicLink(news, hostile);

    ProblemsException e = catchThrowableOfType(ProblemsException.class, () -> serve.rebuild(Set.of(news)));
    assertThat(e.problems()).map(Problem::toString).anyMatch(p -> p.startsWith(news + ": is a symbolic link"));
    assertThat(leaked()).isEmpty();
  }

  @Test
  void aContentDirectoryThatIsItselfALinkIsBuiltAsUsual() throws Exception {
    Path linked = Files.createSymbolicLink(dir.resolve("content-link"), content);
    new SiteBuilder(linked, theme, out, NOW).build();
    assertThat(out.resolve("news/komissiya-yaradildi/index.html")).exists();
  }

  /** A sparse file of {@code bytes}: reading it whole would need that much memory (or more than an array holds). */
  private static Path sparse(Path file, String head, long bytes) throws IOException {
    write(file, head);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes);
    }
    return file;
  }

  @Test
  void aMarkdownFileOverTheLimitIsAProblemNamingItAndTheLimitFoundBeforeItIsRead() throws Exception {
    // 3 GiB: a build that read it would fail with an OutOfMemoryError (no array holds it), not a problem.
    Path big = sparse(content.resolve("news/boyuk.md"), TestSites.news("Böyük", "2013-01-01"), 3L << 30);
    Path bigData = sparse(content.resolve("data/plan.yaml"), "title: x\n", 3L << 30);

    assertThat(problemsOf(builder())).containsExactlyInAnyOrder(
        big + ": is 3072 MiB, over the limit of 4 MiB for a Markdown or YAML file (max_text_file_mib in site.yaml); "
            + "make it smaller (split it, compress it), or raise the limit",
        bigData + ": is 3072 MiB, over the limit of 4 MiB for a Markdown or YAML file (max_text_file_mib in site.yaml); "
            + "make it smaller (split it, compress it), or raise the limit");
    assertThat(out).doesNotExist();
  }

  @Test
  void aPublishedFileOverItsLimitIsAProblemAndOneWithinItIsPublished() throws Exception {
    Path big = sparse(content.resolve("files/skan.pdf"), "%PDF-1.4\n", 3L << 30);
    write(content.resolve("files/hesabat.pdf"), "%PDF-1.4\n");

    assertThat(problemsOf(builder())).singleElement().asString()
        .isEqualTo(big + ": is 3072 MiB, over the limit of 50 MiB for a published file (max_published_file_mib in site.yaml); "
            + "make it smaller (split it, compress it), or raise the limit");
    Files.delete(big);
    builder().build();
    assertThat(out.resolve("files/hesabat.pdf")).hasContent("%PDF-1.4");
  }

  @Test
  void theLimitsAreSettingsOfSiteYaml() throws Exception {
    Path news = content.resolve("news/uzun.md");
    write(news, TestSites.news("Uzun", "2013-01-01") + "Metn. ".repeat(400_000)); // 2.3 MiB
    write(content.resolve("files/hesabat.pdf"), "%PDF".repeat(400_000)); // 1.5 MiB
    Path settings = content.resolve("site.yaml");
    String original = read(settings);
    write(settings, original + "max_text_file_mib: 1\nmax_published_file_mib: 1\n");
    assertThat(problemsOf(builder())).containsExactlyInAnyOrder(
        news + ": is 2.3 MiB, over the limit of 1 MiB for a Markdown or YAML file (max_text_file_mib in site.yaml); "
            + "make it smaller (split it, compress it), or raise the limit",
        content.resolve("files/hesabat.pdf") + ": is 1.5 MiB, over the limit of 1 MiB for a published file "
            + "(max_published_file_mib in site.yaml); make it smaller (split it, compress it), or raise the limit");

    write(settings, original + "max_text_file_mib: 0\n");
    assertThat(problemsOf(builder())).singleElement().asString().contains("site.yaml:", "'max_text_file_mib' must be between 1 and 64");

    write(settings, original);
    builder().build();
    assertThat(read(out.resolve("news/uzun/index.html"))).contains("Metn. Metn.");
  }

  @Test
  void hiddenFilesOfContentFilesAreNeverPublished() throws Exception {
    write(content.resolve("files/hesabat.pdf"), "%PDF-1.4\n");
    write(content.resolve("files/.env"), "PASSWORD=gizli\n");
    write(content.resolve("files/.git/config"), "[core]\n");
    builder().build();
    assertThat(out.resolve("files/hesabat.pdf")).exists();
    assertThat(out.resolve("files/.env")).doesNotExist();
    assertThat(out.resolve("files/.git")).doesNotExist();
  }

  /** Every path under {@code root} (directories too), to see that nothing was created. */
  static TreeMap<String, Boolean> tree(Path root) throws IOException {
    TreeMap<String, Boolean> all = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      paths.forEach(p -> all.put(root.relativize(p).toString(), Files.isDirectory(p)));
    }
    return all;
  }

  @Test
  void aDangerousOutputDirectoryIsRefusedBeforeAnythingIsCreated() throws Exception {
    write(dir.resolve("foreign/notes.txt"), "kimin faylı\n");
    Files.createDirectories(dir.resolve("empty"));
    Path linkToContent = Files.createSymbolicLink(dir.resolve("content-link"), content);
    TreeMap<String, Boolean> before = tree(dir);
    for (Path target : List.of(dir, content, theme, content.resolve("site"), theme.resolve("static/site"), dir.resolve("foreign"),
        linkToContent, dir.resolve("foreign/notes.txt"), dir.resolve("empty/../content"))) {
      IOException e = catchThrowableOfType(IOException.class, () -> new SiteBuilder(content, theme, target, NOW).build());
      assertThat(e).as("--out %s", target).isNotNull();
      assertThat(e.getMessage()).as("--out %s", target).contains(target.toString()).containsAnyOf("refusing", "not a directory");
      assertThat(tree(dir)).as("after --out %s", target).isEqualTo(before);
    }
  }

  @Test
  void theRootOfTheFileSystemAndTheHomeDirectoryAreRefusedBeforeAnythingIsCreated() throws Exception {
    Path home = Path.of(System.getProperty("user.home"));
    for (Path target : List.of(Path.of("/"), home)) {
      List<String> rootBefore = list(Path.of("/"));
      List<String> homeBefore = list(home);
      IOException e = catchThrowableOfType(IOException.class, () -> new SiteBuilder(content, theme, target, NOW).build());
      assertThat(e.getMessage()).contains(target.toString(), "refusing");
      assertThat(list(Path.of("/"))).isEqualTo(rootBefore);
      assertThat(list(home)).isEqualTo(homeBefore);
    }
  }

  static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
