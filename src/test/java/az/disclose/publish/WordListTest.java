package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordListTest {
  private static final WordList SHIPPED = WordList.shipped();

  @Test
  void aShortWholeOnlyWordIsKnownAsItIsButIsNoStemForEndings() {
    WordList list = WordList.over(new HashSet<>(Set.of("imza")), new HashSet<>(Set.of("kec")));
    assertThat(list.knows("kec")).isTrue();
    assertThat(list.knows("kecirilib")).isFalse();
    assertThat(list.knows("imzadan")).isTrue();
  }

  @Test
  void theSuggestionKeepsVowelHarmonyAmongCorrectionsOfTheSameKind() {
    WordList list = WordList.of(Set.of("keçir"));
    assertThat(list.suggestion("keçirilb")).contains(new WordList.Suggestion("keçirilib", 1, true));
  }

  @Test
  void anAzerbaijaniLetterTypedPlainIsCorrectedBeforeOtherEdits() {
    WordList list = WordList.of(Set.of("vətəndaş", "vetendass"));
    assertThat(list.suggestion("vətəndas").map(WordList.Suggestion::word)).contains("vətəndaş");
  }

  @Test
  void onlyAWordOneEditFromTheCommonVocabularyIsALikelyTypo() {
    assertThat(SHIPPED.suggestion("təsdq")).hasValueSatisfying(s -> {
      assertThat(s.word()).isEqualTo("təsdiq");
      assertThat(s.likely()).isTrue();
    });
    // one edit from a corpus word only: a suggestion, not a likely typo
    assertThat(SHIPPED.suggestion("qarğıdalıı")).hasValueSatisfying(s -> {
      assertThat(s.word()).isEqualTo("qarğıdalı");
      assertThat(s.likely()).isFalse();
    });
    assertThat(SHIPPED.suggestion("zrqx")).isEmpty();
  }

  @Test
  void theShippedListHoldsTheCorpusAndTheCorpusIsSharedNotReadAgain() {
    WordList again = WordList.shipped();
    assertThat(SHIPPED.size()).isGreaterThan(50_000);
    assertThat(SHIPPED.knows("təsərrüfatı")).isTrue();
    assertThat(SHIPPED.knows("qarğıdalı")).isTrue();
    assertThat(SHIPPED.knows("vetendaslarin")).as("typed without Azerbaijani letters").isFalse();
    WordList third = WordList.shipped();
    assertThat(third.size()).isEqualTo(again.size());
    assertThat(third.sharesCorpusWith(again)).as("the corpus is read once and shared, not read again").isTrue();
  }
}
