package az.disclose.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The theme's two message bundles hold the same keys: a key missing from the English bundle would
 * show Azerbaijani on an English page (Messages falls back to it), one missing from the
 * Azerbaijani bundle would show nothing at all.
 */
class MessageBundlesTest {
  private static final Path THEME = Path.of("theme");

  @Test
  void everyKeyOfEitherBundleIsInTheOther() throws IOException {
    assertThat(gaps(THEME)).as("message keys missing from a bundle (add them, translated)").isEmpty();
  }

  @Test
  void noKeyIsGivenTwiceInABundle() throws IOException {
    // Properties keeps the last of two lines with one key: the first would be silently lost.
    for (String bundle : List.of("messages_az.properties", "messages_en.properties")) {
      assertThat(duplicates(THEME.resolve(bundle))).as(bundle + ": keys given twice").isEmpty();
    }
  }

  @Test
  void aKeyMissingFromEitherBundleIsNamedWithTheBundleItIsMissingFrom(@TempDir Path theme) throws IOException {
    Files.writeString(theme.resolve("messages_az.properties"), """
        site.skip=Əsas məzmuna keç
        only.az=Yalnız burada
        """, StandardCharsets.UTF_8);
    Files.writeString(theme.resolve("messages_en.properties"), """
        site.skip=Skip to main content
        only.en=Only here
        also.en=And here
        """, StandardCharsets.UTF_8);

    assertThat(gaps(theme)).containsExactly(
        "messages_az.properties lacks also.en",
        "messages_az.properties lacks only.en",
        "messages_en.properties lacks only.az");
  }

  @Test
  void aKeyGivenTwiceIsNamed(@TempDir Path theme) throws IOException {
    Path bundle = theme.resolve("messages_en.properties");
    Files.writeString(bundle, "a=1\nb = 2\n# a=3\na=4\n", StandardCharsets.UTF_8);

    assertThat(duplicates(bundle)).containsExactly("a");
  }

  /** "messages_xx.properties lacks KEY", for each key of one bundle missing from the other, sorted. */
  static List<String> gaps(Path themeDir) throws IOException {
    Set<String> az = keys(themeDir.resolve("messages_az.properties"));
    Set<String> en = keys(themeDir.resolve("messages_en.properties"));
    List<String> out = new ArrayList<>();
    en.stream().filter(k -> !az.contains(k)).forEach(k -> out.add("messages_az.properties lacks " + k));
    az.stream().filter(k -> !en.contains(k)).forEach(k -> out.add("messages_en.properties lacks " + k));
    return out;
  }

  private static Set<String> keys(Path bundle) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return new TreeSet<>(p.stringPropertyNames());
  }

  /** Keys on more than one line of a bundle (simple key=value lines, as the theme writes them). */
  private static Set<String> duplicates(Path bundle) throws IOException {
    Set<String> seen = new TreeSet<>();
    Set<String> twice = new TreeSet<>();
    for (String line : Files.readAllLines(bundle, StandardCharsets.UTF_8)) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (l.isEmpty() || l.startsWith("#") || l.startsWith("!") || eq < 0) {
        continue;
      }
      String key = l.substring(0, eq).strip();
      if (!seen.add(key)) {
        twice.add(key);
      }
    }
    return twice;
  }
}
