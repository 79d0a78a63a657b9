package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlainLanguageTest {
  private static List<Finding> check(String markdown, WordList words) {
    ContentFile file = ContentFile.parse(Path.of("content/news/x.md"), "news/x.md", "news", markdown);
    return new PlainLanguage(10, 3, words).check(file, false);
  }

  private static final WordList SHIPPED = WordList.shipped();

  @Test
  void aLongSentenceIsAWarningOnItsLine() {
    String md = """
        ---
        title: "Xəbər"
        ---

        Qısa cümlə.
        Bu cümlə on bir sözdən ibarətdir və buna görə də uzun sayılır
        artıq.
        """;
    assertThat(check(md, SHIPPED)).filteredOn(f -> f.rule().equals("sentence-length")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.line()).isEqualTo(6);
      assertThat(f.message()).contains("13 words");
    });
  }

  @Test
  void aParagraphWithTooManySentencesIsAWarning() {
    String md = "---\ntitle: \"X\"\n---\nBir. İki. Üç. Dörd.\n\nBir. İki.\n";
    assertThat(check(md, SHIPPED)).filteredOn(f -> f.rule().equals("paragraph-length")).singleElement()
        .satisfies(f -> assertThat(f.line()).isEqualTo(4));
  }

  @Test
  void initialsAndNumberingDoNotEndSentences() {
    assertThat(PlainLanguage.sentences("Mətbuat katibi A. Məsimli gəldi. 4.3. İctimaiyyətə açıq. Bu və s. yazılıb."))
        .extracting(s -> s.words().size()).containsExactly(5, 4, 4);
  }

  @Test
  void unknownWordsAreWarningsOncePerFileWithTheirFirstLine() {
    String md = """
        ---
        title: "Nazirlik xəbəri"
        ---

        Nazirlik qlobbarızm barədə məlumat verdi.

        Yenə qlobbarızm.
        """;
    assertThat(check(md, SHIPPED)).filteredOn(f -> f.rule().equals("unknown-word")).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(5);
      assertThat(f.message()).contains("'qlobbarızm'", "2 times");
      assertThat(f.advice()).contains("data/words.txt");
    });
  }

  @Test
  void wordsAreComparedWithAzerbaijaniCaseRulesAndKnownSuffixes() {
    WordList words = WordList.of(Set.of("informasiya", "nazirlik", "ılıq"));
    assertThat(words.knows("İNFORMASİYA")).isTrue();
    assertThat(words.knows("İnformasiyanın")).isTrue();
    assertThat(words.knows("Nazirliyin")).isTrue();      // k → y before a vowel
    assertThat(words.knows("nazirliklərində")).isTrue();
    assertThat(words.knows("ILIQ")).isTrue();            // I → ı
    assertThat(words.knows("ınformasiya")).isFalse();
    assertThat(words.knows("nazrlik")).isFalse();
  }

  @Test
  void codeLinksUrlsAndAddressesAreNotWords() {
    String md = """
        ---
        title: "Nazirlik"
        ---

        Nazirlik [məlumat](https://qwxz.example.az/zzyq) verdi: `qwxzcode` https://www.qwxz.az/abc və sorgu@qwxz.az.
        """;
    assertThat(check(md, SHIPPED)).filteredOn(f -> f.rule().equals("unknown-word")).isEmpty();
  }

  @Test
  void thePressSecretarysAdditionsAreKnown(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Fixtures.write(dir.resolve("data/words.txt"), "# əlavələr\nQlobbarızm\n");
    assertThat(WordList.load(dir).knows("qlobbarızm")).isTrue();
    Fixtures.write(dir.resolve("data/words.txt"), "iki söz\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WordList.load(dir))
        .hasMessageContaining("words.txt:1: one word a line");
  }

  @Test
  void theShippedWordListIsLowerCaseSortedAndUnique() {
    List<String> words = WordList.readShipped();
    assertThat(words).hasSizeGreaterThan(500).isSorted().doesNotHaveDuplicates()
        .allSatisfy(w -> assertThat(w).isEqualTo(AzText.foldAz(w)).doesNotContainAnyWhitespaces());
    assertThat(words).contains("nazirlik", "informasiya", "azadlığı");
  }
}
