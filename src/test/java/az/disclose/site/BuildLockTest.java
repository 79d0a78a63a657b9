package az.disclose.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@link BuildLock}: a build waits while another process builds into the same directory (here a
 * second JVM holding the lock, as `disclose serve` does during its builds), and a process that died
 * holding it blocks nobody.
 */
class BuildLockTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  Process holder;

  /** A second JVM that takes the lock of builds into {@code out}, says "held", and keeps it until its input ends. */
  public static void main(String[] args) throws Exception {
    try (BuildLock lock = BuildLock.acquire(Path.of(args[0]), () -> {})) {
      System.out.println("held");
      System.out.flush();
      while (System.in.read() != -1) {
        // keep it
      }
    }
  }

  private void holdInAnotherProcess(Path out) throws Exception {
    holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), BuildLockTest.class.getName(), out.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    assertThat(said.readLine()).isEqualTo("held");
  }

  @AfterEach
  void stopHolder() throws Exception {
    if (holder != null) {
      holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s within %s", what, WAIT).isLessThan(deadline);
      Thread.sleep(10); // polling interval
    }
  }

  @Test
  void aBuildWaitsForAnotherProcesssBuildIntoTheSameDirectoryAndThenRuns() throws Exception {
    TestSites.copyProject(dir);
    Path out = dir.resolve("site");
    holdInAnotherProcess(out);

    Logger logger = (Logger) LoggerFactory.getLogger(SiteBuilder.class);
    ListAppender<ILoggingEvent> said = new ListAppender<>();
    said.start();
    logger.addAppender(said);
    CompletableFuture<BuildReport> build;
    try {
      build = CompletableFuture.supplyAsync(() -> {
        try {
          return new SiteBuilder(dir.resolve("content"), dir.resolve("theme"), out).build();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      // The build says that it waits...
      await(() -> said.list.stream().anyMatch(e -> e.getFormattedMessage().contains("another build is writing")),
          "the build says it waits for the other");
    } finally {
      logger.detachAppender(said);
    }
    // ...and does wait: nothing done, nothing written, for as long as we look.
    assertThatThrownBy(() -> build.get(1, TimeUnit.SECONDS)).as("a build while another holds the lock")
        .isInstanceOf(TimeoutException.class);
    assertThat(out).doesNotExist();

    holder.getOutputStream().close(); // the other build ends
    BuildReport report = build.get(60, TimeUnit.SECONDS);
    assertThat(report.pages()).isPositive();
    assertThat(out.resolve("index.html")).exists();
  }

  @Test
  void theLockOfAProcessThatDiedIsFreeAtOnce() throws Exception {
    Path out = dir.resolve("site");
    holdInAnotherProcess(out);
    AtomicBoolean waited = new AtomicBoolean();
    CompletableFuture<Void> whileHeld = CompletableFuture.runAsync(() -> {
      try (BuildLock lock = BuildLock.acquire(out, () -> waited.set(true))) {
        // taken
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    await(waited::get, "the lock's taker is told to wait");
    assertThat(whileHeld).isNotDone();

    holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // killed in the middle of its build

    whileHeld.get(10, TimeUnit.SECONDS);
    AtomicBoolean waitedAgain = new AtomicBoolean();
    try (BuildLock lock = BuildLock.acquire(out, () -> waitedAgain.set(true))) {
      assertThat(waitedAgain).isFalse();
    }
  }
}
