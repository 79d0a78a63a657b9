package az.disclose.inbox.console;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.accounts.AuditKind;
import az.disclose.inbox.accounts.Enrolment;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.accounts.Sessions;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in to the console through the web: password, second factor, lock-out, sessions, languages. */
class ConsoleSignInIT {
  @TempDir Path dir;
  ConsoleFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new ConsoleFixture(dir);
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  static String location(HttpResponse<?> r) {
    return r.headers().firstValue("Location").orElse("");
  }

  @Test
  void anOfficerSignsInWithPasswordThenTotpCodeAndGetsASecureSessionCookie() throws Exception {
    Enrolment e = f.account("leyla", Role.FOI_OFFICER).orElseThrow();
    String number = f.request("Büdcə hesabatı").number();
    Browser b = f.browser();
    assertThat(location(b.get("/console/"))).isEqualTo("/console/sign-in");
    HttpResponse<String> form = b.get("/console/sign-in");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("<html lang=\"az\"", "Daxil olun", "name=\"csrf\"");
    HttpResponse<String> r = b.post("/console/sign-in", "username", "leyla", "password", ConsoleFixture.PASSWORD);
    assertThat(location(r)).isEqualTo("/console/sign-in/code");
    assertThat(b.cookies).doesNotContainKey("__Host-console-session");
    assertThat(b.get("/console/sign-in/code").body()).contains("leyla", "autocomplete=\"one-time-code\"");
    r = b.post("/console/sign-in/code", "code", f.code(e.secret(), 0));
    assertThat(location(r)).isEqualTo("/console/");
    String cookie = b.setCookie("__Host-console-session");
    assertThat(cookie).contains("; Path=/;", "HttpOnly", "SameSite=Strict", "Secure").doesNotContain("Domain");
    HttpResponse<String> list = b.get("/console/");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(number, "Büdcə hesabatı", "leyla");
    assertThat(f.accounts.audit(Optional.of("leyla"), 10)).extracting(x -> x.kind())
        .contains(AuditKind.SECOND_FACTOR_NEEDED, AuditKind.SIGNED_IN);
  }

  @Test
  void aRecoveryCodeReplacesTheTotpCodeOnce() throws Exception {
    Enrolment e = f.account("leyla", Role.FOI_OFFICER).orElseThrow();
    Browser b = f.browser();
    b.get("/console/sign-in");
    b.post("/console/sign-in", "username", "leyla", "password", ConsoleFixture.PASSWORD);
    b.get("/console/sign-in/code");
    assertThat(location(b.post("/console/sign-in/code", "code", e.recoveryCodes().get(0).toUpperCase())))
        .isEqualTo("/console/");
    Browser again = f.browser();
    again.get("/console/sign-in");
    again.post("/console/sign-in", "username", "leyla", "password", ConsoleFixture.PASSWORD);
    again.get("/console/sign-in/code");
    HttpResponse<String> r = again.post("/console/sign-in/code", "code", e.recoveryCodes().get(0));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("Kod yanlışdır");
  }

  @Test
  void aViewerWithoutSecondFactorSignsInWithThePasswordAlone() throws Exception {
    f.account("komissiya", Role.VIEWER);
    Browser b = f.browser();
    b.get("/console/sign-in");
    assertThat(location(b.post("/console/sign-in", "username", "komissiya", "password", ConsoleFixture.PASSWORD)))
        .isEqualTo("/console/");
  }

  @Test
  void aWrongPasswordGivesAnErrorSummaryThatNamesTheFieldAndAnErrorTitle() throws Exception {
    f.account("komissiya", Role.VIEWER);
    Browser b = f.browser();
    b.get("/console/sign-in");
    HttpResponse<String> r = b.post("/console/sign-in", "username", "komissiya", "password", "wrong password here");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("<title>Xəta: Daxil olun", "class=\"error-summary\"", "autofocus",
        "href=\"#password\"", "İstifadəçi adı və ya parol yanlışdır", "value=\"komissiya\"");
    HttpResponse<String> unknown = b.post("/console/sign-in", "username", "nobody", "password", "wrong password here");
    assertThat(unknown.body()).contains("İstifadəçi adı və ya parol yanlışdır");
    HttpResponse<String> empty = b.post("/console/sign-in", "username", "", "password", "");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("href=\"#username\"", "href=\"#password\"");
  }

  @Test
  void englishComesFromTheSwitchOrTheBrowsersLanguage() throws Exception {
    Browser b = f.browser();
    b.acceptLanguage = "en-GB,en;q=0.9";
    assertThat(b.get("/console/sign-in").body()).contains("<html lang=\"en\"", "Sign in", "Azərbaycanca");
    b.acceptLanguage = "";
    assertThat(b.get("/console/sign-in").body()).contains("<html lang=\"az\"", "English");
    assertThat(b.get("/console/sign-in?lang=en").body()).contains("<html lang=\"en\"");
    assertThat(b.get("/console/sign-in").body()).as("remembered").contains("<html lang=\"en\"");
    HttpResponse<String> r = b.post("/console/sign-in", "username", "", "password", "");
    assertThat(r.body()).contains("<title>Error: Sign in", "Enter your user name");
  }

