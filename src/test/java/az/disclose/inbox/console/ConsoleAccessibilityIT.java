package az.disclose.inbox.console;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.accounts.Enrolment;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.mail.MailStore;
import az.disclose.inbox.model.Attachment;
import az.disclose.testing.Axe;
import az.disclose.testing.Chromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core in Debian's headless Chromium on every console page, at a desktop width and a phone
 * width: no violation of WCAG 2.0 and 2.1, levels A and AA, and no page wider than the window. The
 * browser signs in as an administrator with password and TOTP code, as a person would (plain HTTP on
 * 127.0.0.1, so the development cookies: {@code secure_cookies: false}).
 *
 * <p>A new console page is one more line in {@link #PAGES}: {@link PageUnderTest#signedIn} for a
 * page at an address, or a {@link PageUnderTest} with the steps that lead to it.
 */
class ConsoleAccessibilityIT {
  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;
  static ConsoleFixture f;
  static WebDriver browser;
  static Enrolment admin;
  /** Whether the browser holds the administrator's session. */
  static boolean signedIn;
  static String number;
  static long quarantined;
  static final AtomicInteger accountsAdded = new AtomicInteger();

  /** A console page and how the browser gets to it. */
  record PageUnderTest(String name, Consumer<WebDriver> open) {
    /** A page at {@code path} under /console, opened by the signed-in administrator. */
    static PageUnderTest signedIn(String name, String path) {
      return new PageUnderTest(name, b -> {
        signIn();
        b.get(f.base + "/console" + path);
      });
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<PageUnderTest> PAGES = List.of(
      new PageUnderTest("sign-in", b -> {
        signOut();
        b.get(f.base + "/console/sign-in");
      }),
      new PageUnderTest("sign-in with an error", b -> {
        signOut();
        b.get(f.base + "/console/sign-in");
        ((JavascriptExecutor) b).executeScript("document.querySelector('main form').noValidate = true;");
        b.findElement(By.cssSelector("main button[type=submit]")).click(); // nothing filled in
        new WebDriverWait(b, WAIT).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
      }),
      new PageUnderTest("code", b -> {
        signOut();
        b.get(f.base + "/console/sign-in");
        submit(".*/console/sign-in/code$", "username", "admin", "password", ConsoleFixture.PASSWORD);
      }),
      PageUnderTest.signedIn("request list", "/"),
      PageUnderTest.signedIn("request list, filtered, none", "/?status=answered"),
      PageUnderTest.signedIn("queue: overdue", "/?queue=overdue"),
      PageUnderTest.signedIn("queue: unassigned, searched", "/?queue=unassigned&q=hesabat"),
      PageUnderTest.signedIn("templates", "/templates"),
      PageUnderTest.signedIn("a template and its versions", "/templates/answer/az"),
      PageUnderTest.signedIn("refusal grounds", "/grounds"),
      PageUnderTest.signedIn("reports", "/reports"),
      new PageUnderTest("refusal grounds with an error", b -> {
        signIn();
        b.get(f.base + "/console/grounds");
        b.findElement(By.cssSelector("form[action$='/grounds'] button[type=submit]")).click(); // nothing filled in
        new WebDriverWait(b, WAIT).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
      }),
      new PageUnderTest("request", b -> {
        signIn();
        b.get(f.base + "/console/requests/" + number);
      }),
      new PageUnderTest("request, refusal without a ground (error)", b -> {
        signIn();
        b.get(f.base + "/console/requests/" + number);
        b.findElement(By.cssSelector("form[action$='/refuse'] button.warning")).click(); // no ground chosen
        new WebDriverWait(b, WAIT).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
      }),
      new PageUnderTest("request, refusal filled from the template", b -> {
        signIn();
        b.get(f.base + "/console/requests/" + number);
        new org.openqa.selenium.support.ui.Select(b.findElement(By.id("refuse-ground"))).selectByValue("not-held");
        b.findElement(By.cssSelector("form[action$='/refuse'] button[name=fill]")).click();
        new WebDriverWait(b, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
            .until(d -> d.findElement(By.id("refuse-text")).getAttribute("value").contains("nazirlikdə yoxdur"));
      }),
      PageUnderTest.signedIn("quarantine", "/quarantine"),
      new PageUnderTest("quarantine entry", b -> {
        signIn();
        b.get(f.base + "/console/quarantine/" + quarantined);
      }),
      PageUnderTest.signedIn("accounts", "/accounts"),
      new PageUnderTest("enrolment", b -> {
        signIn();
        b.get(f.base + "/console/accounts");
        b.findElement(By.id("username")).sendKeys("officer" + accountsAdded.incrementAndGet());
        new org.openqa.selenium.support.ui.Select(b.findElement(By.id("role"))).selectByValue("foi_officer");
        b.findElement(By.id("password")).sendKeys(ConsoleFixture.PASSWORD);
        b.findElement(By.cssSelector("form[action$='/accounts'] button[type=submit]")).click();
        new WebDriverWait(b, WAIT).until(d -> !d.findElements(By.cssSelector("ul.codes")).isEmpty());
      }),
      PageUnderTest.signedIn("audit", "/audit"),
      PageUnderTest.signedIn("error (no such request)", "/requests/SEN-1999-99999"));

  static Stream<Arguments> pagesAtEachWidth() {
    return PAGES.stream().flatMap(p -> Axe.WIDTHS.stream().map(w -> Arguments.of(p, w)));
  }

  @BeforeAll
  static void startTheConsoleWithARequestAndQuarantinedMail() throws Exception {
    f = new ConsoleFixture(dir, new ConsoleSettings(OptionalInt.empty(), "127.0.0.1", false),
        RequestAccess.BY_UNIT);
    admin = f.account("admin", Role.ADMINISTRATOR).orElseThrow();
    number = f.request("Gülşən İsmayılova", "İllik məruzələr",
        "2.2-ci tədbir üzrə illik məruzələri necə əldə edə bilərəm?",
        List.of(new Attachment("ərizə.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))))
        .number();
    f.inbox.register().note(number, "admin", "Hüquq şöbəsinə göndərilməlidir.");
    f.request("Büdcə hesabatı");
    // a withdrawn request in the list: its status has a name in the console too
    f.inbox.register().withdraw(f.request("Geri götürülən sorğu").number(), "admin", "e-poçt, 2 mart");
    f.mailIntake.ingest(Files.readAllBytes(Path.of("src/test/resources/mail/corpus/gen-quarantine-html-file.eml")));
    quarantined = new MailStore(f.inbox.store()).quarantined(false).get(0).id();
    browser = Chromium.start(dir.resolve("chromium-profile"));
    signOut();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (f != null) {
        f.close();
      }
    }
  }

  static void signOut() {
    browser.get(f.base + "/console/sign-in");
    browser.manage().deleteAllCookies();
    browser.get(f.base + "/console/sign-in?lang=az"); // Azerbaijani first, as most officers see it
    signedIn = false;
  }

  /** Signs the administrator in (password, then a TOTP code of a step not used before), unless signed in. */
  static void signIn() {
    if (signedIn) {
      return;
    }
    try {
      f.clock.advance(Duration.ofSeconds(30)); // a code is accepted once per 30-second step
      browser.get(f.base + "/console/sign-in");
      submit(".*/console/sign-in/code$", "username", "admin", "password", ConsoleFixture.PASSWORD);
      submit(".*/console/$", "code", f.code(admin.secret(), 0));
    } catch (Exception e) {
      throw new AssertionError("sign-in of admin failed", e);
    }
    signedIn = true;
  }

  /** Fills the main form's fields (id, value pairs), submits it and waits until the address matches {@code regex}. */
  static void submit(String regex, String... fields) {
    for (int i = 0; i < fields.length; i += 2) {
      browser.findElement(By.id(fields[i])).clear();
      browser.findElement(By.id(fields[i])).sendKeys(fields[i + 1]);
    }
    browser.findElement(By.cssSelector("main button[type=submit]")).click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlMatches(regex));
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("pagesAtEachWidth")
  void everyConsolePageHasNoWcagViolationsAndFitsTheWindow(PageUnderTest page, int width) {
    browser.manage().window().setSize(new Dimension(width, 900));
    page.open().accept(browser);
    assertThat(Axe.violations(browser)).as(page.name() + " at " + width + " px: " + browser.getCurrentUrl())
        .isEmpty();

    // the page meant, not an error page in its place (axe would pass that too)
    String heading = browser.findElement(By.cssSelector("main h1")).getText();
    Properties texts = new Properties();
    try (var in = ConsoleAccessibilityIT.class.getResourceAsStream("console_az.properties")) {
      texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> errors = texts.stringPropertyNames().stream().filter(k -> k.matches("error\\.[a-z]+\\.heading"))
        .map(texts::getProperty).toList();
    assertThat(errors).contains("Səhifə tapılmadı");
    if (page.name().startsWith("error")) {
      assertThat(heading).isEqualTo(texts.getProperty("error.notfound.heading"));
    } else {
      assertThat(heading).as(page.name() + ": not an error page").isNotIn(errors);
    }

    long[] widths = Axe.pageAndWindowWidth(browser);
    long pageWidth = widths[0];
    long window = widths[1];
    assertThat(pageWidth).as(page.name() + ": the page is no wider than the window at " + width + " px")
        .isLessThanOrEqualTo(window);
  }
}
