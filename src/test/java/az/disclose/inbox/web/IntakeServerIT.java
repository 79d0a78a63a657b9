package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.ListFilter;
import az.disclose.testing.HtmlChecker;
import az.disclose.testing.TestClock;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.model.Urgency;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The web intake over real HTTP, with the real register on SQLite. */
class IntakeServerIT {
  static final String JSON = "application/json";
  static HtmlChecker checker;
  static final ObjectMapper MAPPER = new ObjectMapper();

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

  Intake start() throws Exception {
    return start(IntakeLimits.defaults());
  }

  Intake start(IntakeLimits limits) throws Exception {
    intake = Intake.start(dir.resolve("data"), clock, limits);
    return intake;
  }

  int stored() throws Exception {
    return intake.inbox.register().list(ListFilter.all()).size();
  }

  void assertValidHtml(String html) throws Exception {
    Path file = Files.createTempFile(dir, "page", ".html");
    Files.writeString(file, html, StandardCharsets.UTF_8);
    assertThat(checker.check(file)).as("W3C errors in\n%s", html).isEmpty();
  }

  static void assertSecurityHeaders(HttpResponse<?> r) {
    assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
  }

  static String token(HttpResponse<?> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow();
    Matcher m = Pattern.compile("^/requests/receipt/([A-Za-z0-9_-]+)$").matcher(location);
    assertThat(m.matches()).as("Location %s", location).isTrue();
    return m.group(1);
  }

  // ------------------------------------------------------------------ success

