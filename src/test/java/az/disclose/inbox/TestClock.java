package az.disclose.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets and moves; thread-safe. */
final class TestClock extends Clock {
  static final ZoneId BAKU = ZoneId.of("Asia/Baku");
  private volatile Instant now;

  TestClock(Instant now) {
    this.now = now;
  }

  /** A clock at the given local time in Baku. */
  static TestClock baku(int year, int month, int day, int hour, int minute) {
    return new TestClock(LocalDateTime.of(year, month, day, hour, minute).atZone(BAKU).toInstant());
  }

  void set(Instant instant) {
    now = instant;
  }

  void setBaku(int year, int month, int day, int hour, int minute) {
    now = LocalDateTime.of(year, month, day, hour, minute).atZone(BAKU).toInstant();
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
