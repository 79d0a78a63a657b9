package az.disclose.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets and moves; thread-safe. */
public final class TestClock extends Clock {
  public static final ZoneId BAKU = ZoneId.of("Asia/Baku");
  private volatile Instant now;

  public TestClock(Instant now) {
    this.now = now;
  }

  /** A clock at the given local time in Baku. */
  public static TestClock baku(int year, int month, int day, int hour, int minute) {
    return new TestClock(LocalDateTime.of(year, month, day, hour, minute).atZone(BAKU).toInstant());
  }

  public void set(Instant instant) {
    now = instant;
  }

  public void setBaku(int year, int month, int day, int hour, int minute) {
    now = LocalDateTime.of(year, month, day, hour, minute).atZone(BAKU).toInstant();
  }

  public void advance(Duration d) {
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
