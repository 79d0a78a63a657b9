package az.disclose.inbox.console;

import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.RegisterService;
import az.disclose.inbox.StoreException;
import az.disclose.inbox.accounts.Account;
import az.disclose.inbox.accounts.Accounts;
import az.disclose.inbox.accounts.AuditKind;
import az.disclose.inbox.accounts.Sessions;
import az.disclose.inbox.mail.Quarantine;
import az.disclose.render.Templates;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The officers' console (docs/console.md): the register worked in a browser, by the right people only.
 * A Jetty handler for the paths under {@link #PATH}; every route is declared once in {@link #routes()}
 * with the method, the {@link Permission} it needs and whether it needs a session, and the dispatcher
 * enforces them in this order for every request:
 *
 * <ol>
 *   <li>no session (or an ended one): a redirect to the sign-in page, for every path but the sign-in
 *       pages and the stylesheet;
 *   <li>a POST: the request must come from the console's own origin ({@code Origin} and {@code
 *       Sec-Fetch-Site} when the browser sends them) and carry the form's CSRF token (compared in
 *       constant time), else 403;
 *   <li>the route's permission for the account's role, else 403, audited ({@code access_denied}).
 * </ol>
 *
 * <p>Pages are FreeMarker templates of this package ({@code .ftlh}, auto-escaped) fed with {@link
 * Views}; words in {@code console_az.properties} and {@code console_en.properties}. Nothing needs
 * JavaScript.
 */
public final class Console {
  /** Where the console lives, on the main server and on a listener of its own alike. */
  public static final String PATH = "/console";
  /** Requests per page of the list. */
  public static final int PAGE_SIZE = 50;
  static final String CSRF_FIELD = "csrf";
  static final String LANGUAGE_COOKIE = "console-lang";
  private static final Logger LOG = LoggerFactory.getLogger(Console.class);

  /** What answers one route. */
  @FunctionalInterface
  interface Endpoint {
    void answer(Web w, Call c) throws Exception;
  }

