package az.disclose.inbox.console;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.accounts.AuditEvent;
import az.disclose.inbox.accounts.AuditKind;
import az.disclose.inbox.accounts.Enrolment;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.StoredAttachment;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's pages and actions, as an officer and an administrator use them. */
class ConsolePagesIT {
  @TempDir Path dir;
  ConsoleFixture f;
  Browser officer;

  @BeforeEach
  void start() throws Exception {
    f = new ConsoleFixture(dir);
    officer = f.signedIn("leyla", f.account("leyla", Role.FOI_OFFICER));
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  static String location(HttpResponse<?> r) {
    return r.headers().firstValue("Location").orElse("");
  }

  @Test
  void theRequestPageShowsTheQuestionFilesDeadlineExplanationAndKeepsNotesApart() throws Exception {
    String n = f.request("Aysel Məmmədova", "Büdcə hesabatı", "2025-ci il üzrə hesabatı göndərin.",
        List.of(new Attachment("cədvəl.csv", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))).number();
    officer.get("/console/");
    assertThat(location(officer.post("/console/requests/" + n + "/note", "text", "Maliyyə şöbəsinə soruşuldu")))
        .isEqualTo("/console/requests/" + n + "?flash=note");
    String page = officer.get("/console/requests/" + n + "?flash=note").body();
    assertThat(page).contains("2025-ci il üzrə hesabatı göndərin.", "cədvəl.csv", "/console/requests/" + n + "/raw",
        "Daxili qeyd əlavə edildi.", "Qayda:", "Son müddət");
    int notes = page.indexOf("id=\"notes-title\"");
    assertThat(page.indexOf("Maliyyə şöbəsinə soruşuldu")).as("the note is in the internal section").isGreaterThan(notes);
    assertThat(page.substring(0, notes)).doesNotContain("Maliyyə şöbəsinə soruşuldu");
    HttpResponse<byte[]> file = officer.bytes("/console/requests/" + n + "/files/0");
    assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
    assertThat(file.headers().firstValue("Content-Disposition")).get().asString().contains("UTF-8''c%C9%99dv%C9%99l.csv");
    assertThat(officer.bytes("/console/requests/" + n + "/raw").body()).isEqualTo(f.inbox.register().raw(n));
    assertThat(officer.get("/console/requests/" + n + "/files/7").statusCode()).isEqualTo(404);
    assertThat(officer.get("/console/requests/SEN-2026-99999").statusCode()).isEqualTo(404);
  }

  @Test
  void anAnswerWithAFileIsRecordedAndThePageSaysWhetherMailLeft() throws Exception {
    String n = f.request("Büdcə hesabatı").number();
    officer.get("/console/requests/" + n);
    HttpResponse<String> r = officer.postMultipart("/console/requests/" + n + "/answer",
        Map.of("text", "Hesabat **əlavə olunur**."), "hesabat.pdf", "application/pdf", "%PDF-1.4 test".getBytes());
    assertThat(location(r)).as("%d %s", r.statusCode(), r.body()).isEqualTo("/console/requests/" + n + "?flash=answer&mail=off");
    assertThat(f.inbox.register().get(n).status()).isEqualTo(RequestStatus.ANSWERED);
    List<StoredAttachment> files = f.inbox.register().attachments(n);
    assertThat(files).singleElement().satisfies(a -> {
      assertThat(a.role()).isEqualTo(StoredAttachment.ANSWER);
      assertThat(a.attachment().fileName()).isEqualTo("hesabat.pdf");
    });
    String page = officer.get(location(r)).body();
    assertThat(page).contains("Cavab qeydə alındı.", "Məktub göndərilmədi", "hesabat.pdf", "cavablandırılıb")
        .doesNotContain("action=\"/console/requests/" + n + "/answer\"");
    assertThat(f.accounts.audit(Optional.of("leyla"), 5)).extracting(AuditEvent::kind).contains(AuditKind.ACTION);
  }

  @Test
  void thePreviewIsAServerRoundTripThatKeepsTheTextAndEscapesHtml() throws Exception {
    String n = f.request("Büdcə hesabatı").number();
    officer.get("/console/requests/" + n);
    HttpResponse<String> r = officer.postMultipart("/console/requests/" + n + "/answer",
        Map.of("text", "Hesabat **əlavə olunur**. <script>alert(1)</script>", "preview", "1"), null, null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("<strong>əlavə olunur</strong>", "&lt;script&gt;alert(1)&lt;/script&gt;",
        ">Hesabat **əlavə olunur**. &lt;script&gt;").doesNotContain("<script>");
    assertThat(f.inbox.register().get(n).status()).isEqualTo(RequestStatus.REGISTERED);
  }

  @Test
  void anEmptyOrRefusedActionComesBackWithAnErrorSummaryAndTheTextKept() throws Exception {
    String n = f.request("Büdcə hesabatı").number();
    officer.get("/console/requests/" + n);
    HttpResponse<String> empty = officer.post("/console/requests/" + n + "/note", "text", "  ");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("<title>Xəta:", "href=\"#note-text\"", "id=\"note-text\"", "Qeydin mətnini yazın");
    assertThat(location(officer.post("/console/requests/" + n + "/extend", "reason", "Arxivdən axtarılır")))
        .contains("flash=extend");
    HttpResponse<String> twice = officer.post("/console/requests/" + n + "/extend", "reason", "Yenə");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("href=\"#extend-reason\"", "already extended", ">Yenə</textarea>");
  }

  @Test
  void clarifyForwardAndRefuseAreRecordedWithTheOfficerAsActor() throws Exception {
    String a = f.request("Birinci").number();
    String b = f.request("İkinci").number();
    String c = f.request("Üçüncü").number();
    officer.get("/console/");
    officer.post("/console/requests/" + a + "/clarify", "text", "Hansı il?");
    officer.post("/console/requests/" + b + "/forward", "body", "Maliyyə Nazirliyi");
    officer.post("/console/requests/" + c + "/refuse", "ground", "state-secret", "text", "Maddə 21.1 — xidməti istifadə üçün məlumat");
    assertThat(f.inbox.register().get(a).status()).isEqualTo(RequestStatus.CLARIFICATION_REQUESTED);
    assertThat(f.inbox.register().get(b).status()).isEqualTo(RequestStatus.FORWARDED);
    assertThat(f.inbox.register().get(c).history()).filteredOn(e -> e.kind() == EventKind.REFUSED)
        .singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo("leyla");
          assertThat(e.text()).contains("Maddə 21.1");
        });
  }

