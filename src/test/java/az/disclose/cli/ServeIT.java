package az.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.site.TestSites;
import az.disclose.testing.Chromium;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * `disclose serve` as the press secretary runs it: the real program in its own process, watching a
 * copy of the content, with a page open in a real browser (Debian's headless Chromium). An edit to
 * a news file is rebuilt alone, and the open page shows it by itself.
 */
class ServeIT {
  private static final Path JAR = Path.of("target/disclose.jar").toAbsolutePath();
  private static final Pattern SERVING = Pattern.compile("at (http://[0-9.]+:\\d+)/");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String NEWS = "/news/komissiya-yaradildi/";

  @TempDir Path dir;
  Process serve;
  final List<String> output = new ArrayList<>();
  WebDriver browser;

  @BeforeEach
  void copyTheProject() {
    assertThat(JAR).as("the shaded jar (mvn package)").exists();
    TestSites.copyProject(dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (serve != null) {
      serve.destroy();
      serve.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Starts `disclose serve` on a free port in {@code dir} (its register under dir/data); returns its address. */
  private String startServe(String... more) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "serve", "--port", "0", "--content", "content", "--theme", "theme", "--out", "site"));
    command.addAll(List.of(more));
    serve = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    Thread reader = new Thread(() -> {
      try {
        for (String line; (line = lines.readLine()) != null; ) {
          synchronized (output) {
            output.add(line);
            output.notifyAll();
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    String base = null;
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (output) {
      while (System.nanoTime() < deadline && output.stream().noneMatch(l -> l.startsWith("watching"))) {
        output.wait(200);
      }
      for (String line : output) {
        Matcher m = SERVING.matcher(line);
        if (line.startsWith("serving") && m.find()) {
          base = m.group(1);
        }
      }
      assertThat(base).as("serve started; its output: %s", output).isNotNull();
    }
    return base;
  }

  private static Map<String, FileTime> modificationTimes(Path root) throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        times.put(root.relativize(f).toString(), Files.getLastModifiedTime(f));
      }
    }
    return times;
  }

  @Test
  void aSavedNewsEditIsRebuiltAloneAndTheOpenPageReloadsByItself() throws Exception {
    String base = startServe("--live-reload");
    browser = Chromium.start(dir.resolve("chromium-profile"));
    Chromium.recordEventSources(browser);
    browser.get(base + NEWS);
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Komissiya 14 nəfərdən");
    // Gone when the page reloads: the test itself never reloads it.
    ((JavascriptExecutor) browser).executeScript("window.openedBeforeTheEdit = true;");
    new WebDriverWait(browser, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return window.__eventSources.length === 1 && window.__eventSources[0].readyState === EventSource.OPEN;")));
    Map<String, FileTime> before = modificationTimes(dir.resolve("site"));

    Path news = dir.resolve("content/news/komissiya-yaradildi.md");
    Files.writeString(news, Files.readString(news).replace("Komissiya 14 nəfərdən", "Komissiya on dörd nəfərdən"));

    new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.tagName("main")).getText().contains("on dörd nəfərdən"));
    assertThat(((JavascriptExecutor) browser).executeScript("return window.openedBeforeTheEdit === true;")).isEqualTo(false);
    Map<String, FileTime> after = modificationTimes(dir.resolve("site"));
    List<String> rewritten = after.keySet().stream().filter(f -> !after.get(f).equals(before.get(f))).toList();
    // Its page, the feed that carries its text, and the pages that say when the site was regenerated
    // in both languages (their stamp is to the minute: rewritten when the edit falls in another minute).
    assertThat(rewritten).contains("news/komissiya-yaradildi/index.html")
        .isSubsetOf("news/komissiya-yaradildi/index.html", "feed.xml", "index.html", "openness/index.html",
            "en/index.html", "en/openness/index.html");
    assertThat(Files.readString(dir.resolve("site" + NEWS + "index.html"))).contains("on dörd nəfərdən")
        .doesNotContain("_disclose");
  }

  private static final String OVERLAY = "disclose-build-problems";

  private String outputNow() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /** The text of the build-problems overlay on the page, or null when it shows none. */
  private static String overlay(WebDriver d) {
    return (String) ((JavascriptExecutor) d).executeScript(
        "var o = document.getElementById('" + OVERLAY + "'); return o ? o.innerText : null;");
  }

  @Test
  void aBrokenNewsFileShowsItsProblemOverEveryOpenPageUntilItIsFixed() throws Exception {
    String base = startServe("--live-reload");
    browser = Chromium.start(dir.resolve("chromium-profile"));
    Chromium.recordEventSources(browser);
    browser.get(base + "/plan/");
    new WebDriverWait(browser, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return window.__eventSources.length === 1 && window.__eventSources[0].readyState === EventSource.OPEN;")));
    assertThat(overlay(browser)).isNull();

    Path news = dir.resolve("content/news/komissiya-yaradildi.md");
    String good = Files.readString(news);
    String broken = good.replace("title: \"Açıq Hökumət üzrə komissiya yaradıldı\"", "title: \"Açıq Hökumət üzrə komissiya yaradıldı");
    assertThat(broken).isNotEqualTo(good);
    Files.writeString(news, broken);

    String problem = "content/news/komissiya-yaradildi.md:2: YAML syntax error: the quote \" opened here is never closed";
    String shown = new WebDriverWait(browser, WAIT).withMessage(() -> "the overlay with the problem; serve said: " + outputNow())
        .until(d -> {
          String text = overlay(d);
          return text != null && text.contains(problem) ? text : null;
        });
    // Azerbaijani first, English second, then the problems.
    assertThat(shown.indexOf("Sayt qurulmadı")).isNotNegative().isLessThan(shown.indexOf("The site did not build"));
    assertThat(shown.indexOf("The site did not build")).isLessThan(shown.indexOf(problem));
    // The terminal says it too.
    synchronized (output) {
      assertThat(output).anyMatch(l -> l.contains(problem));
    }
    // A page opened while the last build failed shows the problem from the start.
    browser.get(base + "/news/");
    new WebDriverWait(browser, WAIT).withMessage("the overlay on a page loaded after the failure")
        .until(d -> overlay(d) != null && overlay(d).contains(problem));
    // Nothing of it in the built files.
    assertThat(Files.readString(dir.resolve("site/news/index.html"))).doesNotContain(OVERLAY).doesNotContain("_disclose");

    // Fixed as it was: nothing to rebuild on the open page, but the overlay goes.
    ((JavascriptExecutor) browser).executeScript("window.openedBeforeTheFix = true;");
    Files.writeString(news, good);
    new WebDriverWait(browser, WAIT).withMessage("the overlay gone after the fix").until(d -> overlay(d) == null);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.openedBeforeTheFix === true;"))
        .as("the overlay went without a reload").isEqualTo(true);
  }

  @Test
  void aSavedNewsItemWithACheckErrorIsListedAtTheFootOfTheOpenPagesUntilItIsFixed() throws Exception {
    String base = startServe("--live-reload");
    browser = Chromium.start(dir.resolve("chromium-profile"));
    Chromium.recordEventSources(browser);
    browser.get(base + "/plan/");
    new WebDriverWait(browser, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return window.__eventSources.length === 1 && window.__eventSources[0].readyState === EventSource.OPEN;")));
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Baku")).toString();
    Path news = dir.resolve("content/news/qebul-gunu.md");
    Files.writeString(news, "---\ntitle: \"Qəbul günü\"\ndate: " + today + "\nevent_date: " + today
        + "\n---\n\nƏlaqə üçün: +994 50 123 45 67.\n");

    By held = By.id("disclose-held-back");
    String shown = new WebDriverWait(browser, WAIT).withMessage(() -> "the held-back box; serve said: " + outputNow())
        .until(d -> d.findElements(held).isEmpty() ? null : d.findElement(held).getText());
    assertThat(shown).contains("Saytdan saxlanılıb", "Held back from the site", "qebul-gunu.md", "[personal-data]")
        .doesNotContain("123 45 67");
    assertThat(overlay(browser)).as("held back is no failed build").isNull();
    assertThat(dir.resolve("site/news/qebul-gunu")).doesNotExist();

    Files.writeString(news, Files.readString(news).replace("+994 50 123 45 67", "nazirliyin qaynar xətti"));
    new WebDriverWait(browser, WAIT).withMessage("the box gone after the fix").until(d -> d.findElements(held).isEmpty());
    assertThat(dir.resolve("site/news/qebul-gunu/index.html")).exists();
  }

  @Test
  void byDefaultLiveReloadIsOffAndThePagesAreServedAsBuilt() throws Exception {
    String base = startServe();
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + NEWS)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).isEqualTo(Files.readString(dir.resolve("site" + NEWS + "index.html")))
        .doesNotContain("_disclose");
  }

  @Test
  void servedOnAnotherPortThanTheFormPostsToItSaysSoAtStart() throws Exception {
    // The project's site.yaml: the form posts to port 8080; this server listens on a free port.
    String base = startServe("--no-live-reload");
    String port = base.substring(base.lastIndexOf(':') + 1);
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (output) {
      while (System.nanoTime() < deadline && output.stream().noneMatch(l -> l.contains("request_endpoint"))) {
        output.wait(200);
      }
      assertThat(output).anyMatch(l -> l.contains("request_endpoint http://127.0.0.1:8080/requests")
          && l.contains("listens on port " + port) && l.contains("http://127.0.0.1:" + port + "/requests"));
    }
  }

  @Test
  void aNewRequestReachesThePublishedStatisticsPageWithoutItsPersonalData() throws Exception {
    String base = startServe("--no-live-reload");
    Path page = dir.resolve("site/statistics/index.html");
    assertThat(Files.readString(page)).doesNotContain("<table");

    String form = "lang=az&type=information&urgency=normal&website="
        + "&name=" + java.net.URLEncoder.encode("Aysel Məmmədova", StandardCharsets.UTF_8)
        + "&email=aysel%40example.az&subject=" + java.net.URLEncoder.encode("Zavod-7Q arayışı", StandardCharsets.UTF_8)
        + "&message=" + java.net.URLEncoder.encode("Zəhmət olmasa, hesabatı göndərin.", StandardCharsets.UTF_8);
    HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/requests"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);

    // Within the statistics' period (10 s) and a rebuild, the page counts it.
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline && !Files.readString(page).contains("<table")) {
      Thread.sleep(200);
    }
    String html = Files.readString(page);
    String year = String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Baku")).getYear());
    assertThat(html).contains("<table", "datetime=\"" + year + "\"").doesNotContain("Aysel", "aysel@example.az", "Zavod-7Q");
  }

  /** Waits until a line of serve's output, after the first {@code from} lines, matches; returns its index. */
  private int awaitLine(int from, java.util.function.Predicate<String> matches, String what) throws InterruptedException {
    return awaitLine(from, matches, what, WAIT);
  }

  private int awaitLine(int from, java.util.function.Predicate<String> matches, String what, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (output) {
      while (System.nanoTime() < deadline) {
        for (int i = from; i < output.size(); i++) {
          if (matches.test(output.get(i))) {
            return i;
          }
        }
        output.wait(50);
      }
      throw new AssertionError("serve never said " + what + "; its output: " + output);
    }
  }

  @Test
  void aSymbolicLinkAddedAloneIsRebuiltRefusedLoudlyAndNeverServed() throws Exception {
    Path secret = dir.resolve("private/register.log");
    TestSites.write(secret, "Aysel Məmmədova aysel@example.az şikayət\n");
    Files.createDirectories(dir.resolve("content/files"));
    String base = startServe("--no-live-reload");
    // The watcher registers just after serve says "watching": a file written until a rebuild
    // reports it shows that it is watching (no fixed wait).
    int started = -1;
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (started < 0 && System.nanoTime() < deadline) {
      int before;
      synchronized (output) {
        before = output.size();
      }
      TestSites.write(dir.resolve("content/files/probe.txt"), String.valueOf(System.nanoTime()));
      try {
        started = awaitLine(before, l -> l.startsWith("built "), "a rebuild", Duration.ofMillis(500)) + 1;
      } catch (AssertionError notYet) {
        // not watching yet
      }
    }
    assertThat(started).as("serve rebuilt after a change").isPositive();

    Path link = Files.createSymbolicLink(dir.resolve("content/files/register.pdf"), secret);
    int refused = awaitLine(started, l -> l.contains("files/register.pdf: is a symbolic link"), "that the link is refused");
    awaitLine(refused, l -> l.startsWith("build failed: 1 problem"), "that the build failed");
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/files/register.pdf")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).doesNotContain("aysel@example.az");
    assertThat(dir.resolve("site/files/register.pdf")).doesNotExist();

    // Serve goes on: with the link gone, the next rebuild succeeds.
    Files.delete(link);
    awaitLine(refused, l -> l.startsWith("built "), "that it built again");
    assertThat(serve.isAlive()).isTrue();
  }
}
