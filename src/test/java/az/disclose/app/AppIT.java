package az.disclose.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.mail.MailSettings;
import az.disclose.inbox.web.WebSettings;
import az.disclose.site.SiteBuilder;
import az.disclose.site.TestSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application object of {@code serve}, in-process: started from one configuration it serves the
 * site with the inbox in front; the inbox's pages follow an edit of {@code site.yaml}; closed, it
 * listens no more.
 */
class AppIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String OLD_TITLE = "Sənaye və Energetika Nazirliyi — Açıq Hökumət";
  private static final String NEW_TITLE = "Nazirliyin Açıq Hökumət saytı";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theInboxPagesFollowAnEditOfTheSiteSettingsAndCloseStopsTheServer() throws Exception {
    TestSites.copyProject(dir);
    Path content = dir.resolve("content");
    Path theme = dir.resolve("theme");
    Path out = dir.resolve("site");
    SiteBuilder builder = new SiteBuilder(content, theme, out);
    builder.build();
    Configuration config = new Configuration(content, theme, out, Optional.empty(),
        InboxSettings.defaults(dir.resolve("data")), MailSettings.load(null, Map.of()), WebSettings.load(null));
    StringWriter log = new StringWriter();
    PrintWriter writer = new PrintWriter(log);
    App.Builds builds = changed -> {
      try {
        return App.Result.ok(changed == null ? builder.build() : builder.rebuild(changed));
      } catch (Exception e) {
        writer.println("build failed: " + e);
        return App.Result.failed(List.of(e.toString()));
      }
    };
    URI base;
    try (App app = App.start(config, new App.Options("127.0.0.1", 0, false, Duration.ofMinutes(60), false), builds,
        writer, writer)) {
      base = URI.create("http://127.0.0.1:" + app.port());
      String notFound = "/requests/status/" + "A".repeat(43);
      assertThat(get(base.resolve(notFound)).body()).contains(OLD_TITLE);
      assertThat(get(base.resolve("/request/")).body()).contains(OLD_TITLE, "maxlength=\"20000\"");

      // The watcher starts with the app: the file is written again until a rebuild has taken it.
      Path siteYaml = content.resolve("site.yaml");
      String settings = Files.readString(siteYaml);
      assertThat(settings).contains(OLD_TITLE);
      long deadline = System.nanoTime() + WAIT.toNanos();
      String page = "";
      while (System.nanoTime() < deadline && !page.contains(NEW_TITLE)) {
        Files.writeString(siteYaml, settings.replace(OLD_TITLE, NEW_TITLE));
        page = awaitBody(base.resolve(notFound), NEW_TITLE, Duration.ofSeconds(2));
      }
      assertThat(page).as("the inbox's 404 page after the edit; the log: %s", log).contains(NEW_TITLE)
          .doesNotContain(OLD_TITLE);
      assertThat(Files.readString(out.resolve("request/index.html"))).as("log: %s", log).contains(NEW_TITLE);
      // The static server revalidates what it cached within a second.
      assertThat(awaitBody(base.resolve("/request/"), NEW_TITLE, WAIT)).contains(NEW_TITLE);
    }
    assertThatThrownBy(() -> get(base.resolve("/request/"))).isInstanceOf(ConnectException.class);
  }

  @Test
  void aUnitAddedToUnitsYamlWhileServingIsKnownWithoutARestartAndABrokenFileKeepsTheUnits() throws Exception {
    TestSites.copyProject(dir);
    Path content = dir.resolve("content");
    SiteBuilder builder = new SiteBuilder(content, dir.resolve("theme"), dir.resolve("site"));
    builder.build();
    Path units = content.resolve("data/units.yaml");
    String one = """
        reporting_since: 2027-01-01
        units:
          - id: metbuat
            name: "Mətbuat katibi"
            measures: ["1.1"]
        """;
    Files.writeString(units, one);
    Configuration config = new Configuration(content, dir.resolve("theme"), dir.resolve("site"), Optional.empty(),
        InboxSettings.defaults(dir.resolve("data")), MailSettings.load(null, Map.of()), WebSettings.load(null));
    StringWriter log = new StringWriter();
    PrintWriter writer = new PrintWriter(log);
    App.Builds builds = changed -> App.Result.failed(List.of("not built in this test"));
    try (App app = App.start(config, new App.Options("127.0.0.1", 0, false, Duration.ofMinutes(60), false), builds,
        writer, writer)) {
      var register = app.inbox().register();
      assertThat(register.units()).containsExactly("metbuat");

      // The watcher starts with the app: the file is written again until a check has read it.
      String two = one + """
            - id: huquq
              name: "Hüquq şöbəsi"
              measures: ["2.1"]
          """;
      awaitUnits(units, two, () -> register.units().contains("huquq"));
      assertThat(register.units()).containsExactlyInAnyOrder("metbuat", "huquq");

      awaitUnits(units, two + "  - id: Bad Id\n", () -> !register.unitsProblems().isEmpty());
      assertThat(register.units()).as("the last good units").containsExactlyInAnyOrder("metbuat", "huquq");
      assertThat(register.unitsProblems()).allSatisfy(p -> assertThat(p).contains("data/units.yaml:"));
      writer.flush();
      assertThat(log.toString()).contains("units reloaded from", "added huquq", "units not reloaded");
    }
  }

  /** Writes {@code text} to {@code file} until {@code done} holds (the watcher may start late), or fails after {@link #WAIT}. */
  private static void awaitUnits(Path file, String text, java.util.function.BooleanSupplier done) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("units.yaml was not read again within " + WAIT);
      }
      Files.writeString(file, text);
      long again = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (!done.getAsBoolean() && System.nanoTime() < again) {
        Thread.onSpinWait();
      }
    }
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The body of {@code uri} once it contains {@code text}, else the last body after {@code wait}. */
  private String awaitBody(URI uri, String text, Duration wait) throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    String body;
    do {
      body = get(uri).body();
      if (body.contains(text)) {
        return body;
      }
      Thread.onSpinWait();
    } while (System.nanoTime() < deadline);
    return body;
  }
}
