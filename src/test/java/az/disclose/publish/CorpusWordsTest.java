package az.disclose.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filter that turns Tesseract's web-derived Azerbaijani word list into the shipped corpus words. */
class CorpusWordsTest {
  private static final WordList TRUSTED = WordList.of(Set.of("səhər"));

  /** {@code stem} and {@code n} made-up words that start with it (a family of that size). */
  private static List<String> family(String stem, int n) {
    List<String> out = new ArrayList<>(List.of(stem));
    for (int i = 0; i < n; i++) {
      out.add(stem + "x" + (char) ('a' + i % 26) + (char) ('a' + i / 26));
    }
    return out;
  }

  @Test
  void wordsWithOtherThanAzerbaijaniLettersAreDroppedAndCaseIsFoldedTheAzerbaijaniWay() {
    CorpusWords.Result r = CorpusWords.filter(List.of("wifi", "N.Ə.SƏLİMOVA", "2012-ci", "changelog.Debian.gz", "ş", "İlk", "ilk", "kitab"), TRUSTED);
    assertThat(r.kept()).containsExactly("ilk", "kitab");
    assertThat(r.notLetters()).isEqualTo(5);
  }

  @Test
  void wordsOnlyEverCapitalisedBecomeNamesNotWords() {
    CorpusWords.Result r = CorpusWords.filter(List.of("Caqaryan", "CAQARYAN", "Bakı", "kitab"), TRUSTED);
    assertThat(r.kept()).containsExactly("kitab");
    assertThat(r.names()).containsExactly("bakı", "caqaryan");
  }

  @Test
  void aWordTypedWithoutAzerbaijaniLettersIsDroppedUnlessItIsTheMoreCommonOrTheProjectKnowsIt() {
    List<String> raw = new ArrayList<>();
    raw.addAll(family("vətəndaş", 5));
    raw.add("vetendas");
    raw.addAll(family("deyil", 5));
    raw.add("dəyil"); // the web's typo of the commoner "deyil"
    raw.addAll(family("şəhər", 5));
    raw.add("səhər");
    raw.add("el");
    raw.add("əl");
    CorpusWords.Result r = CorpusWords.filter(raw, TRUSTED);
    assertThat(r.plainVariants()).containsExactly("vetendas");
    assertThat(r.kept()).contains("vətəndaş", "deyil", "dəyil", "şəhər", "səhər", "el", "əl");
  }

  @Test
  void aRareWordOneEditFromAWordWithAFarLargerFamilyIsAMisspelling() {
    List<String> raw = new ArrayList<>(family("azərbaycan", 40));
    raw.add("azərbaycanlı");
    raw.add("azsrbaycanlı");
    raw.add("azadlıq");
    CorpusWords.Result r = CorpusWords.filter(raw, TRUSTED);
    assertThat(r.nearMisses()).containsExactly("azsrbaycanlı");
    assertThat(r.kept()).contains("azadlıq", "azərbaycan");
  }

  @Test
  void shortFragmentsOfCommonWordsAreDroppedButInflectedShortWordsStay() {
    List<String> raw = new ArrayList<>(family("yeni", 12));
    raw.addAll(family("ev", 12));
    raw.addAll(List.of("yni", "drs", "evə", "daha"));
    CorpusWords.Result r = CorpusWords.filter(raw, TRUSTED);
    assertThat(r.shortAlone()).containsExactlyInAnyOrder("yni", "drs");
    assertThat(r.kept()).contains("evə", "daha", "yeni", "ev");
  }

  @Test
  void leavingOutDerivableFormsChangesNoAnswerAndShortWordsAreStemsOnlyWhenFoundInflected() {
    Set<String> words = new HashSet<>(Set.of("nazirlik", "nazirliyin", "nazirlikdə", "nazirliklərin", "imza", "imzanı", "imzada",
        "imzalar", "cari", "kec", "genişlən", "genişləndirilməsi"));
    assertThat(CorpusWords.isStem("imza", words)).isTrue();
    assertThat(CorpusWords.isStem("cari", words)).isFalse();
    assertThat(CorpusWords.isStem("kec", words)).isFalse();
    Set<String> compact = CorpusWords.withoutDerivable(words);
    assertThat(compact).contains("nazirlik", "imza", "cari", "kec").doesNotContain("nazirliyin", "imzanı");
    Set<String> stems = new HashSet<>();
    Set<String> whole = new HashSet<>();
    compact.forEach(w -> (CorpusWords.isStem(w, words) ? stems : whole).add(w));
    WordList list = WordList.over(stems, whole);
    assertThat(words).allSatisfy(w -> assertThat(list.knows(w)).as(w).isTrue());
    assertThat(list.knows("kecirilib")).as("a short fragment is no stem").isFalse();
    assertThat(list.knows("imzadan")).isTrue();
  }
}
