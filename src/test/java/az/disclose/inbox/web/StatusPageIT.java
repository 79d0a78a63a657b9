package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.RegisterService;
import az.disclose.inbox.mail.MailService;
import az.disclose.inbox.mail.MailSettings;
import az.disclose.inbox.mail.MailStore;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.testing.HtmlChecker;
import az.disclose.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requester's side after registration, over real HTTP with the real register: the receipt lists
 * the files received; the status page leads with the answer (its Markdown rendered, raw HTML escaped),
 * shows the question and its files, the history as sentences in the request's language, and serves the
 * answer's files as safe downloads under the private link only.
 */
class StatusPageIT {
  static final String NUMBER = "SEN-2026-00001";
  static final ObjectMapper MAPPER = new ObjectMapper();
  static HtmlChecker checker;

  @TempDir Path dir;
  TestClock clock = TestClock.baku(2026, 9, 1, 10, 0); // Tuesday
  Intake intake;

  @BeforeAll
  static void checker() {
    checker = HtmlChecker.create();
  }

  @AfterEach
  void stop() throws Exception {
    if (intake != null) {
      intake.close();
    }
  }

  void start() throws Exception {
    intake = Intake.start(dir.resolve("data"), clock, IntakeLimits.defaults().withoutRateLimit());
  }

  RegisterService register() {
    return intake.inbox.register();
  }

  void assertValidHtml(String html) throws Exception {
    Path file = Files.createTempFile(dir, "page", ".html");
    Files.writeString(file, html, StandardCharsets.UTF_8);
    assertThat(checker.check(file)).as("W3C errors in\n%s", html).isEmpty();
  }

