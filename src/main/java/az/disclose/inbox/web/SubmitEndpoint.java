package az.disclose.inbox.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /requests}: {@code POST} receives a submission's body within the limits (rate, daily budget,
 * bodies at once, size, time, memory) and hands it to {@link Registration}; {@code GET} sends people to
 * the site's form page.
 */
final class SubmitEndpoint implements IntakeHandler.Endpoint {
  /**
   * A body whose declared length is at most this is received into memory, not into a file of
   * {@code uploads}: a form without files (a few KiB) then costs no file to create, write, read and
   * delete (on the project's VM that made registrations about 3 times slower under load;
   * docs/performance.md, "Request intake"). At most {@code max_uploads} such bodies are received at
   * once, so they hold at most 32 × 64 KiB.
   */
  static final int IN_MEMORY_BODY_MAX = 64 * 1024;

  /**
   * How far over its limit a declared body is still read (and dropped) before the 413 answer, so
   * that the sender sees the answer instead of a reset connection; beyond this it is cut off.
   */
  static final long MAX_DISCARDED_BYTES = 4L * 1024 * 1024;
  /** What a busy server asks the client to wait before it sends again. */
  static final long BUSY_RETRY_SECONDS = 30;
  /** What is read from a file at once: Files.readAllBytes would leave a direct buffer of the whole file cached on the thread. */
  static final int READ_CHUNK = 64 * 1024;
  static final String URLENCODED = "application/x-www-form-urlencoded";
  static final String MULTIPART = "multipart/form-data";
  private static final String UPLOAD_PREFIX = "body-";
  private static final String UPLOAD_SUFFIX = ".part";
  private static final Logger LOG = LoggerFactory.getLogger(SubmitEndpoint.class);

  private final Answers answers;
  private final Registration registration;
  private final IntakeLimits limits;
  private final RateLimiter rateLimiter;
  private final UploadGate gate;
  private final DailyBudget dailyBudget;
  private final Path uploads;

  /**
   * @param uploads where bodies are received before they are decoded (created when missing; its
   *     {@code body-*.part} files are this endpoint's and are deleted after each request, and on start
   *     when a crash left some)
   */
  SubmitEndpoint(Answers answers, Registration registration, IntakeLimits limits, Clock clock, Path uploads) {
    this.answers = answers;
    this.registration = registration;
    this.limits = limits;
    this.uploads = uploads.toAbsolutePath();
    prepare(this.uploads);
    this.rateLimiter = limits.rateLimited() ? new RateLimiter(clock, limits.ratePerMinute(), limits.rateBurst()) : null;
    this.gate = new UploadGate(limits.maxUploads(), limits.maxUploadsPerAddress(), limits.memoryBudgetBytes());
    this.dailyBudget = limits.dailyBudgeted()
        ? new DailyBudget(clock, IntakeHandler.BAKU, limits.dailyBytesPerAddress()) : null;
  }

  /**
   * Creates {@code uploads} once, at start, and removes the partial bodies a crash left in it. A
   * failure is not fatal here: each large body then fails to find its file and is answered 503.
   */
  private static void prepare(Path uploads) {
    try {
      Files.createDirectories(uploads);
    } catch (IOException e) {
      LOG.warn("could not create the directory for received bodies {}: {}", uploads, e.toString());
      return;
    }
    try (DirectoryStream<Path> left = Files.newDirectoryStream(uploads, UPLOAD_PREFIX + "*" + UPLOAD_SUFFIX)) {
      for (Path file : left) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      LOG.warn("could not remove the partial uploads left in {}: {}", uploads, e.toString());
    }
  }

  @Override
  public void answer(Exchange x) throws Exception {
    if (HttpMethod.POST.is(x.request.getMethod())) {
      submit(x);
    } else if (x.get()) {
      x.redirect(HttpStatus.SEE_OTHER_303, IntakeHandler.FORM_PAGE);
    } else {
      x.header(HttpHeader.ALLOW, "GET, HEAD, POST");
      answers.error(x, HttpStatus.METHOD_NOT_ALLOWED_405, answers.defaultLanguage(), "method", "method_not_allowed");
    }
  }

