package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.ListFilter;
import az.disclose.inbox.RegisterService;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.RequestSummary;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.StoredAttachment;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The submissions of a fault test, sent through the real HTTP intake as a browser sends them, with
 * what each requester was told; {@link #verify} then holds the register to it: every acknowledged
 * number exists with exactly its content, its event and its attachment; every submission told
 * "not registered" left nothing; numbers are gap-free. Thread-safe.
 */
final class FaultLedger {
  /** What the requester was told. */
  enum Told {
    /** 303 to the receipt. */
    REGISTERED,
    /** 503 "not registered" (checked). */
    NOT_REGISTERED,
    /** 503 "not accepted for now, nothing stored" (disk watermark). */
    LOW_DISK,
    /** 503 "could not be confirmed", with the status link. */
    UNCONFIRMED,
    /** Anything else: always a test failure. */
    OTHER
  }

  record Sent(String subject, byte[] file, byte[] body, Told told, int status, Optional<String> token, String page) {}

  private static final Pattern RECEIPT = Pattern.compile("^/requests/receipt/([A-Za-z0-9_-]+)$");
  private static final Pattern STATUS_LINK = Pattern.compile("/requests/status/([A-Za-z0-9_-]+)");
  private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());

  /** A PNG of about {@code size} bytes whose bytes differ per {@code seed}. */
  static byte[] file(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(sig, 0, b, 0, sig.length);
    return b;
  }

  /** Posts a multipart form with {@code subject} and one file, in {@code lang}, and records the answer. */
  Sent submit(Intake intake, String subject, byte[] file, String lang) throws Exception {
    Map<String, String> form = Intake.with(Intake.with(Intake.validForm(), "subject", subject), "lang", lang);
    byte[] body = Intake.multipart(form, List.of(new Intake.FilePart("scan.png", "image/png", file)));
    // a browser showing the form in that language says so in Accept-Language: answers given before
    // the form is read (a body the full disk could not take) are in that language too
    HttpResponse<String> r = intake.post(body, Intake.MULTIPART_TYPE, null, lang);
    Told told;
    Optional<String> token = Optional.empty();
    String page = r.body();
    if (r.statusCode() == 303) {
      Matcher m = RECEIPT.matcher(r.headers().firstValue("Location").orElse(""));
      assertThat(m.matches()).as("Location of %s", subject).isTrue();
      token = Optional.of(m.group(1));
      told = Told.REGISTERED;
    } else if (r.statusCode() == 503) {
      told = classify(page, lang);
      if (told == Told.UNCONFIRMED) {
        Matcher m = STATUS_LINK.matcher(page);
        assertThat(m.find()).as("the status link on the 'could not be confirmed' page").isTrue();
        token = Optional.of(m.group(1));
      }
    } else {
      told = Told.OTHER;
    }
    Sent s = new Sent(subject, file, body, told, r.statusCode(), token, page);
    sent.add(s);
    return s;
  }

  /** The kind of 503 page, from its heading in the requester's language. */
  private static Told classify(String page, String lang) {
    boolean az = lang.equals("az");
    if (page.contains(az ? "Sorğu hazırda qəbul edilə bilmir" : "Requests cannot be accepted right now")) {
      return Told.NOT_REGISTERED;
    }
    if (page.contains(az ? "Sorğular müvəqqəti qəbul edilmir" : "Requests are not being accepted for now")) {
      return Told.LOW_DISK;
    }
    if (page.contains(az ? "Sorğunun qeydiyyatı təsdiq edilə bilmədi" : "We could not confirm your request")) {
      return Told.UNCONFIRMED;
    }
    return Told.OTHER;
  }

  List<Sent> all() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  long count(Told told) {
    return all().stream().filter(s -> s.told() == told).count();
  }

  /** Holds the register to what every requester was told (see the class comment). */
  void verify(RegisterService register) throws Exception {
    List<Sent> all = all();
    assertThat(all).filteredOn(s -> s.told() == Told.OTHER)
        .as("answers that are neither a receipt nor an honest 503").isEmpty();
    List<RequestSummary> stored = register.list(ListFilter.all());
    List<String> storedSubjects = stored.stream().map(RequestSummary::subject).toList();
    int expected = 0;
    for (Sent s : all) {
      switch (s.told()) {
        case REGISTERED -> {
          expected++;
          assertWhole(register, s);
        }
        case NOT_REGISTERED, LOW_DISK -> assertThat(storedSubjects).as("told %s: %s", s.told(), s.subject())
            .doesNotContain(s.subject());
        case UNCONFIRMED -> {
          // either stored whole (then the status link shows it) or not at all
          if (register.findByToken(s.token().orElseThrow()).isPresent()) {
            expected++;
            assertWhole(register, s);
          } else {
            assertThat(storedSubjects).doesNotContain(s.subject());
          }
        }
        default -> throw new AssertionError(s);
      }
    }
    assertThat(stored).as("requests in the register").hasSize(expected);
    assertThat(storedSubjects).as("no request stored twice").doesNotHaveDuplicates();
    assertGapFree(stored);
  }

  private static void assertWhole(RegisterService register, Sent s) throws Exception {
    RequestView v = register.findByToken(s.token().orElseThrow()).orElseThrow(
        () -> new AssertionError("told " + s.told() + " but not in the register: " + s.subject()));
    assertThat(v.subject()).isEqualTo(s.subject());
    // The text is stored with LF line ends (the raw body, checked below, keeps the CRLF as sent).
    assertThat(v.message()).isEqualTo(Intake.validForm().get("message").replace("\r\n", "\n"));
    assertThat(v.history()).extracting(HistoryEvent::kind).startsWith(EventKind.REGISTERED);
    assertThat(v.history()).filteredOn(e -> e.kind() == EventKind.REGISTERED).hasSize(1);
    List<StoredAttachment> files = register.attachments(v.number());
    assertThat(files).hasSize(1);
    assertThat(files.get(0).attachment().fileName()).isEqualTo("scan.png");
    assertThat(files.get(0).attachment().bytes()).isEqualTo(s.file());
    assertThat(register.raw(v.number())).isEqualTo(s.body());
  }

  /** Per year, the numbers run 1..n without a gap. */
  static void assertGapFree(List<RequestSummary> stored) {
    Map<String, List<String>> byYear = new java.util.TreeMap<>();
    for (RequestSummary r : stored) {
      byYear.computeIfAbsent(r.number().substring(4, 8), y -> new ArrayList<>()).add(r.number());
    }
    byYear.forEach((year, numbers) -> assertThat(numbers).as("numbers of %s", year).containsExactlyElementsOf(
        IntStream.rangeClosed(1, numbers.size()).mapToObj(i -> String.format(Locale.ROOT, "SEN-%s-%05d", year, i))
            .toList()));
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
