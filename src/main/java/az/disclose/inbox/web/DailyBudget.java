package az.disclose.inbox.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes each address may send in one day (Baku time), on top of the rate limit: a few large
 * submissions a day are a citizen's; hundreds of megabytes are a flood filling the register's disk.
 * Every received body counts, accepted or not. Entries of earlier days are dropped when the table
 * grows large, so memory stays bounded.
 */
final class DailyBudget {
  static final int MAX_TRACKED = 100_000;

  private final Clock clock;
  private final ZoneId zone;
  private final long bytesPerDay;
  private final ConcurrentHashMap<String, Spent> spent = new ConcurrentHashMap<>();

  private record Spent(LocalDate day, long bytes) {}

  DailyBudget(Clock clock, ZoneId zone, long bytesPerDay) {
    this.clock = clock;
    this.zone = zone;
    this.bytesPerDay = bytesPerDay;
  }

  /** Whether {@code address} may still send {@code bytes} today (nothing is counted). */
  boolean allows(String address, long bytes) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    Spent s = spent.get(address);
    long used = s == null || !s.day().equals(today) ? 0 : s.bytes();
    return used + Math.max(0, bytes) <= bytesPerDay;
  }

  /** Counts {@code bytes} sent by {@code address}; false when that took it over today's budget. */
  boolean charge(String address, long bytes) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    if (spent.size() > MAX_TRACKED) {
      spent.values().removeIf(s -> !s.day().equals(today));
    }
    Spent after = spent.merge(address, new Spent(today, bytes),
        (old, add) -> old.day().equals(today) ? new Spent(today, old.bytes() + add.bytes()) : add);
    return after.bytes() <= bytesPerDay;
  }
}
