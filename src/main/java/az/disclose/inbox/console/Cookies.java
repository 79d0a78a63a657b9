package az.disclose.inbox.console;

import java.time.Duration;

/**
 * The console's cookies. With {@code Secure} (the default) their names carry the {@code __Host-}
 * prefix, which browsers accept only from HTTPS, without a {@code Domain} and with {@code Path=/}: no
 * other host (a sibling subdomain) can set or shadow them. Without {@code Secure} (plain-HTTP
 * development only) they are limited to {@code Path=/console}. Always {@code HttpOnly} and {@code
 * SameSite=Strict}.
 */
final class Cookies {
  private final boolean secure;

  Cookies(boolean secure) {
    this.secure = secure;
  }

  private String name(String base) {
    return secure ? "__Host-" + base : base;
  }

  /** The session id. */
  String sessionName() {
    return name("console-session");
  }

  /** The sign-in form's CSRF token (before there is a session). */
  String csrfName() {
    return name("console-csrf");
  }

  /** The step between a right password and its second factor. */
  String pendingName() {
    return name("console-pending");
  }

  /** A cookie that lives as long as the browser (or {@code maxAge}, when given). */
  String set(String name, String value, Duration maxAge) {
    return name + "=" + value + attributes() + (maxAge == null ? "" : "; Max-Age=" + maxAge.toSeconds());
  }

  /** Deletes the cookie. */
  String clear(String name) {
    return name + "=" + attributes() + "; Max-Age=0";
  }

  private String attributes() {
    return "; Path=" + (secure ? "/" : Console.PATH) + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }
}
