package az.disclose.inbox.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.accounts.Enrolment;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.model.Attachment;
import az.disclose.testing.Chromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;

/**
 * The console in headless Chromium, without any script of its own: an officer signs in with a TOTP
 * code, and the hostile corpus shown in the console runs nothing. Plain HTTP on 127.0.0.1, so the
 * cookies are the development ones ({@code secure_cookies: false}).
 */
class ConsoleBrowserIT {
  @TempDir Path dir;
  ConsoleFixture f;
  WebDriver browser;

  @BeforeEach
  void start() throws Exception {
    f = new ConsoleFixture(dir, new ConsoleSettings(OptionalInt.empty(), "127.0.0.1", false),
        RequestAccess.BY_UNIT);
    browser = Chromium.start(dir.resolve("chromium-profile"));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      f.close();
    }
  }

  @Test
  void anOfficerSignsInWithATotpCodeAndHostileCitizenTextRunsNothing() throws Exception {
    Enrolment e = f.account("leyla", Role.FOI_OFFICER).orElseThrow();
    List<String> hostile = Files.readAllLines(Path.of("src/test/resources/console/hostile.txt"), StandardCharsets.UTF_8);
    String n = f.request(hostile.get(1), hostile.get(0), String.join("\n", hostile),
        List.of(new Attachment(hostile.get(2), "text/html", "<script>alert(7)</script>".getBytes()))).number();
    f.inbox.register().note(n, "leyla", "<img src=x onerror=\"document.title='pwned'\">");

    browser.get(f.base + "/console/?lang=az"); // Chromium asks for English; Azerbaijani is chosen by the switch
    assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
    browser.findElement(By.id("username")).sendKeys("leyla");
    browser.findElement(By.id("password")).sendKeys(ConsoleFixture.PASSWORD);
    browser.findElement(By.cssSelector("main button[type=submit]")).click();
    arrivedAt(".*/console/sign-in/code$");
    browser.findElement(By.id("code")).sendKeys(f.code(e.secret(), 0));
    browser.findElement(By.cssSelector("main button[type=submit]")).click();
    arrivedAt(".*/console/$");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(n, hostile.get(0));

    browser.findElement(By.linkText(n)).click();
    arrivedAt(".*/console/requests/" + n + "$");
    assertThat(browser.findElement(By.cssSelector(".citizen-text")).getText()).contains(hostile.get(0), hostile.get(1));
    assertThat(browser.findElements(By.cssSelector("main script, main img, main svg, main iframe"))).isEmpty();
    assertThat(browser.getTitle()).doesNotContain("pwned");
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

    // A note from the browser: the form works without any script.
    browser.findElement(By.id("note-text")).sendKeys("Brauzerdən qeyd");
    browser.findElement(By.cssSelector("form[action$='/note'] button[type=submit]")).click();
    arrivedAt(".*/console/requests/" + n + "\\?flash=note$");
    assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("Daxili qeyd əlavə edildi.");
    assertThat(f.inbox.register().get(n).history()).extracting(x -> x.text()).contains("Brauzerdən qeyd");
  }

  /** Waits (at most 10 s) until the browser is at an address matching {@code regex}: a click's navigation. */
  private void arrivedAt(String regex) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(regex));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("not at " + regex + " but " + browser.getCurrentUrl() + ":\n"
          + browser.findElement(By.tagName("body")).getText(), e);
    }
  }
}
