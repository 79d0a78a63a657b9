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
 * Spelling warnings do not cry wolf: on correctly spelled, realistic ministry news items written for
 * this test (src/test/resources/spelling), the shipped word list raises at most one false warning
 * per {@value #WORDS_PER_WARNING} words. The twelve items in the directory itself were at hand while
 * the core vocabulary was grown; no word was taken from the twenty-nine in {@code held-out/}, and the
 * last twelve of them were not looked at while the list changed (see its README).
 */
class SpellingFalseWarningsTest {
  static final int WORDS_PER_WARNING = 200;
  static final Path DIR = Path.of("src/test/resources/spelling");
  static final Path HELD_OUT = DIR.resolve("held-out");
  private static final WordList SHIPPED = WordList.shipped();

  static List<ContentFile> items(Path dir) throws IOException {
    List<ContentFile> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
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

  /** Asserts at most one unknown-word warning per {@value #WORDS_PER_WARNING} words on {@code items}. */
  private static void atMostOneFalseWarningPer200Words(String corpus, List<ContentFile> items, int minWords) {
    PlainLanguage plain = new PlainLanguage(1000, 1000, SHIPPED);
    int words = 0;
    List<Finding> warnings = new ArrayList<>();
    for (ContentFile f : items) {
      words += words(f);
      warnings.addAll(plain.check(f, false).stream().filter(x -> x.rule().equals(Rules.UNKNOWN_WORD)).toList());
    }
    assertThat(words).as(corpus).isGreaterThan(minWords);
    System.out.printf("spelling, %s: %d words, %d unknown-word warnings (one per %.0f words)%n", corpus, words, warnings.size(),
        warnings.isEmpty() ? Double.POSITIVE_INFINITY : (double) words / warnings.size());
    assertThat(warnings.size()).as("false warnings on %d words of %s: %s", words, corpus, warnings.stream().map(Finding::message).toList())
        .isLessThanOrEqualTo(words / WORDS_PER_WARNING);
  }

  @Test
  void atMostOneFalseWarningPer200WordsOnOrdinaryNews() throws IOException {
    List<ContentFile> items = items(DIR);
    assertThat(items).hasSize(12);
    atMostOneFalseWarningPer200Words("the tuned items", items, 1500);
  }

  @Test
  void atMostOneFalseWarningPer200WordsOnNewsTheListWasNeverTunedOn() throws IOException {
    List<ContentFile> items = items(HELD_OUT);
    assertThat(items).hasSize(29);
    atMostOneFalseWarningPer200Words("the held-out items", items, 4000);
  }

  @Test
  void atMostOneFalseWarningPer200WordsOnTheItemsNobodyLookedAtWhileTheListChanged() throws IOException {
    List<ContentFile> items = items(HELD_OUT).stream()
        .filter(f -> f.file().getFileName().toString().compareTo(LAST_UNSEEN_BATCH) >= 0).toList();
    assertThat(items).hasSize(12);
    atMostOneFalseWarningPer200Words("the last held-out batch", items, 1600);
  }

  /** The first file of the held-out batch written before the last changes to the list. */
  private static final String LAST_UNSEEN_BATCH = "news-30.md";

  @Test
  void typosInOrdinaryNewsAreStillFoundAndNamedWithTheWordTheyAreCloseTo() {
    PlainLanguage plain = new PlainLanguage(1000, 1000, SHIPPED);
    ContentFile f = ContentFile.parse(Path.of("content/news/x.md"), "news/x.md", "news", """
        ---
        title: "Görüş keçirilib"
        ---

        Nazirlikdə müşavirə keçirilb. Əməkdaşlar hesabatları müzakirə ediblər. Vətəndaşlarn müraciətləri
        dinlənilib və qrafik təsdq edilib. Sakinlərin muracietleri də dinlənilib. Zrqx.
        """);
    List<String> found = plain.check(f, false).stream().filter(x -> x.rule().equals(Rules.UNKNOWN_WORD))
        .map(Finding::message).toList();
    assertThat(found).anySatisfy(m -> assertThat(m).startsWith(PlainLanguage.LIKELY_TYPO + "'keçirilb'").contains("'keçirilib'"));
    assertThat(found).anySatisfy(m -> assertThat(m).startsWith(PlainLanguage.LIKELY_TYPO + "'təsdq'").contains("'təsdiq'"));
    assertThat(found).anySatisfy(m -> assertThat(m).startsWith(PlainLanguage.LIKELY_TYPO + "'vətəndaşlarn'"));
    assertThat(found).anySatisfy(m -> assertThat(m).startsWith("'muracietleri' is not in the word list"));
    assertThat(found).anySatisfy(m -> assertThat(m).isEqualTo("'zrqx' is not in the word list"));
    assertThat(found).hasSize(5);
  }

  @Test
  void aNameOfTheCorpusIsKnownAtTheStartOfASentenceButNeverMakesALowerCaseWordKnown() {
    assertThat(SHIPPED.knowsCapitalised("Mingəçevirdə")).isTrue();
    assertThat(SHIPPED.knows("mingəçevirdə")).isFalse();
    assertThat(SHIPPED.knowsCapitalised("Mingəçvirdə")).isFalse();
  }

  @Test
  void likelyTyposComeFirstAmongAFilesUnknownWordsThenOtherSuggestionsThenTheRest() throws Exception {
    Path content = Fixtures.content(dir);
    Fixtures.write(content.resolve("news/x.md"), Fixtures.news("2026-05-09", "2026-05-08", "Zrqx qwbn. Müşavirə keçirilb."));
    List<Finding> unknown = new ContentCheck(Fixtures.bakuAt(2026, 5, 10, 12, 0), false).run(content).findings().stream()
        .filter(x -> x.rule().equals(Rules.UNKNOWN_WORD) && x.file().toString().endsWith("x.md")).toList();
    assertThat(unknown).hasSizeGreaterThanOrEqualTo(3);
    assertThat(unknown.get(0).message()).startsWith(PlainLanguage.LIKELY_TYPO + "'keçirilb'");
    assertThat(unknown.subList(1, unknown.size())).allSatisfy(f -> assertThat(f.message()).doesNotStartWith(PlainLanguage.LIKELY_TYPO));
  }

  @Test
  void aWarningWithASuggestionOutsideTheCommonVocabularyRanksBetweenLikelyTyposAndTheRest() {
    Finding likely = Finding.warning(Path.of("a.md"), 9, Rules.UNKNOWN_WORD, PlainLanguage.LIKELY_TYPO + "'təsdq' is not in the word list; did you mean 'təsdiq'?", "x");
    Finding other = Finding.warning(Path.of("a.md"), 1, Rules.UNKNOWN_WORD, "'qısaılıb' is not in the word list; did you mean 'qısalıb'?", "x");
    Finding none = Finding.warning(Path.of("a.md"), 2, Rules.UNKNOWN_WORD, "'zrqx' is not in the word list", "x");
    List<Finding> sorted = new ArrayList<>(List.of(none, other, likely));
    sorted.sort(ContentCheck.BY_FILE_THEN_LIKELY_TYPOS_FIRST);
    assertThat(sorted).containsExactly(likely, other, none);
  }

  @org.junit.jupiter.api.io.TempDir Path dir;
}