  @Test
  void sixWrongPasswordsThroughTheWebLockTheAccountEvenForTheRightPassword() throws Exception {
    f.account("komissiya", Role.VIEWER);
    Browser b = f.browser();
    b.get("/console/sign-in");
    for (int i = 0; i < 5; i++) {
      assertThat(b.post("/console/sign-in", "username", "komissiya", "password", "not the password " + i).statusCode())
          .isEqualTo(401);
    }
    HttpResponse<String> sixth = b.post("/console/sign-in", "username", "komissiya", "password", "not the password 6");
    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.body()).contains("müvəqqəti bağlanıb");
    HttpResponse<String> right = b.post("/console/sign-in", "username", "komissiya", "password", ConsoleFixture.PASSWORD);
    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(b.cookies).doesNotContainKey("__Host-console-session");
    assertThat(f.accounts.audit(Optional.of("komissiya"), 20)).extracting(x -> x.kind())
        .contains(AuditKind.LOCKED, AuditKind.REFUSED_LOCKED);
    f.clock.advance(Duration.ofMinutes(16));
    assertThat(location(b.post("/console/sign-in", "username", "komissiya", "password", ConsoleFixture.PASSWORD)))
        .isEqualTo("/console/");
  }

  @Test
  void wrongTotpCodesCountTowardsTheLockToo() throws Exception {
    f.account("leyla", Role.FOI_OFFICER);
    Browser b = f.browser();
    b.get("/console/sign-in");
    b.post("/console/sign-in", "username", "leyla", "password", ConsoleFixture.PASSWORD);
    b.get("/console/sign-in/code");
    HttpResponse<String> r = null;
    for (int i = 0; i < 6; i++) {
      r = b.post("/console/sign-in/code", "code", "000000");
    }
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.body()).contains("müvəqqəti bağlanıb");
    assertThat(location(b.get("/console/sign-in/code"))).as("the pending step is forgotten").contains("flash=expired");
  }

  @Test
  void signingInGivesANewSessionIdAndEndsTheOneTheBrowserHadNoFixation() throws Exception {
    f.account("komissiya", Role.VIEWER);
    Browser b = f.browser();
    b.cookies.put("__Host-console-session", "attacker-chosen-id-attacker-chosen-id-123456");
    b.get("/console/sign-in");
    b.post("/console/sign-in", "username", "komissiya", "password", ConsoleFixture.PASSWORD);
    String first = b.cookies.get("__Host-console-session");
    assertThat(first).isNotEqualTo("attacker-chosen-id-attacker-chosen-id-123456").hasSize(43);
    // signing in again from the same browser: another id, and the first one is over
    Browser other = f.browser();
    other.get("/console/sign-in");
    other.cookies.put("__Host-console-session", first); // the same browser, its earlier session's cookie kept
    other.post("/console/sign-in", "username", "komissiya", "password", ConsoleFixture.PASSWORD);
    String second = other.cookies.get("__Host-console-session");
    assertThat(second).isNotEqualTo(first);
    assertThat(f.sessions.check(first)).isEmpty();
    assertThat(location(b.get("/console/"))).isEqualTo("/console/sign-in");
  }

  @Test
  void aSessionEndsAfterItsIdleTimeOut() throws Exception {
    f.account("komissiya", Role.VIEWER);
    Browser b = f.signedIn("komissiya", Optional.empty());
    assertThat(b.get("/console/").statusCode()).isEqualTo(200);
    f.clock.advance(Sessions.IDLE_TIMEOUT.plusSeconds(1));
    assertThat(location(b.get("/console/"))).isEqualTo("/console/sign-in");
  }

  @Test
  void signOutEndsThisSessionAndSignOutEverywhereEndsTheOthers() throws Exception {
    f.account("komissiya", Role.VIEWER);
    Browser one = f.signedIn("komissiya", Optional.empty());
    Browser two = f.signedIn("komissiya", Optional.empty());
    Browser three = f.signedIn("komissiya", Optional.empty());
    one.get("/console/");
    String oldId = one.cookies.get("__Host-console-session");
    HttpResponse<String> out = one.post("/console/sign-out");
    assertThat(location(out)).isEqualTo("/console/sign-in?flash=signedout");
    assertThat(one.setCookie("__Host-console-session")).contains("Max-Age=0");
    assertThat(f.sessions.check(oldId)).isEmpty();
    assertThat(two.get("/console/").statusCode()).isEqualTo(200);
    two.post("/console/sign-out-everywhere");
    assertThat(location(three.get("/console/"))).isEqualTo("/console/sign-in");
    assertThat(location(two.get("/console/"))).isEqualTo("/console/sign-in");
  }

  @Test
  void withoutSecureCookiesTheCookieIsLimitedToTheConsolesPath() throws Exception {
    f.close();
    f = new ConsoleFixture(dir.resolve("plain"), new ConsoleSettings(java.util.OptionalInt.empty(), "127.0.0.1", false),
        RequestAccess.BY_UNIT);
    f.account("komissiya", Role.VIEWER);
    Browser b = f.signedIn("komissiya", Optional.empty());
    assertThat(b.setCookie("console-session")).contains("Path=/console;", "HttpOnly", "SameSite=Strict")
        .doesNotContain("Secure");
  }

  @Test
  void oneAddressGuessingManyAccountsIsStoppedAfterThirtyAttemptsUntilTheWindowEnds() throws Exception {
    f.account("komissiya", Role.VIEWER);
    Browser b = f.browser();
    b.get("/console/sign-in");
    for (int i = 0; i < SignInLimiter.MAX_ATTEMPTS; i++) {
      assertThat(b.post("/console/sign-in", "username", "user" + i, "password", "Password123456").statusCode())
          .isEqualTo(401);
    }
    HttpResponse<String> over = b.post("/console/sign-in", "username", "komissiya", "password", ConsoleFixture.PASSWORD);
    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(over.body()).contains("çoxlu giriş cəhdi");
    assertThat(f.accounts.audit(Optional.of("komissiya"), 5)).as("not even tried").extracting(x -> x.kind())
        .containsExactly(AuditKind.CREATED);
    f.clock.advance(SignInLimiter.WINDOW);
    assertThat(location(b.post("/console/sign-in", "username", "komissiya", "password", ConsoleFixture.PASSWORD)))
        .isEqualTo("/console/");
  }
}
