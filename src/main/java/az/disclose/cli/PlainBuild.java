package az.disclose.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of a plain {@code disclose build}, read without picocli: the command that
 * publishes the site runs often (after every edit, from cron, in CI), and most runs find nothing to
 * do, so its start-up is most of its time. picocli 4.7 ships Java 5 class files, which the JVM's
 * class-data-sharing archive cannot hold and which it verifies with its old verifier, so setting
 * picocli up cost ~0.12 s at every start, about a quarter of such a build (docs/performance.md).
 *
 * <p>Only the plainest form is taken here: {@code build} followed by {@code --content},
 * {@code --theme}, {@code --out} and {@code --after-build}, each at most once, as {@code --name value}
 * or {@code --name=value}, with a value that is not empty and does not start with {@code -}.
 * Anything else (help, {@code --strict}, a mistake, any other command) returns empty and goes to
 * picocli, which explains it. {@code PlainBuildTest} checks that both read the same options alike.
 */
final class PlainBuild {
  private static final Set<String> NAMES = Set.of("--content", "--theme", "--out", "--after-build");

  private PlainBuild() {}

  /** The options of a plain build command line, or empty when picocli is to read it. */
  static Optional<SiteOptions> parse(String... args) {
    if (args.length == 0 || !args[0].equals("build")) {
      return Optional.empty();
    }
    SiteOptions options = new SiteOptions();
    options.content = Path.of(SiteOptions.CONTENT);
    options.theme = Path.of(SiteOptions.THEME);
    options.out = Path.of(SiteOptions.OUT);
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      String value;
      int eq = name.indexOf('=');
      if (eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return Optional.empty();
      }
      if (!NAMES.contains(name) || !seen.add(name) || value.isEmpty() || value.startsWith("-")) {
        return Optional.empty();
      }
      switch (name) {
        case "--content" -> options.content = Path.of(value);
        case "--theme" -> options.theme = Path.of(value);
        case "--out" -> options.out = Path.of(value);
        default -> options.afterBuild = value;
      }
    }
    return Optional.of(options);
  }
}
