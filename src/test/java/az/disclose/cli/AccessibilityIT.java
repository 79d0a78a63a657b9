package az.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.config.SettingsLoader;
import az.disclose.content.ContentLoader;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.web.IntakeLimits;
import az.disclose.serve.SiteServer;
import az.disclose.site.SiteBuilder;
import az.disclose.site.TestSites;
import az.disclose.testing.Axe;
import az.disclose.testing.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core in Debian's headless Chromium on every kind of page a citizen meets, the site's and the
 * inbox's (form errors, receipt, status with an answer), at a desktop width and a phone width: no
 * violation of WCAG 2.0 and 2.1, levels A and AA, and no page wider than the window (tables reflow on
 * a phone; none needs scrolling on a desktop). The site is the test site built and served as
 * {@code disclose serve} serves it, with the inbox in front.
 *
 * <p>A new page kind (or the English pages under {@code /en/}) is one more line in {@link #PAGES}.
 */
class AccessibilityIT {
  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;
  static Inbox inbox;
  static Server server;
  static WebDriver browser;
  static String base;
  /** The receipt and the private status page of a request sent with the form, and then answered. */
  static String receiptUrl;
  static String statusUrl;
  /** The same for a request sent with the English form (/en/request/): the pages in English. */
  static String enReceiptUrl;
  static String enStatusUrl;

  /** A page kind and how the browser gets to it. */
  record PageUnderTest(String name, Consumer<WebDriver> open) {
    static PageUnderTest at(String name, String path) {
      return new PageUnderTest(name, b -> b.get(base + path));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<PageUnderTest> PAGES = List.of(
      PageUnderTest.at("home", "/"),
      PageUnderTest.at("news list", "/news/"),
      PageUnderTest.at("news item", "/news/komissiya-yaradildi/"),
      PageUnderTest.at("tags", "/tags/"),
      PageUnderTest.at("tag", "/tags/komissiya/"),
      PageUnderTest.at("plan", "/plan/"),
      PageUnderTest.at("measure", "/plan/1-1/"),
      PageUnderTest.at("commission", "/commission/"),
      PageUnderTest.at("documents", "/documents/"),
      PageUnderTest.at("document", "/documents/emr-2012/"),
      PageUnderTest.at("content page", "/haqqinda/"),
      PageUnderTest.at("contact", "/contact/"),
      PageUnderTest.at("request form", "/request/"),
      PageUnderTest.at("statistics", "/statistics/"),
      PageUnderTest.at("openness", "/openness/"),
      PageUnderTest.at("404", "/yoxdur/"),
      PageUnderTest.at("reports", "/reports/"),
      PageUnderTest.at("annual report", "/reports/annual/2026/"),
      PageUnderTest.at("monthly figures", "/reports/monthly/2026-11/"),
      PageUnderTest.at("en home", "/en/"),
      PageUnderTest.at("en news list", "/en/news/"),
      PageUnderTest.at("en news item", "/en/news/komissiya-yaradildi/"),
      PageUnderTest.at("en news item in az only", "/en/news/mesul-sexsler-teyin-edildi/"),
      PageUnderTest.at("en tags", "/en/tags/"),
      PageUnderTest.at("en tag", "/en/tags/komissiya/"),
      PageUnderTest.at("en plan", "/en/plan/"),
      PageUnderTest.at("en measure", "/en/plan/1-1/"),
      PageUnderTest.at("en commission", "/en/commission/"),
      PageUnderTest.at("en documents", "/en/documents/"),
      PageUnderTest.at("en document", "/en/documents/emr-2012/"),
      PageUnderTest.at("en content page", "/en/haqqinda/"),
      PageUnderTest.at("en contact", "/en/contact/"),
      PageUnderTest.at("en request form", "/en/request/"),
      PageUnderTest.at("en statistics", "/en/statistics/"),
      PageUnderTest.at("en openness", "/en/openness/"),
      PageUnderTest.at("en reports", "/en/reports/"),
      PageUnderTest.at("en annual report", "/en/reports/annual/2026/"),
      PageUnderTest.at("en monthly figures", "/en/reports/monthly/2026-11/"),
      PageUnderTest.at("en 404", "/en/yoxdur/"),
      new PageUnderTest("form errors", AccessibilityIT::sendAnEmptyForm),
      new PageUnderTest("receipt", b -> b.get(receiptUrl)),
      new PageUnderTest("status with an answer", b -> b.get(statusUrl)),
      new PageUnderTest("en receipt", b -> b.get(enReceiptUrl)),
      new PageUnderTest("en status with an answer", b -> b.get(enStatusUrl)));

  static Stream<Arguments> pagesAtEachWidth() {
    return PAGES.stream().flatMap(p -> Axe.WIDTHS.stream().map(w -> Arguments.of(p, w)));
  }

  @BeforeAll
  static void serveTheSiteWithTheInboxAndAnAnsweredRequest() throws Exception {
    TestSites.copyProject(dir);
    Path content = dir.resolve("content");
    // The annual-report fixture: an approved report of 2026 (approved 2027-01-12) and published FOI figures.
    TestSites.copyTree(az.disclose.content.AnnualFixture.OVERLAY, content);
    inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), content, Clock.systemUTC());
    server = ServeCommand.siteWithInbox("127.0.0.1", 0, null, IntakeLimits.defaults(),
        dir.resolve("data").resolve("uploads"), dir.resolve("site"), dir.resolve("theme"), inbox,
        new SettingsLoader().load(content), new ContentLoader().load(content).pages(), null);
    server.start();
    base = "http://127.0.0.1:" + SiteServer.port(server);
    Path siteYaml = content.resolve("site.yaml");
    Files.writeString(siteYaml, Files.readString(siteYaml).replace("http://127.0.0.1:8080/requests", base + "/requests"));
    // Built as on a day after the annual report's approval, so that the /reports/ pages are published.
    SiteBuilder builder = new SiteBuilder(content, dir.resolve("theme"), dir.resolve("site"),
        Clock.fixed(java.time.Instant.parse("2027-01-20T08:00:00Z"), java.time.ZoneOffset.UTC));
    builder.build();
    browser = Chromium.start(dir.resolve("chromium-profile"));

    browser.get(base + "/request/");
    browser.findElement(By.id("name")).sendKeys("Gülşən İsmayılova");
    browser.findElement(By.id("email")).sendKeys("gulsen@example.az");
    browser.findElement(By.id("subject")).sendKeys("İllik məruzələr");
    browser.findElement(By.id("message")).sendKeys("2.2-ci tədbir üzrə illik məruzələri necə əldə edə bilərəm?");
    browser.findElement(By.cssSelector("form.request button[type=submit]")).click();
    new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("/requests/receipt/"));
    receiptUrl = browser.getCurrentUrl();
    statusUrl = browser.findElement(By.cssSelector("a[href*='/requests/status/']")).getAttribute("href");
    String number = inbox.register().list(az.disclose.inbox.ListFilter.all()).get(0).number();
    inbox.register().answer(number, "leyla", """
        Hörmətli Gülşən xanım,

        İllik məruzələr **nazirliyin saytında** dərc olunur:

        - 2012-ci il üzrə məruzə;
        - 2013-cü il üzrə məruzə.
        """, List.of());

    browser.get(base + "/en/request/");
    browser.findElement(By.id("name")).sendKeys("Anna Smith");
    browser.findElement(By.id("email")).sendKeys("anna@example.org");
    browser.findElement(By.id("subject")).sendKeys("Annual reports");
    browser.findElement(By.id("message")).sendKeys("How can I get the annual reports of measure 2.2?");
    browser.findElement(By.cssSelector("form.request button[type=submit]")).click();
    new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("/requests/receipt/") && !d.getCurrentUrl().equals(receiptUrl));
    enReceiptUrl = browser.getCurrentUrl();
    if (!"en".equals(browser.findElement(By.tagName("html")).getAttribute("lang"))) {
      throw new AssertionError("the receipt of a request sent with the English form is not in English: " + enReceiptUrl);
    }
    enStatusUrl = browser.findElement(By.cssSelector("a[href*='/requests/status/']")).getAttribute("href");
    String enNumber = inbox.register().list(az.disclose.inbox.ListFilter.all()).stream()
        .filter(r -> r.subject().equals("Annual reports")).findFirst().orElseThrow().number();
    inbox.register().answer(enNumber, "leyla", """
        Dear Ms Smith,

        The annual reports are published **on the ministry's site**:

        - the report for 2012;
        - the report for 2013.
        """, List.of());
    // The statistics page with its tables, as the inbox publishes them.
    inbox.publishStatistics(content);
    builder.build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.stop();
    }
    if (inbox != null) {
      inbox.close();
    }
  }

  /** The inbox's answer to a form sent with nothing filled in (the browser's own checks switched off). */
  static void sendAnEmptyForm(WebDriver b) {
    b.get(base + "/request/");
    ((JavascriptExecutor) b).executeScript("document.querySelector('form.request').noValidate = true;");
    b.findElement(By.cssSelector("form.request button[type=submit]")).click();
    new WebDriverWait(b, WAIT).until(d -> !d.findElements(By.cssSelector(".form-errors")).isEmpty());
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("pagesAtEachWidth")
  void everyPageKindHasNoWcagViolationsAndFitsTheWindow(PageUnderTest page, int width) {
    browser.manage().window().setSize(new Dimension(width, 900));
    page.open().accept(browser);
    assertThat(Axe.violations(browser)).as(page.name() + " at " + width + " px: " + browser.getCurrentUrl()).isEmpty();

    long[] widths = Axe.pageAndWindowWidth(browser);
    long pageWidth = widths[0];
    long window = widths[1];
    assertThat(pageWidth).as(page.name() + ": the page is no wider than the window at " + width + " px").isLessThanOrEqualTo(window);
    @SuppressWarnings("unchecked")
    List<String> overflowing = (List<String>) ((JavascriptExecutor) browser).executeScript("""
        return Array.from(document.querySelectorAll('table'))
          .filter(t => { const box = t.parentElement; return t.getBoundingClientRect().width > box.clientWidth + 1; })
          .map(t => (t.className || 'table') + ': ' + Math.round(t.getBoundingClientRect().width) + ' px');""");
    assertThat(overflowing).as(page.name() + ": tables wider than their place at " + width + " px").isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theFormErrorsPageSaysErrorFirstFocusesItsSummaryAndMarksEveryInvalidField() {
    browser.manage().window().setSize(new Dimension(390, 900));
    sendAnEmptyForm(browser);
    assertThat(browser.getTitle()).startsWith("Xəta: Məlumat sorğusu");
    JavascriptExecutor js = (JavascriptExecutor) browser;
    // Without a script of the page: the summary's autofocus.
    assertThat(js.executeScript("return document.activeElement.className;")).isEqualTo("form-errors");
    @SuppressWarnings("unchecked")
    List<String> borders = (List<String>) js.executeScript("""
        return Array.from(document.querySelectorAll('[aria-invalid="true"]'))
          .map(e => e.id + ' ' + getComputedStyle(e).borderTopColor + ' ' + getComputedStyle(e).borderTopWidth);""");
    assertThat(borders).hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(b -> assertThat(b).as("the error style").endsWith(" rgb(179, 38, 30) 3px"));
  }

  @org.junit.jupiter.api.Test
  void radiosAndNavigationLinksAreAtLeast24PixelsHighOnAPhone() {
    browser.manage().window().setSize(new Dimension(390, 900));
    browser.get(base + "/request/");
    @SuppressWarnings("unchecked")
    List<String> small = (List<String>) ((JavascriptExecutor) browser).executeScript("""
        return Array.from(document.querySelectorAll('input[type=radio], .site-header a, .site-footer a'))
          .filter(e => { const r = e.getBoundingClientRect(); return r.height < 24 || r.width < 24; })
          .map(e => e.outerHTML);""");
    assertThat(small).isEmpty();
  }
}
