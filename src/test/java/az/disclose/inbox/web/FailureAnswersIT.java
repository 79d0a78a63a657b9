package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.config.SettingsLoader;
import az.disclose.config.SiteSettings;
import az.disclose.content.ContentLoader;
import az.disclose.inbox.Register;
import az.disclose.inbox.model.Receipt;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.Submission;
import az.disclose.testing.HtmlChecker;
import az.disclose.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.model.StoredFile;
import az.disclose.inbox.model.Attachment;
import java.util.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The answer to each kind of failed registration, as pages (W3C-valid, in the requester's
 * language) and JSON. The register here is a stand-in that fails as told: the real one reaches
 * these outcomes only under faults (see {@link IntakeFaultsIT} and {@link PostgresRestartIT}), and
 * "could not be confirmed" only when the database cannot even be read, which no test can bring
 * about at a chosen moment.
 */
class FailureAnswersIT {
  static final String TOKEN = "tokenOfARequestThatMayBeStored_0123456789ab";
  @TempDir Path dir;
  Server server;
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  /** A register whose every registration fails with {@code outcome}. */
  static Register failing(Register.Outcome outcome) {
    return new Register() {
      @Override
      public Receipt register(Submission submission) throws RegisterException {
        throw new RegisterException("failed as told", null, outcome, outcome == Outcome.UNKNOWN ? TOKEN : null);
      }

      @Override
      public Optional<RequestView> findByToken(String token) {
        return Optional.empty();
      }

      @Override
      public Optional<RequestView> find(String number) {
        return Optional.empty();
      }

      @Override
      public List<StoredAttachment> attachments(String number) {
        return List.of();
      }

      @Override
      public List<StoredFile> files(String number) {
        return List.of();
      }

      @Override
      public Optional<Attachment> file(String number, int position) {
        return Optional.empty();
      }

      @Override
      public boolean resendLink(String number, String email) {
        return false;
      }

      @Override
      public Health health() {
        return new Health(true, 1, "", Optional.empty());
      }
    };
  }

  URI start(Register register) throws Exception {
    SiteSettings settings = new SettingsLoader().load(Intake.CONTENT);
    var pages = new ContentLoader().load(Intake.CONTENT).pages();
    SiteFrames frames = SiteFrames.load(Intake.THEME, settings, pages);
    server = IntakeServer.create("127.0.0.1", 0, register, frames,
        TestClock.baku(2026, 9, 1, 10, 0), IntakeLimits.defaults().withoutRateLimit(), dir.resolve("uploads"));
    server.start();
    return URI.create("http://127.0.0.1:" + IntakeServer.port(server));
  }

  HttpResponse<String> post(URI base, String lang, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/requests"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Intake.urlEncoded(Intake.with(Intake.validForm(), "lang", lang))));
    if (accept != null) {
      b.header("Accept", accept);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(value = Register.Outcome.class, names = {"NOT_REGISTERED", "LOW_DISK", "UNKNOWN", "FAILED"})
  void eachFailureIsA503PageThatSaysWhatIsKnownInTheRequestersLanguage(Register.Outcome outcome) throws Exception {
    URI base = start(failing(outcome));
    HtmlChecker checker = HtmlChecker.create();
    for (String lang : new String[] {"az", "en"}) {
      HttpResponse<String> r = post(base, lang, null);
      assertThat(r.statusCode()).isEqualTo(503);
      String page = r.body();
      Path file = Files.writeString(dir.resolve(outcome + "-" + lang + ".html"), page);
      assertThat(checker.check(file)).as("W3C errors in\n%s", page).isEmpty();
      assertThat(page).contains("lang=\"" + lang + "\"");
      boolean az = lang.equals("az");
      switch (outcome) {
        case NOT_REGISTERED -> assertThat(page).contains(az ? "sorğunuz qeydiyyata alınmadı" : "your request was not registered");
        case LOW_DISK -> assertThat(page).contains(az ? "heç nə saxlanılmadı" : "nothing was stored");
        case UNKNOWN -> assertThat(page)
            .contains(az ? "Sorğunu yenidən göndərməzdən əvvəl" : "Before you send it again")
            .contains("/requests/status/" + TOKEN + "\">")
            .doesNotContain(az ? "qeydiyyata alınmadı" : "was not registered");
        default -> assertThat(page)
            .contains(az ? "yoxlaya bilmədik" : "could not check")
            .doesNotContain(az ? "qeydiyyata alınmadı" : "was not registered");
      }
    }
    JsonNode json = new ObjectMapper().readTree(post(base, "az", "application/json").body());
    assertThat(json.get("error").asText()).isEqualTo(switch (outcome) {
      case NOT_REGISTERED -> "unavailable";
      case LOW_DISK -> "low_disk";
      default -> "unconfirmed";
    });
    assertThat(json.has("status_url")).isEqualTo(outcome == Register.Outcome.UNKNOWN);
  }

  @Test
  void aFailedStatusLookUpDoesNotSayThatARequestWasNotRegistered() throws Exception {
    Register broken = new Register() {
      @Override
      public Receipt register(Submission submission) throws RegisterException {
        throw new RegisterException("unused");
      }

      @Override
      public Optional<RequestView> findByToken(String token) throws RegisterException {
        throw new RegisterException("the database is down");
      }

      @Override
      public Optional<RequestView> find(String number) {
        return Optional.empty();
      }

      @Override
      public List<StoredAttachment> attachments(String number) {
        return List.of();
      }

      @Override
      public List<StoredFile> files(String number) {
        return List.of();
      }

      @Override
      public Optional<Attachment> file(String number, int position) {
        return Optional.empty();
      }

      @Override
      public boolean resendLink(String number, String email) {
        return false;
      }

      @Override
      public Health health() {
        return new Health(false, 1, "down", Optional.empty());
      }
    };
    URI base = start(broken);
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/requests/status/" + TOKEN)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("vəziyyətini indi yoxlamaq mümkün deyil").doesNotContain("qeydiyyata alınmadı");
  }
}
