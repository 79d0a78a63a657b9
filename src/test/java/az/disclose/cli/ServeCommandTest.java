package az.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
