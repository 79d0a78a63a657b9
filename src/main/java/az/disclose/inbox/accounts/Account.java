package az.disclose.inbox.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * An account as listed: never its password hash, TOTP secret or recovery codes.
 *
 * @param unit the unit of a unit responder, empty for every other role
 * @param lockedUntil when a lock after too many wrong passwords or codes ends (may be past)
 * @param secondFactor whether a TOTP secret is enrolled
 */
public record Account(long id, String username, Role role, Optional<String> unit, boolean disabled,
    Optional<Instant> lockedUntil, boolean secondFactor, Instant createdAt) {

  /** Whether a lock holds at {@code now}. */
  public boolean lockedAt(Instant now) {
    return lockedUntil.isPresent() && now.isBefore(lockedUntil.get());
  }
}
