package az.disclose.inbox.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What keeps a flood of bodies from taking the server: at most {@code overall} bodies are received
 * at once and at most {@code perAddress} from one address (each holds a worker thread while it
 * arrives, so the site and {@code /healthz} keep the rest), and decoded submissions together hold
 * at most {@code memoryBudget} bytes of heap.
 */
final class UploadGate {
  /** Memory is counted in KiB so that a budget of gigabytes still fits a semaphore's int. */
  private static final long UNIT = 1024;

  private final Semaphore overall;
  private final int perAddress;
  private final ConcurrentHashMap<String, Integer> active = new ConcurrentHashMap<>();
  private final Semaphore memory;
  private final int memoryUnits;

  UploadGate(int overall, int perAddress, long memoryBudgetBytes) {
    this.overall = new Semaphore(overall);
    this.perAddress = perAddress;
    this.memoryUnits = (int) Math.min(Integer.MAX_VALUE, Math.max(1, memoryBudgetBytes / UNIT));
    this.memory = new Semaphore(memoryUnits, true);
  }

  /** A held slot; closing it gives it back. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Why no slot was given. */
  enum Refusal { SERVER_BUSY, ADDRESS_BUSY }

  /** A receiving slot ({@code held}) or why there is none ({@code refused}). */
  record Entry(Held held, Refusal refused) {}

  /** A receiving slot for {@code address}, or the reason there is none (never waits). */
  Entry enter(String address) {
    boolean[] admitted = {false};
    active.compute(address, (a, n) -> {
      int now = n == null ? 0 : n;
      if (now >= perAddress) {
        return n;
      }
      admitted[0] = true;
      return now + 1;
    });
    if (!admitted[0]) {
      return new Entry(null, Refusal.ADDRESS_BUSY);
    }
    if (!overall.tryAcquire()) {
      leave(address);
      return new Entry(null, Refusal.SERVER_BUSY);
    }
    return new Entry(() -> {
      overall.release();
      leave(address);
    }, null);
  }

  private void leave(String address) {
    active.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
  }

  /**
   * A share of the memory budget for {@code bytes} (at most the whole budget), waiting up to
   * {@code waitMillis}; null when it did not come in time.
   */
  Held memory(long bytes, long waitMillis) throws InterruptedException {
    int units = (int) Math.min(memoryUnits, Math.max(1, (bytes + UNIT - 1) / UNIT));
    if (!memory.tryAcquire(units, waitMillis, TimeUnit.MILLISECONDS)) {
      return null;
    }
    return () -> memory.release(units);
  }

  /** Bodies being received now (for tests). */
  int receiving() {
    return active.values().stream().mapToInt(Integer::intValue).sum();
  }
}
