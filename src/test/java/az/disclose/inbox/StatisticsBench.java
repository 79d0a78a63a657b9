package az.disclose.inbox;

import az.disclose.inbox.model.Receipt;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.store.Inbox;
import az.disclose.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What {@link Inbox#publishStatistics} costs on a large register: N requests (default 10,000)
 * registered over two years (about 14 a day), 80% answered, 5% refused, 5% forwarded, the rest
 * open; then publishStatistics timed when the file changes and when it does not. Args: [N] [data
 * directory] (put it on tmpfs, e.g. /dev/shm, to fill the register quickly: every action is a
 * durable commit). Run with the test classpath:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) az.disclose.inbox.StatisticsBench 10000 /dev/shm/x}.
 */
public final class StatisticsBench {
  private StatisticsBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("disclose-statistics-bench");
    Path content = dir.resolve("content");
    TestClock clock = TestClock.baku(2024, 3, 1, 9, 0);
    try (Inbox inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), Path.of("content"), clock)) {
      RegisterService register = inbox.register();
      long fill = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
      });
      List<String> numbers = new ArrayList<>();
      int perDay = 14;
      int handled = 0;
      for (int day = 0; numbers.size() < n; day++) {
        clock.setBaku(2024, 3, 1, 9, 0);
        clock.advance(Duration.ofDays(day));
        List<Future<Receipt>> today = new ArrayList<>();
        for (int i = 0; i < perDay && numbers.size() + today.size() < n; i++) {
          Submission s = Submissions.information("Sorğu " + (numbers.size() + i));
          today.add(pool.submit(() -> register.register(s)));
        }
        for (Future<Receipt> f : today) {
          numbers.add(f.get().number());
        }
        // handle the requests of the day before: 80% answered, 5% refused, 5% forwarded, 10% left open
        for (int i = handled; i < numbers.size() - today.size(); i++, handled++) {
          String number = numbers.get(i);
          int kind = i % 20;
          if (kind < 16) {
            register.answer(number, "leyla", "Cavab", List.of());
          } else if (kind == 16) {
            register.refuse(number, "leyla", "not-held");
          } else if (kind == 17) {
            register.forward(number, "leyla", "Energetika Nazirliyi");
          }
        }
      }
      pool.shutdown();
      System.out.printf(Locale.ROOT, "filled %d requests in %d s%n", numbers.size(),
          (System.nanoTime() - fill) / 1_000_000_000);

      clock.advance(Duration.ofDays(1));
      time("statistics() (read and count only)", 20, () -> register.statistics());
      long[] first = new long[1];
      first[0] = System.nanoTime();
      boolean changed = inbox.publishStatistics(content);
      System.out.printf(Locale.ROOT, "publishStatistics, file changed (%s): %.1f ms%n", changed,
          (System.nanoTime() - first[0]) / 1e6);
      time("publishStatistics, unchanged", 20, () -> {
        if (inbox.publishStatistics(content)) {
          throw new IllegalStateException("rewritten although nothing changed");
        }
        return null;
      });
      System.out.printf(Locale.ROOT, "file: %d bytes%n", Files.size(content.resolve(PublishedStatistics.FILE)));
    }
  }

  @FunctionalInterface
  interface Work {
    Object run() throws Exception;
  }

  private static void time(String what, int runs, Work work) throws Exception {
    for (int i = 0; i < 3; i++) {
      work.run(); // warm-up
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "%s: median %.1f ms, max %.1f ms (%d runs)%n", what, ms[runs / 2], ms[runs - 1], runs);
  }
}
