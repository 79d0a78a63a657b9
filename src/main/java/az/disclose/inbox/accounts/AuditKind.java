package az.disclose.inbox.accounts;

import java.util.Locale;

/** What an {@link AuditEvent} records. */
public enum AuditKind {
  CREATED,
  ROLE_CHANGED,
  DISABLED,
  PASSWORD_RESET,
  SECOND_FACTOR_ENROLLED,
  SIGNED_IN,
  /** The password was right; a TOTP or recovery code is needed next. */
  SECOND_FACTOR_NEEDED,
  WRONG_PASSWORD,
  WRONG_CODE,
  /** A sign-in under a name no account has. */
  UNKNOWN_USER,
  /** A sign-in attempt refused because the account is locked (not counted). */
  REFUSED_LOCKED,
  /** A sign-in attempt refused because the account is disabled. */
  REFUSED_DISABLED,
  /** Too many wrong passwords or codes: the account is locked. */
  LOCKED,
  RECOVERY_CODE_USED,
  SIGNED_OUT,
  SIGNED_OUT_EVERYWHERE,
  /** The console refused a page or action the account's role does not allow (403). */
  ACCESS_DENIED,
  /** An action taken in the console (the request's history has it too). */
  ACTION;

  /** The name in the database. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static AuditKind of(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
