package az.disclose.inbox.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per remote address: {@code burst} submissions at once, refilled at
 * {@code perMinute} a minute. Idle (full) buckets are dropped when the table grows large, so
 * memory stays bounded under a flood from many addresses.
 */
final class RateLimiter {
  static final int MAX_TRACKED = 100_000;

  private final Clock clock;
  private final double capacity;
  private final double tokensPerMilli;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(Clock clock, int perMinute, int burst) {
    this(clock, burst, perMinute / 60_000.0);
  }

  /** {@code burst} at once, then one more every {@code refillEvery} (slower than one a minute too). */
  RateLimiter(Clock clock, int burst, java.time.Duration refillEvery) {
    this(clock, burst, 1.0 / Math.max(1, refillEvery.toMillis()));
  }

  private RateLimiter(Clock clock, int burst, double tokensPerMilli) {
    this.clock = clock;
    this.capacity = burst;
    this.tokensPerMilli = tokensPerMilli;
  }

  /**
   * Takes one token for {@code address}.
   *
   * @return 0 when allowed, otherwise the whole seconds to wait before the next token (at least 1)
   */
  long acquire(String address) {
    long now = clock.millis();
    if (buckets.size() > MAX_TRACKED) {
      buckets.values().removeIf(b -> b.full(now));
    }
    Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(capacity, now));
    return bucket.take(now);
  }

  private final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    synchronized long take(long now) {
      refill(now);
      if (tokens >= 1.0) {
        tokens -= 1.0;
        return 0;
      }
      double missing = 1.0 - tokens;
      long millis = (long) Math.ceil(missing / tokensPerMilli - 1e-6);
      return Math.max(1, (millis + 999) / 1000);
    }

    synchronized boolean full(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      if (now > last) {
        tokens = Math.min(capacity, tokens + (now - last) * tokensPerMilli);
        last = now;
      }
    }
  }
}
