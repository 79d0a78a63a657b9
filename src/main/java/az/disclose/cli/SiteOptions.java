package az.disclose.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the content, the theme and the output are; shared by the commands that build. */
final class SiteOptions {
  /** The defaults, read by picocli's annotations and by {@link PlainBuild} alike. */
  static final String CONTENT = "content";
  static final String THEME = "theme";
  static final String OUT = "site";

  @Option(names = "--content", paramLabel = "DIR", description = "content directory (default: ${DEFAULT-VALUE})", defaultValue = CONTENT)
  Path content;

  @Option(names = "--theme", paramLabel = "DIR", description = "theme directory (default: ${DEFAULT-VALUE})", defaultValue = THEME)
  Path theme;

  @Option(names = "--out", paramLabel = "DIR", description = "output directory, owned by disclose (default: ${DEFAULT-VALUE})", defaultValue = OUT)
  Path out;

  @Option(names = "--after-build", paramLabel = "COMMAND",
      description = "a shell command run after every successful build, e.g. to deploy (rsync, a bucket upload); "
          + "DISCLOSE_OUT holds the output directory; its failure fails the build")
  String afterBuild;
}
