package az.disclose.inbox.console;

import az.disclose.inbox.StoreException;
import az.disclose.inbox.accounts.Outcome;
import az.disclose.inbox.accounts.Sessions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing in and out: the name and password page, then the code page for an account with a second
 * factor (a TOTP code or a recovery code), through {@link az.disclose.inbox.accounts.Accounts#authenticate},
 * which decides, counts wrong attempts, locks and audits. Between the two pages the name and password
 * wait in memory (never in a page or a cookie) under a random token in a cookie, for at most {@link
 * #PENDING_TIMEOUT}.
 */
final class SignIn {
  static final String PATH = "/sign-in";
  /** How long the code page waits after a right password. */
  static final Duration PENDING_TIMEOUT = Duration.ofMinutes(5);
  /** The most sign-ins waiting for their code at once (each needed a right password). */
  static final int MAX_PENDING = 1_000;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private record Pending(String username, String password, Instant expires) {}

  private final Console console;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final SignInLimiter limiter;

  SignIn(Console console) {
    this.console = console;
    this.limiter = new SignInLimiter(console.clock);
  }

  /** Whether the address may try again; else a 429 page is sent. */
  private boolean allowed(Web w, Console.Call c, String username) throws Exception {
    if (limiter.allow(w.remoteAddress())) {
      return true;
    }
    show(w, c, 429, username, "", List.of(new Views.FieldError("username", c.t.get("signin.error.toomany"))));
    return false;
  }

  /** The live session of the request's cookie, if any. */
  Optional<Sessions.Session> session(Web w) throws StoreException {
    Optional<String> id = w.cookie(console.cookies.sessionName());
    return id.isEmpty() ? Optional.empty() : console.sessions.check(id.get());
  }

  /** The token of the sign-in forms (a cookie the form repeats), made when missing. */
  private String formToken(Web w) {
    Optional<String> have = w.cookie(console.cookies.csrfName()).filter(v -> v.length() >= 32 && v.length() <= 64);
    if (have.isPresent()) {
      return have.get();
    }
    String token = Console.randomToken(random);
    w.addCookie(console.cookies.set(console.cookies.csrfName(), token, null));
    return token;
  }

  void form(Web w, Console.Call c) throws Exception {
    if (session(w).isPresent()) {
      w.redirect(Console.PATH + "/");
      return;
    }
    String flash = w.query("flash");
    String text = c.t.has("flash." + flash) ? c.t.get("flash." + flash) : "";
    show(w, c, 200, "", text, List.of());
  }

  private void show(Web w, Console.Call c, int status, String username, String flash, List<Views.FieldError> errors)
      throws Exception {
    Views.Frame f = console.frame(w, c.t, Optional.empty(), c.t.get("signin.title"), flash, errors)
        .withCsrf(formToken(w));
    console.page(w, status, "signin.ftlh", f, new Views.SignIn(username));
  }

  void password(Web w, Console.Call c) throws Exception {
    String username = c.form.get("username");
    String password = c.form.raw("password");
    List<Views.FieldError> errors = new java.util.ArrayList<>();
    if (username.isEmpty()) {
      errors.add(new Views.FieldError("username", c.t.get("signin.error.username")));
    }
    if (password.isEmpty()) {
      errors.add(new Views.FieldError("password", c.t.get("signin.error.password")));
    }
    if (!errors.isEmpty()) {
      show(w, c, 400, username, "", errors);
      return;
    }
    if (!allowed(w, c, username)) {
      return;
    }
    Outcome o = console.accounts.authenticate(username, password, null);
    switch (o.result()) {
      case SIGNED_IN -> start(w, o);
      case SECOND_FACTOR_NEEDED -> {
        String token = Console.randomToken(random);
        keep(token, new Pending(o.account().orElseThrow().username(), password,
            console.clock.instant().plus(PENDING_TIMEOUT)));
        w.addCookie(console.cookies.set(console.cookies.pendingName(), token, PENDING_TIMEOUT));
        w.redirect(Console.PATH + PATH + "/code");
      }
      case LOCKED -> show(w, c, 429, username, "", List.of(new Views.FieldError("username", locked(c, o))));
      default -> show(w, c, 401, username, "", List.of(new Views.FieldError("password", c.t.get("signin.error.wrong"))));
    }
  }

  private String locked(Console.Call c, Outcome o) {
    ZoneId zone = console.register.settings().zone();
    return c.t.format("signin.error.locked", o.lockedUntil().map(u -> u.atZone(zone).format(TIME)).orElse("?"));
  }

  private void keep(String token, Pending p) {
    Instant now = console.clock.instant();
    if (pending.size() >= MAX_PENDING) {
      for (Iterator<Pending> i = pending.values().iterator(); i.hasNext(); ) {
        if (!i.next().expires().isAfter(now)) {
          i.remove();
        }
      }
      if (pending.size() >= MAX_PENDING) {
        pending.clear(); // each needed a right password: whoever was waiting signs in again
      }
    }
    pending.put(token, p);
  }

  private Optional<Pending> pending(Web w) {
    Optional<String> token = w.cookie(console.cookies.pendingName());
    if (token.isEmpty()) {
      return Optional.empty();
    }
    Pending p = pending.get(token.get());
    if (p == null) {
      return Optional.empty();
    }
    if (!p.expires().isAfter(console.clock.instant())) {
      pending.remove(token.get());
      return Optional.empty();
    }
    return Optional.of(p);
  }

  void codeForm(Web w, Console.Call c) throws Exception {
    Optional<Pending> p = pending(w);
    if (p.isEmpty()) {
      w.redirect(Console.PATH + PATH + "?flash=expired");
      return;
    }
    showCode(w, c, 200, p.get().username(), List.of());
  }

  private void showCode(Web w, Console.Call c, int status, String username, List<Views.FieldError> errors)
      throws Exception {
    Views.Frame f = console.frame(w, c.t, Optional.empty(), c.t.get("code.title"), "", errors).withCsrf(formToken(w));
    console.page(w, status, "code.ftlh", f, new Views.Code(username));
  }

  void code(Web w, Console.Call c) throws Exception {
    Optional<Pending> p = pending(w);
    if (p.isEmpty()) {
      w.redirect(Console.PATH + PATH + "?flash=expired");
      return;
    }
    String code = c.form.get("code");
    if (code.isEmpty()) {
      showCode(w, c, 400, p.get().username(), List.of(new Views.FieldError("code", c.t.get("code.error.empty"))));
      return;
    }
    if (!allowed(w, c, p.get().username())) {
      return;
    }
    Outcome o = console.accounts.authenticate(p.get().username(), p.get().password(), code);
    switch (o.result()) {
      case SIGNED_IN -> start(w, o);
      case LOCKED -> {
        forget(w);
        show(w, c, 429, p.get().username(), "", List.of(new Views.FieldError("username", locked(c, o))));
      }
      case DISABLED -> {
        forget(w);
        show(w, c, 401, p.get().username(), "", List.of(new Views.FieldError("password", c.t.get("signin.error.wrong"))));
      }
      default -> showCode(w, c, 401, p.get().username(), List.of(new Views.FieldError("code", c.t.get("code.error.wrong"))));
    }
  }

  private void forget(Web w) {
    w.cookie(console.cookies.pendingName()).ifPresent(pending::remove);
    w.addCookie(console.cookies.clear(console.cookies.pendingName()));
  }

  /** A new session with a new id; the browser's earlier session, if any, ends (no fixation). */
  private void start(Web w, Outcome o) throws Exception {
    forget(w);
    Sessions.Session s = console.sessions.start(o.account().orElseThrow(), w.cookie(console.cookies.sessionName()));
    w.addCookie(console.cookies.set(console.cookies.sessionName(), s.id(), Sessions.ABSOLUTE_TIMEOUT));
    w.redirect(Console.PATH + "/");
  }

  void signOut(Web w, Console.Call c) throws Exception {
    console.sessions.end(c.session.orElseThrow());
    w.addCookie(console.cookies.clear(console.cookies.sessionName()));
    w.redirect(Console.PATH + PATH + "?flash=signedout");
  }

  void signOutEverywhere(Web w, Console.Call c) throws Exception {
    console.sessions.endAll(c.actor(), c.actor());
    w.addCookie(console.cookies.clear(console.cookies.sessionName()));
    w.redirect(Console.PATH + PATH + "?flash=signedouteverywhere");
  }
}
