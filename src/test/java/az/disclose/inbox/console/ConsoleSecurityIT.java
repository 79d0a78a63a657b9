package az.disclose.inbox.console;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.ListFilter;
import az.disclose.inbox.accounts.AuditEvent;
import az.disclose.inbox.accounts.AuditKind;
import az.disclose.inbox.accounts.Enrolment;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.RequestStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's promises against a hostile browser: every route is enumerated from {@link
 * Console#routes()}, so a route added later is covered without touching this test.
 */
class ConsoleSecurityIT {
  @TempDir Path dir;
  ConsoleFixture f;
  Optional<Enrolment> admin;
  String number;
  long quarantined;

  @BeforeEach
  void start() throws Exception {
    f = new ConsoleFixture(dir);
    admin = f.account("admin", Role.ADMINISTRATOR);
    f.account("komissiya", Role.VIEWER);
    number = f.request("Büdcə hesabatı").number();
    byte[] junk = Files.readAllBytes(Path.of("src/test/resources/mail/corpus/gen-quarantine-html-file.eml"));
    f.mailIntake.ingest(junk);
    quarantined = new az.disclose.inbox.mail.MailStore(f.inbox.store()).quarantined(false).get(0).id();
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  /** A path of the route with its parameters filled with things that exist. */
  String path(Console.Route r) {
    return Console.PATH + r.pattern().replace("{number}", number).replace("{id}", Long.toString(quarantined))
        .replace("{name}", "komissiya").replace("{index}", "0").replace("{kind}", "refuse")
        .replace("{ground}", "state-secret").replace("{lang}", "az");
  }

  @Test
  void everyStateChangingRouteWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
    Browser b = f.signedIn("admin", admin);
    b.get("/console/");
    List<Console.Route> posts = f.console.routes().stream().filter(Console.Route::changesState).toList();
    assertThat(posts).extracting(Console.Route::pattern).contains("/sign-in", "/requests/{number}/answer",
        "/requests/{number}/note", "/requests/{number}/assign", "/requests/{number}/accept",
        "/templates/{kind}/{lang}", "/quarantine/{id}/dismiss", "/accounts", "/accounts/{name}/disable", "/sign-out");
    for (Console.Route r : posts) {
      String[] fields = {"text", "x", "reason", "x", "body", "x", "ground", "x", "username", "komissiya", "password",
          ConsoleFixture.PASSWORD, "code", "123456", "role", "viewer", "unit", ConsoleFixture.UNIT};
      assertThat(b.postRaw(path(r), fields).statusCode()).as("no token: POST %s", r.pattern()).isEqualTo(403);
      String[] wrong = new String[fields.length + 2];
      wrong[0] = "csrf";
      wrong[1] = "A" + b.csrf.substring(1);
      System.arraycopy(fields, 0, wrong, 2, fields.length);
      assertThat(b.postRaw(path(r), wrong).statusCode()).as("wrong token: POST %s", r.pattern()).isEqualTo(403);
    }
    assertThat(f.inbox.register().get(number).status()).isEqualTo(RequestStatus.REGISTERED);
    assertThat(f.inbox.register().get(number).history()).hasSize(1);
    assertThat(f.accounts.get("komissiya").disabled()).isFalse();
    assertThat(b.get("/console/").statusCode()).as("still signed in").isEqualTo(200);
  }

