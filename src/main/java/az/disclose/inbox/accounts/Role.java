package az.disclose.inbox.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an account may do in the officers' console (docs/console.md, "Roles"). */
public enum Role {
  /** Accounts, units, settings. Second factor required. */
  ADMINISTRATOR("administrator", true),
  /** Every request. Second factor required. */
  FOI_OFFICER("foi_officer", true),
  /** Only the requests assigned to their unit; the one role with a unit. */
  UNIT_RESPONDER("unit_responder", false),
  /** Read-only: commission members, leadership (reports). */
  VIEWER("viewer", false);

  private final String key;
  private final boolean needsSecondFactor;

  Role(String key, boolean needsSecondFactor) {
    this.key = key;
    this.needsSecondFactor = needsSecondFactor;
  }

  /** The name in the database and on the command line. */
  public String key() {
    return key;
  }

  /** Whether signing in needs a TOTP code (or a recovery code) after the password. */
  public boolean needsSecondFactor() {
    return needsSecondFactor;
  }

  /** Whether the account belongs to a unit (and must name it). */
  public boolean needsUnit() {
    return this == UNIT_RESPONDER;
  }

  /** The role named {@code key} (case-insensitive), or an {@link AccountException} listing the roles. */
  public static Role of(String key) throws AccountException {
    String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (Role r : values()) {
      if (r.key.equals(k)) {
        return r;
      }
    }
    throw new AccountException("unknown role '" + key + "': use one of " + keys());
  }

  /** The role names, comma-separated. */
  public static String keys() {
    return Arrays.stream(values()).map(Role::key).collect(Collectors.joining(", "));
  }
}
