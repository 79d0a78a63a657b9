package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.ListFilter;
import az.disclose.inbox.Register;
import az.disclose.inbox.model.Receipt;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.model.StoredFile;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.model.Submission;
import az.disclose.serve.TrustedProxies;
import az.disclose.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web intake against hostile clients and failing parts (issue 11, "Floods and hostile clients"). */
class IntakeHostileIT {
  @TempDir Path dir;
  TestClock clock = TestClock.baku(2026, 9, 1, 10, 0); // Tuesday
  Intake intake;

  @AfterEach
  void stop() throws Exception {
    if (intake != null) {
      intake.close();
    }
  }

  Intake start(IntakeLimits limits) throws Exception {
    return start(limits, r -> r, null);
  }

  Intake start(IntakeLimits limits, UnaryOperator<Register> wrap, TrustedProxies proxies) throws Exception {
    intake = Intake.start(dir.resolve("data"), clock, limits, wrap, proxies);
    return intake;
  }

  int stored() throws Exception {
    return intake.inbox.register().list(ListFilter.all()).size();
  }

  static byte[] concat(byte[] a, String b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b.getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  // ------------------------------------------------------------------ small ones

  @Test
  void invalidUtf8InAFieldIsRefusedWith400NotReplaced() throws Exception {
    start(IntakeLimits.defaults());
    // %C3%28 is a broken two-byte sequence; a lenient decoder would store U+FFFD instead
    byte[] urlEncoded = Intake.urlEncoded(Intake.with(Intake.validForm(), "subject", null));
    HttpResponse<String> r = intake.post(concat(urlEncoded, "&subject=Hesabat%C3%28"),
        "application/x-www-form-urlencoded", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("UTF-8 kodlaşdırmasında deyil");

    byte[] multipart = Intake.multipart(Intake.with(Intake.validForm(), "message", "ok"), List.of());
    String text = new String(multipart, StandardCharsets.ISO_8859_1).replace("\r\n\r\nok\r\n", "\r\n\r\no\u00ffk\r\n");
    HttpResponse<String> m = intake.post(text.getBytes(StandardCharsets.ISO_8859_1), Intake.MULTIPART_TYPE, "application/json");
    assertThat(m.statusCode()).isEqualTo(400);
    assertThat(m.body()).contains("\"not_utf8\"");
    assertThat(stored()).isZero();
  }

  @Test
  void theHoneypotLooksAtEveryValueOfItsField() throws Exception {
    start(IntakeLimits.defaults());
    // validForm() has an empty "website" first; a bot adds a second, filled one
    HttpResponse<String> r = intake.post(concat(Intake.urlEncoded(Intake.validForm()), "&website=http%3A%2F%2Fspam.example"),
        "application/x-www-form-urlencoded", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Formanın gizli sahəsi doldurulub");
    assertThat(stored()).isZero();
  }

  @Test
  void aThousandAttachmentsAreToldTheLimitNotMalformed() throws Exception {
    start(IntakeLimits.defaults());
    Intake.FilePart pdf = new Intake.FilePart("a.pdf", "application/pdf", Samples.pdf());
    List<Intake.FilePart> files = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      files.add(pdf);
    }
    HttpResponse<String> r = intake.post(Intake.multipart(Intake.validForm(), files), Intake.MULTIPART_TYPE, null);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("Ən çoxu 5 fayl əlavə etmək olar.");
    assertThat(stored()).isZero();
  }

  // ------------------------------------------------------------------ disk

  @Test
  void anUploadIsStoredOnceAndEveryAttachmentReadsBackByteForByte() throws Exception {
    start(IntakeLimits.defaults());
    Random random = new Random(11);
    List<Intake.FilePart> files = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      byte[] bytes = new byte[2 * 1024 * 1024];
      random.nextBytes(bytes);
      System.arraycopy(Samples.pdf(), 0, bytes, 0, Samples.pdf().length);
      // a file holding the boundary's dashes and line breaks must still end where its part ends
      byte[] tricky = ("\r\n--" + Intake.BOUNDARY.substring(0, 10) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(tricky, 0, bytes, 1000, tricky.length);
      contents.add(bytes);
      files.add(new Intake.FilePart("hesabat-" + i + ".pdf", "application/pdf", bytes));
    }
    byte[] body = Intake.multipart(Intake.validForm(), files);
    HttpResponse<String> r = intake.post(body, Intake.MULTIPART_TYPE, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);

    List<StoredAttachment> stored = intake.inbox.register().attachments("SEN-2026-00001");
    assertThat(stored).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(stored.get(i).attachment().bytes()).as("attachment %d", i).isEqualTo(contents.get(i));
    }
    assertThat(intake.inbox.register().raw("SEN-2026-00001")).isEqualTo(body);
    long rawBytes = Long.parseLong(intake.inbox.store().queryText("SELECT SUM(length(raw)) FROM requests"));
    long attachmentBytes = Long.parseLong(intake.inbox.store().queryText("SELECT SUM(length(bytes)) FROM attachments"));
    assertThat(rawBytes).isEqualTo(body.length);
    assertThat(attachmentBytes).as("attachment bytes stored beside the raw body").isZero();
    // the database file holds the 8 MiB once (not 16), give or take pages and the journal
    intake.inbox.store().queryText("PRAGMA wal_checkpoint(TRUNCATE)");
    long onDisk;
    try (Stream<Path> files2 = Files.list(dir.resolve("data"))) {
      onDisk = files2.filter(f -> f.getFileName().toString().startsWith("disclose.db"))
          .mapToLong(f -> f.toFile().length()).sum();
    }
    assertThat(onDisk).isBetween((long) body.length, body.length + 2L * 1024 * 1024);
    try (Stream<Path> left = Files.list(dir.resolve("data/uploads"))) {
      assertThat(left).as("received bodies are deleted").isEmpty();
    }
  }

  @Test
  void eachAddressHasADailyByteBudget() throws Exception {
    start(IntakeLimits.defaults().withoutRateLimit().withDailyBytes(3 * 1024 * 1024));
    byte[] file = new byte[1024 * 1024];
    System.arraycopy(Samples.pdf(), 0, file, 0, Samples.pdf().length);
    byte[] body = Intake.multipart(Intake.validForm(), List.of(new Intake.FilePart("a.pdf", "application/pdf", file)));
    assertThat(intake.post(body, Intake.MULTIPART_TYPE, null).statusCode()).isEqualTo(303);
    assertThat(intake.post(body, Intake.MULTIPART_TYPE, null).statusCode()).isEqualTo(303);
    // a body larger than the socket buffers: the client, still sending it, gets the 429 page, not a reset
    byte[] large = new byte[3 * 1024 * 1024 + 512 * 1024];
    System.arraycopy(Samples.pdf(), 0, large, 0, Samples.pdf().length);
    HttpResponse<String> third = intake.post(
        Intake.multipart(Intake.validForm(), List.of(new Intake.FilePart("b.pdf", "application/pdf", large))),
        Intake.MULTIPART_TYPE, null);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.body()).contains("Bu gün üçün həcm həddi dolub").contains("3 MiB");
    assertThat(stored()).isEqualTo(2);
    clock.advance(Duration.ofDays(1));
    assertThat(intake.post(body, Intake.MULTIPART_TYPE, null).statusCode()).isEqualTo(303);
  }

