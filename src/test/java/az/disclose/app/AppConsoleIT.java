package az.disclose.app;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.console.ConsoleSettings;
import az.disclose.inbox.mail.MailSettings;
import az.disclose.inbox.web.WebSettings;
import az.disclose.site.SiteBuilder;
import az.disclose.site.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console as {@code serve} wires it: under /console/ of the main server, or on a listener of its own. */
class AppConsoleIT {
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private SiteBuilder builder;
  private Path content;
  private Path theme;
  private Path out;

  @BeforeEach
  void site() throws Exception {
    TestSites.copyProject(dir);
    content = dir.resolve("content");
    theme = dir.resolve("theme");
    out = dir.resolve("site");
    builder = new SiteBuilder(content, theme, out);
    builder.build();
  }

  private App start(ConsoleSettings console) throws Exception {
    Configuration config = new Configuration(content, theme, out, Optional.empty(),
        InboxSettings.defaults(dir.resolve("data")), MailSettings.load(null, Map.of()), WebSettings.load(null), console);
    PrintWriter log = new PrintWriter(new StringWriter());
    return App.start(config, new App.Options("127.0.0.1", 0, false, Duration.ofMinutes(60), false),
        changed -> null, log, log);
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void byDefaultTheConsoleIsUnderConsoleOfTheMainServerBesideTheSite() throws Exception {
    try (App app = start(ConsoleSettings.defaults())) {
      assertThat(app.consolePort()).isEqualTo(app.port());
      HttpResponse<String> console = get(app.port(), "/console/");
      assertThat(console.statusCode()).isEqualTo(303);
      assertThat(console.headers().firstValue("Location")).contains("/console/sign-in");
      assertThat(get(app.port(), "/console/sign-in").body()).contains("Daxil olun");
      assertThat(get(app.port(), "/request/").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void withAPortOfItsOwnTheConsoleIsServedThereOnlyAndTheMainServerHasNoConsole() throws Exception {
    try (App app = start(new ConsoleSettings(OptionalInt.of(0), "127.0.0.1", true))) {
      assertThat(app.consolePort()).isNotEqualTo(app.port());
      assertThat(get(app.consolePort(), "/console/sign-in").body()).contains("Daxil olun");
      assertThat(get(app.consolePort(), "/request/").statusCode()).isEqualTo(404);
      assertThat(get(app.port(), "/console/sign-in").statusCode()).isEqualTo(404);
      assertThat(get(app.port(), "/request/").statusCode()).isEqualTo(200);
    }
  }
}