  @Test
  void theQueuePagesByFiftyAndFilters() throws Exception {
    for (int i = 0; i < 55; i++) {
      f.request("Sorğu " + i);
    }
    String first = officer.get("/console/").body();
    assertThat(first).contains("Cəmi: 55", "Səhifə 1 / 2", "href=\"/console/?queue=all&amp;page=2\"");
    assertThat(first.split("<tr", -1)).hasSize(1 + 1 + 50);
    String second = officer.get("/console/?queue=all&page=2").body();
    assertThat(second.split("<tr", -1)).hasSize(1 + 1 + 5);
    String answered = officer.get("/console/?status=answered").body();
    assertThat(answered).contains("Cəmi: 0", "Bu süzgəcə uyğun sorğu yoxdur.");
    // Registered on Monday 2 March with 7 working days: none is due within 2 working days, all unassigned.
    assertThat(officer.get("/console/?queue=due-soon").body()).contains("Cəmi: 0");
    assertThat(officer.get("/console/?queue=unassigned").body()).contains("Cəmi: 55");
  }

  @Test
  void aSearchWithMoreThanAThousandHitsSaysSoAndPagesOnWhileThePagesAreFull() throws Exception {
    az.disclose.inbox.QueueBench.fill(f.inbox, 1_100, f.clock.instant()); // every text opens "Hörmətli nazirlik"

    String first = officer.get("/console/?queue=all&q=H%C3%B6rm%C9%99tli+nazirlik").body();
    assertThat(first).contains("Cəmi: 1", "-dən çox", "Səhifə 1 / 20+");
    assertThat(first.split("<tr", -1)).hasSize(1 + 1 + 50);
    String twentieth = officer.get("/console/?queue=all&q=H%C3%B6rm%C9%99tli+nazirlik&page=20").body();
    assertThat(twentieth).contains("Səhifə 20 / 21+", "page=21\"");
    String rare = officer.get("/console/?queue=all&q=SEN-2025-00012").body();
    assertThat(rare).contains("Cəmi: 1<").doesNotContain("dən çox");
  }

