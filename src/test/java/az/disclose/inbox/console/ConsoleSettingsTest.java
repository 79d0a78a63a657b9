package az.disclose.inbox.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.yaml.ProblemsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSettingsTest {
  @TempDir Path dir;

  Path file(String yaml) throws Exception {
    return Files.writeString(dir.resolve("disclose.yaml"), yaml);
  }

  @Test
  void withoutASectionTheConsoleIsUnderTheMainServerWithSecureCookies() throws Exception {
    assertThat(ConsoleSettings.load(null)).isEqualTo(ConsoleSettings.defaults());
    assertThat(ConsoleSettings.load(file("web:\n  max_uploads: 3\n"))).isEqualTo(ConsoleSettings.defaults());
    assertThat(ConsoleSettings.defaults().ownListener()).isFalse();
    assertThat(ConsoleSettings.defaults().secureCookies()).isTrue();
  }

  @Test
  void thePortBindAndCookieSettingsAreRead() throws Exception {
    ConsoleSettings s = ConsoleSettings.load(file("""
        console:
          port: 8081
          bind: 0.0.0.0
          secure_cookies: false
        """));
    assertThat(s).isEqualTo(new ConsoleSettings(OptionalInt.of(8081), "0.0.0.0", false));
    assertThat(s.ownListener()).isTrue();
  }

  @Test
  void aBadPortOrAnUnknownKeyIsAProblemWithItsLine() throws Exception {
    assertThatThrownBy(() -> ConsoleSettings.load(file("""
        console:
          port: 70000
          secure_cookie: false
        """))).isInstanceOf(ProblemsException.class)
        .hasMessageContaining("disclose.yaml:2").hasMessageContaining("secure_cookie");
  }
}
