package az.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatcherTest {
  @TempDir Path dir;

  /** Runs the watcher on a daemon thread until the thread is interrupted. */
  private static Thread start(Watcher watcher) {
    Thread thread = new Thread(() -> {
      try {
        watcher.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Test
  void aChangedFileInANewSubdirectoryTriggersOneRebuildPerBurst() throws Exception {
    Files.createDirectories(dir.resolve("content/news"));
    Semaphore rebuilds = new Semaphore(0);
    Thread thread = start(new Watcher(List.of(dir.resolve("content")), Duration.ofMillis(100), files -> rebuilds.release()));
    try {
      Thread.sleep(300); // let it register
      Files.writeString(dir.resolve("content/news/a.md"), "bir");
      Files.writeString(dir.resolve("content/news/b.md"), "iki");
      assertThat(rebuilds.tryAcquire(10, TimeUnit.SECONDS)).as("a rebuild after the first burst").isTrue();

      Files.createDirectories(dir.resolve("content/files"));
      Thread.sleep(300);
      rebuilds.drainPermits();
      Files.writeString(dir.resolve("content/files/yeni.txt"), "üç");
      assertThat(rebuilds.tryAcquire(10, TimeUnit.SECONDS)).as("a change in a directory created after start").isTrue();
    } finally {
      thread.interrupt();
      thread.join(5000);
    }
  }

  @Test
  void changesToIgnoredAndTemporaryFilesTriggerNothing() throws Exception {
    Path ledger = dir.resolve("content/data/publication-ledger.yaml");
    Files.createDirectories(ledger.getParent());
    Semaphore rebuilds = new Semaphore(0);
    Thread thread = start(new Watcher(List.of(dir.resolve("content")), Duration.ofMillis(100), files -> rebuilds.release(),
        java.util.Set.of(ledger)));
    try {
      Thread.sleep(300);
      Files.writeString(ledger, "published: {}\n");
      Files.writeString(dir.resolve("content/data/.x123.tmp"), "müvəqqəti");
      assertThat(rebuilds.tryAcquire(1, TimeUnit.SECONDS)).as("no rebuild for the ledger or a temporary file").isFalse();
      Files.writeString(dir.resolve("content/data/plan.yaml"), "title: x\n");
      assertThat(rebuilds.tryAcquire(10, TimeUnit.SECONDS)).as("a rebuild for real content").isTrue();
    } finally {
      thread.interrupt();
      thread.join(5000);
    }
  }

  /** Touches a probe file until the watcher reports it: then it is watching (no fixed wait). */
  private static void untilWatching(Path probe, java.util.concurrent.BlockingQueue<java.util.Set<Path>> reports) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Files.writeString(probe, String.valueOf(System.nanoTime()));
      java.util.Set<Path> seen = reports.poll(100, TimeUnit.MILLISECONDS);
      if (seen != null && seen.contains(probe.toAbsolutePath().normalize())) {
        reports.clear();
        return;
      }
    }
    throw new AssertionError("the watcher never reported " + probe);
  }

  @Test
  void aSymbolicLinkAddedAloneIsReportedAndNeverFollowed() throws Exception {
    Path files = Files.createDirectories(dir.resolve("content/files"));
    Path outside = Files.createDirectories(dir.resolve("private"));
    Files.writeString(outside.resolve("register.log"), "aysel@example.az");
    java.util.concurrent.BlockingQueue<java.util.Set<Path>> reports = new java.util.concurrent.LinkedBlockingQueue<>();
    Thread thread = start(new Watcher(List.of(dir.resolve("content")), Duration.ofMillis(50), reports::add));
    try {
      untilWatching(files.resolve("probe.txt"), reports);
      Path fileLink = Files.createSymbolicLink(files.resolve("register.pdf"), outside.resolve("register.log"));
      assertThat(reports.poll(10, TimeUnit.SECONDS)).as("the link to a file is a change").contains(fileLink.toAbsolutePath().normalize());
      Path dirLink = Files.createSymbolicLink(files.resolve("private"), outside);
      assertThat(reports.poll(10, TimeUnit.SECONDS)).as("the link to a directory is a change").contains(dirLink.toAbsolutePath().normalize());

      // The linked directory is not watched: a change there is no change of the content.
      Files.writeString(outside.resolve("register.log"), "yeni sətir");
      Path probe = files.resolve("probe.txt");
      Files.writeString(probe, "sonra");
      java.util.Set<Path> next = reports.poll(10, TimeUnit.SECONDS);
      assertThat(next).as("the next report is the probe's alone").contains(probe.toAbsolutePath().normalize())
          .noneMatch(p -> p.startsWith(dirLink.toAbsolutePath().normalize()) || p.startsWith(outside));
    } finally {
      thread.interrupt();
      thread.join(5000);
    }
  }
}
