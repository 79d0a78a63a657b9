package az.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.store.Inbox;
import az.disclose.testing.Chromium;
import az.disclose.testing.CliRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen's whole journey in a real browser (Debian's headless Chromium) against `disclose
 * serve`'s server: the form with a file, the receipt that lists it, the officer's answer with two files
 * on the command line ({@code disclose requests answer}, run in this process on the same register),
 * and the status page that shows the answer rendered and serves both files with their exact bytes.
 */
class AnswerJourneyBrowserIT {
  static final String ANSWER = """
      Hörmətli Gülşən xanım,

      Sorğunuza **cavab** olaraq aşağıdakıları göndəririk:

      - 2012-ci il üzrə illik məruzə;
      - tədbirlərin icra cədvəli.
      """;

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
  void theCitizenSendsAFileGetsTheAnswerOnTheStatusPageAndDownloadsBothFiles() throws Exception {
    Path question = Files.writeString(dir.resolve("sual.pdf"), "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
    browser.get(base + "/request/");
    browser.findElement(By.id("name")).sendKeys("Gülşən İsmayılova");
    browser.findElement(By.id("email")).sendKeys("gulsen@example.az");
    browser.findElement(By.id("subject")).sendKeys("İllik məruzələr");
    browser.findElement(By.id("message")).sendKeys("2.2-ci tədbir üzrə illik məruzələri göndərin.");
    browser.findElement(By.cssSelector("form.request input[type=file]")).sendKeys(question.toString());
    browser.findElement(By.cssSelector("form.request button[type=submit]")).click();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(d -> d.getCurrentUrl().contains("/requests/receipt/"));
    String receipt = browser.findElement(By.tagName("main")).getText();
    String number = "SEN-" + Year.now(ZoneId.of("Asia/Baku")) + "-00001";
    assertThat(receipt).contains(number).contains("Qəbul edilmiş fayllar").contains("sual.pdf");
    String statusLink = browser.findElement(By.cssSelector("a.status-link")).getAttribute("href");

    // The officer answers on the command line, on the same register.
    Path config = Files.writeString(dir.resolve("disclose.yaml"), "number_prefix: SEN\ndata_dir: data\n");
    Path answer = Files.writeString(dir.resolve("cavab.md"), ANSWER);
    byte[] report = "%PDF-1.4\n% illik məruzə\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    byte[] table = "tədbir;icra\n2.2;icra olunub\n".getBytes(StandardCharsets.UTF_8);
    Path reportFile = Files.write(dir.resolve("məruzə 2012.pdf"), report);
    Path tableFile = Files.write(dir.resolve("icra-cədvəli.csv"), table);
    CliRun.Result answered = CliRun.run(List.of("requests", "--config", config.toString(), "--content",
        dir.resolve("content").toString()), "answer", number, "--file", answer.toString(), "--attach",
        reportFile.toString(), "--attach", tableFile.toString(), "--actor", "leyla");
    assertThat(answered.code()).as(answered.err()).isZero();
    assertThat(answered.out()).contains("Nothing was e-mailed").contains("/requests/status/");

    browser.get(statusLink);
    WebElement answerText = browser.findElement(By.cssSelector("main .answer .answer-text"));
    assertThat(answerText.findElement(By.tagName("strong")).getText()).isEqualTo("cavab");
    assertThat(answerText.findElements(By.tagName("li"))).extracting(WebElement::getText)
        .containsExactly("2012-ci il üzrə illik məruzə;", "tədbirlərin icra cədvəli.");
    assertThat(answerText.getText()).doesNotContain("**");
    String main = browser.findElement(By.tagName("main")).getText();
    assertThat(main.indexOf("Cavab")).isLessThan(main.indexOf("Sorğunun tarixçəsi"));
    assertThat(main).contains("sual.pdf").contains("2.2-ci tədbir üzrə illik məruzələri göndərin.");

    List<WebElement> files = browser.findElements(By.cssSelector("main .answer ul.files a"));
    assertThat(files).extracting(WebElement::getText).containsExactly("məruzə 2012.pdf", "icra-cədvəli.csv");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    byte[][] expected = {report, table};
    for (int i = 0; i < 2; i++) {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(files.get(i).getAttribute("href"))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(expected[i]);
      assertThat(r.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment;");
    }
  }
}
