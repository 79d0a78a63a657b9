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
}
