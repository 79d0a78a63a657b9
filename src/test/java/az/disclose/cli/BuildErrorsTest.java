package az.disclose.cli;

import az.disclose.app.App;
import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.site.SiteBuilder;
import az.disclose.site.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@link Error} in a build (out of memory, a stack overflow, a class that cannot load) is said
 * at ERROR with what to do, like any failure, and `serve` goes on: its next build runs. No real
 * input provokes one any more (files over the size limit are refused unread, and the YAML and
 * Markdown parsers bound their nesting), so the Error comes through {@link BuildCommand.Build}, the
 * seam in front of the real {@link SiteBuilder}.
 */
class BuildErrorsTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream oldErr;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void captureTheLog() {
    // The log goes to standard error (logback.xml), as an operator running serve sees it.
    oldErr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
  }

  private String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  private SiteOptions options() {
    SiteOptions options = new SiteOptions();
    options.content = dir.resolve("content");
    options.theme = dir.resolve("theme");
    options.out = dir.resolve("site");
    return options;
  }

  @Test
  void anErrorInARebuildIsLoggedAtErrorWithWhatToDoAndTheNextChangeIsBuilt() {
    TestSites.copyProject(dir);
    SiteOptions options = options();
    SiteBuilder real = new SiteBuilder(options.content, options.theme, options.out);
    AtomicInteger builds = new AtomicInteger();
    // The first rebuild overflows its stack, as a hostile input once did; the rest are real.
    BuildCommand.Build build = changed -> {
      if (builds.getAndIncrement() == 0) {
        throw new StackOverflowError();
      }
      return changed == null ? real.build() : real.rebuild(changed);
    };
    Path news = options.content.resolve("news/komissiya-yaradildi.md");
    PrintWriter o = new PrintWriter(out);
    PrintWriter e = new PrintWriter(err);

    BuildCommand.Outcome failed = BuildCommand.build(build, Set.of(news), options, o, e);
    assertThat(failed.code()).isEqualTo(Main.FAILURE);
    assertThat(failed.report()).isNull();
    assertThat(log()).contains("ERROR", "!!! the build of " + options.out + " failed with java.lang.StackOverflowError",
        "The site stays as the last successful build left it", "nested too deeply", "simplify the file changed last",
        "disclose serve builds again at the next change", "\tat "); // and the stack trace

    BuildCommand.Outcome next = BuildCommand.build(build, Set.of(news), options, o, e);
    assertThat(next.code()).isEqualTo(Main.OK);
    assertThat(options.out.resolve("news/komissiya-yaradildi/index.html")).exists();
  }

  @Test
  void runningOutOfMemorySaysToGiveMoreMemoryOrToMakeTheFileSmaller() {
    SiteOptions options = options();
    BuildCommand.Outcome failed = BuildCommand.build(changed -> {
      throw new OutOfMemoryError("Java heap space");
    }, null, options, new PrintWriter(out), new PrintWriter(err));
    assertThat(failed.code()).isEqualTo(Main.FAILURE);
    assertThat(log()).contains("ERROR", "failed with java.lang.OutOfMemoryError: Java heap space", "max_text_file_mib",
        "JAVA_OPTS=-Xmx1g");
  }

  @Test
  void aScheduledTaskThatThrowsAnErrorIsLoggedAndRunsAgain() throws Exception {
    ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
    try {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch again = new CountDownLatch(1);
      Runnable task = App.loudly("the scheduled rebuild", () -> {
        if (runs.getAndIncrement() == 0) {
          throw new LinkageError("class file damaged");
        }
        again.countDown();
      }, new PrintWriter(err));
      // A task that throws out of scheduleWithFixedDelay is never run again.
      schedule.scheduleWithFixedDelay(task, 0, 10, TimeUnit.MILLISECONDS);
      assertThat(again.await(10, TimeUnit.SECONDS)).as("the schedule ran the task again").isTrue();
      assertThat(log()).contains("ERROR", "the scheduled rebuild failed unexpectedly with java.lang.LinkageError: class file damaged",
          "it runs again on the next change or schedule");
    } finally {
      schedule.shutdownNow();
    }
  }
}