  // ------------------------------------------------------------------ errors never show Java text

  /** A register whose registrations fail with {@code failure}. */
  static UnaryOperator<Register> failing(Error failure) {
    return real -> new Register() {
      @Override
      public Receipt register(Submission submission) {
        throw failure;
      }

      @Override
      public Health health() {
        return real.health();
      }

      @Override
      public Optional<RequestView> findByToken(String token) throws RegisterException {
        return real.findByToken(token);
      }

      @Override
      public Optional<RequestView> find(String number) throws RegisterException {
        return real.find(number);
      }

      @Override
      public List<StoredAttachment> attachments(String number) throws RequestException, RegisterException {
        return real.attachments(number);
      }

      @Override
      public List<StoredFile> files(String number) throws RequestException, RegisterException {
        return real.files(number);
      }

      @Override
      public Optional<Attachment> file(String number, int position) throws RequestException, RegisterException {
        return real.file(number, position);
      }

      @Override
      public boolean resendLink(String number, String email) throws RegisterException {
        return real.resendLink(number, email);
      }
    };
  }

  @Test
  void anOutOfMemoryErrorGetsTheThemed500PageWithoutJavaText() throws Exception {
    start(IntakeLimits.defaults(), failing(new OutOfMemoryError("Java heap space")), null);
    HttpResponse<String> r = intake.postForm(Intake.validForm(), null);
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("gözlənilməz xəta").doesNotContain("java").doesNotContain("Java heap")
        .doesNotContain("OutOfMemory");
    assertThat(intake.get("/healthz", null).statusCode()).as("the server lives on").isEqualTo(200);
  }

