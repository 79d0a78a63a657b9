package az.disclose.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BuildLock}: a build waits while another process builds into the same directory (here a
 * second JVM holding the lock, as `disclose serve` does during its builds), and a process that died
 * holding it blocks nobody.
 */
class BuildLockTest {
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

  @Test
  void aBuildWaitsForAnotherProcesssBuildIntoTheSameDirectoryAndThenRuns() throws Exception {
    TestSites.copyProject(dir);
    Path out = dir.resolve("site");
    holdInAnotherProcess(out);

    CompletableFuture<BuildReport> build = CompletableFuture.supplyAsync(() -> {
      try {
        return new SiteBuilder(dir.resolve("content"), dir.resolve("theme"), out).build();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(1500);
    assertThat(build).as("a build while another holds the lock").isNotDone();
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
    Thread.sleep(500);
    assertThat(waited).isTrue();
    assertThat(whileHeld).isNotDone();

    holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // killed in the middle of its build

    whileHeld.get(10, TimeUnit.SECONDS);
    AtomicBoolean waitedAgain = new AtomicBoolean();
    try (BuildLock lock = BuildLock.acquire(out, () -> waitedAgain.set(true))) {
      assertThat(waitedAgain).isFalse();
    }
  }
}
