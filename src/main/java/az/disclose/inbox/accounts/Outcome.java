package az.disclose.inbox.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@link Accounts#authenticate} decided.
 *
 * @param account the account signed in ({@link Result#SIGNED_IN}) or waiting for its code ({@link
 *     Result#SECOND_FACTOR_NEEDED}); empty otherwise, so that a caller cannot tell an unknown name from
 *     a wrong password
 * @param lockedUntil when the lock ends ({@link Result#LOCKED})
 */
public record Outcome(Result result, Optional<Account> account, Optional<Instant> lockedUntil) {
  public enum Result {
    SIGNED_IN,
    /** Wrong name, password or code: one of them, never which. */
    WRONG,
    LOCKED,
    /** The password was right and the role needs a TOTP or recovery code: ask for it, then call again with both. */
    SECOND_FACTOR_NEEDED,
    DISABLED
  }

  static Outcome of(Result r) {
    return new Outcome(r, Optional.empty(), Optional.empty());
  }

  static Outcome locked(Instant until) {
    return new Outcome(Result.LOCKED, Optional.empty(), Optional.of(until));
  }

  static Outcome with(Result r, Account a) {
    return new Outcome(r, Optional.of(a), Optional.empty());
  }
}
