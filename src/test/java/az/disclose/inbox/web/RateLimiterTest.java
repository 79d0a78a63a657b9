package az.disclose.inbox.web;

import az.disclose.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void allowsTheBurstThenAsksToWaitForTheNextToken() {
    TestClock clock = TestClock.baku(2026, 9, 1, 10, 0);
    RateLimiter limiter = new RateLimiter(clock, 10, 10);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.acquire("192.0.2.1")).as("submission %d", i + 1).isZero();
    }
    assertThat(limiter.acquire("192.0.2.1")).isEqualTo(6); // one token every 6 s
    assertThat(limiter.acquire("192.0.2.2")).as("another address has its own bucket").isZero();
    clock.advance(Duration.ofSeconds(3));
    assertThat(limiter.acquire("192.0.2.1")).isEqualTo(3);
    clock.advance(Duration.ofSeconds(3));
    assertThat(limiter.acquire("192.0.2.1")).isZero();
    assertThat(limiter.acquire("192.0.2.1")).isEqualTo(6);
    clock.advance(Duration.ofMinutes(10));
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.acquire("192.0.2.1")).as("refilled only up to the burst").isZero();
    }
    assertThat(limiter.acquire("192.0.2.1")).isPositive();
  }
}
