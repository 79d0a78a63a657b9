package az.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.site.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void buildSucceedsWithExitCodeZeroAndSaysWhatItDid() {
    TestSites.copyProject(dir);
    int code = Main.run("build", "--content", dir.resolve("content").toString(), "--theme", dir.resolve("theme").toString(),
        "--out", dir.resolve("site").toString());
    assertThat(code).isEqualTo(Main.OK);
    assertThat(out()).contains("built ", " files (");
    assertThat(dir.resolve("site/index.html")).exists();
  }

  @Test
  void contentProblemsAreListedWithFileLineAndExitCodeOne() {
    TestSites.copyProject(dir);
    TestSites.write(dir.resolve("content/news/x.md"), "---\ntitle: X\ndate: 12/5\nrengi: qırmızı\n---\nMətn\n");
    int code = Main.run("build", "--content", dir.resolve("content").toString(), "--theme", dir.resolve("theme").toString(),
        "--out", dir.resolve("site").toString());
    assertThat(code).isEqualTo(Main.PROBLEMS);
    assertThat(err()).contains("news/x.md:3: 'date' is not an ISO date (yyyy-mm-dd): '12/5'", "news/x.md:4: unknown key 'rengi'",
        "build failed: 2 problems");
  }

  @Test
  void aForeignOutputDirectoryIsAFailureWithExitCodeThree() {
    TestSites.copyProject(dir);
    TestSites.write(dir.resolve("elses/file.txt"), "x");
    int code = Main.run("build", "--content", dir.resolve("content").toString(), "--theme", dir.resolve("theme").toString(),
        "--out", dir.resolve("elses").toString());
    assertThat(code).isEqualTo(Main.FAILURE);
    assertThat(err()).contains("not made by disclose");
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitCodeTwo() {
    assertThat(Main.run("build", "--bogus")).isEqualTo(Main.USAGE);
    assertThat(err()).contains("Unknown option: '--bogus'");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(Main.run(new String[0])).isEqualTo(Main.USAGE);
    assertThat(err()).contains("name a command");
  }

  @Test
  void everyCommandHasHelpAndTheProgramAVersion() {
    assertThat(Main.run("--help")).isZero();
    assertThat(out()).contains("build", "serve", "Exit codes");
    assertThat(Main.run("build", "--help")).isZero();
    assertThat(out()).contains("--content", "--theme", "--out");
    assertThat(Main.run("serve", "--help")).isZero();
    assertThat(out()).contains("--port");
    assertThat(Main.run("--version")).isZero();
    assertThat(out()).contains("disclose ");
  }

  @Test
  void serveRefusesProxyOptionsThatWouldBeIgnoredOrAreNotAddresses() {
    assertThat(Main.run("serve", "--trusted-proxy", "10.0.0.5")).isEqualTo(Main.USAGE);
    assertThat(err()).contains("--trusted-proxy only means something with --behind-proxy");
    assertThat(Main.run("serve", "--help")).isZero();
    assertThat(out()).contains("--[no-]live-reload", "--trusted-proxy");
  }

  @Test
  void strictBuildRefusesContentThatFailsTheCheckAndWritesNothing() {
    TestSites.copyProject(dir);
    TestSites.write(dir.resolve("content/news/x.md"), """
        ---
        title: "Görüş"
        date: 2013-01-01
        event_date: 2013-01-01
        ---
        Əlaqə telefonu: +994 50 123 45 67. Sənəd məxfi saxlanılır.
        """);
    int code = Main.run("build", "--strict", "--content", dir.resolve("content").toString(), "--theme",
        dir.resolve("theme").toString(), "--out", dir.resolve("site").toString());
    assertThat(code).isEqualTo(Main.PROBLEMS);
    assertThat(out()).contains("news/x.md:6:", "error");
    assertThat(err()).contains("build --strict: not built");
    assertThat(dir.resolve("site")).doesNotExist();
  }

  @Test
  void theAfterBuildCommandRunsAfterASuccessfulBuildAndItsFailureFailsLoudly() {
    TestSites.copyProject(dir);
    String[] common = {"build", "--content", dir.resolve("content").toString(), "--theme", dir.resolve("theme").toString(),
        "--out", dir.resolve("site").toString()};
    String[] ok = java.util.stream.Stream.concat(java.util.Arrays.stream(common),
        java.util.stream.Stream.of("--after-build", "ls \"$DISCLOSE_OUT/index.html\" > \"" + dir.resolve("deployed.txt") + "\"")).toArray(String[]::new);
    assertThat(Main.run(ok)).isEqualTo(Main.OK);
    assertThat(TestSites.read(dir.resolve("deployed.txt"))).contains("index.html");

    String[] failing = java.util.stream.Stream.concat(java.util.Arrays.stream(common),
        java.util.stream.Stream.of("--after-build", "echo rsync: connection refused; exit 23")).toArray(String[]::new);
    assertThat(Main.run(failing)).isEqualTo(Main.FAILURE);
    assertThat(out()).contains("rsync: connection refused");
    assertThat(err()).contains("!!! the after-build command failed with exit code 23", "NOT deployed");
  }

  @Test
  void theLaunchersWarmUpBuildsACopyTwiceAndLeavesTheContentAsItWas() throws Exception {
    TestSites.copyProject(dir);
    Path ledger = dir.resolve("content/data/publication-ledger.yaml");
    java.nio.file.Files.writeString(ledger, "published: {}\n");
    int code = Main.run("warm-up", "--content", dir.resolve("content").toString(), "--theme", dir.resolve("theme").toString());
    assertThat(code).isEqualTo(Main.OK);
    assertThat(out()).contains("built ", "(0 written,"); // the second build had nothing to do
    assertThat(TestSites.read(ledger)).isEqualTo("published: {}\n");
    assertThat(dir.resolve("site")).doesNotExist();
  }

  /** Every path under {@code root} (directories too), to see that nothing was created. */
  private static java.util.List<String> tree(Path root) throws java.io.IOException {
    try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(root)) {
      return all.map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  private static java.util.List<String> list(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> all = java.nio.file.Files.list(dir)) {
      return all.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aDangerousOutIsRefusedBeforeAnythingIsCreatedOnTheFastPathAndThroughPicocli() throws Exception {
    TestSites.copyProject(dir);
    TestSites.write(dir.resolve("elses/file.txt"), "x");
    Path home = Path.of(System.getProperty("user.home"));
    String content = dir.resolve("content").toString();
    String theme = dir.resolve("theme").toString();
    for (String out : java.util.List.of("/", home.toString(), dir.toString(), content, theme, dir.resolve("content/site").toString(),
        dir.resolve("elses").toString())) {
      // The plain command line is read without picocli; --strict makes it picocli's.
      for (boolean picocli : new boolean[] {false, true}) {
        java.util.List<String> rootBefore = list(Path.of("/"));
        java.util.List<String> homeBefore = list(home);
        java.util.List<String> dirBefore = tree(dir);
        String[] args = picocli ? new String[] {"build", "--strict", "--content", content, "--theme", theme, "--out", out}
            : new String[] {"build", "--content", content, "--theme", theme, "--out", out};
        assertThat(Main.run(args)).as("--out %s (picocli: %s)", out, picocli).isEqualTo(Main.FAILURE);
        assertThat(err()).contains("output directory " + out + " ", "refusing to write there");
        assertThat(list(Path.of("/"))).as("/ after --out %s", out).isEqualTo(rootBefore);
        assertThat(list(home)).as("home after --out %s", out).isEqualTo(homeBefore);
        assertThat(tree(dir)).as("%s after --out %s", dir, out).isEqualTo(dirBefore);
        err.reset();
      }
    }
  }

  @Test
  void aSymbolicLinkInTheContentIsAContentProblemWithExitCodeOne() throws Exception {
    TestSites.copyProject(dir);
    TestSites.write(dir.resolve("private/register.log"), "aysel@example.az\n");
    Path link = dir.resolve("content/files/register.pdf");
    java.nio.file.Files.createDirectories(link.getParent());
    java.nio.file.Files.createSymbolicLink(link, dir.resolve("private/register.log"));
    int code = Main.run("build", "--content", dir.resolve("content").toString(), "--theme", dir.resolve("theme").toString(),
        "--out", dir.resolve("site").toString());
    assertThat(code).isEqualTo(Main.PROBLEMS);
    assertThat(err()).contains(link + ": is a symbolic link", "build failed: 1 problem");
    assertThat(dir.resolve("site")).doesNotExist();
  }
}
