package az.disclose.inbox.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in attempts per client address: at most {@link #MAX_ATTEMPTS} password or code submissions
 * per {@link #WINDOW} from one address, so that one machine cannot guess one common password across
 * many accounts, nor fill the account audit with attempts. (Each account's own lock is the accounts'.)
 * A fixed window per address; at most {@link #MAX_ADDRESSES} addresses are remembered.
 */
final class SignInLimiter {
  /** Attempts one address may make per window. */
  static final int MAX_ATTEMPTS = 30;
  static final Duration WINDOW = Duration.ofMinutes(10);
  static final int MAX_ADDRESSES = 10_000;

  private record Window(Instant start, int count) {}

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  SignInLimiter(Clock clock) {
    this.clock = clock;
  }

  /** Counts an attempt from {@code address}; false when the address is over its limit. */
  boolean allow(String address) {
    Instant now = clock.instant();
    if (windows.size() >= MAX_ADDRESSES) {
      windows.values().removeIf(w -> !now.isBefore(w.start().plus(WINDOW)));
      if (windows.size() >= MAX_ADDRESSES) {
        windows.clear(); // a flood of addresses: start counting again rather than grow without end
      }
    }
    Window w = windows.compute(address, (a, old) -> old == null || !now.isBefore(old.start().plus(WINDOW))
        ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
    return w.count() <= MAX_ATTEMPTS;
  }
}