  @Test
  void urlEncodedSubmissionIsRegisteredAndShowsReceiptAndStatus() throws Exception {
    start();
    Map<String, String> form = Intake.validForm();
    byte[] body = Intake.urlEncoded(form);
    HttpResponse<String> r = intake.post(body, "application/x-www-form-urlencoded", null);
    assertThat(r.statusCode()).isEqualTo(303);
    String token = token(r);

    RequestView view = intake.inbox.register().find("SEN-2026-00001").orElseThrow();
    assertThat(view.name()).isEqualTo("Aysel Məmmədova");
    assertThat(view.email()).isEqualTo("aysel@example.az");
    assertThat(view.type()).isEqualTo(RequestType.INFORMATION);
    assertThat(view.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(view.subject()).isEqualTo(form.get("subject"));
    assertThat(view.message()).as("line ends stored as LF").isEqualTo(form.get("message").replace("\r\n", "\n"));
    assertThat(view.language()).isEqualTo("az");
    assertThat(intake.inbox.register().raw("SEN-2026-00001")).as("the exact HTTP body").isEqualTo(body);

    HttpResponse<String> receipt = intake.get("/requests/receipt/" + token, null);
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertSecurityHeaders(receipt);
    assertThat(receipt.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(receipt.body())
        .contains("Sorğunuz qeydiyyata alındı")
        .contains("SEN-2026-00001")
        .contains("<time datetime=\"2026-09-10\">10 sentyabr 2026</time>")
        .contains("maddə 24.1")
        .contains("href=\"/requests/status/" + token + "\"")
        .contains("<link rel=\"stylesheet\" href=\"/style.css\">"); // the site's theme
    assertValidHtml(receipt.body());

    HttpResponse<String> status = intake.get("/requests/status/" + token, null);
    assertThat(status.statusCode()).isEqualTo(200);
    assertSecurityHeaders(status);
    assertThat(status.body())
        .contains("Sorğunun vəziyyəti")
        .contains("SEN-2026-00001")
        .contains("Qeydiyyata alınıb, baxılır")
        .contains("Sorğu SEN-2026-00001 nömrəsi ilə qeydiyyata alındı.")
        .contains("1 sentyabr 2026, 10:00")
        .doesNotContain("aysel@example.az")
        .as("the requester's own question").contains("Nazirliyin 2025-ci il üzrə hesabatını göndərin");
    assertValidHtml(status.body());
  }

  @Test
  void theSitesEnglishFormRegistersTheRequestInEnglish() throws Exception {
    // The language field exactly as the built site's English request page carries it.
    Path project = dir.resolve("project");
    az.disclose.site.TestSites.copyProject(project);
    new az.disclose.site.SiteBuilder(project.resolve("content"), project.resolve("theme"), project.resolve("site"), clock).build();
    java.util.regex.Matcher lang = java.util.regex.Pattern.compile("<input type=\"hidden\" name=\"lang\" value=\"([a-z]+)\">")
        .matcher(java.nio.file.Files.readString(project.resolve("site/en/request/index.html")));
    assertThat(lang.find()).isTrue();
    start();

    String token = token(intake.postForm(Intake.with(Intake.validForm(), "lang", lang.group(1)), null));

    assertThat(intake.inbox.register().find("SEN-2026-00001").orElseThrow().language()).isEqualTo("en");
    HttpResponse<String> receipt = intake.get("/requests/receipt/" + token, null);
    // In English, and its language switch leads to the request page, not to an /en/ copy of the private link.
    assertThat(receipt.body()).contains("<html lang=\"en\">", "<a hreflang=\"az\" lang=\"az\" href=\"/request/\">")
        .doesNotContain("/en/requests/", "hreflang=\"x-default\"");
  }

  @Test
  void statusPageShowsOnlyTheEventsTheRequesterMaySee() throws Exception {
    start();
    String token = token(intake.postForm(Intake.validForm(), null));
    intake.inbox.register().note("SEN-2026-00001", "officer", "internal: ask the legal unit");
    intake.inbox.register().clarify("SEN-2026-00001", "officer", "Hansı il nəzərdə tutulur? <b>2025</b>?");
    String page = intake.get("/requests/status/" + token, null).body();
    assertThat(page).doesNotContain("internal: ask the legal unit")
        .contains("Sorğunuzu dəqiqləşdirməyiniz xahiş olundu: Hansı il")
        .contains("Hansı il nəzərdə tutulur? &lt;b&gt;2025&lt;/b&gt;?")
        .contains("Dəqiqləşdirmə istənilib");
    assertValidHtml(page);
  }

  @Test
  void multipartSubmissionKeepsEveryAcceptedAttachment() throws Exception {
    start();
    List<Intake.FilePart> files = List.of(
        new Intake.FilePart("hesabat.pdf", "application/pdf", Samples.pdf()),
        new Intake.FilePart("şəkil.png", "image/png", Samples.png()),
        new Intake.FilePart("ərizə.docx", "application/octet-stream", Samples.docx()),
        new Intake.FilePart("mətn.odt", "application/vnd.oasis.opendocument.text", Samples.odt()),
        new Intake.FilePart("qeyd.txt", "text/plain", Samples.txt()));
    byte[] body = Intake.multipart(Intake.validForm(), files);
    HttpResponse<String> r = intake.post(body, Intake.MULTIPART_TYPE, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    assertThat(intake.inbox.register().raw("SEN-2026-00001")).isEqualTo(body);
    List<StoredAttachment> stored = intake.inbox.register().attachments("SEN-2026-00001");
    assertThat(stored).extracting(a -> a.attachment().fileName())
        .containsExactly("hesabat.pdf", "şəkil.png", "ərizə.docx", "mətn.odt", "qeyd.txt");
    assertThat(stored.get(0).attachment().bytes()).isEqualTo(Samples.pdf());
    assertThat(stored.get(2).attachment().contentType()).contains("wordprocessingml");
    assertThat(stored.get(4).attachment().bytes()).isEqualTo(Samples.txt());
  }

  @Test
  void azerbaijaniLettersRoundTripThroughBothEncodings() throws Exception {
    start();
    String letters = "ə ı ğ ö ü ç ş İ Ə I Ğ Ö Ü Ç Ş i";
    Map<String, String> form = Intake.with(Intake.with(Intake.with(Intake.validForm(),
        "name", "Şəhla Ağayeva-İsmayılova"), "subject", "Müraciət: " + letters), "message", "Mətn — " + letters + "\r\nİkinci sətir.");
    assertThat(intake.postForm(form, null).statusCode()).isEqualTo(303);
    HttpResponse<String> r = intake.post(Intake.multipart(form, List.of()), Intake.MULTIPART_TYPE, null);
    assertThat(r.statusCode()).isEqualTo(303);
    for (String number : List.of("SEN-2026-00001", "SEN-2026-00002")) {
      RequestView v = intake.inbox.register().find(number).orElseThrow();
      assertThat(v.name()).isEqualTo("Şəhla Ağayeva-İsmayılova");
      assertThat(v.subject()).isEqualTo("Müraciət: " + letters);
      assertThat(v.message()).isEqualTo("Mətn — " + letters + "\nİkinci sətir.");
    }
    assertThat(intake.get("/requests/status/" + token(r), null).body()).contains("Müraciət: " + letters);
  }

  @Test
  void urgentInformationRequestIsDueInHours() throws Exception {
    start();
    HttpResponse<String> r = intake.postForm(Intake.with(Intake.validForm(), "urgency", "life"), null);
    assertThat(r.statusCode()).isEqualTo(303);
    String page = intake.get("/requests/receipt/" + token(r), null).body();
    assertThat(page).contains("3 sentyabr 2026, 10:00").contains("maddə 24.3");
  }

  @Test
  void appealsAreRegisteredUnderTheLawOnCitizensAppeals() throws Exception {
    start();
    HttpResponse<String> r = intake.postForm(Intake.with(Intake.validForm(), "type", "complaint"), null);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(intake.get("/requests/receipt/" + token(r), null).body())
        .contains("Vətəndaşların müraciətləri haqqında");
  }

  // ------------------------------------------------------------------ bad input

  static Stream<Arguments> badFields() {
    return Stream.of(
        Arguments.of("name", null, "Adınızı və soyadınızı yazın."),
        Arguments.of("name", "   ", "Adınızı və soyadınızı yazın."),
        Arguments.of("name", "a".repeat(201), "200 simvoldan uzun olmamalıdır"),
        Arguments.of("email", "", "E-poçt ünvanınızı yazın."),
        Arguments.of("email", "aysel-at-example.az", "E-poçt ünvanı düzgün deyil"),
        Arguments.of("email", "aysel@localhost", "E-poçt ünvanı düzgün deyil"),
        Arguments.of("email", "a@b@example.az", "E-poçt ünvanı düzgün deyil"),
        Arguments.of("email", "a".repeat(250) + "@example.az", "254 simvoldan uzun olmamalıdır"),
        Arguments.of("type", "bribe", "Müraciətin növü siyahıdakılardan biri olmalıdır."),
        Arguments.of("type", null, "Müraciətin növünü seçin."),
        Arguments.of("urgency", "yesterday", "Təxirəsalınmazlıq siyahıdakılardan biri olmalıdır."),
        Arguments.of("subject", "", "Sorğunun mövzusunu yazın."),
        Arguments.of("subject", "ş".repeat(301), "300 simvoldan uzun olmamalıdır"),
        Arguments.of("message", " \r\n ", "Sorğunun mətnini yazın."),
        Arguments.of("message", "ə".repeat(20_001), "20000 simvoldan uzun olmamalıdır"),
        Arguments.of("lang", "ru", "Formanın dili tanınmadı"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badFields")
  void eachInvalidFieldIsNamedAndNothingIsStored(String field, String value, String expected) throws Exception {
    start();
    HttpResponse<String> r = intake.postForm(Intake.with(Intake.validForm(), field, value), null);
    assertThat(r.statusCode()).isEqualTo(422);
    assertSecurityHeaders(r);
    assertThat(r.body()).contains(expected).contains("Sorğunuz hələ qeydiyyata alınmayıb");
    if (!field.equals("lang")) {
      assertThat(r.body()).contains("id=\"" + field + "-error\"");
    }
    assertThat(stored()).isZero();
  }

  @Test
  void reShownFormKeepsWhatWasTypedAndIsValidHtml() throws Exception {
    start();
    Map<String, String> form = Intake.with(Intake.with(Intake.validForm(), "email", "not-an-address"),
        "type", "question");
    HttpResponse<String> r = intake.postForm(form, null);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body())
        .contains("value=\"Aysel Məmmədova\"")
        .contains("value=\"not-an-address\"")
        .contains("value=\"2025-ci il üzrə hesabat\"")
        .contains(">Zəhmət olmasa, Nazirliyin 2025-ci il üzrə hesabatını göndərin.")
        .contains("<option value=\"question\" selected>")
        .contains("aria-invalid=\"true\" aria-describedby=\"email-error email-hint\"")
        .contains("action=\"/requests\"");
    assertValidHtml(r.body());
  }

  @Test
  void urgencyIsOnlyForInformationRequests() throws Exception {
    start();
    Map<String, String> form = Intake.with(Intake.with(Intake.validForm(), "type", "proposal"), "urgency", "relevance");
    HttpResponse<String> r = intake.postForm(form, null);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("yalnız informasiya sorğuları üçündür");
    assertThat(intake.postForm(Intake.with(form, "urgency", "normal"), null).statusCode()).isEqualTo(303);
  }

  @Test
  void errorsAreInEnglishWhenTheFormWasEnglish() throws Exception {
    start();
    Map<String, String> form = Intake.with(Intake.with(Intake.with(Intake.validForm(), "lang", "en"), "name", ""),
        "email", "x");
    HttpResponse<String> r = intake.postForm(form, null);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("<html lang=\"en\">")
        .contains("Please enter your name.")
        .contains("The e-mail address is not valid")
        .contains("The request was not sent")
        .contains("name=\"lang\" value=\"en\"");
    assertValidHtml(r.body());
    HttpResponse<String> json = intake.postForm(form, JSON);
    assertThat(MAPPER.readTree(json.body()).get("errors").get(0).get("message").asText()).isEqualTo("Please enter your name.");
  }

  @Test
  void hostileInputIsEscapedInTheReShownFormAndTheStatusPage() throws Exception {
    start();
    String hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
    Map<String, String> bad = Intake.with(Intake.with(Intake.with(Intake.validForm(), "name", hostile), "message", hostile),
        "email", "");
    HttpResponse<String> r = intake.postForm(bad, null);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).doesNotContain("<script>alert").doesNotContain("<img src=x")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    assertValidHtml(r.body());

    HttpResponse<String> ok = intake.postForm(Intake.with(Intake.validForm(), "subject", hostile), null);
    assertThat(ok.statusCode()).isEqualTo(303);
    String status = intake.get("/requests/status/" + token(ok), null).body();
    assertThat(status).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;");
    assertValidHtml(status);
  }

  @Test
  void attachmentsAreCheckedForCountSizeAndType() throws Exception {
    start(IntakeLimits.defaults().withAttachmentBytes(4096));
    Intake.FilePart pdf = new Intake.FilePart("a.pdf", "application/pdf", Samples.pdf());

    HttpResponse<String> many = intake.post(Intake.multipart(Intake.validForm(), List.of(pdf, pdf, pdf, pdf, pdf, pdf)),
        Intake.MULTIPART_TYPE, null);
    assertThat(many.statusCode()).isEqualTo(422);
    assertThat(many.body()).contains("Ən çoxu 5 fayl əlavə etmək olar.");

    byte[] big = new byte[5000];
    System.arraycopy(Samples.pdf(), 0, big, 0, Samples.pdf().length);
    HttpResponse<String> large = intake.post(Intake.multipart(Intake.validForm(),
        List.of(new Intake.FilePart("böyük.pdf", "application/pdf", big))), Intake.MULTIPART_TYPE, null);
    assertThat(large.statusCode()).isEqualTo(422);
    assertThat(large.body()).contains("“böyük.pdf” faylı çox böyükdür");

    for (Intake.FilePart wrong : List.of(
        new Intake.FilePart("virus.exe", "application/pdf", "MZ....".getBytes(StandardCharsets.US_ASCII)),
        new Intake.FilePart("disguised.pdf", "application/pdf", Samples.png()),
        new Intake.FilePart("page.html", "text/html", "<script>x</script>".getBytes(StandardCharsets.US_ASCII)),
        new Intake.FilePart("archive.docx", "application/octet-stream", Samples.plainZip()))) {
      HttpResponse<String> r = intake.post(Intake.multipart(Intake.validForm(), List.of(wrong)), Intake.MULTIPART_TYPE, null);
      assertThat(r.statusCode()).as(wrong.fileName()).isEqualTo(422);
      assertThat(r.body()).contains("“" + wrong.fileName() + "” faylının növü qəbul edilmir");
      assertValidHtml(r.body());
    }
    assertThat(stored()).isZero();

    HttpResponse<String> fine = intake.post(Intake.multipart(Intake.validForm(), List.of(pdf, pdf, pdf, pdf, pdf)),
        Intake.MULTIPART_TYPE, null);
    assertThat(fine.statusCode()).isEqualTo(303);
  }

  @Test
  void bodyOverTheLimitIs413WithAThemedPage() throws Exception {
    start(IntakeLimits.defaults().withBodyLimits(64 * 1024, 16 * 1024));
    HttpResponse<String> form = intake.postForm(Intake.with(Intake.validForm(), "message", "x".repeat(20 * 1024)), null);
    assertThat(form.statusCode()).isEqualTo(413);
    assertThat(form.body()).contains("Göndərilən məlumat çox böyükdür").contains("16 KiB");
    assertValidHtml(form.body());
    byte[] big = new byte[80 * 1024];
    System.arraycopy(Samples.pdf(), 0, big, 0, Samples.pdf().length);
    HttpResponse<String> multipart = intake.post(Intake.multipart(Intake.validForm(),
        List.of(new Intake.FilePart("a.pdf", "application/pdf", big))), Intake.MULTIPART_TYPE, JSON);
    assertThat(multipart.statusCode()).isEqualTo(413);
    assertThat(MAPPER.readTree(multipart.body()).get("error").asText()).isEqualTo("too_large");
    assertThat(stored()).isZero();
  }

  @Test
  void honeypotFilledIsRefusedWith400AndNothingStored() throws Exception {
    start();
    HttpResponse<String> r = intake.postForm(Intake.with(Intake.validForm(), "website", "http://spam.example"), null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Formanın gizli sahəsi doldurulub").contains("mailto:");
    assertValidHtml(r.body());
    assertThat(stored()).isZero();
  }

  @Test
  void malformedAndUnsupportedBodiesAreRefused() throws Exception {
    start();
    assertThat(intake.post("name=%E0%ZZ".getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded", null)
        .statusCode()).isEqualTo(400);
    assertThat(intake.post("garbage".getBytes(StandardCharsets.US_ASCII), "multipart/form-data; boundary=xyz", null)
        .statusCode()).isEqualTo(400);
    assertThat(intake.post("{}".getBytes(StandardCharsets.US_ASCII), JSON, null).statusCode()).isEqualTo(415);
    assertThat(stored()).isZero();
  }

  @Test
  void floodsFromOneAddressGet429WithRetryAfter() throws Exception {
    start();
    for (int i = 0; i < IntakeLimits.RATE_BURST; i++) {
      assertThat(intake.postForm(Intake.validForm(), null).statusCode()).as("submission %d", i + 1).isEqualTo(303);
    }
    HttpResponse<String> r = intake.postForm(Intake.validForm(), null);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).contains("6");
    assertThat(r.body()).contains("6 saniyədən sonra");
    assertValidHtml(r.body());
    HttpResponse<String> json = intake.postForm(Intake.validForm(), JSON);
    assertThat(json.statusCode()).isEqualTo(429);
    assertThat(MAPPER.readTree(json.body()).get("retry_after").asInt()).isEqualTo(6);
    assertThat(stored()).isEqualTo(IntakeLimits.RATE_BURST);
    clock.advance(Duration.ofSeconds(6));
    assertThat(intake.postForm(Intake.validForm(), null).statusCode()).isEqualTo(303);
  }

  // ------------------------------------------------------------------ JSON

  @Test
  void jsonAnswersForSuccessErrorsAndStatus() throws Exception {
    start();
    HttpResponse<String> created = intake.postForm(Intake.validForm(), JSON);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    JsonNode c = MAPPER.readTree(created.body());
    assertThat(c.get("number").asText()).isEqualTo("SEN-2026-00001");
    assertThat(c.get("due_date").asText()).isEqualTo("2026-09-10");
    String statusUrl = c.get("status_url").asText();
    assertThat(statusUrl).matches("/requests/status/[A-Za-z0-9_-]{20,}");
    assertThat(created.headers().firstValue("Location")).contains(statusUrl);

    HttpResponse<String> status = intake.get(statusUrl, JSON);
    assertThat(status.statusCode()).isEqualTo(200);
    JsonNode s = MAPPER.readTree(status.body());
    assertThat(s.get("number").asText()).isEqualTo("SEN-2026-00001");
    assertThat(s.get("status").asText()).isEqualTo("registered");
    assertThat(s.get("due_date").asText()).isEqualTo("2026-09-10");
    assertThat(s.get("history").get(0).get("kind").asText()).isEqualTo(EventKind.REGISTERED.name().toLowerCase());
    assertThat(s.has("email")).isFalse();

    HttpResponse<String> invalid = intake.postForm(Intake.with(Intake.with(Intake.validForm(), "name", ""), "type", "x"), JSON);
    assertThat(invalid.statusCode()).isEqualTo(422);
    JsonNode errors = MAPPER.readTree(invalid.body()).get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("field").asText()).isEqualTo("name");
    assertThat(errors.get(0).get("message").asText()).isEqualTo("Adınızı və soyadınızı yazın.");
    assertThat(errors.get(1).get("field").asText()).isEqualTo("type");

    HttpResponse<String> missing = intake.get("/requests/status/" + "A".repeat(43), JSON);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(MAPPER.readTree(missing.body()).get("error").asText()).isEqualTo("not_found");
  }

  // ------------------------------------------------------------------ other paths

  @Test
  void unknownTokensAndPathsGetTheThemed404() throws Exception {
    start();
    for (String path : List.of("/requests/status/" + "A".repeat(43), "/requests/receipt/short", "/requests/status/" + "B".repeat(300),
        "/nothing-here")) {
      HttpResponse<String> r = intake.get(path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body()).contains("<link rel=\"stylesheet\" href=\"/style.css\">");
      assertValidHtml(r.body());
    }
  }

  @Test
  void healthzReportsAWriteProbeAndTheFreeSpaceAndFailsOnceTheRegisterCannotCommit() throws Exception {
    start();
    HttpResponse<String> r = intake.get("/healthz", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith(JSON);
    JsonNode h = MAPPER.readTree(r.body());
    assertThat(h.get("status").asText()).isEqualTo("ok");
    assertThat(h.get("accepting_submissions").asBoolean()).isTrue();
    assertThat(h.at("/register/can_commit").asBoolean()).isTrue();
    assertThat(h.at("/register/error").isNull()).isTrue();
    assertThat(h.at("/disk/free_bytes").asLong()).isPositive();
    assertThat(h.at("/disk/min_free_bytes").asLong()).isEqualTo(256L * 1024 * 1024);
    assertThat(h.has("mail")).as("no mail configured").isFalse();
    assertThat(r.body()).as("no path of the server in a public answer").doesNotContain(dir.toString());
    assertThat(stored()).as("the probe registers nothing").isZero();
    intake.inbox.close();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); // a probe result is kept up to 2 s
    HttpResponse<String> failing;
    while ((failing = intake.get("/healthz", null)).statusCode() != 503) {
      assertThat(System.nanoTime()).as("/healthz fails once the register is closed").isLessThan(deadline);
      Thread.sleep(100);
    }
    JsonNode f = MAPPER.readTree(failing.body());
    assertThat(f.get("status").asText()).isEqualTo("failing");
    assertThat(f.at("/register/can_commit").asBoolean()).isFalse();
    assertThat(f.at("/register/error").asText()).isNotBlank();
  }

  @Test
  void getOnTheEndpointLeadsToTheFormAndOtherMethodsAreRefused() throws Exception {
    start();
    HttpResponse<String> r = intake.get("/requests", null);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).contains("/request/");
    HttpResponse<String> put = intake.http.send(java.net.http.HttpRequest.newBuilder(intake.uri("/requests"))
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).contains("GET, HEAD, POST");
  }
}