  @Test
  void anErrorsTextStaysOutOfTheJsonAnswerToo() throws Exception {
    start(IntakeLimits.defaults(), failing(new InternalError("sun.misc.Secret at az.disclose.X.y(X.java:1)")), null);
    HttpResponse<String> r = intake.postForm(Intake.validForm(), "application/json");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).isEqualTo("{\"error\":\"internal_error\"}");
  }

  @Test
  void jettysOwnErrorAnswersCarryOnlyTheStatus() throws Exception {
    start(IntakeLimits.defaults());
    String answer = raw("POST /requests HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 400");
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertThat(body).isEqualTo("400 Bad Request\n");
  }

  String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", intake.base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  // ------------------------------------------------------------------ proxies

  HttpResponse<String> postVia(Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(intake.uri("/requests"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Intake.urlEncoded(Intake.validForm())));
    headers.forEach(b::header);
    return intake.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  String storedAddress(int sequence) throws Exception {
    return intake.inbox.store().queryText("SELECT remote_address FROM requests WHERE sequence = " + sequence);
  }

  @Test
  void aClientWrittenForwardedHeaderChangesNeitherTheRateLimitNorTheStoredAddress() throws Exception {
    // The test connects from 127.0.0.1, the trusted proxy, which appends the client's address to
    // X-Forwarded-For; the client wrote Forwarded (and an X-Forwarded-For of its own) itself.
    start(IntakeLimits.defaults().withRate(60, 2), r -> r,
        new TrustedProxies(TrustedProxies.DEFAULT, TrustedProxies.Header.X_FORWARDED_FOR));
    for (int i = 1; i <= 2; i++) {
      HttpResponse<String> r = postVia(Map.of("Forwarded", "for=198.51.100." + i,
          "X-Forwarded-For", "192.0.2." + i + ", 203.0.113.7"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      assertThat(storedAddress(i)).isEqualTo("203.0.113.7");
    }
    HttpResponse<String> third = postVia(Map.of("Forwarded", "for=198.51.100.3", "X-Forwarded-For", "203.0.113.7"));
    assertThat(third.statusCode()).as("the client's own headers do not make it a new address").isEqualTo(429);
    // another citizen behind the same proxy is not locked out
    assertThat(postVia(Map.of("X-Forwarded-For", "203.0.113.8")).statusCode()).isEqualTo(201);
    assertThat(storedAddress(3)).isEqualTo("203.0.113.8");
  }

  @Test
  void forwardingHeadersFromAnUntrustedConnectionAreIgnored() throws Exception {
    start(IntakeLimits.defaults(), r -> r,
        new TrustedProxies(List.of("10.0.0.0/8"), TrustedProxies.Header.X_FORWARDED_FOR));
    HttpResponse<String> r = postVia(Map.of("X-Forwarded-For", "203.0.113.7", "Forwarded", "for=198.51.100.1"));
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(storedAddress(1)).isEqualTo("127.0.0.1");
  }
}
