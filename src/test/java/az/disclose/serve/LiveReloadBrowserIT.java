package az.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.site.SiteBuilder;
import az.disclose.site.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import az.disclose.testing.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Live reload in a real browser (Debian's headless Chromium): a page open in the browser shows a
 * rebuild's new text by itself once the server announces that the page changed, and only then.
 */
class LiveReloadBrowserIT {
  private static final String NEWS = "/news/komissiya-yaradildi/";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  LiveReload liveReload;
  Server server;
  WebDriver browser;
  String base;

  @BeforeEach
  void serveTheSiteWithLiveReload() throws Exception {
    TestSites.copyProject(dir);
    build();
    liveReload = new LiveReload();
    server = SiteServer.create("127.0.0.1", 0, dir.resolve("site"), false, liveReload);
    server.start();
    base = "http://127.0.0.1:" + SiteServer.port(server);

    browser = Chromium.start(dir.resolve("chromium-profile"));
    Chromium.recordEventSources(browser);
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.stop();
    }
  }

  private void build() throws Exception {
    new SiteBuilder(dir.resolve("content"), dir.resolve("theme"), dir.resolve("site")).build();
  }

  private String main() {
    return browser.findElement(By.tagName("main")).getText();
  }

  @Test
  void anOpenPageShowsTheRebuiltTextByItselfWhenItChanges() throws Exception {
    browser.get(base + NEWS);
    assertThat(main()).contains("Komissiya 14 nəfərdən");
    new WebDriverWait(browser, WAIT).until(d -> liveReload.openStreams() == 1);
    // Gone when the page reloads: the test itself never reloads it.
    ((JavascriptExecutor) browser).executeScript("window.loadedBeforeTheChange = true;");

    Path news = dir.resolve("content/news/komissiya-yaradildi.md");
    TestSites.write(news, TestSites.read(news).replace("Komissiya 14 nəfərdən", "Komissiya on dörd nəfərdən"));
    build();
    assertThat(Files.readString(dir.resolve("site" + NEWS + "index.html"))).contains("on dörd nəfərdən").doesNotContain("_disclose");

    // Another page's change leaves this one alone.
    liveReload.changed(List.of("/plan/"));
    // Once the page has handled the event, it still has its stream (a reload closes it first) and its state.
    new WebDriverWait(browser, WAIT)
        .withMessage("the page handled the /plan/ event without reloading (a reloaded page has no record of it)")
        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
            "return window.__reloadEvents.indexOf('/plan/') >= 0;")));
    assertThat(((JavascriptExecutor) browser).executeScript(
        "return window.__eventSources.length === 1 && window.__eventSources[0].readyState !== EventSource.CLOSED"
            + " && window.loadedBeforeTheChange === true;")).as("the page neither closed its stream nor reloaded")
        .isEqualTo(true);
    assertThat(main()).contains("Komissiya 14 nəfərdən");

    liveReload.changed(List.of(NEWS + "index.html", "/news/", "/"));
    new WebDriverWait(browser, WAIT).until(d -> main().contains("Komissiya on dörd nəfərdən"));
    assertThat(browser.getCurrentUrl()).isEqualTo(base + NEWS);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.loadedBeforeTheChange === true;")).isEqualTo(false);
  }

  @Test
  void theHeldBackItemsShowAtThePagesFootAsANoticeNotAsAnError() throws Exception {
    String finding = "content/news/x.md:4: error [personal-data] a personal phone number — remove it";
    liveReload.succeeded(List.of(finding));
    // A page opened now asks the state.
    browser.get(base + NEWS);
    By held = By.id("disclose-held-back");
    new WebDriverWait(browser, WAIT).until(d -> !d.findElements(held).isEmpty());
    assertThat(browser.findElement(held).getAttribute("role")).isEqualTo("status");
    assertThat(browser.findElement(held).getText()).contains("Saytdan saxlanılıb", "Held back from the site", finding);
    assertThat(browser.findElements(By.id("disclose-build-problems"))).as("no failure overlay").isEmpty();
    // An open page is told when nothing is held back any more.
    new WebDriverWait(browser, WAIT).until(d -> liveReload.openStreams() == 1);
    liveReload.succeeded(List.of());
    new WebDriverWait(browser, WAIT).until(d -> d.findElements(held).isEmpty());
    liveReload.succeeded(List.of(finding, "content/news/y.md:2: error [confidential] məxfidir"));
    new WebDriverWait(browser, WAIT).until(d -> !d.findElements(held).isEmpty()
        && d.findElement(held).getText().contains("məxfidir"));
  }
}