  /** Sends the form (with {@code files}) in {@code lang}; returns the status token. */
  String submit(String lang, List<Intake.FilePart> files) throws Exception {
    HttpResponse<String> r = intake.post(Intake.multipart(Intake.with(Intake.validForm(), "lang", lang), files),
        Intake.MULTIPART_TYPE, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    Matcher m = Pattern.compile("^/requests/receipt/([A-Za-z0-9_-]+)$").matcher(r.headers().firstValue("Location").orElseThrow());
    assertThat(m.matches()).isTrue();
    return m.group(1);
  }

  HttpResponse<byte[]> fetch(String path) throws Exception {
    return intake.http.send(HttpRequest.newBuilder(intake.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static List<String> fileLinks(String page) {
    Matcher m = Pattern.compile("href=\"(/requests/status/[A-Za-z0-9_-]+/files/\\d+)\"").matcher(page);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static final String ANSWER_MD = """
      Hörmətli Aysel xanım,

      Sorğunuza **cavab** olaraq bildiririk:

      - hesabat əlavə olunur;
      - cədvəl də əlavə olunur.

      <script>alert('x')</script> <img src=x onerror=alert(1)>

      Bax: [link](javascript:alert%281%29)
      """;

  @Test
  void theReceiptListsTheFilesReceivedAndTheStatusPageTheQuestionWithItsFiles() throws Exception {
    start();
    String token = submit("az", List.of(new Intake.FilePart("hesabat.pdf", "application/pdf", Samples.pdf()),
        new Intake.FilePart("şəkil.png", "image/png", Samples.png())));
    String receipt = intake.get("/requests/receipt/" + token, null).body();
    assertThat(receipt).contains("Qəbul edilmiş fayllar").contains("hesabat.pdf").contains("şəkil.png")
        .contains(Samples.pdf().length + " bayt").contains("href=\"/requests/link?lang=az\"");
    assertValidHtml(receipt);

    String status = intake.get("/requests/status/" + token, null).body();
    assertThat(status).contains("Sorğunuz").contains("2025-ci il üzrə hesabat")
        .contains("Zəhmət olmasa, Nazirliyin 2025-ci il üzrə hesabatını göndərin.")
        .contains("Əlavə etdiyiniz fayllar").contains("hesabat.pdf").contains("şəkil.png")
        .doesNotContain("aysel@example.az");
    assertThat(fileLinks(status)).as("the requester's own files are listed, not served").isEmpty();
    assertValidHtml(status);
  }

  @Test
  void theStatusPageLeadsWithTheRenderedAnswerAndItsFilesDownloadSafely() throws Exception {
    start();
    String token = submit("az", List.of(new Intake.FilePart("ərizə.pdf", "application/pdf", Samples.pdf())));
    byte[] table = "il;say\n2025;12\n".getBytes(StandardCharsets.UTF_8);
    byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
    register().answer(NUMBER, "leyla", ANSWER_MD, List.of(
        new Attachment("Hesabat 2025 (yekun).pdf", "application/pdf", Samples.pdf()),
        new Attachment("cədvəl\"; x=\r\nSet-Cookie: a=b.csv", "text/csv", table),
        new Attachment("<img src=x onerror=alert(1)>.html", "text/html", html)));

    HttpResponse<String> r = intake.get("/requests/status/" + token, null);
    assertThat(r.statusCode()).isEqualTo(200);
    String page = r.body();
    assertThat(page.indexOf("class=\"answer\"")).as("the answer comes first").isPositive()
        .isLessThan(page.indexOf("class=\"receipt\"")).isLessThan(page.indexOf("class=\"history\""));
    assertThat(page)
        .contains("<strong>cavab</strong>")
        .contains("<li>hesabat əlavə olunur;</li>")
        .doesNotContain("**")
        .doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("href=\"javascript")
        .contains("<a href=\"#\">link</a>")
        .contains("&lt;script&gt;")
        .contains("Cavaba əlavə olunmuş fayllar")
        .contains("Hesabat 2025 (yekun).pdf")
        .contains("&lt;img src=x onerror=alert(1)&gt;.html")
        .contains("Sorğuya cavab verildi.");
    assertValidHtml(page);

    List<String> links = fileLinks(page);
    assertThat(links).hasSize(3).allMatch(l -> l.startsWith("/requests/status/" + token + "/files/"));

    HttpResponse<byte[]> pdf = fetch(links.get(0));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.body()).isEqualTo(Samples.pdf());
    assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition")).contains(
        "attachment; filename=\"Hesabat 2025 (yekun).pdf\"; filename*=UTF-8''Hesabat%202025%20%28yekun%29.pdf");
    assertThat(pdf.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(pdf.headers().firstValue("Cache-Control")).get().asString().contains("private").contains("no-store");
    assertThat(pdf.headers().firstValue("Referrer-Policy")).contains("no-referrer");

    HttpResponse<byte[]> csv = fetch(links.get(1));
    assertThat(csv.body()).isEqualTo(table);
    assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
    assertThat(csv.headers().allValues("Set-Cookie")).as("a file name cannot add a header").isEmpty();
    String disposition = csv.headers().firstValue("Content-Disposition").orElseThrow();
    assertThat(disposition).doesNotContain("\r").doesNotContain("\n")
        .startsWith("attachment; filename=\"c_dv_l__ x=__Set-Cookie: a=b.csv\"; filename*=UTF-8''")
        .endsWith("filename*=UTF-8''c%C9%99dv%C9%99l%22%3B%20x%3D__Set-Cookie%3A%20a%3Db.csv");

    HttpResponse<byte[]> active = fetch(links.get(2));
    assertThat(active.body()).isEqualTo(html);
    assertThat(active.headers().firstValue("Content-Type")).as("never served as HTML")
        .contains("application/octet-stream");
    assertThat(active.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment;");
    assertThat(active.headers().firstValue("Content-Security-Policy")).get().asString().contains("sandbox");
  }

  @Test
  void aFileIsServedOnlyUnderTheLinkOfItsOwnRequest() throws Exception {
    start();
    String first = submit("az", List.of(new Intake.FilePart("ərizə.pdf", "application/pdf", Samples.pdf())));
    String second = submit("az", List.of());
    register().answer(NUMBER, "leyla", "Cavab.", List.of(new Attachment("a.pdf", "application/pdf", Samples.pdf())));
    List<String> links = fileLinks(intake.get("/requests/status/" + first, null).body());
    assertThat(links).hasSize(1);
    String id = links.get(0).substring(links.get(0).lastIndexOf('/') + 1);
    assertThat(fetch(links.get(0)).statusCode()).isEqualTo(200);

    assertThat(fetch("/requests/status/" + second + "/files/" + id).statusCode())
        .as("another request's token").isEqualTo(404);
    assertThat(fetch("/requests/status/" + first + "/files/1").statusCode())
        .as("the request's own file (position 1) is not an answer file").isEqualTo(404);
    assertThat(fetch("/requests/status/" + first + "/files/99").statusCode()).isEqualTo(404);
    assertThat(fetch("/requests/status/" + first + "/files/..%2F1").statusCode()).isIn(400, 404);
    assertThat(fetch("/requests/status/" + "A".repeat(43) + "/files/" + id).statusCode()).isEqualTo(404);
    assertThat(fetch("/requests/receipt/" + first + "/files/" + id).statusCode())
        .as("files are served under the status link only").isEqualTo(404);
  }

  @Test
  void theJsonStatusListsTheQuestionsFilesAndTheAnswerWithItsFiles() throws Exception {
    start();
    String token = submit("az", List.of(new Intake.FilePart("ərizə.pdf", "application/pdf", Samples.pdf())));
    register().answer(NUMBER, "leyla", "**Cavab**", List.of(new Attachment("a.pdf", "application/pdf", Samples.pdf()),
        new Attachment("b.txt", "text/plain", "mətn".getBytes(StandardCharsets.UTF_8))));
    JsonNode json = MAPPER.readTree(intake.get("/requests/status/" + token, "application/json").body());
    assertThat(json.get("attachments")).hasSize(1);
    assertThat(json.get("attachments").get(0).get("name").asText()).isEqualTo("ərizə.pdf");
    assertThat(json.get("attachments").get(0).has("url")).isFalse();
    JsonNode answer = json.get("answers").get(0);
    assertThat(answer.get("text").asText()).isEqualTo("**Cavab**");
    assertThat(answer.get("files")).hasSize(2);
    String url = answer.get("files").get(1).get("url").asText();
    assertThat(answer.get("files").get(1).get("name").asText()).isEqualTo("b.txt");
    assertThat(url).contains("/requests/status/" + token + "/files/");
    HttpResponse<byte[]> file = fetch(url.substring(url.indexOf("/requests/")));
    assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("mətn");
    for (JsonNode h : json.get("history")) {
      assertThat(h.get("text").asText()).doesNotContain("info-request").doesNotContain("registered (");
    }
  }

  @Test
  void theHistoryReadsAsPlainSentencesWithoutInternalTextOrUnverifiedMarks() throws Exception {
    start();
    String token = submit("az", List.of());
    register().note(NUMBER, "leyla", "daxili: hüquq şöbəsinə soruşun");
    register().extend(NUMBER, "leyla", "məlumat bir neçə şöbədən toplanır");
    register().answer(NUMBER, "leyla", "Cavab.", List.of());
    String page = intake.get("/requests/status/" + token, null).body();
    String history = page.substring(page.indexOf("class=\"history\""));
    assertThat(history)
        .contains("Sorğu " + NUMBER + " nömrəsi ilə qeydiyyata alındı. Cavab üçün son müddət: 10 sentyabr 2026."
            + " Hüquqi əsas: “İnformasiya əldə etmək haqqında” Qanun (2005), maddə 24.1 və 24.5.")
        .contains("Cavab müddəti 21 sentyabr 2026 tarixinədək uzadıldı. Hüquqi əsas: “İnformasiya əldə etmək"
            + " haqqında” Qanun (2005). Səbəb: məlumat bir neçə şöbədən toplanır")
        .contains("<a href=\"#answer-")
        .doesNotContain("daxili: hüquq")
        .doesNotContain("registered (").doesNotContain("info-request").doesNotContain("due date")
        .doesNotContain("(extension)");
    assertThat(page).doesNotContain("UNVERIFIED").doesNotContain("unverified");
    assertThat(Pattern.compile("\\([^()]*\\(").matcher(history).find()).as("no nested brackets in\n%s", history)
        .isFalse();
    assertThat(page).as("the basis in force is the extension's")
        .contains("<dd>“İnformasiya əldə etmək haqqında” Qanun (2005)</dd>");
    assertValidHtml(page);
  }

  @Test
  void aRefusalShowsTheGroundsNameInTheRequestersLanguageAndTheLetterNeverTheGroundsKey() throws Exception {
    start();
    String token = submit("en", List.of());
    register().refuse(NUMBER, "leyla", "state-secret", "Dear requester,\n\nthe plan is <b>classified</b>.");
    String page = intake.get("/requests/status/" + token, null).body();
    String history = page.substring(page.indexOf("class=\"history\""));
    assertThat(history).contains("The request was refused. Ground: The information is a state secret (Law on the"
        + " Right to Obtain Information)\n\nDear requester,\n\nthe plan is &lt;b&gt;classified&lt;/b&gt;.")
        .doesNotContain("state-secret").doesNotContain("refused on ground").doesNotContain("Dövlət");
    assertValidHtml(page);
  }

  @Test
  void aRequestMadeInEnglishGetsItsReceiptAndStatusInEnglish() throws Exception {
    start();
    String token = submit("en", List.of(new Intake.FilePart("report.pdf", "application/pdf", Samples.pdf())));
    register().answer(NUMBER, "leyla", "Here is *the* report.", List.of());
    String receipt = intake.get("/requests/receipt/" + token, null).body();
    assertThat(receipt).contains("lang=\"en\"").contains("Your request has been registered").contains("Files received")
        .contains("report.pdf");
    String status = intake.get("/requests/status/" + token, null).body();
    assertThat(status).contains("lang=\"en\"").contains("Status of the request").contains("<em>the</em>")
        .contains("The request was registered under number " + NUMBER + ". The answer is due by 10 September 2026.")
        .contains("The request was answered.")
        .doesNotContain("qeydiyyata alındı");
    assertValidHtml(status);
    // The navigation as the English site's pages show it: the site's English title, the content
    // pages' English titles (pages/haqqinda.en.md), all under /en/.
    String lostLink = intake.get("/requests/link?lang=en", null).body();
    for (String page : List.of(receipt, status, lostLink)) {
      assertThat(page).contains("<a class=\"brand\" href=\"/en/\">Ministry of Industry and Energy — Open Government</a>",
          "<a href=\"/en/haqqinda/\">About this site</a>", "<a href=\"/en/plan/\">Work plan</a>")
          .doesNotContain(">Sayt haqqında</a>", "Açıq Hökumət</a>");
    }
  }

  // ------------------------------------------------------------------ the lost link

  HttpResponse<String> askForLink(Map<String, String> fields) throws Exception {
    return intake.http.send(HttpRequest.newBuilder(intake.uri("/requests/link"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Intake.urlEncoded(fields))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static Map<String, String> linkForm(String number, String email) {
    return Map.of("lang", "az", "number", number, "email", email, "website", "");
  }

  long linkEvents() throws Exception {
    return register().get(NUMBER).history().stream().filter(e -> e.kind() == EventKind.LINK_RESENT).count();
  }

  @Test
  void theLostLinkFormAnswersTheSameWhetherOrNotTheNumberAndAddressMatch() throws Exception {
    start();
    String token = submit("az", List.of());
    HttpResponse<String> form = intake.get("/requests/link?lang=az", null);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"number\"").contains("name=\"email\"").contains("name=\"website\"");
    assertValidHtml(form.body());

    HttpResponse<String> matched = askForLink(linkForm(" sen-2026-00001 ", "AYSEL@example.az"));
    HttpResponse<String> wrongAddress = askForLink(linkForm(NUMBER, "someone@example.az"));
    HttpResponse<String> noSuchRequest = askForLink(linkForm("SEN-2026-00999", "aysel@example.az"));
    assertThat(matched.statusCode()).isEqualTo(200);
    assertThat(wrongAddress.statusCode()).isEqualTo(200);
    assertThat(noSuchRequest.statusCode()).isEqualTo(200);
    assertThat(wrongAddress.body()).isEqualTo(matched.body());
    assertThat(noSuchRequest.body()).isEqualTo(matched.body());
    assertThat(matched.body()).doesNotContain(token).contains("Müraciətiniz qəbul edildi");
    assertValidHtml(matched.body());

    List<HistoryEvent> asked = register().get(NUMBER).history().stream()
        .filter(e -> e.kind() == EventKind.LINK_RESENT).toList();
    assertThat(asked).as("only the matching pair is recorded").hasSize(1);
    assertThat(asked.get(0).visibleToRequester()).isFalse();
    String page = intake.get("/requests/status/" + token, null).body();
    assertThat(page.substring(page.indexOf("class=\"history\""), page.indexOf("</ol>")))
        .as("the ask is not in the public history").doesNotContain("keçid").doesNotContain("link");
  }

  @Test
  void withMailOnTheLinkIsQueuedToTheAddressOnRecordOnlyWhenThePairMatches() throws Exception {
    start();
    MailService.installOutbox(intake.inbox, MailSettings.none()
        .withSmtp(new MailSettings.Server("127.0.0.1", 2525, MailSettings.Security.NONE, "", ""),
            "Nazirlik <sorgu@ministry.example>")
        .withStatusUrl("https://ministry.example/requests/status/"));
    String token = submit("az", List.of());
    MailStore mail = new MailStore(intake.inbox.store());
    int before = mail.outbox(NUMBER).size(); // the acknowledgement

    askForLink(linkForm(NUMBER, "attacker@example.az"));
    assertThat(mail.outbox(NUMBER)).hasSize(before);
    askForLink(linkForm(NUMBER, "aysel@example.az"));
    List<MailStore.OutboxEntry> queued = mail.outbox(NUMBER);
    assertThat(queued).hasSize(before + 1);
    MailStore.OutboxEntry link = queued.get(queued.size() - 1);
    assertThat(link.kind()).isEqualTo("link");
    assertThat(link.recipient()).isEqualTo("aysel@example.az");
    assertThat(link.body()).contains("https://ministry.example/requests/status/" + token);
  }

  @Test
  void theLostLinkFormIsRateLimitedPerAddressAndRefusesAFilledHoneypot() throws Exception {
    start();
    submit("az", List.of());
    HttpResponse<String> bot = askForLink(Map.of("number", NUMBER, "email", "aysel@example.az", "website", "spam"));
    assertThat(bot.statusCode()).isEqualTo(400);
    assertThat(linkEvents()).isZero();

    for (int i = 0; i < LostLinkEndpoint.EMAIL_BURST; i++) {
      assertThat(askForLink(linkForm(NUMBER, "aysel@example.az")).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = askForLink(linkForm(NUMBER, "Aysel@Example.az"));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(linkEvents()).isEqualTo(LostLinkEndpoint.EMAIL_BURST);

    clock.advance(LostLinkEndpoint.EMAIL_REFILL);
    assertThat(askForLink(linkForm(NUMBER, "aysel@example.az")).statusCode()).as("after the refill").isEqualTo(200);
    for (int i = 1; i < LostLinkEndpoint.CLIENT_BURST; i++) {
      assertThat(askForLink(linkForm(NUMBER, "other" + i + "@example.az")).statusCode()).isEqualTo(200);
    }
    assertThat(askForLink(linkForm(NUMBER, "another@example.az")).statusCode())
        .as("the client's own limit is " + LostLinkEndpoint.CLIENT_BURST + " at once, whatever the address")
        .isEqualTo(429);
  }
}