  private void submit(Exchange x) throws Exception {
    // Before the form (and its lang field) is read: the browser's language when the site has it.
    String lang = answers.language(x.request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
    String address = x.remoteAddress();
    if (rateLimiter != null) {
      long wait = rateLimiter.acquire(address);
      if (wait > 0) {
        x.header(HttpHeader.RETRY_AFTER, Long.toString(wait));
        LOG.debug("rate limit: submission refused, retry after {} s", wait);
        answers.error(x, HttpStatus.TOO_MANY_REQUESTS_429, lang, "ratelimited", "rate_limited",
            Map.of("retry_after", wait), String.valueOf(wait));
        return;
      }
    }
    String contentType = x.request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String mime = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    long limit;
    if (mime.equals(URLENCODED)) {
      limit = limits.maxFormBytes();
    } else if (mime.equals(MULTIPART)) {
      limit = limits.maxBodyBytes();
    } else {
      answers.error(x, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, answers.defaultLanguage(), "unsupported", "unsupported_media_type");
      return;
    }
    long declared = x.request.getLength();
    UploadGate.Entry entry = gate.enter(address);
    if (entry.held() == null) {
      // Not read: the connection is closed after this answer, which frees the worker at once.
      LOG.info("submission refused: {} bodies are being received ({})", entry.refused() == UploadGate.Refusal.ADDRESS_BUSY
          ? "this address's " + limits.maxUploadsPerAddress() : "the server's " + limits.maxUploads(), entry.refused());
      x.header(HttpHeader.RETRY_AFTER, Long.toString(BUSY_RETRY_SECONDS));
      x.header(HttpHeader.CONNECTION, "close");
      busy(x, lang);
      return;
    }
    Path file = null;
    try (UploadGate.Held slot = entry.held()) {
      // in the gate: a refused body that is read and dropped holds one of the address's slots
      if (dailyBudget != null && !dailyBudget.allows(address, Math.max(0, declared))) {
        overBudget(x, declared, lang);
        return;
      }
      if (declared > limit) {
        tooLarge(x, limit, declared, lang);
        return;
      }
      long length;
      byte[] small = null;
      try {
        if (declared >= 0 && declared <= IN_MEMORY_BODY_MAX) {
          small = BodyReceiver.receiveInMemory(x.request, (int) declared, limits.bodyIdleTimeout(),
              limits.bodyTotalTimeout());
          length = small.length;
        } else {
          try {
            file = Files.createTempFile(uploads, UPLOAD_PREFIX, UPLOAD_SUFFIX);
          } catch (IOException e) {
            throw new BodyReceiver.NotStored("no file for the body in " + uploads + ": " + e.getMessage(), e);
          }
          length = BodyReceiver.receive(x.request, file, limit, limits.bodyIdleTimeout(), limits.bodyTotalTimeout());
        }
      } catch (BodyReceiver.NotStored e) {
        // Checked: the body never reached the register, so the citizen is told it was not registered.
        LOG.warn("submission not registered: its body could not be stored ({}); nothing was registered", e.getMessage());
        // the rest of the body is read and dropped, so that the client still sending it gets this
        // answer rather than a reset connection
        discardRest(x, limit, "a body that could not be stored");
        x.header(HttpHeader.CONNECTION, "close");
        answers.error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "unavailable", "unavailable");
        return;
      } catch (BodyReceiver.TooLarge e) {
        tooLarge(x, limit, -1, lang);
        return;
      } catch (BodyReceiver.TimedOut e) {
        LOG.info("submission refused: {}", e.getMessage());
        x.header(HttpHeader.CONNECTION, "close");
        answers.error(x, HttpStatus.REQUEST_TIMEOUT_408, lang, "timeout", "timeout");
        return;
      } catch (IOException e) {
        // the client went away: nothing was registered, no one to tell
        LOG.info("submission not received: {}", e.getMessage());
        x.callback.failed(e);
        return;
      }
      if (dailyBudget != null && !dailyBudget.charge(address, length)) {
        overBudget(x, -1, lang); // the body is read already
        return;
      }
      // Decoding and storing hold about twice the body (the body, and each file once more while its
      // type is checked); the memory budget bounds what all submissions hold at once.
      try (UploadGate.Held memory = gate.memory(2 * length, limits.bodyIdleTimeout().toMillis())) {
        if (memory == null) {
          LOG.info("submission refused: no memory for a body of {} bytes within {} s", length,
              limits.bodyIdleTimeout().toSeconds());
          x.header(HttpHeader.RETRY_AFTER, Long.toString(BUSY_RETRY_SECONDS));
          busy(x, lang);
          return;
        }
        byte[] body = small;
        if (body == null) {
          body = readFile(file, length);
          Files.delete(file);
          file = null;
        }
        registration.decodeAndRegister(x, body, contentType, mime.equals(URLENCODED), address);
      }
    } finally {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** The received body, read in small steps (see {@link #READ_CHUNK}). */
  static byte[] readFile(Path file, long length) throws IOException {
    byte[] body = new byte[Math.toIntExact(length)];
    try (InputStream in = Files.newInputStream(file)) {
      int at = 0;
      while (at < body.length) {
        int n = in.read(body, at, Math.min(READ_CHUNK, body.length - at));
        if (n < 0) {
          throw new IOException(file + " is shorter than the " + length + " bytes received");
        }
        at += n;
      }
    }
    return body;
  }

  private void busy(Exchange x, String lang) throws Exception {
    answers.error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "busy", "busy",
        Map.of("retry_after", BUSY_RETRY_SECONDS), String.valueOf(BUSY_RETRY_SECONDS));
  }

  /** Reads and drops what is left of the request's body (at most {@code upTo} bytes, within the time-outs). */
  private void discardRest(Exchange x, long upTo, String what) throws InterruptedException {
    try {
      BodyReceiver.receive(x.request, null, upTo, limits.bodyIdleTimeout(), limits.bodyTotalTimeout());
    } catch (IOException e) {
      LOG.debug("the rest of {} was not read: {}", what, e.getMessage());
    }
  }

  private void tooLarge(Exchange x, long limit, long declared, String lang) throws Exception {
    // A body a little over the limit is read and thrown away, so that the client, still sending
    // it, gets the 413 page rather than a reset connection; a larger one is cut off.
    if (declared > limit && declared - limit <= MAX_DISCARDED_BYTES) {
      discardRest(x, declared, "a body over the limit");
    } else {
      x.header(HttpHeader.CONNECTION, "close");
    }
    LOG.info("submission refused: body over {} bytes", limit);
    answers.error(x, HttpStatus.PAYLOAD_TOO_LARGE_413, lang, "toolarge", "too_large",
        Map.of("max_bytes", limit), mebibytes(limit));
  }

  /** The 429 of a spent daily budget; {@code declared} is the body's unread length (-1: none to read or unknown). */
  private void overBudget(Exchange x, long declared, String lang) throws Exception {
    LOG.info("submission refused: the address's daily budget of {} bytes is spent", limits.dailyBytesPerAddress());
    // As for a body over the limit: one of a declared size up to MAX_DISCARDED_BYTES is read and
    // dropped, so that the client still sending it gets the 429 page rather than a reset connection.
    if (declared >= 0 && declared <= MAX_DISCARDED_BYTES) {
      discardRest(x, declared, "a body over the daily budget");
    }
    x.header(HttpHeader.CONNECTION, "close");
    answers.error(x, HttpStatus.TOO_MANY_REQUESTS_429, lang, "budget", "daily_budget_spent",
        Map.of("max_bytes_per_day", limits.dailyBytesPerAddress()), mebibytes(limits.dailyBytesPerAddress()));
  }

  private static String mebibytes(long bytes) {
    return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MiB" : (bytes / 1024) + " KiB";
  }
}
