package az.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.store.Inbox;
import az.disclose.site.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `disclose serve` says at start about where the site's request form posts. */
class ServeCommandTest {
  private static final Path SETTINGS = Path.of("content/site.yaml");

  @Test
  void aFormPostingToThisMachineOnAnotherPortIsAWarningThatNamesTheSettingAndTheFix() {
    assertThat(ServeCommand.formMissesThisServer(URI.create("http://127.0.0.1:8080/requests"), 8099, SETTINGS))
        .hasValueSatisfying(w -> assertThat(w).contains("content/site.yaml", "request_endpoint http://127.0.0.1:8080/requests",
            "port 8099", "http://127.0.0.1:8099/requests", "--port 8080"));
    assertThat(ServeCommand.formMissesThisServer(URI.create("http://localhost/requests"), 8080, SETTINGS))
        .hasValueSatisfying(w -> assertThat(w).contains("--port 80"));
    assertThat(ServeCommand.formMissesThisServer(URI.create("http://[::1]:9000/requests"), 8080, SETTINGS)).isPresent();
  }

  @Test
  void aFormPostingToThisServerOrToAPublicAddressIsNoWarning() {
    assertThat(ServeCommand.formMissesThisServer(URI.create("http://127.0.0.1:8080/requests"), 8080, SETTINGS)).isEmpty();
    assertThat(ServeCommand.formMissesThisServer(URI.create("http://LOCALHOST:8099/requests"), 8099, SETTINGS)).isEmpty();
    // Behind the ministry's web server, which proxies /requests to this one on whatever port.
    assertThat(ServeCommand.formMissesThisServer(URI.create("https://ministry.example/requests"), 8080, SETTINGS)).isEmpty();
    assertThat(ServeCommand.formMissesThisServer(null, 8080, SETTINGS)).isEmpty();
  }

  @TempDir Path dir;

  @Test
  void serveGivesTheRegisterTheUnitsOfUnitsYamlForTheConsolesAssignments() throws Exception {
    try (Inbox inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), TestSites.CONTENT, Clock.systemUTC())) {
      StringWriter err = new StringWriter();
      ServeCommand.useUnits(inbox.register(), Path.of("src/test/resources/report/units-content"), new PrintWriter(err));
      assertThat(inbox.register().units()).containsExactlyInAnyOrder("elektron-idareetme", "metbuat", "umumi");
      assertThat(err.toString()).isEmpty();
    }
  }

  @Test
  void withoutUnitsYamlServeSaysSoWithThePathAndEveryAssignmentIsRefused() throws Exception {
    try (Inbox inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), TestSites.CONTENT, Clock.systemUTC())) {
      StringWriter err = new StringWriter();
      ServeCommand.useUnits(inbox.register(), TestSites.CONTENT, new PrintWriter(err));
      assertThat(err.toString()).contains("data/units.yaml", "requests cannot be assigned to units until this is fixed");
      assertThat(inbox.register().units()).isEmpty();
      String n = inbox.register().register(new az.disclose.inbox.model.Submission(
          az.disclose.inbox.model.Channel.WEB, az.disclose.inbox.model.RequestType.INFORMATION,
          az.disclose.inbox.model.Urgency.NORMAL, "Aysel", "aysel@example.az", "Büdcə", "Mətn", "az", java.util.List.of(),
          "x".getBytes(), "text/plain", "192.0.2.7")).number();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> inbox.register().assign(n, "metbuat", "leyla"))
          .isInstanceOf(RequestException.class).hasMessageContaining("no units are known");
    }
  }
}