  /**
   * One route of the console.
   *
   * @param pattern the path below {@link #PATH}; {@code {name}} matches one path segment
   * @param signedIn whether it needs a session (all but the sign-in pages and the stylesheet)
   * @param permission what the account's role must allow; empty: any signed-in account
   */
  public record Route(String method, String pattern, boolean signedIn, Optional<Permission> permission,
      Endpoint endpoint) {
    /** Whether the route changes state (and so needs the CSRF token). */
    public boolean changesState() {
      return method.equals("POST");
    }

    Optional<Map<String, String>> match(String path) {
      String[] want = pattern.split("/", -1);
      String[] got = path.split("/", -1);
      if (want.length != got.length) {
        return Optional.empty();
      }
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < want.length; i++) {
        if (want[i].startsWith("{") && want[i].endsWith("}")) {
          if (got[i].isEmpty()) {
            return Optional.empty();
          }
          params.put(want[i].substring(1, want[i].length() - 1),
              java.net.URLDecoder.decode(got[i].replace("+", "%2B"), StandardCharsets.UTF_8));
        } else if (!want[i].equals(got[i])) {
          return Optional.empty();
        }
      }
      return Optional.of(params);
    }
  }

  /** The request being answered: its language, path parameters, the signed-in account, the form. */
  static final class Call {
    final Texts t;
    final Map<String, String> params;
    final Optional<Sessions.Session> session;
    final Form form;

    Call(Texts t, Map<String, String> params, Optional<Sessions.Session> session, Form form) {
      this.t = t;
      this.params = params;
      this.session = session;
      this.form = form;
    }

    Account account() {
      return session.orElseThrow().account();
    }

    String actor() {
      return account().username();
    }

    String param(String name) {
      return params.getOrDefault(name, "");
    }
  }

  final RegisterService register;
  final Accounts accounts;
  final Sessions sessions;
  final Optional<Quarantine> quarantine;
  final MailDelivery mail;
  final RequestAccess access;
  final ConsoleSettings settings;
  final Clock clock;
  final Templates templates;
  final Map<String, Texts> texts;
  final Cookies cookies;
  final SignIn signIn;
  private final List<Route> routes;

  /**
   * @param quarantine the mail quarantine (empty: no quarantine pages)
   * @param mail what became of an action's mail, for the page to say
   * @param access the unit check of responders ({@link RequestAccess#BY_UNIT})
   */
  public Console(RegisterService register, Accounts accounts, Sessions sessions, Optional<Quarantine> quarantine,
      MailDelivery mail, RequestAccess access, ConsoleSettings settings, Clock clock) {
    this.register = Objects.requireNonNull(register, "register");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
    this.mail = Objects.requireNonNull(mail, "mail");
    this.access = Objects.requireNonNull(access, "access");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.templates = Templates.fromClasspath(Console.class, "", Locale.forLanguageTag("az"));
    this.texts = Texts.load();
    this.cookies = new Cookies(settings.secureCookies());
    this.signIn = new SignIn(this);
    RequestPages requests = new RequestPages(this);
    AdminPages admin = new AdminPages(this);
    List<Route> r = new ArrayList<>();
    r.add(new Route("GET", "/assets/console.css", false, Optional.empty(), this::stylesheet));
    r.add(new Route("GET", "/sign-in", false, Optional.empty(), signIn::form));
    r.add(new Route("POST", "/sign-in", false, Optional.empty(), signIn::password));
    r.add(new Route("GET", "/sign-in/code", false, Optional.empty(), signIn::codeForm));
    r.add(new Route("POST", "/sign-in/code", false, Optional.empty(), signIn::code));
    r.add(new Route("POST", "/sign-out", true, Optional.empty(), signIn::signOut));
    r.add(new Route("POST", "/sign-out-everywhere", true, Optional.empty(), signIn::signOutEverywhere));
    // The queues: one page, the queue and the filters in its GET parameters.
    r.add(new Route("GET", "/", true, Optional.of(Permission.READ), requests::list));
    r.add(new Route("GET", "/requests/{number}", true, Optional.of(Permission.READ), requests::page));
    r.add(new Route("GET", "/requests/{number}/files/{index}", true, Optional.of(Permission.READ), requests::file));
    r.add(new Route("GET", "/requests/{number}/raw", true, Optional.of(Permission.READ), requests::raw));
    for (String action : RequestPages.ACTIONS) {
      r.add(new Route("POST", "/requests/{number}/" + action, true, Optional.of(Permission.ACT),
          (w, c) -> requests.act(w, c, action)));
    }
    for (String action : RequestPages.FLOW) {
      r.add(new Route("POST", "/requests/{number}/" + action, true, Optional.of(RequestPages.permissionOf(action)),
          (w, c) -> requests.flow(w, c, action)));
    }
    TemplatePages templatePages = new TemplatePages(this);
    r.add(new Route("GET", "/templates", true, Optional.of(Permission.READ), templatePages::list));
    r.add(new Route("GET", "/templates/{kind}/{lang}", true, Optional.of(Permission.READ), templatePages::view));
    r.add(new Route("GET", "/templates/{kind}/{ground}/{lang}", true, Optional.of(Permission.READ), templatePages::view));
    r.add(new Route("POST", "/templates/{kind}/{lang}", true, Optional.of(Permission.TEMPLATES), templatePages::save));
    r.add(new Route("POST", "/templates/{kind}/{ground}/{lang}", true, Optional.of(Permission.TEMPLATES),
        templatePages::save));
    r.add(new Route("GET", "/reports", true, Optional.of(Permission.READ), new ReportPages(this)::figures));
    GroundPages grounds = new GroundPages(this);
    r.add(new Route("GET", "/grounds", true, Optional.of(Permission.READ), grounds::list));
    r.add(new Route("POST", "/grounds", true, Optional.of(Permission.TEMPLATES), grounds::add));
    r.add(new Route("POST", "/grounds/{ground}/retire", true, Optional.of(Permission.TEMPLATES), grounds::retire));
    r.add(new Route("POST", "/grounds/{ground}/reinstate", true, Optional.of(Permission.TEMPLATES),
        grounds::reinstate));
    if (quarantine.isPresent()) {
      QuarantinePages q = new QuarantinePages(this, quarantine.get());
      r.add(new Route("GET", "/quarantine", true, Optional.of(Permission.QUARANTINE), q::list));
      r.add(new Route("GET", "/quarantine/{id}", true, Optional.of(Permission.QUARANTINE), q::entry));
      r.add(new Route("GET", "/quarantine/{id}/raw", true, Optional.of(Permission.QUARANTINE), q::raw));
      r.add(new Route("POST", "/quarantine/{id}/register", true, Optional.of(Permission.QUARANTINE), q::register));
      r.add(new Route("POST", "/quarantine/{id}/dismiss", true, Optional.of(Permission.QUARANTINE), q::dismiss));
    }
    r.add(new Route("GET", "/audit", true, Optional.of(Permission.AUDIT), admin::audit));
    r.add(new Route("GET", "/accounts", true, Optional.of(Permission.MANAGE_ACCOUNTS), admin::accounts));
    r.add(new Route("POST", "/accounts", true, Optional.of(Permission.MANAGE_ACCOUNTS), admin::add));
    for (String action : AdminPages.ACTIONS) {
      r.add(new Route("POST", "/accounts/{name}/" + action, true, Optional.of(Permission.MANAGE_ACCOUNTS),
          (w, c) -> admin.change(w, c, action)));
    }
    this.routes = List.copyOf(r);
  }

  /** Every route, as the dispatcher enforces them (the security tests enumerate these). */
  public List<Route> routes() {
    return routes;
  }

  /** The console as a Jetty handler: answers the paths under {@link #PATH}, leaves every other path. */
  public Handler handler() {
    return new Handler.Abstract(org.eclipse.jetty.util.thread.Invocable.InvocationType.BLOCKING) {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
          return false;
        }
        Web w = new Web(request, response, callback, path.substring(PATH.length()));
        try {
          dispatch(w);
        } catch (Throwable e) { // an Error too: its text must never reach the page
          LOG.error("console failed on {} {}: {}", request.getMethod(), path, e.toString(), e);
          if (!response.isCommitted()) {
            try {
              response.reset();
              message(w, texts.get("az"), 500, "error.server.heading", "error.server.text", "");
            } catch (Throwable again) {
              callback.failed(e);
            }
          } else {
            callback.failed(e);
          }
        }
        return true;
      }
    };
  }

  private void dispatch(Web w) throws Exception {
    if (w.path.isEmpty()) {
      w.redirect(PATH + "/");
      return;
    }
    Texts t = language(w);
    Route route = null;
    Map<String, String> params = Map.of();
    boolean pathKnown = false;
    for (Route r : routes) {
      Optional<Map<String, String>> m = r.match(w.path);
      if (m.isPresent()) {
        pathKnown = true;
        if (r.method().equals(w.request.getMethod()) || r.method().equals("GET") && w.isGet()) {
          route = r;
          params = m.get();
          break;
        }
      }
    }
    boolean isPublic = route != null && !route.signedIn();
    Optional<Sessions.Session> session = Optional.empty();
    if (!isPublic) {
      session = signIn.session(w);
      if (session.isEmpty()) {
        w.redirect(PATH + SignIn.PATH);
        return;
      }
    }
    if (route == null) {
      message(w, t, pathKnown ? 405 : 404, pathKnown ? "error.method.heading" : "error.notfound.heading",
          pathKnown ? "error.method.text" : "error.notfound.text", csrfOf(session));
      return;
    }
    Form form = Form.empty();
    if (route.changesState()) {
      if (!sameOrigin(w)) {
        LOG.warn("console: a POST to {} from another origin was refused", w.path);
        message(w, t, 403, "error.csrf.heading", "error.csrf.text", csrfOf(session));
        return;
      }
      try {
        form = w.form();
      } catch (Web.FormTooLarge e) {
        message(w, t, 413, "error.toolarge.heading", "error.toolarge.text", csrfOf(session));
        return;
      }
      String expected = isPublic ? w.cookie(cookies.csrfName()).orElse("") : csrfOf(session);
      if (!constantTimeEquals(expected, form.raw(CSRF_FIELD))) {
        LOG.warn("console: a POST to {} without its CSRF token was refused", w.path);
        message(w, t, 403, "error.csrf.heading", "error.csrf.text", csrfOf(session));
        return;
      }
    }
    if (route.permission().isPresent() && !route.permission().get().grantedTo(session.orElseThrow().account().role())) {
      deny(w, t, session.get(), w.request.getMethod() + " " + PATH + w.path + " needs "
          + route.permission().get().name().toLowerCase(Locale.ROOT));
      return;
    }
    route.endpoint().answer(w, new Call(t, params, session, form));
  }

  /** 403, with an {@code access_denied} row in the account audit. */
  void deny(Web w, Texts t, Sessions.Session session, String what) throws Exception {
    try {
      accounts.recordConsole(session.account().username(), AuditKind.ACCESS_DENIED, what);
    } catch (StoreException e) {
      LOG.error("console: the refusal of {} to {} could not be audited: {}", what, session.account().username(),
          e.getMessage());
    }
    message(w, t, 403, "error.forbidden.heading", "error.forbidden.text", csrfOf(Optional.of(session)));
  }

  /** Records an action in the account audit (the request's history has it with its actor too). */
  void audited(Call c, String what) {
    try {
      accounts.recordConsole(c.actor(), AuditKind.ACTION, what);
    } catch (StoreException e) {
      LOG.error("console: the action {} of {} could not be audited: {}", what, c.actor(), e.getMessage());
    }
  }

  /**
   * Whether a POST comes from the console's own origin: an {@code Origin} header, when sent, names this
   * host; {@code Sec-Fetch-Site}, when sent, says same-origin (or none: typed by the user).
   */
  static boolean sameOrigin(Web w) {
    Optional<String> site = w.header("Sec-Fetch-Site");
    if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
      return false;
    }
    Optional<String> origin = w.header("Origin");
    if (origin.isEmpty()) {
      return true;
    }
    String host = w.header("Host").orElse("");
    String o = origin.get();
    int scheme = o.indexOf("://");
    return scheme > 0 && !host.isEmpty() && o.substring(scheme + 3).equalsIgnoreCase(host);
  }

  static boolean constantTimeEquals(String expected, String given) {
    if (expected.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The CSRF token of a session: an HMAC-SHA256 of a fixed label keyed with the session id, so it is
   * per session, needs no storage, and cannot be made without the id (which only the HttpOnly cookie
   * holds).
   */
  static String csrfOf(Optional<Sessions.Session> session) {
    if (session.isEmpty()) {
      return "";
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(session.get().id().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal("disclose console csrf".getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
    }
  }

  /** A new random token (the sign-in form's CSRF cookie, the pending second-factor step). */
  static String randomToken(SecureRandom random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * The language: {@code ?lang=} (remembered in a cookie), else the cookie, else the browser's
   * {@code Accept-Language} when it prefers English to Azerbaijani, else Azerbaijani.
   */
  private Texts language(Web w) {
    String asked = w.query("lang");
    if (Texts.LANGUAGES.contains(asked)) {
      w.addCookie(LANGUAGE_COOKIE + "=" + asked + "; Path=/; Max-Age=31536000; SameSite=Strict"
          + (settings.secureCookies() ? "; Secure" : ""));
      return texts.get(asked);
    }
    Optional<String> remembered = w.cookie(LANGUAGE_COOKIE).filter(Texts.LANGUAGES::contains);
    if (remembered.isPresent()) {
      return texts.get(remembered.get());
    }
    String accept = w.header("Accept-Language").orElse("").toLowerCase(Locale.ROOT);
    int en = accept.indexOf("en");
    int az = accept.indexOf("az");
    return texts.get(en >= 0 && (az < 0 || en < az) ? "en" : "az");
  }

  // ------------------------------------------------------------------ rendering

  /** The frame of a page for the account of {@code session} (or none, before sign-in). */
  Views.Frame frame(Web w, Texts t, Optional<Sessions.Session> session, String title, String flash,
      List<Views.FieldError> errors) {
    String other = t.language().equals("az") ? "en" : "az";
    Optional<Account> a = session.map(Sessions.Session::account);
    return new Views.Frame(t.language(), t, title, PATH, a.isPresent(), a.map(Account::username).orElse(""),
        a.map(x -> t.get("role." + x.role().key())).orElse(""), csrfOf(session), flash, List.copyOf(errors),
        PATH + w.path + "?lang=" + other, t.get("language." + other),
        a.isPresent() && quarantine.isPresent() && Permission.QUARANTINE.grantedTo(a.get().role()),
        a.isPresent() && Permission.MANAGE_ACCOUNTS.grantedTo(a.get().role()),
        a.isPresent() && Permission.AUDIT.grantedTo(a.get().role()),
        // Those who assign to units (and the administrators, who mind content/) see an invalid units file.
        a.isPresent() && Permission.ROUTE.grantedTo(a.get().role())
            ? register.unitsProblems().stream().map(Console::clean).toList() : List.of());
  }

  /** Renders {@code template} with the frame and the page's view. */
  void page(Web w, int status, String template, Views.Frame frame, Object view) throws Exception {
    Map<String, Object> model = new HashMap<>();
    model.put("frame", frame);
    model.put("t", frame.t());
    model.put("view", view);
    w.html(status, templates.render(template, model));
  }

  /** A message page (403, 404, 500, ...). */
  void message(Web w, Texts t, int status, String heading, String text, String csrf) throws Exception {
    Optional<Sessions.Session> none = Optional.empty();
    Views.Frame f = frame(w, t, none, t.get(heading), "", List.of()).withCsrf(csrf);
    page(w, status, "message.ftlh", f, new Views.Message(t.get(heading), t.get(text)));
  }

  private void stylesheet(Web w, Call c) throws Exception {
    try (var in = Console.class.getResourceAsStream("console.css")) {
      byte[] css = Objects.requireNonNull(in, "console.css is missing from the jar").readAllBytes();
      w.send(200, "text/css; charset=utf-8", css, Web.CSP);
    }
  }

  /** An instant as the officers read it: {@code 2026-03-02 12:00} in the register's zone. */
  String time(java.time.Instant at) {
    return at.atZone(register.settings().zone()).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }

  /** A day: "2 mart 2026" in Azerbaijani, ISO in English. */
  String date(java.time.LocalDate day, Texts t) {
    return t.language().equals("az") ? az.disclose.render.AzDates.format(day, t.locale()) : day.toString();
  }

  /** Working days left until {@code due} (the same calendar as the deadlines), or how late. */
  String left(java.time.LocalDate due, boolean overdue, Texts t) {
    java.time.LocalDate today = clock.instant().atZone(register.settings().zone()).toLocalDate();
    if (overdue) {
      return t.get("left.overdue");
    }
    int n = 0;
    for (java.time.LocalDate d = today.plusDays(1); !d.isAfter(due) && n < 1000; d = d.plusDays(1)) {
      if (register.workingDays().isWorkingDay(d)) {
        n++;
      }
    }
    return n == 0 ? t.get("left.today") : t.format("left.days", n);
  }

  /**
   * Text from outside (a citizen's message, a quarantined mail) with the control characters HTML
   * forbids (C0 but tab and line ends, DEL, C1) shown as U+FFFD, so that every page stays valid.
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean bad = ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch >= 0x7f && ch <= 0x9f;
      if (bad && b == null) {
        b = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (b != null) {
        b.append(bad ? '\uFFFD' : ch);
      }
    }
    return b == null ? text : b.toString();
  }

  /** The flash message of {@code ?flash=} (a known key only: never text from the address). */
  static String flash(Web w, Texts t) {
    String key = w.query("flash");
    if (key.isEmpty() || !t.has("flash." + key)) {
      return "";
    }
    String text = t.get("flash." + key);
    String mail = w.query("mail");
    if (!mail.isEmpty() && t.has("mail." + mail)) {
      text = text + " " + t.get("mail." + mail);
    }
    return text;
  }

  /** The register failed (the database): logged, and a 503 page that says to try again. */
  void unavailable(Web w, Texts t, RegisterException e) throws Exception {
    LOG.error("console: the register failed: {}", e.getMessage(), e);
    message(w, t, 503, "error.unavailable.heading", "error.unavailable.text", "");
  }
}
