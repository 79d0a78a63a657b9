package az.disclose.inbox.console;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.app.App;
import az.disclose.app.Configuration;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.accounts.Accounts;
import az.disclose.inbox.accounts.Enrolment;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.mail.MailSettings;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.Receipt;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.web.WebSettings;
import az.disclose.site.SiteBuilder;
import az.disclose.site.TestSites;
import az.disclose.testing.Chromium;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15's "done when", end to end on the server {@code serve} wires (site, public inbox and console
 * on one Jetty, port 0; SQLite; outgoing mail to GreenMail), in headless Chromium without any script:
 * an officer signs in with password and TOTP, finds an overdue request in the overdue queue and
 * assigns it to a unit; the unit's responder signs in, accepts it and answers it from a template with
 * a file; the citizen's status page shows the answer and the file downloads with the same bytes; the
 * SMTP server receives the answer; the audit view shows each step with its actor.
 */
class ConsoleWorkflowBrowserIT {
  static final String UNIT = "huquq";
  @TempDir Path dir;
  GreenMail smtp;
  WebDriver browser;

  @BeforeEach
  void start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    browser = Chromium.start(dir.resolve("chromium-profile"));
  }

  @AfterEach
  void stop() {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      smtp.stop();
    }
  }

  @Test
  void anOverdueRequestIsAssignedAcceptedAnsweredFromATemplateWithAFileAndReachesTheCitizen() throws Exception {
    TestSites.copyProject(dir);
    Path content = dir.resolve("content");
    new SiteBuilder(content, dir.resolve("theme"), dir.resolve("site")).build();
    Path yaml = Files.writeString(dir.resolve("disclose.yaml"), """
        mail:
          smtp:
            host: 127.0.0.1
            port: %d
            security: none
            from: "Nazirlik <sorgu@example.az>"
        """.formatted(smtp.getSmtp().getPort()));
    InboxSettings settings = InboxSettings.defaults(dir.resolve("data"));
    Enrolment officer;
    Enrolment admin;
    Receipt receipt;
    // Registered 30 days ago: overdue now, whatever today is.
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(30)), InboxSettings.defaults(dir).zone());
    try (Inbox inbox = Inbox.open(settings, content, past)) {
      Accounts accounts = Accounts.standard(inbox.store(), Clock.systemUTC());
      officer = accounts.create("leyla", Role.FOI_OFFICER, Optional.empty(), ConsoleFixture.PASSWORD, "test")
          .enrolment().orElseThrow();
      admin = accounts.create("admin", Role.ADMINISTRATOR, Optional.empty(), ConsoleFixture.PASSWORD, "test")
          .enrolment().orElseThrow();
      accounts.create("aysel", Role.UNIT_RESPONDER, Optional.of(UNIT), ConsoleFixture.PASSWORD, "test");
      receipt = inbox.register().register(new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL,
          "Rəşad Quliyev", "resad@example.az", "Yol tikintisi müqavilələri", "2025-ci ilin müqavilələrini göndərin.",
          "az", List.of(), "subject=x".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded",
          "192.0.2.7"));
    }
    String n = receipt.number();
    Configuration config = new Configuration(content, dir.resolve("theme"), dir.resolve("site"), Optional.of(yaml),
        settings, MailSettings.load(yaml, Map.of()), WebSettings.load(null),
        new ConsoleSettings(OptionalInt.empty(), "127.0.0.1", false));
    PrintWriter log = new PrintWriter(new StringWriter());
    byte[] file = "Müqavilələrin siyahısı\n1. Bakı–Quba yolu\n".getBytes(StandardCharsets.UTF_8);
    Path upload = Files.write(dir.resolve("muqavileler.txt"), file);
    try (App app = App.start(config, new App.Options("127.0.0.1", 0, false, Duration.ofMinutes(60), false),
        changed -> null, log, log)) {
      app.inbox().register().useUnits(Set.of(UNIT, "metbuat")); // what serve reads from data/units.yaml
      String console = "http://127.0.0.1:" + app.consolePort() + "/console";

      // 1. The officer: password and TOTP, the overdue queue, assignment to the unit.
      signIn(console, "leyla", Optional.of(officer));
      browser.findElement(By.linkText("Müddəti keçənlər")).click();
      arrivedAt(".*/console/\\?queue=overdue.*");
      WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='" + n + "']]"));
      assertThat(row.getText()).contains("Yol tikintisi müqavilələri", "iş günü gecikib", "—");
      row.findElement(By.linkText(n)).click();
      arrivedAt(".*/console/requests/" + n + "$");
      new Select(browser.findElement(By.id("assign-unit"))).selectByValue(UNIT);
      browser.findElement(By.cssSelector("form[action$='/assign'] button[type=submit]")).click();
      arrivedAt(".*\\?flash=assign$");
      assertThat(browser.findElement(By.cssSelector(".summary")).getText()).contains("huquq — qəbul gözlənilir");
      signOut();

      // 2. The unit's responder: its queue, acceptance, an answer from the template with a file.
      signIn(console, "aysel", Optional.empty());
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("Bölməmin sorğuları", n);
      browser.findElement(By.linkText(n)).click();
      arrivedAt(".*/console/requests/" + n + "$");
      browser.findElement(By.cssSelector("form[action$='/accept'] button[type=submit]")).click();
      arrivedAt(".*\\?flash=accept$");
      new Select(browser.findElement(By.id("template"))).selectByValue("answer");
      new Select(browser.findElement(By.id("tlang"))).selectByValue("az");
      browser.findElement(By.cssSelector("form.template-choice button[type=submit]")).click();
      arrivedAt(".*\\?template=answer&tlang=az$");
      WebElement text = browser.findElement(By.id("answer-text"));
      assertThat(text.getAttribute("value")).startsWith("Hörmətli Rəşad Quliyev,")
          .contains(n + " nömrəli sorğunuza cavab olaraq bildiririk:");
      text.sendKeys("Müqavilələrin siyahısı əlavə olunur.");
      browser.findElement(By.id("answer-files")).sendKeys(upload.toAbsolutePath().toString());
      browser.findElement(By.cssSelector("form[action$='/answer'] button[type=submit]:not([name=preview])")).click();
      arrivedAt(".*\\?flash=answer&mail=queued$");
      signOut();

      // 3. The citizen: the status page on the public server shows the answer; the file is the same bytes.
      HttpClient http = HttpClient.newHttpClient();
      String site = "http://127.0.0.1:" + app.port();
      String status = http.send(HttpRequest.newBuilder(URI.create(site + "/requests/status/" + receipt.statusToken()))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      assertThat(status).contains("Hörmətli Rəşad Quliyev,", "Müqavilələrin siyahısı əlavə olunur.", "muqavileler.txt");
      Matcher href = Pattern.compile("/requests/status/" + Pattern.quote(receipt.statusToken()) + "/files/\\d+")
          .matcher(status);
      assertThat(href.find()).as("a link to the answer's file").isTrue();
      HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(site + href.group())).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.body()).isEqualTo(file);

      // 4. The mail: the outbox sends the answer to the requester (it tries every few seconds).
      assertThat(smtp.waitForIncomingEmail(30_000, 1)).as("the answer reached the SMTP server").isTrue();
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertThat(mail.getAllRecipients()).extracting(Object::toString).contains("resad@example.az");
      assertThat(GreenMailUtil.getBody(mail)).contains(n);
      assertThat(GreenMailUtil.getWholeMessage(mail)).contains("muqavileler.txt");

      // 5. The audit: each step with its actor.
      signIn(console, "admin", Optional.of(admin));
      browser.get(console + "/audit");
      List<String> rows = browser.findElements(By.cssSelector("main tbody tr")).stream().map(WebElement::getText)
          .toList();
      assertThat(rows).anyMatch(r -> r.contains("leyla") && r.contains("assign " + n + " to unit huquq"))
          .anyMatch(r -> r.contains("aysel") && r.contains("accept " + n))
          .anyMatch(r -> r.contains("aysel") && r.contains("answer " + n))
          .anyMatch(r -> r.contains("leyla") && r.contains("signed_in password and TOTP code"));
      // And the request's own history has the same steps with their actors.
      browser.get(console + "/requests/" + n);
      String page = browser.findElement(By.tagName("main")).getText();
      assertThat(page).contains("aysel Cavab", "leyla Bölməyə verildi", "aysel Bölmə qəbul etdi");
    }
  }

  private void signIn(String console, String user, Optional<Enrolment> enrolment) throws Exception {
    browser.get(console + "/?lang=az");
    arrivedAt(".*/console/sign-in$");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(ConsoleFixture.PASSWORD);
    browser.findElement(By.cssSelector("main button[type=submit]")).click();
    if (enrolment.isPresent()) {
      arrivedAt(".*/console/sign-in/code$");
      String code = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(enrolment.get().secret(),
          System.currentTimeMillis() / 1000 / 30);
      browser.findElement(By.id("code")).sendKeys(code);
      browser.findElement(By.cssSelector("main button[type=submit]")).click();
    }
    arrivedAt(".*/console/$");
  }

  private void signOut() {
    browser.findElement(By.cssSelector("form[action$='/sign-out'] button[type=submit]")).click();
    arrivedAt(".*/console/sign-in.*");
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