  @Test
  void quarantinedMailIsListedViewedDismissedWithAReasonOrRegistered() throws Exception {
    byte[] junk = Files.readAllBytes(Path.of("src/test/resources/mail/corpus/gen-quarantine-html-file.eml"));
    byte[] garbage = Files.readAllBytes(Path.of("src/test/resources/mail/corpus/garbage.eml"));
    f.mailIntake.ingest(junk);
    f.mailIntake.ingest(garbage);
    var entries = new az.disclose.inbox.mail.MailStore(f.inbox.store()).quarantined(false);
    assertThat(entries).hasSize(2);
    String list = officer.get("/console/quarantine").body();
    assertThat(list).contains("/console/quarantine/" + entries.get(0).id(), entries.get(0).reason());
    long one = entries.get(0).id();
    long two = entries.get(1).id();
    officer.get("/console/quarantine/" + one);
    HttpResponse<String> noReason = officer.post("/console/quarantine/" + one + "/dismiss", "reason", "");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("href=\"#reason\"");
    assertThat(location(officer.post("/console/quarantine/" + one + "/dismiss", "reason", "spam")))
        .isEqualTo("/console/quarantine?flash=dismissed");
    HttpResponse<String> registered = officer.post("/console/quarantine/" + two + "/register");
    assertThat(location(registered)).startsWith("/console/requests/SEN-").endsWith("?flash=registered");
    assertThat(officer.get("/console/quarantine").body()).contains("Karantində məktub yoxdur.");
    assertThat(officer.get("/console/quarantine?all=1").body()).contains("rədd edilib", "qeydiyyata alınıb");
    assertThat(officer.post("/console/quarantine/" + one + "/register").statusCode()).isEqualTo(409);
  }

