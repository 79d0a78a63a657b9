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
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.web.WebSettings;
import az.disclose.site.SiteBuilder;
import az.disclose.site.TestSites;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as {@code serve} wires it with outgoing mail configured: an answer's page says the mail
 * is queued in the outbox (the SMTP server here never answers, so it stays queued).
 */
class ConsoleMailIT {
  @TempDir Path dir;

  @Test
  void withSmtpConfiguredTheAnswersPageSaysTheMailIsQueued() throws Exception {
    TestSites.copyProject(dir);
    Path content = dir.resolve("content");
    SiteBuilder builder = new SiteBuilder(content, dir.resolve("theme"), dir.resolve("site"));
    builder.build();
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Path yaml = Files.writeString(dir.resolve("disclose.yaml"), """
        mail:
          smtp:
            host: 127.0.0.1
            port: %d
            security: none
            from: "Nazirlik <sorgu@example.az>"
        """.formatted(closedPort));
    InboxSettings settings = InboxSettings.defaults(dir.resolve("data"));
    Enrolment e;
    String number;
    try (Inbox inbox = Inbox.open(settings, content, Clock.systemUTC())) {
      e = Accounts.standard(inbox.store(), Clock.systemUTC())
          .create("leyla", Role.FOI_OFFICER, Optional.empty(), ConsoleFixture.PASSWORD, "test").enrolment().orElseThrow();
      number = inbox.register().register(new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL,
          "Aysel Məmmədova", "aysel@example.az", "Büdcə", "Hesabat", "az", List.of(),
          "subject=x".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", "192.0.2.7")).number();
    }
    Configuration config = new Configuration(content, dir.resolve("theme"), dir.resolve("site"), Optional.of(yaml),
        settings, MailSettings.load(yaml, Map.of()), WebSettings.load(null), ConsoleSettings.defaults());
    PrintWriter log = new PrintWriter(new StringWriter());
    try (App app = App.start(config, new App.Options("127.0.0.1", 0, false, Duration.ofMinutes(60), false),
        changed -> null, log, log)) {
      Browser b = new Browser("http://127.0.0.1:" + app.consolePort());
      b.get("/console/sign-in");
      b.post("/console/sign-in", "username", "leyla", "password", ConsoleFixture.PASSWORD);
      b.get("/console/sign-in/code");
      String code = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(e.secret(),
          System.currentTimeMillis() / 1000 / 30);
      assertThat(b.post("/console/sign-in/code", "code", code).headers().firstValue("Location")).contains("/console/");
      b.get("/console/requests/" + number);
      var answered = b.postMultipart("/console/requests/" + number + "/answer", Map.of("text", "Hesabat əlavədədir."),
          null, null, null);
      assertThat(answered.headers().firstValue("Location")).get().asString().endsWith("?flash=answer&mail=queued");
      assertThat(b.get(answered.headers().firstValue("Location").orElseThrow()).body())
          .contains("Sorğuçuya məktub növbəyə qoyuldu");
      var noted = b.post("/console/requests/" + number + "/note", "text", "daxili");
      assertThat(noted.headers().firstValue("Location")).get().asString().endsWith("?flash=note");
    }
  }
}
