package az.disclose.inbox.console;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.Urgency;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every status, event, channel and urgency the register knows has its words in both console bundles. */
class ConsoleTextsTest {

  @ParameterizedTest
  @ValueSource(strings = {"console_az.properties", "console_en.properties"})
  void everyValueOfTheRegistersEnumsHasItsWords(String bundle) throws Exception {
    Properties p = new Properties();
    try (var in = ConsoleTextsTest.class.getResourceAsStream("/az/disclose/inbox/console/" + bundle)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    List<String> keys = new ArrayList<>();
    for (RequestStatus s : RequestStatus.values()) {
      keys.add("status." + s.key());
    }
    for (EventKind k : EventKind.values()) {
      keys.add("event." + k.name().toLowerCase(Locale.ROOT));
    }
    for (Channel c : Channel.values()) {
      keys.add("channel." + c.name().toLowerCase(Locale.ROOT));
    }
    for (Urgency u : Urgency.values()) {
      keys.add("urgency." + u.name().toLowerCase(Locale.ROOT));
    }
    assertThat(keys).as("keys missing from " + bundle).allSatisfy(k -> assertThat(p.getProperty(k)).as(k).isNotBlank());
  }
}
