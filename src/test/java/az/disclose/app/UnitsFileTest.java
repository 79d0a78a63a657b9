package az.disclose.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.RegisterService;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.store.Inbox;
import az.disclose.site.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s units: read at start and again when {@code data/units.yaml} changes, never lost to a bad file. */
class UnitsFileTest {
  static final String TWO_UNITS = """
      reporting_since: 2027-01-01
      units:
        - id: metbuat
          name: "Mətbuat katibi"
          measures: ["2.1"]
        - id: umumi
          name: "Ümumi şöbə"
          measures: ["5.1"]
      """;

  @TempDir Path dir;
  Path content;
  Inbox inbox;
  RegisterService register;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();
  UnitsFile units;

  @BeforeEach
  void openRegister() throws Exception {
    content = dir.resolve("content");
    Files.createDirectories(content.resolve("data"));
    Files.copy(Path.of("src/test/resources/report/units-content/data/plan.yaml"), content.resolve("data/plan.yaml"));
    inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), TestSites.CONTENT, Clock.systemUTC());
    register = inbox.register();
    units = new UnitsFile(content, register, new PrintWriter(out), new PrintWriter(err));
  }

  @AfterEach
  void close() {
    inbox.close();
  }

  private void write(String yaml) throws Exception {
    Files.writeString(content.resolve("data/units.yaml"), yaml, StandardCharsets.UTF_8);
  }

  private String request() throws Exception {
    return register.register(new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL, "Aysel",
        "aysel@example.az", "Büdcə", "Mətn", "az", List.of(), "x".getBytes(StandardCharsets.UTF_8), "text/plain",
        "192.0.2.7")).number();
  }

  @Test
  void theUnitsOfTheFileAreReadAtStart() throws Exception {
    write(TWO_UNITS);
    assertThat(units.check()).isTrue();
    assertThat(register.units()).containsExactlyInAnyOrder("metbuat", "umumi");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void withoutTheFileTheProblemNamesItAndEveryAssignmentIsRefused() throws Exception {
    units.check();
    assertThat(err.toString()).contains("data/units.yaml", "requests cannot be assigned to units until");
    assertThat(register.units()).isEmpty();
    assertThat(register.unitsProblems()).singleElement().asString().contains("data/units.yaml");
    String n = request();
    assertThatThrownBy(() -> register.assign(n, "metbuat", "leyla"))
        .isInstanceOf(RequestException.class).hasMessageContaining("no units are known");
  }

  @Test
  void aUnitAddedWhileServingIsKnownAfterTheNextCheckAndAnUnchangedFileIsNotReadAgain() throws Exception {
    write(TWO_UNITS);
    units.check();
    assertThat(units.check()).as("unchanged").isFalse();

    write(TWO_UNITS + """
          - id: huquq
            name: "Hüquq şöbəsi"
            measures: ["1.1"]
        """);
    assertThat(units.check()).isTrue();

    assertThat(register.units()).containsExactlyInAnyOrder("metbuat", "umumi", "huquq");
    assertThat(out.toString()).contains("units reloaded from", "added huquq");
    register.assign(request(), "huquq", "leyla");
  }

  @Test
  void anInvalidFileKeepsTheLastGoodUnitsAndSaysWhereItIsWrongUntilFixed() throws Exception {
    write(TWO_UNITS);
    units.check();

    write(TWO_UNITS + """
          - id: Hüquq Şöbəsi
            measures: ["9.9"]
        """);
    assertThat(units.check()).isTrue();

    assertThat(register.units()).containsExactlyInAnyOrder("metbuat", "umumi");
    assertThat(err.toString()).contains("data/units.yaml:", "units not reloaded", "metbuat, umumi");
    assertThat(register.unitsProblems()).isNotEmpty().allSatisfy(p -> assertThat(p).contains("data/units.yaml:"));
    register.assign(request(), "umumi", "leyla"); // the old list still works

    write(TWO_UNITS);
    units.check();
    assertThat(register.unitsProblems()).isEmpty();
  }

  @Test
  void aUnitRemovedFromTheFileKeepsItsAssignments() throws Exception {
    write(TWO_UNITS);
    units.check();
    String n = request();
    register.assign(n, "umumi", "leyla");

    write(TWO_UNITS.substring(0, TWO_UNITS.indexOf("  - id: umumi")));
    units.check();

    assertThat(register.units()).containsExactly("metbuat");
    assertThat(out.toString()).contains("removed umumi (requests assigned to them keep their assignment)");
    assertThat(register.assignment(n).unit()).contains("umumi");
  }
}
