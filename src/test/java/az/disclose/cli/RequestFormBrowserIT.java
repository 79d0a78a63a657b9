package az.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.testing.Chromium;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.store.Inbox;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The request form of the built site, filled in and sent by a real browser (Debian's headless
 * Chromium), against `disclose serve`'s server: the citizen gets a number and a status link, and
 * the request is in the register with what was typed.
 */
class RequestFormBrowserIT {

  @TempDir Path dir;
  ServedSite site;
  Inbox inbox;
  WebDriver browser;
  String base;

  @BeforeEach
  void serveTheSiteWithTheInbox() throws Exception {
    site = ServedSite.start(dir);
    inbox = site.inbox();
    base = site.base();
    browser = Chromium.start(dir.resolve("chromium-profile"));
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (site != null) {
      site.close();
    }
  }

  @Test
  void aCitizenSendsTheFormAndGetsANumberAndAStatusLink() throws Exception {
    browser.get(base + "/request/");
    assertThat(browser.getTitle()).startsWith("Məlumat sorğusu");
    browser.findElement(By.id("name")).sendKeys("Gülşən İsmayılova");
    browser.findElement(By.id("email")).sendKeys("gulsen@example.az");
    browser.findElement(By.id("subject")).sendKeys("İllik məruzələr");
    browser.findElement(By.id("message")).sendKeys("2.2-ci tədbir üzrə illik məruzələri necə əldə edə bilərəm?");
    browser.findElement(By.cssSelector("form.request button[type=submit]")).click();

    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/requests/receipt/"));
    String receipt = browser.findElement(By.tagName("main")).getText();
    assertThat(receipt).contains("SEN-" + java.time.Year.now(java.time.ZoneId.of("Asia/Baku")) + "-00001");
    String statusLink = browser.findElement(By.cssSelector("a[href*='/requests/status/']")).getAttribute("href");

    RequestView stored = inbox.register().find("SEN-" + java.time.Year.now(java.time.ZoneId.of("Asia/Baku")) + "-00001").orElseThrow();
    assertThat(stored.name()).isEqualTo("Gülşən İsmayılova");
    assertThat(stored.message()).isEqualTo("2.2-ci tədbir üzrə illik məruzələri necə əldə edə bilərəm?");

    browser.get(statusLink);
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("İllik məruzələr");
  }
}
