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

  @Test
  void typosInOrdinaryNewsAreStillFoundAndNamedWithTheWordTheyAreCloseTo() {
    PlainLanguage plain = new PlainLanguage(1000, 1000, WordList.shipped());
    ContentFile f = ContentFile.parse(Path.of("content/news/x.md"), "news/x.md", "news", """
        ---
        title: "Görüş keçirilib"
        ---

        Nazirlikdə müşavirə keçirlib. Əməkdaşlar hesabatları müzakirə ediblər. Vətəndaşlarn müraciətləri
        dinlənilib və qrafik təsdq edilib. Zrqx.
        """);
    List<String> found = plain.check(f, false).stream().filter(x -> x.rule().equals(Rules.UNKNOWN_WORD))
        .map(Finding::message).toList();
    assertThat(found).anySatisfy(m -> assertThat(m).startsWith(PlainLanguage.LIKELY_TYPO + "'keçirlib'").contains("did you mean"));
    assertThat(found).anySatisfy(m -> assertThat(m).startsWith(PlainLanguage.LIKELY_TYPO + "'təsdq'").contains("'təsdiq'"));
    assertThat(found).anySatisfy(m -> assertThat(m).contains("'vətəndaşlarn'"));
    assertThat(found).anySatisfy(m -> assertThat(m).isEqualTo("'zrqx' is not in the word list"));
  }

  @Test
  void likelyTyposComeFirstAmongAFilesUnknownWords() throws Exception {
    Path content = Fixtures.content(dir);
    Fixtures.write(content.resolve("news/x.md"), Fixtures.news("2026-05-09", "2026-05-08", "Zrqx qwbn. Müşavirə keçirlib."));
    List<Finding> unknown = new ContentCheck(Fixtures.bakuAt(2026, 5, 10, 12, 0), false).run(content).findings().stream()
        .filter(x -> x.rule().equals(Rules.UNKNOWN_WORD) && x.file().toString().endsWith("x.md")).toList();
    assertThat(unknown).hasSizeGreaterThanOrEqualTo(3);
    assertThat(unknown.get(0).message()).startsWith(PlainLanguage.LIKELY_TYPO + "'keçirlib'");
  }

  @org.junit.jupiter.api.io.TempDir Path dir;
}