  @Test
  void anAdministratorAddsAnAccountSeesItsSecondFactorOnceAndTheAuditShowsEachStep() throws Exception {
    Optional<Enrolment> e = f.account("admin", Role.ADMINISTRATOR);
    Browser admin = f.signedIn("admin", e);
    admin.get("/console/accounts");
    HttpResponse<String> weak = admin.post("/console/accounts", "username", "rauf", "role", "foi_officer", "password",
        "password123");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("class=\"error-summary\"", "value=\"rauf\"");
    HttpResponse<String> added = admin.post("/console/accounts", "username", "rauf", "role", "foi_officer", "password",
        "violet mountain river lamp");
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body()).contains("otpauth://totp/", "Bu məlumat yalnız indi, bir dəfə göstərilir");
    assertThat(added.body().split("<li><code>", -1)).hasSize(11);
    assertThat(f.accounts.get("rauf").role()).isEqualTo(Role.FOI_OFFICER);
    admin.get("/console/accounts");
    assertThat(location(admin.post("/console/accounts/rauf/role", "role", "viewer", "unit", "")))
        .isEqualTo("/console/accounts?flash=account-role");
    assertThat(location(admin.post("/console/accounts/rauf/disable"))).isEqualTo("/console/accounts?flash=account-disable");
    assertThat(f.accounts.get("rauf").disabled()).isTrue();
    String audit = admin.get("/console/audit").body();
    assertThat(audit).contains("created", "role_changed", "disabled", "account rauf: disable", "signed_in");
  }

  @Test
  void anAdministratorGivesANewPasswordWhichEndsTheAccountsSessionsAndOnlyTheNewOneSignsIn() throws Exception {
    Optional<Enrolment> e = f.account("admin", Role.ADMINISTRATOR);
    Browser admin = f.signedIn("admin", e);
    f.account("komissiya", Role.VIEWER);
    Browser viewer = f.signedIn("komissiya", Optional.empty());
    assertThat(viewer.get("/console/").statusCode()).isEqualTo(200);
    admin.get("/console/accounts");
    HttpResponse<String> weak = admin.post("/console/accounts/komissiya/reset", "password", "short");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("class=\"error-summary\"");
    assertThat(location(admin.post("/console/accounts/komissiya/reset", "password", "violet mountain river lamp")))
        .isEqualTo("/console/accounts?flash=account-reset");
    // The reset signed the viewer out everywhere; the old password no longer opens a session.
    assertThat(location(viewer.get("/console/"))).isEqualTo("/console/sign-in");
    Browser again = f.browser();
    again.get("/console/sign-in");
    assertThat(again.post("/console/sign-in", "username", "komissiya", "password", ConsoleFixture.PASSWORD).statusCode())
        .isEqualTo(401);
    again.get("/console/sign-in");
    assertThat(location(again.post("/console/sign-in", "username", "komissiya", "password",
        "violet mountain river lamp"))).isEqualTo("/console/");
    assertThat(f.accounts.audit(Optional.of("komissiya"), 20)).extracting(AuditEvent::kind)
        .contains(AuditKind.PASSWORD_RESET);
  }

  @Test
  void theConsolesOwnListenerLeadsFromTheRootToTheConsole() throws Exception {
    HttpResponse<String> root = f.browser().get("/");
    assertThat(root.statusCode()).isEqualTo(303);
    assertThat(location(root)).isEqualTo("/console/");
    assertThat(f.browser().get("/site-page").statusCode()).isEqualTo(404);
  }

  @Test
  void theAuditIsPagedByOneHundredNewestFirst() throws Exception {
    Optional<Enrolment> e = f.account("admin", Role.ADMINISTRATOR);
    for (int i = 0; i < 130; i++) {
      f.accounts.authenticate("nobody" + i, "wrong", null);
    }
    Browser admin = f.signedIn("admin", e);
    String first = admin.get("/console/audit").body();
    assertThat(first.split("<tr>", -1)).hasSize(1 + 1 + 100);
    assertThat(first).contains("signed_in", "nobody129").doesNotContain(">nobody0<");
    java.util.regex.Matcher older = java.util.regex.Pattern.compile("href=\"(/console/audit\\?before=\\d+)\"").matcher(first);
    assertThat(older.find()).isTrue();
    String second = admin.get(older.group(1)).body();
    assertThat(second).contains(">nobody0<", "href=\"/console/audit\"").doesNotContain("nobody129");
  }

  @Test
  void everyPageIsValidHtmlWithoutAnyScript() throws Exception {
    az.disclose.testing.HtmlChecker checker = az.disclose.testing.HtmlChecker.create();
    Optional<Enrolment> e = f.account("admin", Role.ADMINISTRATOR);
    String n = f.request("Aysel Məmmədova", "Büdcə hesabatı", "Mətn",
        List.of(new Attachment("a.csv", "text/csv", "a".getBytes()))).number();
    f.mailIntake.ingest(Files.readAllBytes(Path.of("src/test/resources/mail/corpus/garbage.eml")));
    long q = new az.disclose.inbox.mail.MailStore(f.inbox.store()).quarantined(false).get(0).id();
    Browser admin = f.signedIn("admin", e);
    admin.get("/console/");
    List<String> pages = new java.util.ArrayList<>();
    for (String p : List.of("/console/", "/console/requests/" + n, "/console/quarantine", "/console/quarantine/" + q,
        "/console/audit", "/console/accounts", "/console/no-such-page", "/console/?queue=overdue&q=b%C3%BCdc%C9%99",
        "/console/?queue=all&from=nope", "/console/requests/" + n + "?template=answer&tlang=en", "/console/templates",
        "/console/templates/refuse/state-secret/az", "/console/grounds", "/console/reports")) {
      pages.add(admin.get(p).body());
    }
    admin.get("/console/requests/" + n);
    pages.add(admin.post("/console/requests/" + n + "/reassign", "unit", ConsoleFixture.UNIT, "reason", "").body());
    pages.add(admin.post("/console/templates/answer/az", "body", "{nope}").body());
    pages.add(admin.post("/console/requests/" + n + "/note", "text", "").body());
    pages.add(admin.post("/console/grounds", "ground", "", "body-az", "", "body-en", "", "name-az", "", "name-en", "")
        .body());
    pages.add(admin.post("/console/accounts", "username", "rauf", "role", "foi_officer", "password",
        "violet mountain river lamp").body());
    Browser anonymous = f.browser();
    pages.add(anonymous.get("/console/sign-in").body());
    pages.add(anonymous.post("/console/sign-in", "username", "", "password", "").body());
    for (String html : pages) {
      Path file = Files.createTempFile(dir, "page", ".html");
      Files.writeString(file, html, StandardCharsets.UTF_8);
      assertThat(checker.check(file)).as("W3C errors in\n%s", html).isEmpty();
      // Works without JavaScript: no page has a script of any kind (the CSP would refuse an inline one).
      assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase(" onclick=");
    }
  }
}
