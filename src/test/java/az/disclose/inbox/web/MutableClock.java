package az.disclose.inbox.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves; thread-safe. */
final class MutableClock extends Clock {
  static final ZoneId BAKU = ZoneId.of("Asia/Baku");
  private volatile Instant now;

  MutableClock(Instant now) {
    this.now = now;
  }

  static MutableClock baku(int year, int month, int day, int hour, int minute) {
    return new MutableClock(LocalDateTime.of(year, month, day, hour, minute).atZone(BAKU).toInstant());
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
