package az.disclose.inbox.web;

import az.disclose.inbox.Register;
import az.disclose.render.AzDates;
import az.disclose.render.Templates;
import az.disclose.site.PageFrame;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.Receipt;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public side of the inbox over HTTP (Jetty 12 core handler, blocking): the request form's
 * {@code POST /requests}, the receipt and status pages, and {@code /healthz}. Paths it does not
 * own are left to the next handler ({@code handle} returns false), so it can sit in front of the
 * static site in one server.
 *
 * <p>Citizens' text is never logged; log lines carry request numbers only.
 */
public final class IntakeHandler extends Handler.Abstract {
  public static final String FORM_PATH = "/requests";
  public static final String RECEIPT_PREFIX = "/requests/receipt/";
  public static final String STATUS_PREFIX = "/requests/status/";
  public static final String HEALTH_PATH = "/healthz";
  /** Where {@code GET /requests} sends people: the site's static form page. */
  public static final String FORM_PAGE = "/request/";

  static final String CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,200}");
  /**
   * How far over its limit a declared body is still read (and dropped) before the 413 answer, so
   * that the sender sees the answer instead of a reset connection; beyond this it is cut off.
   */
  static final long MAX_DISCARDED_BYTES = 4L * 1024 * 1024;
  private static final String URLENCODED = "application/x-www-form-urlencoded";
  private static final String MULTIPART = "multipart/form-data";
  private static final String JSON = "application/json";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final ZoneId BAKU = ZoneId.of("Asia/Baku");
  private static final Logger LOG = LoggerFactory.getLogger(IntakeHandler.class);
  private static final String UPLOAD_PREFIX = "body-";
  private static final String UPLOAD_SUFFIX = ".part";
  /** What a busy server asks the client to wait before it sends again. */
  static final long BUSY_RETRY_SECONDS = 30;

  private final Register register;
  private final Map<String, PageFrame> frames;
  private final String defaultLanguage;
  private final Templates templates;
  private final IntakeLimits limits;
  private final FormValidator validator;
  private final RateLimiter rateLimiter;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Path uploads;
  private final UploadGate gate;
  private final DailyBudget dailyBudget;

  /**
   * @param siteFrame the page frame in the site's language: the default
   * @param frames page frames by language ("az", "en") for forms sent in another language; a
   *     language without one is answered with {@code siteFrame}
   */
  public IntakeHandler(Register register, PageFrame siteFrame, Map<String, PageFrame> frames, Templates templates,
      Clock clock, IntakeLimits limits) {
    this(register, siteFrame, frames, templates, clock, limits, defaultUploads());
  }

  /**
   * @param uploads where bodies are received before they are decoded (created when missing; its
   *     {@code body-*.part} files are this handler's and are deleted after each request, and on start
   *     when a crash left some)
   */
  public IntakeHandler(Register register, PageFrame siteFrame, Map<String, PageFrame> frames, Templates templates,
      Clock clock, IntakeLimits limits, Path uploads) {
    super(InvocationType.BLOCKING);
    this.uploads = Objects.requireNonNull(uploads, "uploads").toAbsolutePath();
    removeLeftovers(this.uploads);
    this.register = Objects.requireNonNull(register, "register");
    this.defaultLanguage = siteFrame.settings().locale().getLanguage();
    Map<String, PageFrame> all = new HashMap<>(frames);
    all.put(defaultLanguage, siteFrame);
    this.frames = Map.copyOf(all);
    this.templates = Objects.requireNonNull(templates, "templates");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.validator = new FormValidator(limits);
    this.rateLimiter = limits.rateLimited() ? new RateLimiter(clock, limits.ratePerMinute(), limits.rateBurst()) : null;
    this.gate = new UploadGate(limits.maxUploads(), limits.maxUploadsPerAddress(), limits.memoryBudgetBytes());
    this.dailyBudget = limits.dailyBudgeted() ? new DailyBudget(clock, BAKU, limits.dailyBytesPerAddress()) : null;
  }

  /**
   * Without a data directory (tests, embedding): a new directory of this handler's own under the
   * system's temporary directory, so that no other handler's leftovers clean-up can touch its files.
   */
  static Path defaultUploads() {
    try {
      return Files.createTempDirectory("disclose-uploads-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("no temporary directory for received bodies: " + e.getMessage(), e);
    }
  }

  private static void removeLeftovers(Path uploads) {
    if (!Files.isDirectory(uploads)) {
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
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    boolean get = HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method);
    Exchange x = new Exchange(request, response, callback, wantsJson(request));
    try {
      if (path.equals(HEALTH_PATH)) {
        health(x);
      } else if (path.equals(FORM_PATH) || path.equals(FORM_PATH + "/")) {
        if (HttpMethod.POST.is(method)) {
          submit(x);
        } else if (get) {
          x.response.getHeaders().put(HttpHeader.LOCATION, FORM_PAGE);
          x.send(HttpStatus.SEE_OTHER_303, "text/plain; charset=utf-8", new byte[0]);
        } else {
          x.response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
          error(x, HttpStatus.METHOD_NOT_ALLOWED_405, defaultLanguage, "method", "method_not_allowed");
        }
      } else if (path.startsWith(RECEIPT_PREFIX) || path.startsWith(STATUS_PREFIX)) {
        if (!get) {
          x.response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
          error(x, HttpStatus.METHOD_NOT_ALLOWED_405, defaultLanguage, "method", "method_not_allowed");
        } else {
          boolean receipt = path.startsWith(RECEIPT_PREFIX);
          show(x, path.substring(receipt ? RECEIPT_PREFIX.length() : STATUS_PREFIX.length()), receipt);
        }
      } else {
        return false;
      }
    } catch (Throwable e) { // an Error too (out of memory): its text must never reach the page
      LOG.error("intake failed on {} {}: {}", method, path, e.toString(), e);
      if (!x.committed()) {
        try {
          error(x, HttpStatus.INTERNAL_SERVER_ERROR_500, defaultLanguage, "servererror", "internal_error");
        } catch (Throwable again) {
          // the themed page cannot be made (memory, templates): a fixed text, never the exception's
          plainError(x, HttpStatus.INTERNAL_SERVER_ERROR_500);
        }
      } else {
        callback.failed(e);
      }
    }
    return true;
  }

  /** Answers the themed 404 page (or JSON) for any path: the fallback of a standalone intake server. */
  public void notFound(Request request, Response response, Callback callback) {
    Exchange x = new Exchange(request, response, callback, wantsJson(request));
    try {
      error(x, HttpStatus.NOT_FOUND_404, defaultLanguage, "notfound", "not_found");
    } catch (Exception e) {
      LOG.error("cannot render the 404 page: {}", e.toString(), e);
      callback.failed(e);
    }
  }

  // ------------------------------------------------------------------ endpoints

  /**
   * {@code /healthz}: JSON with the register's write probe, the free disk space (SQLite) and, when
   * mail is configured, the poller's and the outbox's state. 200 while new submissions are taken;
   * 503 when the register cannot commit or the disk is below the watermark.
   */
  private void health(Exchange x) throws IOException {
    Register.Health h;
    try {
      h = register.health();
    } catch (RuntimeException e) {
      h = new Register.Health(false, 0, String.valueOf(e.getMessage()), Optional.empty());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", h.healthy() ? "ok" : "failing");
    out.put("accepting_submissions", h.healthy());
    Map<String, Object> probe = new LinkedHashMap<>();
    probe.put("can_commit", h.canCommit());
    probe.put("probe_ms", h.probeMillis());
    probe.put("error", h.canCommit() ? null : h.probeError());
    out.put("register", probe);
    out.put("disk", h.disk().map(d -> {
      Map<String, Object> disk = new LinkedHashMap<>();
      disk.put("free_bytes", d.usableBytes());
      disk.put("min_free_bytes", d.minimumBytes());
      disk.put("low", d.low());
      return (Object) disk;
    }).orElse(null));
    java.util.function.Supplier<Map<String, Object>> mail = mailStatus;
    if (mail != null) {
      try {
        out.put("mail", mail.get());
      } catch (RuntimeException e) {
        out.put("mail", Map.of("error", String.valueOf(e.getMessage())));
      }
    }
    if (!h.healthy()) {
      LOG.debug("healthz: not accepting submissions (can commit: {}, disk low: {}): {}", h.canCommit(),
          h.disk().map(Register.DiskSpace::low).orElse(false), h.probeError());
    }
    x.sendJson(h.healthy() ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503, out);
  }

  private volatile java.util.function.Supplier<Map<String, Object>> mailStatus;

  /**
   * Adds the mail side's state ({@code MailService#status}) to {@code /healthz}; call it before the
   * server starts.
   */
  public void reportMailStatus(java.util.function.Supplier<Map<String, Object>> status) {
    this.mailStatus = status;
  }

  private void submit(Exchange x) throws Exception {
    String address = remoteAddress(x.request);
    if (rateLimiter != null) {
      long wait = rateLimiter.acquire(address);
      if (wait > 0) {
        x.response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(wait));
        LOG.debug("rate limit: submission refused, retry after {} s", wait);
        error(x, HttpStatus.TOO_MANY_REQUESTS_429, defaultLanguage, "ratelimited", "rate_limited",
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
      error(x, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, defaultLanguage, "unsupported", "unsupported_media_type");
      return;
    }
    long declared = x.request.getLength();
    if (dailyBudget != null && !dailyBudget.allows(address, Math.max(0, declared))) {
      overBudget(x);
      return;
    }
    UploadGate.Entry entry = gate.enter(address);
    if (entry.held() == null) {
      // Not read: the connection is closed after this answer, which frees the worker at once.
      LOG.info("submission refused: {} bodies are being received ({})", entry.refused() == UploadGate.Refusal.ADDRESS_BUSY
          ? "this address's " + limits.maxUploadsPerAddress() : "the server's " + limits.maxUploads(), entry.refused());
      x.response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(BUSY_RETRY_SECONDS));
      x.response.getHeaders().put(HttpHeader.CONNECTION, "close");
      error(x, HttpStatus.SERVICE_UNAVAILABLE_503, defaultLanguage, "busy", "busy",
          Map.of("retry_after", BUSY_RETRY_SECONDS), String.valueOf(BUSY_RETRY_SECONDS));
      return;
    }
    Path file = null;
    try (UploadGate.Held slot = entry.held()) {
      if (declared > limit) {
        tooLarge(x, limit, declared);
        return;
      }
      Files.createDirectories(uploads);
      file = Files.createTempFile(uploads, UPLOAD_PREFIX, UPLOAD_SUFFIX);
      long length;
      try {
        length = BodyReceiver.receive(x.request, file, limit, limits.bodyIdleTimeout(), limits.bodyTotalTimeout());
      } catch (BodyReceiver.TooLarge e) {
        tooLarge(x, limit, -1);
        return;
      } catch (BodyReceiver.TimedOut e) {
        LOG.info("submission refused: {}", e.getMessage());
        x.response.getHeaders().put(HttpHeader.CONNECTION, "close");
        error(x, HttpStatus.REQUEST_TIMEOUT_408, defaultLanguage, "timeout", "timeout");
        return;
      } catch (IOException e) {
        // the client went away (or the disk refused the file): nothing was registered, no one to tell
        LOG.info("submission not received: {}", e.getMessage());
        x.callback.failed(e);
        return;
      }
      if (dailyBudget != null && !dailyBudget.charge(address, length)) {
        overBudget(x);
        return;
      }
      // Decoding and storing hold about twice the body (the body, and each file once more while its
      // type is checked); the memory budget bounds what all submissions hold at once.
      try (UploadGate.Held memory = gate.memory(2 * length, limits.bodyIdleTimeout().toMillis())) {
        if (memory == null) {
          LOG.info("submission refused: no memory for a body of {} bytes within {} s", length,
              limits.bodyIdleTimeout().toSeconds());
          x.response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(BUSY_RETRY_SECONDS));
          error(x, HttpStatus.SERVICE_UNAVAILABLE_503, defaultLanguage, "busy", "busy",
              Map.of("retry_after", BUSY_RETRY_SECONDS), String.valueOf(BUSY_RETRY_SECONDS));
          return;
        }
        byte[] body = readFile(file, length);
        Files.delete(file);
        file = null;
        decodeAndRegister(x, body, contentType, mime, address);
      }
    } finally {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** What is read from a file at once: Files.readAllBytes would leave a direct buffer of the whole file cached on the thread. */
  static final int READ_CHUNK = 64 * 1024;

  /** The received body, read in small steps (see {@link #READ_CHUNK}). */
  static byte[] readFile(Path file, long length) throws IOException {
    byte[] body = new byte[Math.toIntExact(length)];
    try (java.io.InputStream in = Files.newInputStream(file)) {
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

  private void tooLarge(Exchange x, long limit, long declared) throws Exception {
    // A body a little over the limit is read and thrown away, so that the client, still sending
    // it, gets the 413 page rather than a reset connection; a larger one is cut off.
    if (declared > limit && declared - limit <= MAX_DISCARDED_BYTES) {
      try {
        BodyReceiver.receive(x.request, null, declared, limits.bodyIdleTimeout(), limits.bodyTotalTimeout());
      } catch (IOException e) {
        LOG.debug("the rest of a body over the limit was not read: {}", e.getMessage());
      }
    } else {
      x.response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    LOG.info("submission refused: body over {} bytes", limit);
    error(x, HttpStatus.PAYLOAD_TOO_LARGE_413, defaultLanguage, "toolarge", "too_large",
        Map.of("max_bytes", limit), mebibytes(limit));
  }

  private void overBudget(Exchange x) throws Exception {
    LOG.info("submission refused: the address's daily budget of {} bytes is spent", limits.dailyBytesPerAddress());
    x.response.getHeaders().put(HttpHeader.CONNECTION, "close");
    error(x, HttpStatus.TOO_MANY_REQUESTS_429, defaultLanguage, "budget", "daily_budget_spent",
        Map.of("max_bytes_per_day", limits.dailyBytesPerAddress()), mebibytes(limits.dailyBytesPerAddress()));
  }

  private void decodeAndRegister(Exchange x, byte[] body, String contentType, String mime, String address)
      throws Exception {
    FormInput form;
    try {
      form = mime.equals(URLENCODED) ? FormInput.urlEncoded(body) : FormInput.multipart(body, contentType, limits);
    } catch (FormInput.MalformedException e) {
      LOG.info("submission refused: {}", e.getMessage());
      if (e.encoding()) {
        error(x, HttpStatus.BAD_REQUEST_400, defaultLanguage, "encoding", "not_utf8");
      } else {
        error(x, HttpStatus.BAD_REQUEST_400, defaultLanguage, "malformed", "malformed");
      }
      return;
    }
    String lang = FormValidator.language(form, defaultLanguage);
    if (FormValidator.honeypotFilled(form)) {
      LOG.info("submission refused: the honeypot field was filled; nothing stored");
      error(x, HttpStatus.BAD_REQUEST_400, lang, "honeypot", "rejected");
      return;
    }
    FormValidator.Result result = validator.validate(form, defaultLanguage);
    lang = result.language();
    if (!result.valid()) {
      invalid(x, result);
      return;
    }
    Submission submission = new Submission(
        Channel.WEB,
        result.type(),
        result.urgency(),
        result.typed().get("name"),
        result.typed().get("email"),
        result.typed().get("subject"),
        result.typed().get("message"),
        lang,
        result.attachments(),
        body,
        contentType,
        address);
    Receipt receipt;
    try {
      receipt = register.register(submission);
    } catch (Register.RegisterException e) {
      notRegistered(x, lang, e);
      return;
    } catch (RuntimeException e) {
      // a bug, not a database failure: what was stored is not known, and the page must not say otherwise
      LOG.error("registering a web submission failed unexpectedly; whether it was stored is not known: {}",
          e.toString(), e);
      error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "unknown", "unconfirmed");
      return;
    }
    LOG.debug("registered {} (web, {} attachment(s), {} bytes)", receipt.number(), result.attachments().size(), body.length);
    String receiptPath = RECEIPT_PREFIX + receipt.statusToken();
    String statusPath = STATUS_PREFIX + receipt.statusToken();
    if (x.json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("number", receipt.number());
      out.put("due_date", receipt.deadline().dueDate().toString());
      out.put("due_at", receipt.deadline().dueAt().toOffsetDateTime().toString());
      out.put("legal_basis", receipt.deadline().rule().legalBasis());
      out.put("status_url", statusPath);
      x.response.getHeaders().put(HttpHeader.LOCATION, statusPath);
      x.sendJson(HttpStatus.CREATED_201, out);
    } else {
      x.response.getHeaders().put(HttpHeader.LOCATION, receiptPath);
      x.send(HttpStatus.SEE_OTHER_303, "text/plain; charset=utf-8", new byte[0]);
    }
  }

  /**
   * The answer to a submission that got no receipt, saying exactly what is known: refused for lack
   * of disk space, not registered (checked), or not known (with the status link to check before
   * sending it again). The register has logged the failure.
   */
  private void notRegistered(Exchange x, String lang, Register.RegisterException e) throws Exception {
    switch (e.outcome()) {
      case LOW_DISK -> error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "lowdisk", "low_disk");
      case UNKNOWN -> {
        String statusPath = e.statusToken().map(t -> STATUS_PREFIX + t).orElse(null);
        if (statusPath == null) {
          error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "unknown", "unconfirmed");
          return;
        }
        String link = absolute(frame(lang), statusPath);
        error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "unconfirmed", "unconfirmed",
            Map.of("status_url", statusPath), link, link);
      }
      case NOT_REGISTERED -> error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "unavailable", "unavailable");
      default -> {
        LOG.error("a web submission failed and whether it was stored is not known: {}", e.getMessage());
        error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "unknown", "unconfirmed");
      }
    }
  }

  private void invalid(Exchange x, FormValidator.Result result) throws Exception {
    PageFrame frame = frame(result.language());
    Map<String, String> msg = frame.messages();
    List<Map<String, String>> errorList = new ArrayList<>();
    Map<String, String> byField = new LinkedHashMap<>();
    for (FormValidator.FieldError e : result.errors()) {
      String text = e.message(msg);
      errorList.add(Map.of("field", e.field(), "message", text));
      byField.merge(e.field(), text, (a, b) -> a + " " + b);
    }
    LOG.info("submission refused: invalid field(s) {}", byField.keySet());
    if (x.json) {
      x.sendJson(HttpStatus.UNPROCESSABLE_ENTITY_422, Map.of("errors", errorList));
      return;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("form", result.typed());
    model.put("errorList", errorList);
    model.put("fieldErrors", byField);
    model.put("types", options(msg, RequestType.values()));
    model.put("urgencies", options(msg, Urgency.values()));
    model.put("limits", limits);
    page(x, HttpStatus.UNPROCESSABLE_ENTITY_422, result.language(), "inbox-form-errors.ftlh",
        msg.getOrDefault("request.title", "Request"), model);
  }

  private void show(Exchange x, String token, boolean receiptPage) throws Exception {
    Optional<RequestView> found;
    try {
      found = TOKEN.matcher(token).matches() ? register.findByToken(token) : Optional.empty();
    } catch (Register.RegisterException | RuntimeException e) {
      LOG.error("the register could not look up a status token: {}", e.getMessage());
      error(x, HttpStatus.SERVICE_UNAVAILABLE_503, defaultLanguage, "lookupfailed", "unavailable");
      return;
    }
    if (found.isEmpty()) {
      error(x, HttpStatus.NOT_FOUND_404, defaultLanguage, "notfound", "not_found");
      return;
    }
    RequestView view = found.get();
    String lang = FormValidator.LANGUAGES.contains(view.language()) ? view.language() : defaultLanguage;
    String statusPath = STATUS_PREFIX + token;
    List<HistoryEvent> visible = view.history().stream().filter(HistoryEvent::visibleToRequester).toList();
    if (x.json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("number", view.number());
      out.put("type", view.type().key());
      out.put("urgency", view.urgency().key());
      out.put("status", view.status().key());
      out.put("subject", view.subject());
      out.put("registered_at", view.registeredAt().toString());
      out.put("due_date", view.dueDate().toString());
      out.put("due_at", view.dueAt() == null ? null : view.dueAt().toOffsetDateTime().toString());
      out.put("status_url", statusPath);
      List<Map<String, Object>> history = new ArrayList<>();
      for (HistoryEvent e : visible) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("at", e.at().toString());
        h.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        h.put("text", e.text());
        history.add(h);
      }
      out.put("history", history);
      x.sendJson(HttpStatus.OK_200, out);
      return;
    }
    PageFrame frame = frame(lang);
    Map<String, String> msg = frame.messages();
    Locale locale = Locale.forLanguageTag(lang);
    Map<String, Object> model = new HashMap<>();
    model.put("req", view);
    model.put("typeLabel", label(msg, view.type()));
    model.put("urgencyLabel", label(msg, view.urgency()));
    model.put("statusLabel", msg.getOrDefault("inbox.state." + view.status().key(), view.status().key()));
    model.put("dueIso", view.dueDate().toString());
    model.put("dueText", dueText(view, locale));
    model.put("basis", basis(msg, view));
    model.put("registeredText", dateTime(view.registeredAt().atZone(zone(view)), locale));
    model.put("registeredIso", view.registeredAt().toString());
    model.put("statusPath", statusPath);
    model.put("statusUrl", absolute(frame, statusPath));
    List<Map<String, String>> events = new ArrayList<>();
    for (HistoryEvent e : visible) {
      events.add(Map.of(
          "iso", e.at().toString(),
          "when", dateTime(e.at().atZone(zone(view)), locale),
          "kind", msg.getOrDefault("inbox.event." + e.kind().name().toLowerCase(Locale.ROOT), e.kind().name()),
          "text", e.text() == null ? "" : e.text()));
    }
    model.put("events", events);
    String title = msg.getOrDefault(receiptPage ? "inbox.receipt.title" : "inbox.status.title", "");
    page(x, HttpStatus.OK_200, lang, receiptPage ? "inbox-receipt.ftlh" : "inbox-status.ftlh", title, model);
  }

  // ------------------------------------------------------------------ answers

  /**
   * An error answer: a themed page with {@code inbox.<kind>.title} and {@code inbox.<kind>.text}
   * ({@code {0}} replaced by {@code arg}), or JSON {@code {"error": code, ...extra}}.
   */
  private void error(Exchange x, int status, String lang, String kind, String code) throws Exception {
    error(x, status, lang, kind, code, Map.of(), "");
  }

  private void error(Exchange x, int status, String lang, String kind, String code, Map<String, Object> extra, String arg)
      throws Exception {
    error(x, status, lang, kind, code, extra, arg, null);
  }

  /** As above, with a link ({@code href} = its text) shown under the text; null for none. */
  private void error(Exchange x, int status, String lang, String kind, String code, Map<String, Object> extra, String arg,
      String link) throws Exception {
    if (x.json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("error", code);
      out.putAll(extra);
      x.sendJson(status, out);
      return;
    }
    Map<String, String> msg = frame(lang).messages();
    String title = msg.getOrDefault("inbox." + kind + ".title", "Error " + status);
    Map<String, Object> model = new HashMap<>();
    model.put("heading", title);
    model.put("text", msg.getOrDefault("inbox." + kind + ".text", "").replace("{0}", arg));
    model.put("status", status);
    model.put("backToForm", status != HttpStatus.NOT_FOUND_404 && status != HttpStatus.METHOD_NOT_ALLOWED_405);
    if (link != null) {
      model.put("link", link);
    }
    page(x, status, lang, "inbox-error.ftlh", title, model);
  }

  private void page(Exchange x, int status, String lang, String template, String title, Map<String, Object> specific)
      throws Exception {
    PageFrame frame = frame(lang);
    Map<String, Object> model = frame.model(Request.getPathInContext(x.request), title, FORM_PAGE, specific);
    model.put("formAction", FORM_PATH);
    String html = templates.render(template, model);
    x.send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------ helpers

  private PageFrame frame(String lang) {
    return frames.getOrDefault(lang, frames.get(defaultLanguage));
  }

  private static List<Map<String, String>> options(Map<String, String> msg, Enum<?>[] values) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Enum<?> v : values) {
      String key = v instanceof RequestType t ? t.key() : ((Urgency) v).key();
      out.add(Map.of("key", key, "label", label(msg, v)));
    }
    return out;
  }

  private static String label(Map<String, String> msg, Enum<?> value) {
    if (value instanceof RequestType t) {
      return msg.getOrDefault("request.type." + t.key(), msg.getOrDefault("inbox.type." + t.key(), t.key()));
    }
    Urgency u = (Urgency) value;
    return msg.getOrDefault("request.urgency." + u.key(), u.key());
  }

  /** Hour rules (art. 24.2, 24.3) are due at a time; working-day rules at the end of a day. */
  private static boolean hourRule(RequestView view) {
    return view.type() == RequestType.INFORMATION && view.urgency() != Urgency.NORMAL && view.dueAt() != null;
  }

  private static String dueText(RequestView view, Locale locale) {
    if (hourRule(view)) {
      return dateTime(view.dueAt(), locale);
    }
    return AzDates.format(view.dueDate(), locale);
  }

  private static String basis(Map<String, String> msg, RequestView view) {
    String key = view.type() == RequestType.INFORMATION
        ? "inbox.basis.information." + view.urgency().key()
        : "inbox.basis.appeal";
    return msg.getOrDefault(key, "");
  }

  private static ZoneId zone(RequestView view) {
    return view.dueAt() != null ? view.dueAt().getZone() : BAKU;
  }

  private static String dateTime(ZonedDateTime at, Locale locale) {
    return AzDates.format(at.toLocalDate(), locale) + ", " + at.format(TIME);
  }

  /** The status link as the citizen should keep it: on the intake's configured public address. */
  private static String absolute(PageFrame frame, String path) {
    java.net.URI endpoint = frame.settings().requestEndpoint();
    if (endpoint == null || endpoint.getScheme() == null || endpoint.getRawAuthority() == null) {
      return path;
    }
    return endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path;
  }

  private static String remoteAddress(Request request) {
    String address = Request.getRemoteAddr(request);
    return address == null ? "" : address;
  }

  private static String mebibytes(long bytes) {
    return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MiB" : (bytes / 1024) + " KiB";
  }

  /** Whether the client asked for JSON rather than HTML. */
  static boolean wantsJson(Request request) {
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    if (accept == null) {
      return false;
    }
    String a = accept.toLowerCase(Locale.ROOT);
    int j = a.indexOf(JSON);
    if (j < 0) {
      return false;
    }
    int h = a.indexOf("text/html");
    return h < 0 || j < h;
  }

  /** A fixed plain-text answer for when the themed page cannot be made: never an exception's text. */
  private static void plainError(Exchange x, int status) {
    if (x.committed()) {
      x.callback.failed(new IOException("the answer failed after it was committed"));
      return;
    }
    try {
      x.response.reset();
      x.response.setStatus(status);
      x.response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      x.response.write(true, ByteBuffer.wrap((status + " " + HttpStatus.getMessage(status) + "\n")
          .getBytes(StandardCharsets.US_ASCII)), x.callback);
    } catch (Throwable again) {
      x.callback.failed(new IOException("no answer could be sent"));
    }
  }

  /** One request/response pair, with the security headers every answer carries. */
  private final class Exchange {
    final Request request;
    final Response response;
    final Callback callback;
    final boolean json;

    Exchange(Request request, Response response, Callback callback, boolean json) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.json = json;
    }

    boolean committed() {
      return response.isCommitted();
    }

    void send(int status, String contentType, byte[] body) {
      response.setStatus(status);
      var headers = response.getHeaders();
      headers.put(HttpHeader.CONTENT_TYPE, contentType);
      headers.put("Content-Security-Policy", CSP);
      headers.put("X-Content-Type-Options", "nosniff");
      headers.put("Referrer-Policy", "no-referrer");
      headers.put("X-Frame-Options", "DENY");
      headers.put(HttpHeader.CACHE_CONTROL, "no-store");
      headers.put("X-Robots-Tag", "noindex");
      headers.put(HttpHeader.CONTENT_LENGTH, body.length);
      boolean head = HttpMethod.HEAD.is(request.getMethod());
      response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }

    void sendJson(int status, Object value) throws IOException {
      send(status, JSON + "; charset=utf-8", mapper.writeValueAsBytes(value));
    }
  }
}
