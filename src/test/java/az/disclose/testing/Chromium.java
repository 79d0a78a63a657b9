package az.disclose.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven through its chromium-driver, for the browser tests. */
public final class Chromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * Run in every new document before its own scripts: every EventSource the page creates is kept in
   * {@code window.__eventSources}, and the data of every {@code reload} event it receives is appended
   * to {@code window.__reloadEvents} (this listener is the first of the source's, so once an event is
   * there, the page's own listeners have handled it too).
   */
  private static final String RECORD_EVENT_SOURCES = """
      (function () {
        var Original = window.EventSource;
        if (!Original) {
          return;
        }
        window.__eventSources = [];
        window.__reloadEvents = [];
        window.EventSource = function (url, init) {
          var source = new Original(url, init);
          source.addEventListener("reload", function (event) { window.__reloadEvents.push(event.data); });
          window.__eventSources.push(source);
          return source;
        };
        window.EventSource.prototype = Original.prototype;
        window.EventSource.CONNECTING = Original.CONNECTING;
        window.EventSource.OPEN = Original.OPEN;
        window.EventSource.CLOSED = Original.CLOSED;
      })();
      """;

  private Chromium() {}

  /**
   * From now on, the pages {@code browser} opens record their event streams (see
   * {@link #RECORD_EVENT_SOURCES}), so tests can wait until a page's live-reload stream is open or has
   * handled an event, instead of sleeping.
   */
  public static void recordEventSources(WebDriver browser) {
    ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
        Map.of("source", RECORD_EVENT_SOURCES));
  }

  /** A new headless browser with its profile in {@code profileDir}; the caller quits it. */
  public static WebDriver start(Path profileDir) {
    assertThat(CHROMIUM).as("headless Chromium: apt-get install chromium chromium-driver").exists();
    assertThat(CHROMEDRIVER).as("ChromeDriver: apt-get install chromium-driver").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + profileDir);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }
}