  @Test
  void aPostFromAnotherOriginIsRefusedEvenWithTheToken() throws Exception {
    Browser b = f.signedIn("admin", admin);
    b.get("/console/requests/" + number);
    String body = Browser.encode("csrf", b.csrf, "text", "from elsewhere");
    HttpResponse<String> origin = b.send(b.request("/console/requests/" + number + "/note")
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(origin.statusCode()).isEqualTo(403);
    HttpResponse<String> site = b.send(b.request("/console/requests/" + number + "/note")
        .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(site.statusCode()).isEqualTo(403);
    HttpResponse<String> same = b.send(b.request("/console/requests/" + number + "/note")
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", f.base)
        .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(same.statusCode()).isEqualTo(303);
    assertThat(f.inbox.register().get(number).history()).extracting(e -> e.text()).containsOnlyOnce("from elsewhere");
  }

  @Test
  void aSignedOutRequestToEveryConsoleUrlIsSentToSignIn() throws Exception {
    Browser b = f.browser();
    for (Console.Route r : f.console.routes()) {
      if (!r.signedIn()) {
        continue;
      }
      HttpResponse<String> get = b.get(path(r));
      HttpResponse<String> post = b.postRaw(path(r), "text", "x");
      for (HttpResponse<String> x : List.of(get, post)) {
        assertThat(x.statusCode()).as("%s %s", x.request().method(), r.pattern()).isEqualTo(303);
        assertThat(x.headers().firstValue("Location")).as(r.pattern()).contains("/console/sign-in");
      }
    }
    assertThat(b.get("/console/no-such-page").headers().firstValue("Location")).contains("/console/sign-in");
    b.cookies.put("__Host-console-session", "forged");
    assertThat(b.get("/console/").headers().firstValue("Location")).contains("/console/sign-in");
  }

  @Test
  void aViewerIsReadOnlyEveryActionIs403AndAudited() throws Exception {
    Browser v = f.signedIn("komissiya", Optional.empty());
    assertThat(v.get("/console/requests/" + number).body()).contains("Büdcə hesabatı").doesNotContain("/note\"");
    for (Console.Route r : f.console.routes()) {
      if (!r.changesState() || r.permission().isEmpty()) {
        continue; // sign-in and sign-out are every account's
      }
      assertThat(v.post(path(r), "text", "x", "reason", "x").statusCode()).as("POST %s", r.pattern()).isEqualTo(403);
    }
    for (String admin : List.of("/console/accounts", "/console/audit", "/console/quarantine")) {
      HttpResponse<String> r = v.get(admin);
      assertThat(r.statusCode()).as(admin).isEqualTo(403);
      assertThat(r.body()).contains("icazəniz yoxdur");
    }
    assertThat(f.inbox.register().get(number).history()).hasSize(1);
    List<AuditEvent> denied = f.accounts.audit(Optional.of("komissiya"), 100).stream()
        .filter(e -> e.kind() == AuditKind.ACCESS_DENIED).toList();
    assertThat(denied).extracting(AuditEvent::detail).anyMatch(d -> d.contains("/requests/" + number + "/answer"))
        .anyMatch(d -> d.contains("GET /console/accounts"));
  }

  @Test
  void aViewerSeesTheRegistersFiguresByYearAndMonth() throws Exception {
    f.inbox.register().refuse(number, "leyla", "state-secret");
    Browser v = f.signedIn("komissiya", Optional.empty());
    HttpResponse<String> r = v.get("/console/reports");
    assertThat(r.statusCode()).isEqualTo(200);
    // registered Monday 2 March 2026 and refused: one received, by the web, refused, none open
    assertThat(r.body()).contains("Reyestrin göstəriciləri", "2 mart 2026", "<th scope=\"row\">2026</th>",
        "<th scope=\"row\">2026-03</th><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td>"
            + "<td>0</td><td>0</td><td>0</td>");
    assertThat(v.get("/console/reports?lang=en").body()).contains("The register&#39;s figures", "By month");
  }

  @Test
  void everyRouteRefusesEveryRoleItsPermissionDoesNotGrantAndAuditsEachRefusal() throws Exception {
    java.util.Map<Role, Browser> browsers = new java.util.EnumMap<>(Role.class);
    browsers.put(Role.ADMINISTRATOR, f.signedIn("admin", admin));
    browsers.put(Role.FOI_OFFICER, f.signedIn("leyla", f.account("leyla", Role.FOI_OFFICER)));
    f.account("aysel", Role.UNIT_RESPONDER);
    browsers.put(Role.UNIT_RESPONDER, f.signedIn("aysel", Optional.empty()));
    browsers.put(Role.VIEWER, f.signedIn("komissiya", Optional.empty()));
    int refusals = 0;
    for (Console.Route r : f.console.routes()) {
      if (r.permission().isEmpty()) {
        continue; // sign-in, sign-out and the stylesheet are every account's
      }
      for (Role role : Role.values()) {
        if (r.permission().get().grantedTo(role)) {
          continue;
        }
        Browser b = browsers.get(role);
        b.get("/console/");
        HttpResponse<String> answer = r.changesState() ? b.post(path(r), "text", "x", "reason", "x", "unit", "huquq",
            "ground", "x", "body", "x", "role", "administrator") : b.get(path(r));
        assertThat(answer.statusCode()).as("%s %s as %s", r.method(), r.pattern(), role).isEqualTo(403);
        refusals++;
      }
    }
    assertThat(refusals).as("routes refused to some role").isGreaterThan(30);
    long audited = 0;
    for (String name : List.of("admin", "leyla", "aysel", "komissiya")) {
      audited += f.accounts.audit(Optional.of(name), 500).stream().filter(e -> e.kind() == AuditKind.ACCESS_DENIED)
          .count();
    }
    assertThat(audited).isEqualTo(refusals);
    assertThat(f.inbox.register().get(number).history()).hasSize(1);
    assertThat(f.accounts.get("komissiya").role()).isEqualTo(Role.VIEWER);
  }

  @Test
  void aResponderCannotOpenARequestNotAssignedToTheUnitAndTheAttemptIsAudited() throws Exception {
    f.account("aysel", Role.UNIT_RESPONDER);
    Browser r = f.signedIn("aysel", Optional.empty());
    assertThat(r.get("/console/").body()).doesNotContain(number);
    assertThat(r.get("/console/requests/" + number).statusCode()).isEqualTo(403);
    assertThat(r.post("/console/requests/" + number + "/note", "text", "x").statusCode()).isEqualTo(403);
    assertThat(f.accounts.audit(Optional.of("aysel"), 10)).extracting(AuditEvent::kind).contains(AuditKind.ACCESS_DENIED);
  }

  @Test
  void anOfficerIsRefusedTheAdministratorsPages() throws Exception {
    Optional<Enrolment> e = f.account("leyla", Role.FOI_OFFICER);
    Browser o = f.signedIn("leyla", e);
    assertThat(o.get("/console/accounts").statusCode()).isEqualTo(403);
    assertThat(o.get("/console/audit").statusCode()).isEqualTo(403);
    assertThat(o.post("/console/accounts/komissiya/disable").statusCode()).isEqualTo(403);
    assertThat(f.accounts.get("komissiya").disabled()).isFalse();
    assertThat(o.get("/console/quarantine").statusCode()).isEqualTo(200);
  }

  @Test
  void everyPageCarriesTheSecurityHeaders() throws Exception {
    Browser b = f.signedIn("admin", admin);
    for (String p : List.of("/console/sign-in", "/console/", "/console/requests/" + number, "/console/audit",
        "/console/no-such-page")) {
      HttpResponse<String> r = b.get(p);
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(p).get().asString()
          .contains("default-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(p).contains("nosniff");
      assertThat(r.headers().firstValue("Cache-Control")).as(p).contains("no-store");
      assertThat(r.body()).as(p).doesNotContain("<script");
    }
  }

  @Test
  void everyMessageOfTheMailCorpusIsShownEscapedOnItsRequestOrQuarantinePage() throws Exception {
    List<Path> corpus;
    try (var files = Files.list(Path.of("src/test/resources/mail/corpus"))) {
      corpus = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
    }
    for (Path eml : corpus) {
      f.mailIntake.ingest(Files.readAllBytes(eml));
    }
    List<String> pages = new java.util.ArrayList<>();
    for (var r : f.inbox.register().list(ListFilter.all())) {
      pages.add("/console/requests/" + r.number());
    }
    for (var q : new az.disclose.inbox.mail.MailStore(f.inbox.store()).quarantined(true)) {
      pages.add("/console/quarantine/" + q.id());
    }
    pages.add("/console/?queue=all");
    pages.add("/console/quarantine");
    assertThat(pages).as("requests and quarantined mail from %d messages", corpus.size()).hasSizeGreaterThan(100);
    Browser b = f.signedIn("admin", admin);
    for (String page : pages) {
      HttpResponse<String> r = b.get(page);
      assertThat(r.statusCode()).as(page).isEqualTo(200);
      assertThat(r.body()).as(page).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
          .doesNotContainIgnoringCase("<svg").doesNotContainIgnoringCase("<iframe")
          .doesNotContainIgnoringCase("<object").doesNotContainIgnoringCase(" onerror=")
          .doesNotContainIgnoringCase(" onload=").doesNotContainIgnoringCase("href=\"javascript:");
    }
  }

  @Test
  void citizensHostileTextIsEscapedOnEveryPageThatShowsIt() throws Exception {
    List<String> hostile = Files.readAllLines(Path.of("src/test/resources/console/hostile.txt"), StandardCharsets.UTF_8);
    String text = String.join("\n", hostile);
    String n = f.request(hostile.get(1), hostile.get(0), text,
        List.of(new Attachment(hostile.get(2) + ".pdf", "text/html", "<script>alert(7)</script>".getBytes()))).number();
    Browser b = f.signedIn("admin", admin);
    b.post("/console/requests/" + n + "/note", "text", hostile.get(3));
    for (String page : List.of("/console/", "/console/requests/" + n, "/console/quarantine",
        "/console/quarantine/" + quarantined, "/console/audit")) {
      String html = b.get(page).body();
      assertThat(html).as(page).doesNotContain("<script", "<img src=x", "<svg", "<iframe", "</textarea><");
    }
    String request = b.get("/console/requests/" + n).body();
    assertThat(request).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
        "${7*7}", "&amp;lt;script&amp;gt;");
    assertThat(b.get("/console/quarantine/" + quarantined).body()).contains("&lt;html&gt;&lt;body&gt;not mail");
    HttpResponse<byte[]> file = b.bytes("/console/requests/" + n + "/files/0");
    assertThat(file.headers().firstValue("Content-Type")).contains("application/octet-stream");
    assertThat(file.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment;");
    assertThat(file.headers().firstValue("Content-Security-Policy")).get().asString().contains("sandbox");
    assertThat(f.inbox.register().list(ListFilter.all())).hasSize(2);
  }
}
