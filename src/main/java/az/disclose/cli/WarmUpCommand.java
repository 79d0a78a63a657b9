package az.disclose.cli;

import az.disclose.files.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Not for people: the launcher runs it once after each build of the jar, with the JVM writing a
 * class-data-sharing archive at exit. It runs `disclose build` on a copy of the content twice — a
 * first build, then one with nothing changed — so that the archive holds the classes of both, and
 * every later `build` starts quickly whichever it turns out to be.
 */
@Command(name = "warm-up", hidden = true, description = "build a copy of the content twice, for the launcher's start-up archive")
final class WarmUpCommand implements Callable<Integer> {
  @Option(names = "--content", paramLabel = "DIR", defaultValue = "content")
  Path content;

  @Option(names = "--theme", paramLabel = "DIR", defaultValue = "theme")
  Path theme;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path work = Files.createTempDirectory("disclose-warm-up");
    try {
      // A copy: a build records first publications in the content's ledger.
      Trees.copy(content, work.resolve("content"));
      String[] build = {"build", "--content", work.resolve("content").toString(), "--theme", theme.toString(),
          "--out", work.resolve("site").toString()};
      int first = Main.run(build);
      return first != Main.OK ? first : Main.run(build);
    } finally {
      Trees.delete(work);
    }
  }
}
