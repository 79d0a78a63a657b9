package az.disclose.inbox.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.cli.Main;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.InboxSettingsLoader;
import az.disclose.inbox.accounts.Outcome.Result;
import az.disclose.inbox.store.JdbcRequestStore;
import az.disclose.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code disclose users ...} end to end, through {@link Main#run}, on SQLite in a temporary directory. */
class UsersCliTest {
  static final String GOOD = "correct horse battery staple";
  @TempDir Path tmp;
  Path config;

  private CliRun.Result run(String stdin, String... args) {
    return CliRun.runWithInput(stdin, List.of("users", "--config", config.toString()), args);
  }

  @BeforeEach
  void settings() throws Exception {
    config = Files.writeString(tmp.resolve("disclose.yaml"), """
        number_prefix: SEN
        data_dir: data
        """);
  }

  private <T> T withAccounts(AccountsWork<T> work) throws Exception {
    InboxSettings settings = InboxSettingsLoader.load(config, Map.of());
    try (JdbcRequestStore store = JdbcRequestStore.open(settings)) {
      return work.run(new Accounts(store, Clock.systemUTC(), PasswordHasher.DEFAULT, PasswordPolicy.standard(), "x"));
    }
  }

  interface AccountsWork<T> {
    T run(Accounts a) throws Exception;
  }

  @Test
  void theFirstAdministratorIsCreatedFromTheCommandLineAndSignsInWithThePrintedSecret() throws Exception {
    CliRun.Result add = run(GOOD + "\n", "add", "Admin", "--role", "administrator", "--password-stdin", "--actor", "root");
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(add.out()).contains("created admin (administrator)").contains("otpauth://totp/").contains("shown this once");
    Matcher secret = Pattern.compile("secret: ([A-Z2-7]{32})").matcher(add.out());
    assertThat(secret.find()).isTrue();
    List<String> codes = Pattern.compile("^    ([a-z2-9]{5}-[a-z2-9]{5})$", Pattern.MULTILINE).matcher(add.out())
        .results().map(m -> m.group(1)).toList();
    assertThat(codes).hasSize(Accounts.RECOVERY_CODES);

    String code = new Totp().code(secret.group(1), Totp.step(Instant.now()));
    assertThat(this.<Result>withAccounts(a -> a.authenticate("admin", GOOD, code).result())).isEqualTo(Result.SIGNED_IN);
    assertThat(this.<Result>withAccounts(a -> a.authenticate("admin", GOOD, codes.get(0)).result())).isEqualTo(Result.SIGNED_IN);
    assertThat(this.<List<AuditEvent>>withAccounts(a -> a.audit(Optional.of("admin"), 10))).extracting(AuditEvent::actor)
        .contains("cli:root");
  }

  @Test
  void addListDisableAndResetAUnitResponder() throws Exception {
    assertThat(run(GOOD + "\n", "add", "aysel", "--role", "unit_responder", "--unit", "Hüquq şöbəsi",
        "--password-stdin").code()).isZero();
    CliRun.Result list = run("", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).containsPattern("aysel\\s+unit_responder\\s+-\\s+active\\s+Hüquq şöbəsi")
        .contains("1 account\n");

    assertThat(run("", "disable", "aysel").code()).isZero();
    assertThat(run("", "list").out()).containsPattern("aysel\\s+unit_responder\\s+-\\s+disabled");
    assertThat(this.<Result>withAccounts(a -> a.authenticate("aysel", GOOD, null).result())).isEqualTo(Result.DISABLED);

    CliRun.Result reset = run("violet mountain river lamp\n", "reset", "aysel", "--password-stdin");
    assertThat(reset.code()).as(reset.err()).isZero();
    assertThat(reset.out()).contains("new password for aysel").doesNotContain("secret:");
    assertThat(this.<Result>withAccounts(a -> a.authenticate("aysel", "violet mountain river lamp", null).result()))
        .isEqualTo(Result.SIGNED_IN);
    CliRun.Result promote = run("", "role", "aysel", "--role", "foi_officer", "--actor", "admin");
    assertThat(promote.code()).as(promote.err()).isZero();
    assertThat(promote.out()).contains("aysel is now foi_officer").contains("secret: ").contains("otpauth://");
    assertThat(run("", "list").out()).containsPattern("aysel\\s+foi_officer\\s+totp\\s+active");
    assertThat(this.<Result>withAccounts(a -> a.authenticate("aysel", "violet mountain river lamp", null).result()))
        .isEqualTo(Result.SECOND_FACTOR_NEEDED);
    CliRun.Result badLimit = run("", "audit", "--limit", "0");
    assertThat(badLimit.code()).isEqualTo(Main.PROBLEMS);
    assertThat(badLimit.err()).contains("--limit 0");
    CliRun.Result audit = run("", "audit", "aysel");
    assertThat(audit.out()).contains("role_changed").contains("cli:admin").contains("unit_responder (Hüquq şöbəsi) -> foi_officer");
    assertThat(audit.out()).contains("signed_in").contains("password_reset").contains("disabled").contains("created");
  }

  @Test
  void badInputIsRefusedWithExitCodeOneAndWhatToDoAndNothingIsCreated() throws Exception {
    CliRun.Result weak = run("password1234\n", "add", "leyla", "--role", "foi_officer", "--password-stdin");
    assertThat(weak.code()).isEqualTo(Main.PROBLEMS);
    assertThat(weak.err()).contains("disclose users: ").contains("common passwords");
    CliRun.Result role = run(GOOD + "\n", "add", "leyla", "--role", "boss", "--password-stdin");
    assertThat(role.code()).isEqualTo(Main.PROBLEMS);
    assertThat(role.err()).contains("unknown role 'boss'").contains("foi_officer");
    CliRun.Result noUnit = run(GOOD + "\n", "add", "aysel", "--role", "unit_responder", "--password-stdin");
    assertThat(noUnit.err()).contains("--unit");
    CliRun.Result noPassword = run("", "add", "leyla", "--role", "viewer", "--password-stdin");
    assertThat(noPassword.code()).isEqualTo(Main.PROBLEMS);
    assertThat(noPassword.err()).contains("standard input has no password");
    CliRun.Result unknown = run("", "disable", "nobody");
    assertThat(unknown.code()).isEqualTo(Main.PROBLEMS);
    assertThat(unknown.err()).contains("no account is named 'nobody'");
    assertThat(run("", "list").out()).contains("0 accounts");
  }
}
