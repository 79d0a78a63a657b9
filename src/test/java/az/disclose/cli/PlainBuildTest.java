package az.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The plain `build` reader takes exactly what picocli would read the same way, and leaves it everything else. */
class PlainBuildTest {
  static List<List<String>> plainCommandLines() {
    return List.of(
        List.of("build"),
        List.of("build", "--content", "c"),
        List.of("build", "--content=c", "--theme", "t", "--out", "o"),
        List.of("build", "--out", "/tmp/site dir", "--theme=themes/ə", "--content", "içərik"),
        List.of("build", "--after-build", "rsync -a site/ host:/srv/www", "--out=o"),
        List.of("build", "--content=a=b"));
  }

  @ParameterizedTest
  @MethodSource("plainCommandLines")
  void readsAPlainBuildAsPicocliDoes(List<String> args) {
    Optional<SiteOptions> plain = PlainBuild.parse(args.toArray(String[]::new));
    BuildCommand picocli = new BuildCommand();
    new CommandLine(picocli).parseArgs(args.subList(1, args.size()).toArray(String[]::new));

    assertThat(plain).isPresent();
    SiteOptions o = plain.get();
    assertThat(picocli.strict).isFalse();
    assertThat(Arrays.asList(o.content, o.theme, o.out, o.afterBuild))
        .isEqualTo(Arrays.asList(picocli.options.content, picocli.options.theme, picocli.options.out, picocli.options.afterBuild));
  }

  static List<List<String>> otherCommandLines() {
    return List.of(
        List.of(),
        List.of("serve"),
        List.of("--version"),
        List.of("build", "--help"),
        List.of("build", "-h"),
        List.of("build", "--strict"),
        List.of("build", "--content"),
        List.of("build", "--content="),
        List.of("build", "--content", "--out", "o"),
        List.of("build", "--content", "a", "--content", "b"),
        List.of("build", "--contents", "a"),
        List.of("build", "extra"),
        List.of("--verbose", "build"));
  }

  @ParameterizedTest
  @MethodSource("otherCommandLines")
  void leavesEverythingElseToPicocli(List<String> args) {
    assertThat(PlainBuild.parse(args.toArray(String[]::new))).isEmpty();
  }
}
