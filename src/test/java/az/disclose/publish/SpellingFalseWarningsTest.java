package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Spelling warnings do not cry wolf: on a dozen correctly spelled, realistic ministry news items
 * (src/test/resources/spelling, written for this test and never fed to the word list), the shipped
 * word list raises at most one false warning per {@value #WORDS_PER_WARNING} words.
 */
class SpellingFalseWarningsTest {
  static final int WORDS_PER_WARNING = 200;
  private static final Path DIR = Path.of("src/test/resources/spelling");

  static List<ContentFile> items() throws IOException {
    List<ContentFile> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("news-")).sorted().toList()) {
        out.add(ContentFile.read(f, "news/" + f.getFileName(), "news"));
      }
    }
    return out;
  }

  /** The words the check looks at in {@code f}: title, summary and body. */
  static int words(ContentFile f) {
    String text = f.text("title").orElse("") + " " + f.text("summary").orElse("") + " " + f.body();
    return (int) PlainLanguage.WORD.matcher(text).results().count();
  }

  @Test
  void atMostOneFalseWarningPer200WordsOnOrdinaryNews() throws IOException {
    PlainLanguage plain = new PlainLanguage(1000, 1000, WordList.shipped());
    int words = 0;
    List<Finding> warnings = new ArrayList<>();
    List<ContentFile> items = items();
    assertThat(items).hasSize(12);
    for (ContentFile f : items) {
      words += words(f);
      warnings.addAll(plain.check(f, false).stream().filter(x -> x.rule().equals(Rules.UNKNOWN_WORD)).toList());
    }
    assertThat(words).as("the corpus").isGreaterThan(1500);
    System.out.printf("spelling: %d words, %d unknown-word warnings (one per %.0f words)%n", words, warnings.size(),
        warnings.isEmpty() ? Double.POSITIVE_INFINITY : (double) words / warnings.size());
    assertThat(warnings.size()).as("false warnings on %d words: %s", words, warnings.stream().map(Finding::message).toList())
        .isLessThanOrEqualTo(words / WORDS_PER_WARNING);
  }
}
