package az.disclose.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the content, the theme and the output are; shared by the commands that build. */
final class SiteOptions {
  @Option(names = "--content", paramLabel = "DIR", description = "content directory (default: ${DEFAULT-VALUE})", defaultValue = "content")
  Path content;

  @Option(names = "--theme", paramLabel = "DIR", description = "theme directory (default: ${DEFAULT-VALUE})", defaultValue = "theme")
  Path theme;

  @Option(names = "--out", paramLabel = "DIR", description = "output directory, owned by disclose (default: ${DEFAULT-VALUE})", defaultValue = "site")
  Path out;

  @Option(names = "--after-build", paramLabel = "COMMAND",
      description = "a shell command run after every successful build, e.g. to deploy (rsync, a bucket upload); "
          + "DISCLOSE_OUT holds the output directory; its failure fails the build")
  String afterBuild;
}
