package az.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatcherTest {
  /** Longer than any pause between two writes of one burst here, on a loaded machine too. */
  private static final Duration QUIET = Duration.ofMillis(400);
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PROBE = "watcher-probe.txt";

  @TempDir Path dir;
  /** What each call of the watcher reported, in order. */
  private final BlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();
  private Thread thread;

  @AfterEach
  void stop() throws InterruptedException {
    if (thread != null) {
      thread.interrupt();
      thread.join(5000);
    }
  }

  /** Runs the watcher on a daemon thread, and returns once it sees changes under {@code root}. */
  private void start(Watcher watcher, Path root) throws Exception {
    thread = new Thread(() -> {
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
    // The watcher says nothing when it has registered its directories: write a probe file until it
    // reports one (each write waits out a burst, so the probes never make one endless burst).
    Path probe = root.resolve(PROBE);
    long deadline = System.nanoTime() + WAIT.toNanos();
    for (int i = 0; ; i++) {
      assertThat(System.nanoTime()).as("the watcher reports a change within %s", WAIT).isLessThan(deadline);
      Files.writeString(probe, "yoxlama " + i);
      Set<Path> report = reports.poll(QUIET.toMillis() * 3, TimeUnit.MILLISECONDS);
      if (report != null && report.contains(probe.toAbsolutePath().normalize())) {
        return;
      }
    }
  }

  /** The watcher's next report of anything but the probe file (a late probe report is skipped). */
  private Set<Path> nextReport() throws InterruptedException {
    while (true) {
      Set<Path> report = reports.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(report).as("a report of the watcher within %s", WAIT).isNotNull();
      Set<Path> real = new HashSet<>(report);
      real.removeIf(p -> p.getFileName().toString().equals(PROBE));
      if (!real.isEmpty()) {
        return real;
      }
    }
  }

  private Path abs(String path) {
    return dir.resolve(path).toAbsolutePath().normalize();
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text);
  }

  @Test
  void aChangedFileInANewSubdirectoryTriggersOneRebuildPerBurst() throws Exception {
    Files.createDirectories(dir.resolve("content/news"));
    start(new Watcher(List.of(dir.resolve("content")), QUIET, reports::add), dir.resolve("content"));

    // One burst of two files: one report naming both.
    write(dir.resolve("content/news/a.md"), "bir");
    write(dir.resolve("content/news/b.md"), "iki");
    assertThat(nextReport()).as("one report for the first burst").containsExactlyInAnyOrder(
        abs("content/news/a.md"), abs("content/news/b.md"));
    // The next change is the next report: the burst gave no second one.
    write(dir.resolve("content/news/c.md"), "üç");
    assertThat(nextReport()).as("the next report is the next burst's").containsExactly(abs("content/news/c.md"));

    // A directory created after the start is watched too.
    Files.createDirectories(dir.resolve("content/files"));
    assertThat(nextReport()).as("the new directory").containsExactly(abs("content/files"));
    write(dir.resolve("content/files/yeni.txt"), "dörd");
    assertThat(nextReport()).as("a change in a directory created after start").containsExactly(
        abs("content/files/yeni.txt"));
  }

  @Test
  void changesToIgnoredAndTemporaryFilesTriggerNothing() throws Exception {
    Path ledger = dir.resolve("content/data/publication-ledger.yaml");
    Files.createDirectories(ledger.getParent());
    start(new Watcher(List.of(dir.resolve("content")), QUIET, reports::add, Set.of(ledger)), dir.resolve("content"));

    write(ledger, "published: {}\n");
    write(dir.resolve("content/data/.x123.tmp"), "müvəqqəti");
    write(dir.resolve("content/data/plan.yaml"), "title: x\n");
    // The ledger and the temporary file are in no report: the first names the plan only.
    assertThat(nextReport()).as("a rebuild for real content only").containsExactly(abs("content/data/plan.yaml"));
  }

  @Test
  void aSymbolicLinkAddedAloneIsReportedAndNeverFollowed() throws Exception {
    Path files = Files.createDirectories(dir.resolve("content/files"));
    Path outside = Files.createDirectories(dir.resolve("private"));
    Files.writeString(outside.resolve("register.log"), "aysel@example.az");
    start(new Watcher(List.of(dir.resolve("content")), QUIET, reports::add), dir.resolve("content"));
    reports.clear();
    Path fileLink = Files.createSymbolicLink(files.resolve("register.pdf"), outside.resolve("register.log"));
    assertThat(reports.poll(10, TimeUnit.SECONDS)).as("the link to a file is a change").contains(fileLink.toAbsolutePath().normalize());
    Path dirLink = Files.createSymbolicLink(files.resolve("private"), outside);
    assertThat(reports.poll(10, TimeUnit.SECONDS)).as("the link to a directory is a change").contains(dirLink.toAbsolutePath().normalize());

    // The linked directory is not watched: a change there is no change of the content.
    Files.writeString(outside.resolve("register.log"), "yeni sətir");
    Path probe = files.resolve("probe.txt");
    Files.writeString(probe, "sonra");
    Set<Path> next = reports.poll(10, TimeUnit.SECONDS);
    assertThat(next).as("the next report is the probe's alone").contains(probe.toAbsolutePath().normalize())
        .noneMatch(p -> p.startsWith(dirLink.toAbsolutePath().normalize()) || p.startsWith(outside));
  }
}
