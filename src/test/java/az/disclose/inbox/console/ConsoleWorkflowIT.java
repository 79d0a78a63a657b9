package az.disclose.inbox.console;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.accounts.AuditEvent;
import az.disclose.inbox.accounts.AuditKind;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.model.AssignmentState;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.TemplateKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow in the console (docs/console.md, "Queues", "Assignment", "Templates"): the queues,
 * assignment to a unit and the unit's answer to it, the responder's unit check, reopening and
 * withdrawal, templates. Real Jetty on port 0, real SQLite.
 */
class ConsoleWorkflowIT {
  @TempDir Path dir;
  ConsoleFixture f;
  Browser officer;
  /** Registered on Monday 2 February 2026: overdue by Monday 2 March (7 working days). */
  String overdue;
  /** Registered on Monday 2 March 2026, 12:00: due in 7 working days. */
  String fresh;

  @BeforeEach
  void start() throws Exception {
    f = new ConsoleFixture(dir);
    f.clock.setBaku(2026, 2, 2, 10, 0);
    overdue = f.request("Yol tikintisi müqavilələri").number();
    f.clock.setBaku(2026, 3, 2, 12, 0);
    fresh = f.request("Büdcə hesabatı").number();
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
  void eachQueueListsItsRequestsWithWorkingDaysLeftAndTheFiltersNarrowThem() throws Exception {
    String queue = officer.get("/console/?queue=overdue").body();
    assertThat(queue).contains("Müddəti keçənlər", "Cəmi: 1", overdue, "iş günü gecikib", "aria-current=\"page\"")
        .doesNotContain(fresh);
    String unassigned = officer.get("/console/?queue=unassigned").body();
    assertThat(unassigned).contains("Cəmi: 2", overdue, fresh, "7 iş günü qalıb");
    // Text search over the subject, Azerbaijani letters folded; the filters stay in the tabs' links.
    String found = officer.get("/console/?queue=all&q=B%C3%9CDC%C6%8F").body();
    assertThat(found).contains("Cəmi: 1", fresh, "value=\"BÜDCƏ\"", "href=\"/console/?queue=overdue&amp;q=B%C3%9CDC%C6%8F\"")
        .doesNotContain(overdue);
    assertThat(officer.get("/console/?queue=all&type=complaint").body()).contains("Cəmi: 0");
    assertThat(officer.get("/console/?queue=all&channel=web&from=2026-03-01").body()).contains("Cəmi: 1", fresh);
    HttpResponse<String> badDate = officer.get("/console/?queue=all&from=02.03.2026");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("error-summary", "href=\"#from\"", "İİİİ-AA-GG");
    HttpResponse<String> badUnit = officer.get("/console/?queue=all&unit=yoxdur");
    assertThat(badUnit.statusCode()).isEqualTo(400);
    assertThat(badUnit.body()).contains("unknown unit");
  }

  @Test
  void anOfficerAssignsTheUnitAcceptsAndTheRequestMovesBetweenTheQueues() throws Exception {
    officer.get("/console/requests/" + overdue);
    HttpResponse<String> assigned = officer.post("/console/requests/" + overdue + "/assign", "unit", ConsoleFixture.UNIT);
    assertThat(location(assigned)).isEqualTo("/console/requests/" + overdue + "?flash=assign");
    assertThat(officer.get("/console/?queue=unassigned").body()).doesNotContain(overdue);

    f.account("aysel", Role.UNIT_RESPONDER);
    Browser responder = f.signedIn("aysel", Optional.empty());
    String unit = responder.get("/console/").body();
    assertThat(unit).contains("Bölməmin sorğuları", overdue, "huquq — qəbul gözlənilir").doesNotContain(fresh)
        .doesNotContain("queue=unassigned");
    String page = responder.get("/console/requests/" + overdue).body();
    assertThat(page).contains("/accept\"", "/reject\"").doesNotContain("/assign\"");
    // A responder may not assign (the officers' work): 403 by role.
    assertThat(responder.post("/console/requests/" + overdue + "/reassign", "unit", ConsoleFixture.OTHER_UNIT,
        "reason", "x").statusCode()).isEqualTo(403);
    HttpResponse<String> accepted = responder.post("/console/requests/" + overdue + "/accept");
    assertThat(location(accepted)).isEqualTo("/console/requests/" + overdue + "?flash=accept");
    assertThat(f.inbox.register().assignment(overdue).state()).isEqualTo(AssignmentState.ACCEPTED);
    assertThat(f.inbox.register().assignment(overdue).assignee()).contains("aysel");
    assertThat(responder.get("/console/?queue=mine").body()).contains(overdue, "huquq — qəbul edib (aysel)");

    List<HistoryEvent> history = f.inbox.register().get(overdue).history();
    assertThat(history).filteredOn(e -> e.kind() == EventKind.ASSIGNED).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("leyla"));
    assertThat(history).filteredOn(e -> e.kind() == EventKind.ASSIGNMENT_ACCEPTED).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("aysel"));
    assertThat(f.accounts.audit(Optional.of("leyla"), 50)).extracting(AuditEvent::detail)
        .contains("assign " + overdue + " to unit huquq");
  }

  @Test
  void aResponderMustAcceptTheRequestBeforeAnsweringIt() throws Exception {
    f.inbox.register().assign(fresh, ConsoleFixture.UNIT, "leyla");
    f.account("aysel", Role.UNIT_RESPONDER);
    Browser responder = f.signedIn("aysel", Optional.empty());
    assertThat(responder.get("/console/requests/" + fresh).body()).contains("əvvəlcə sorğunu qəbul edin");
    HttpResponse<String> early = responder.post("/console/requests/" + fresh + "/answer", "text", "Cavab.");
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("error-summary", "href=\"#answer-text\"",
        fresh + " waits for unit huquq to accept it: accept it first");
    assertThat(f.inbox.register().get(fresh).status()).isEqualTo(RequestStatus.REGISTERED);

    assertThat(location(responder.post("/console/requests/" + fresh + "/accept"))).endsWith("?flash=accept");
    assertThat(responder.get("/console/requests/" + fresh).body()).doesNotContain("əvvəlcə sorğunu qəbul edin");
    assertThat(location(responder.post("/console/requests/" + fresh + "/answer", "text", "Cavab.")))
        .startsWith("/console/requests/" + fresh + "?flash=answer");
    assertThat(f.inbox.register().get(fresh).status()).isEqualTo(RequestStatus.ANSWERED);
  }

  @Test
  void aUnitThatLeftUnitsYamlKeepsItsRequestsShownAsUnknownAndAnInvalidFileIsShownToOfficers() throws Exception {
    f.inbox.register().assign(fresh, ConsoleFixture.UNIT, "leyla");
    f.account("aysel", Role.UNIT_RESPONDER);
    // units.yaml read again without huquq, then found invalid (what serve's UnitsFile does)
    f.inbox.register().useUnits(java.util.Set.of(ConsoleFixture.OTHER_UNIT));
    f.inbox.register().unitsUnreadable(List.of("content/data/units.yaml:4: 'id' <must be> lower-case"));

    String page = officer.get("/console/requests/" + fresh).body();
    assertThat(page).contains("naməlum bölmə &#39;huquq&#39; — qəbul gözlənilir",
        "content/data/units.yaml faylında xəta var",
        "content/data/units.yaml:4: &#39;id&#39; &lt;must be&gt; lower-case");
    assertThat(officer.get("/console/?queue=all").body()).contains(fresh, "naməlum bölmə &#39;huquq&#39;");
    assertThat(officer.get("/console/?queue=all&unit=huquq").body()).contains("Cəmi: 1", fresh);
    // The responder of the unit still has its request; responders are not shown the file's problems.
    Browser responder = f.signedIn("aysel", Optional.empty());
    String unit = responder.get("/console/").body();
    assertThat(unit).contains(fresh).doesNotContain("units.yaml");
    assertThat(responder.get("/console/requests/" + fresh).statusCode()).isEqualTo(200);
  }

  @Test
  void theUnitRejectsWithAReasonOnlyAndTheRequestIsUnassignedAgain() throws Exception {
    f.inbox.register().assign(fresh, ConsoleFixture.UNIT, "leyla");
    f.account("aysel", Role.UNIT_RESPONDER);
    Browser responder = f.signedIn("aysel", Optional.empty());
    responder.get("/console/requests/" + fresh);
    HttpResponse<String> noReason = responder.post("/console/requests/" + fresh + "/reject", "reason", "  ");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("href=\"#reject-reason\"", "Səbəbi yazın.");
    assertThat(f.inbox.register().assignment(fresh).state()).isEqualTo(AssignmentState.PENDING);
    HttpResponse<String> rejected = responder.post("/console/requests/" + fresh + "/reject", "reason",
        "Bu, maliyyə şöbəsinin işidir");
    assertThat(location(rejected)).isEqualTo("/console/?flash=reject");
    assertThat(f.inbox.register().assignment(fresh).state()).isEqualTo(AssignmentState.REJECTED);
    // Sent back: no longer the unit's, so the responder cannot open it; the officers see it unassigned.
    assertThat(responder.get("/console/requests/" + fresh).statusCode()).isEqualTo(403);
    assertThat(officer.get("/console/?queue=unassigned").body()).contains(fresh);
    officer.get("/console/requests/" + fresh);
    assertThat(location(officer.post("/console/requests/" + fresh + "/reassign", "unit", ConsoleFixture.OTHER_UNIT,
        "reason", "Maliyyə"))).endsWith("?flash=reassign");
    assertThat(f.inbox.register().assignment(fresh).unit()).contains(ConsoleFixture.OTHER_UNIT);
  }

  @Test
  void aResponderOfAnotherUnitGets403OnEveryPathOfTheRequestAndEachAttemptIsAudited() throws Exception {
    f.inbox.register().assign(overdue, ConsoleFixture.UNIT, "leyla");
    f.accounts.create("murad", Role.UNIT_RESPONDER, Optional.of(ConsoleFixture.OTHER_UNIT), ConsoleFixture.PASSWORD,
        "test");
    Browser other = f.signedIn("murad", Optional.empty());
    assertThat(other.get("/console/").body()).doesNotContain(overdue);
    assertThat(other.get("/console/?queue=overdue").body()).doesNotContain(overdue);
    assertThat(other.get("/console/?queue=all&unit=huquq").body()).doesNotContain(overdue);
    assertThat(other.get("/console/requests/" + overdue).statusCode()).isEqualTo(403);
    assertThat(other.get("/console/requests/" + overdue + "/raw").statusCode()).isEqualTo(403);
    other.get("/console/");
    for (String action : List.of("accept", "reject", "answer", "note")) {
      assertThat(other.post("/console/requests/" + overdue + "/" + action, "reason", "x", "text", "x").statusCode())
          .as(action).isEqualTo(403);
    }
    assertThat(f.inbox.register().assignment(overdue).state()).isEqualTo(AssignmentState.PENDING);
    assertThat(f.inbox.register().get(overdue).history()).extracting(HistoryEvent::kind)
        .doesNotContain(EventKind.NOTE, EventKind.ANSWERED, EventKind.ASSIGNMENT_ACCEPTED);
    List<AuditEvent> denied = f.accounts.audit(Optional.of("murad"), 50).stream()
        .filter(e -> e.kind() == AuditKind.ACCESS_DENIED).toList();
    assertThat(denied).hasSize(6).allSatisfy(e -> assertThat(e.detail()).contains("/requests/" + overdue));
  }

  @Test
  void aTemplateFillsTheAnswerFormWhichStaysEditable() throws Exception {
    String page = officer.get("/console/requests/" + fresh + "?template=answer&tlang=az").body();
    assertThat(page).contains("Hörmətli Aysel Məmmədova,", fresh + " nömrəli sorğunuza cavab olaraq bildiririk:")
        .contains("<textarea id=\"answer-text\"");
    String english = officer.get("/console/requests/" + fresh + "?template=refuse/state-secret&tlang=en").body();
    assertThat(english).containsPattern("(?s)<textarea id=\"refuse-text\"[^>]*>Dear Aysel Məmmədova,")
        .contains("<option value=\"state-secret\" selected>");
    HttpResponse<String> unknown = officer.get("/console/requests/" + fresh + "?template=refuse/nope&tlang=az");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("href=\"#template\"", "no template refuse/nope/az");
  }

  @Test
  void anOfficerAddsARefusalGroundWithItsTemplatesThenRetiresItAndItIsNoLongerOffered() throws Exception {
    assertThat(officer.get("/console/grounds").body()).contains("state-secret", "istifadədədir",
        "/console/grounds/state-secret/retire", "href=\"/console/templates/refuse/state-secret/az\"");
    HttpResponse<String> empty = officer.post("/console/grounds", "ground", "", "body-az", "", "body-en", "x",
        "name-az", "", "name-en", "Trade secret");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("error-summary", "href=\"#ground\"", "href=\"#body-az\"", "href=\"#name-az\"",
        "value=\"Trade secret\"");
    HttpResponse<String> bad = officer.post("/console/grounds", "ground", "Kommersiya <b>sirri</b>",
        "body-az", "a", "body-en", "b", "name-az", "a", "name-en", "b");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("lower-case letters, digits and dashes", "value=\"Kommersiya &lt;b&gt;sirri&lt;/b&gt;\"")
        .doesNotContain("<b>sirri");

    HttpResponse<String> added = officer.post("/console/grounds", "ground", "commercial-secret",
        "body-az", "Hörmətli {name}, <script>alert(1)</script> kommersiya sirridir.", "body-en", "Dear {name}, a trade secret.",
        "name-az", "Məlumat <i>kommersiya</i> sirridir", "name-en", "The information is a trade secret");
    assertThat(location(added)).isEqualTo("/console/grounds?flash=ground-added");
    assertThat(officer.get("/console/templates/refuse/commercial-secret/az").body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    assertThat(officer.get("/console/requests/" + fresh).body()).contains("value=\"refuse/commercial-secret\"",
        "<option value=\"commercial-secret\">Məlumat &lt;i&gt;kommersiya&lt;/i&gt; sirridir</option>");
    assertThat(officer.get("/console/grounds").body()).contains("Məlumat &lt;i&gt;kommersiya&lt;/i&gt; sirridir")
        .doesNotContain("<i>kommersiya");

    HttpResponse<String> retired = officer.post("/console/grounds/commercial-secret/retire");
    assertThat(location(retired)).isEqualTo("/console/grounds?flash=ground-retired");
    assertThat(officer.get("/console/grounds").body()).contains("istifadədən çıxarılıb (leyla",
        "/console/grounds/commercial-secret/reinstate");
    assertThat(officer.get("/console/requests/" + fresh).body()).doesNotContain("refuse/commercial-secret")
        .contains("value=\"refuse/state-secret\"");
    HttpResponse<String> again = officer.post("/console/grounds/commercial-secret/retire");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("is retired already");
    assertThat(f.accounts.audit(Optional.of("leyla"), 50)).extracting(AuditEvent::detail)
        .contains("refusal ground commercial-secret added", "refusal ground commercial-secret retired");

    // A viewer reads the list without the forms; a responder may not change it (403, audited).
    f.account("komissiya", Role.VIEWER);
    Browser viewer = f.signedIn("komissiya", Optional.empty());
    assertThat(viewer.get("/console/grounds").body()).contains("commercial-secret").doesNotContain("/reinstate\"",
        "name=\"body-az\"");
    f.account("aysel", Role.UNIT_RESPONDER);
    Browser responder = f.signedIn("aysel", Optional.empty());
    responder.get("/console/grounds");
    assertThat(responder.post("/console/grounds/commercial-secret/reinstate").statusCode()).isEqualTo(403);
    assertThat(f.inbox.register().refusalGrounds()).filteredOn(g -> g.ground().equals("commercial-secret"))
        .singleElement().satisfies(g -> assertThat(g.inUse()).isFalse());
    assertThat(f.accounts.audit(Optional.of("aysel"), 10)).extracting(AuditEvent::kind).contains(AuditKind.ACCESS_DENIED);
  }

  @Test
  void anOfficerRefusesOnAChosenGroundWithTheLetterAndTheQueuesGroundFilterFindsIt() throws Exception {
    String page = officer.get("/console/requests/" + fresh).body();
    assertThat(page).contains("<select id=\"refuse-ground\" name=\"ground\"",
        "<option value=\"state-secret\">Məlumat dövlət sirridir", "name=\"fill\"", "<textarea id=\"refuse-text\"");

    // without JavaScript: choosing the ground and "fill from the template" puts its letter in the form
    HttpResponse<String> filled = officer.post("/console/requests/" + fresh + "/refuse", "ground", "not-held",
        "text", "", "fill", "1");
    assertThat(filled.statusCode()).isEqualTo(200);
    assertThat(filled.body()).containsPattern("(?s)<textarea id=\"refuse-text\"[^>]*>Hörmətli Aysel Məmmədova,\n\n"
        + fresh + " nömrəli sorğunuzda istənilən məlumat nazirlikdə yoxdur.</textarea>")
        .contains("<option value=\"not-held\" selected>");
    assertThat(f.inbox.register().get(fresh).status()).isEqualTo(RequestStatus.REGISTERED);

    HttpResponse<String> refused = officer.post("/console/requests/" + fresh + "/refuse", "ground", "not-held",
        "text", "Hörmətli Aysel Məmmədova,\n\nhesabat bizdə yoxdur.");
    assertThat(location(refused)).startsWith("/console/requests/" + fresh + "?flash=refuse&mail=");
    // the same register service the command line uses: a refusal made there is found by its ground too
    f.inbox.register().refuse(overdue, "rashad", "state-secret");

    String byGround = officer.get("/console/?queue=all&ground=not-held").body();
    assertThat(byGround).contains("Cəmi: 1", fresh, "<option value=\"not-held\" selected>").doesNotContain(overdue);
    assertThat(officer.get("/console/?queue=all&ground=state-secret").body()).contains("Cəmi: 1", overdue)
        .doesNotContain(fresh);
    assertThat(f.inbox.register().get(fresh).history()).filteredOn(e -> e.kind() == EventKind.REFUSED)
        .singleElement().satisfies(e -> assertThat(e.text()).startsWith("refused on ground not-held\n")
            .endsWith("\n\nHörmətli Aysel Məmmədova,\n\nhesabat bizdə yoxdur."));
    assertThat(f.accounts.audit(Optional.of("leyla"), 10)).extracting(AuditEvent::detail)
        .contains("refuse " + fresh + " on ground not-held");
  }

  @Test
  void aRefusalWithoutAGroundOrOnAnUnknownOrRetiredOneComesBackWithTheErrorSummaryAndTheLetterKept() throws Exception {
    officer.get("/console/requests/" + fresh);
    HttpResponse<String> none = officer.post("/console/requests/" + fresh + "/refuse", "ground", "",
        "text", "Məktub <b>qalır</b>");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("error-summary", "href=\"#refuse-ground\"", "İmtinanın hüquqi əsasını seçin",
        "Məktub &lt;b&gt;qalır&lt;/b&gt;").doesNotContain("<b>qalır");
    HttpResponse<String> unknown = officer.post("/console/requests/" + fresh + "/refuse", "ground", "art. 21",
        "text", "Məktub");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("error-summary", "href=\"#refuse-ground\"", "Belə imtina əsası yoxdur");
    f.inbox.register().retireRefusalGround("published", true, "admin");
    assertThat(officer.get("/console/requests/" + fresh).body()).doesNotContain("<option value=\"published\"");
    HttpResponse<String> retired = officer.post("/console/requests/" + fresh + "/refuse", "ground", "published",
        "text", "Məktub");
    assertThat(retired.statusCode()).isEqualTo(400);
    assertThat(retired.body()).contains("error-summary", "href=\"#refuse-ground\"", "istifadədən çıxarılıb");
    HttpResponse<String> noLetter = officer.post("/console/requests/" + fresh + "/refuse", "ground", "state-secret",
        "text", " ");
    assertThat(noLetter.statusCode()).isEqualTo(400);
    assertThat(noLetter.body()).contains("href=\"#refuse-text\"", "İmtina məktubunu yazın");
    assertThat(f.inbox.register().get(fresh).status()).isEqualTo(RequestStatus.REGISTERED);
    // the queue still offers a retired ground (older refusals cite it), marked so
    assertThat(officer.get("/console/").body()).contains("<option value=\"published\">Məlumat artıq dərc olunub"
        + " (istifadədən çıxarılıb)</option>");
  }

  @Test
  void officersSaveANewVersionOfATemplateViewersOnlyReadIt() throws Exception {
    assertThat(officer.get("/console/templates").body()).contains("Cavab", "state-secret",
        "href=\"/console/templates/answer/en\"");
    officer.get("/console/templates/answer/az");
    HttpResponse<String> bad = officer.post("/console/templates/answer/az", "body", "Hörmətli {ad}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("href=\"#body\"", "{ad}");
    HttpResponse<String> saved = officer.post("/console/templates/answer/az", "body",
        "Hörmətli {name}, {number} üzrə cavabımız:");
    assertThat(location(saved)).isEqualTo("/console/templates/answer/az?flash=template");
    assertThat(f.inbox.register().getTemplate(TemplateKind.ANSWER, "", "az").version()).isEqualTo(2);
    assertThat(officer.get("/console/templates/answer/az").body()).contains("Versiya 2", "Versiya 1", "leyla");
    assertThat(officer.get("/console/requests/" + fresh + "?template=answer&tlang=az").body())
        .contains("Hörmətli Aysel Məmmədova, " + fresh + " üzrə cavabımız:");

    f.account("komissiya", Role.VIEWER);
    Browser viewer = f.signedIn("komissiya", Optional.empty());
    assertThat(viewer.get("/console/templates/answer/az").body()).contains("Versiya 2").doesNotContain("<textarea");
    assertThat(viewer.post("/console/templates/answer/az", "body", "x").statusCode()).isEqualTo(403);
    assertThat(f.inbox.register().getTemplate(TemplateKind.ANSWER, "", "az").version()).isEqualTo(2);
  }

  @Test
  void anOfficerRecordsAWithdrawalAndReopensAnAnsweredRequestOnlyOnALawfulGround() throws Exception {
    officer.get("/console/requests/" + fresh);
    assertThat(officer.get("/console/requests/" + fresh).body()).doesNotContain("/reopen\"");
    assertThat(location(officer.post("/console/requests/" + fresh + "/withdraw", "reason", "3 mart tarixli məktub")))
        .endsWith("?flash=withdraw");
    assertThat(f.inbox.register().get(fresh).status()).isEqualTo(RequestStatus.WITHDRAWN);
    // Withdrawn: no ground reopens it; the register refuses and the page says why.
    HttpResponse<String> refused = officer.post("/console/requests/" + fresh + "/reopen", "ground", "appeal-upheld",
        "reason", "x");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("cannot be reopened");

    f.inbox.register().answer(overdue, "leyla", "Cavab", List.of());
    String answered = officer.get("/console/requests/" + overdue).body();
    assertThat(answered).contains("/reopen\"", "Şikayət və ya apellyasiya təmin edilib");
    assertThat(location(officer.post("/console/requests/" + overdue + "/reopen", "ground", "appeal-upheld", "reason",
        "Ombudsmanın qərarı"))).endsWith("?flash=reopen");
    assertThat(f.inbox.register().get(overdue).status()).isEqualTo(RequestStatus.REGISTERED);
    assertThat(f.inbox.register().get(overdue).history()).filteredOn(e -> e.kind() == EventKind.REOPENED)
        .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("leyla"));
  }

  @Test
  void aResponderAccountNeedsAUnitOfUnitsYamlOnTheAccountsPage() throws Exception {
    Browser admin = f.signedIn("admin", f.account("admin", Role.ADMINISTRATOR));
    admin.get("/console/accounts");
    HttpResponse<String> unknown = admin.post("/console/accounts", "username", "rauf", "role", "unit_responder",
        "unit", "Hüquq şöbəsi", "password", "violet mountain river lamp");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("href=\"#unit\"", "huquq, metbuat");
    assertThat(f.accounts.list()).extracting(a -> a.username()).doesNotContain("rauf");
    HttpResponse<String> added = admin.post("/console/accounts", "username", "rauf", "role", "unit_responder",
        "unit", ConsoleFixture.OTHER_UNIT, "password", "violet mountain river lamp");
    assertThat(location(added)).isEqualTo("/console/accounts?flash=account-added");
    assertThat(f.accounts.get("rauf").unit()).contains(ConsoleFixture.OTHER_UNIT);
    admin.get("/console/accounts");
    assertThat(admin.post("/console/accounts/leyla/role", "role", "unit_responder", "unit", "yoxdur").statusCode())
        .isEqualTo(400);
    assertThat(f.accounts.get("leyla").role()).isEqualTo(Role.FOI_OFFICER);
  }
}
