package az.disclose.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import az.disclose.calendar.DeadlineRule;
import az.disclose.calendar.DeadlineRules;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Urgency;
import az.disclose.yaml.ProblemsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxSettingsTest {
  @TempDir Path tmp;

  private Path write(String yaml) throws Exception {
    return Files.writeString(tmp.resolve("disclose.yaml"), yaml);
  }

  @Test
  void withoutAFileTheEmbeddedDefaultsApply() throws Exception {
    InboxSettings s = InboxSettingsLoader.load(null, Map.of());
    assertThat(s.numberPrefix()).isEqualTo("SEN");
    assertThat(s.databaseUrl()).isEqualTo("jdbc:sqlite:" + Path.of("data", "disclose.db"));
    assertThat(s.retentionDays()).isEqualTo(365);
    assertThat(s.zone()).isEqualTo(ZoneId.of("Asia/Baku"));
    assertThat(s.deadlineRules()).isEqualTo(DeadlineRules.defaults());
    assertThat(s.ruleFor(RequestType.INFORMATION, Urgency.NORMAL).legalBasis()).contains("art. 24.1");
  }

  @Test
  void aFullFileIsReadWithThePasswordFromTheEnvironment() throws Exception {
    Path file = write("""
        number_prefix: MIE
        data_dir: var/register
        retention_days: 730
        time_zone: Asia/Baku
        database:
          url: jdbc:postgresql://db.example/disclose
          user: disclose
        deadlines:
          extension:
            amount: 5
            legal_basis: "verified: art. 24.6"
        web:
          port: 8081
        """);
    InboxSettings s = InboxSettingsLoader.load(file, Map.of("DISCLOSE_DB_PASSWORD", "s3cret"));
    assertThat(s.numberPrefix()).isEqualTo("MIE");
    assertThat(s.dataDirectory()).isEqualTo(tmp.toAbsolutePath().resolve("var/register"));
    assertThat(s.retentionDays()).isEqualTo(730);
    assertThat(s.isPostgres()).isTrue();
    assertThat(s.databaseUser()).isEqualTo("disclose");
    assertThat(s.databasePassword()).isEqualTo("s3cret");
    assertThat(s.toString()).doesNotContain("s3cret");
    assertThat(s.rule(DeadlineRules.EXTENSION))
        .isEqualTo(new DeadlineRule("extension", 5, DeadlineRule.Unit.WORKING_DAYS, "verified: art. 24.6"));
  }

  @Test
  void theDiskWatermarkAndTheBusyTimeoutAreSettingsWithDefaultsAndBounds() throws Exception {
    InboxSettings defaults = InboxSettingsLoader.load(null, Map.of());
    assertThat(defaults.minFreeDiskMb()).isEqualTo(256);
    assertThat(defaults.minFreeDiskBytes()).isEqualTo(256L * 1024 * 1024);
    assertThat(defaults.busyTimeoutMs()).isEqualTo(30_000);
    assertThat(defaults.databaseDirectory()).contains(Path.of("data").toAbsolutePath());
    Path file = write("""
        min_free_disk_mb: 1024
        database:
          busy_timeout_ms: 500
        """);
    InboxSettings s = InboxSettingsLoader.load(file, Map.of());
    assertThat(s.minFreeDiskMb()).isEqualTo(1024);
    assertThat(s.busyTimeoutMs()).isEqualTo(500);
    assertThat(s.withDatabase("jdbc:postgresql://db/x", "", "").databaseDirectory()).isEmpty();
    Path bad = write("""
        min_free_disk_mb: -1
        database:
          busy_timeout_ms: 5
        """);
    assertThatThrownBy(() -> InboxSettingsLoader.load(bad, Map.of()))
        .isInstanceOf(ProblemsException.class)
        .hasMessageContaining(bad + ":1: 'min_free_disk_mb' must be between 0 and 1000000, not -1")
        .hasMessageContaining(bad + ":3: database: 'busy_timeout_ms' must be between 100 and 600000, not 5");
  }

  @Test
  void aRetentionUnderOneYearIsRefusedAtStartUpNamingTheSettingAndRule52() throws Exception {
    Path file = write("""
        number_prefix: SEN
        retention_days: 300
        """);
    assertThatThrownBy(() -> InboxSettingsLoader.load(file, Map.of()))
        .isInstanceOf(ProblemsException.class)
        .hasMessageContaining(file + ":2: retention_days is 300")
        .hasMessageContaining("at least 365 days")
        .hasMessageContaining("rule 5.2");
    assertThatThrownBy(() -> InboxSettings.defaults().withRetentionDays(364))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule 5.2");
  }

  @Test
  void everyProblemIsReportedWithItsLine() throws Exception {
    Path file = write("""
        number_prefix: sen-1
        time_zone: Mars/Olympus
        database:
          url: mysql://x
          password: hunter2
        deadlines:
          info-request:
            amount: 0
            unit: weeks
          nonsense-rule:
            amount: 3
        colour: blue
        """);
    assertThatThrownBy(() -> InboxSettingsLoader.load(file, Map.of()))
        .isInstanceOf(ProblemsException.class)
        .satisfies(e -> assertThat(((ProblemsException) e).problems()).extracting(Object::toString).containsExactly(
            file + ":1: 'number_prefix' must be 1 to 10 capital Latin letters or digits, starting with a letter (e.g. SEN), not 'sen-1'",
            file + ":2: 'time_zone' is not a time zone id (e.g. Asia/Baku): 'Mars/Olympus'",
            file + ":4: database: 'url' must be a jdbc:postgresql:// or jdbc:sqlite: URL, not 'mysql://x'",
            file + ":5: database: 'password' does not belong in a file: set the environment variable DISCLOSE_DB_PASSWORD instead",
            file + ":8: deadlines.info-request: 'amount' must be between 1 and 10000, not 0",
            file + ":9: deadlines.info-request: 'unit' must be working_days or hours, not 'weeks'",
            file + ":10: deadlines: unknown key 'nonsense-rule' (allowed: appeal, appeal-extended, appeal-forward, extension, forward-to-holder, info-request, loses-relevance, threat-to-life, unclear-request)",
            file + ":12: unknown key 'colour' (allowed: console, data_dir, database, deadlines, mail, min_free_disk_mb, number_prefix, retention_days, site, time_zone, web)"));
  }

  @Test
  void aMissingSettingsFileNamedOnTheCommandLineIsAProblem() {
    assertThatThrownBy(() -> InboxSettingsLoader.load(tmp.resolve("nope.yaml"), Map.of()))
        .isInstanceOf(ProblemsException.class).hasMessageContaining("settings file not found");
  }
}
