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

  @Test
  void aChangedFileInANewSubdirectoryTriggersOneRebuildPerBurst() throws Exception {
    Files.createDirectories(dir.resolve("content/news"));
    Semaphore rebuilds = new Semaphore(0);
    Watcher watcher = new Watcher(List.of(dir.resolve("content")), Duration.ofMillis(100), rebuilds::release);
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
}
