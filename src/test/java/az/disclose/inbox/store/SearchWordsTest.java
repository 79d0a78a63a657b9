package az.disclose.inbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsTest {
  @Test
  void aPhraseOfWholeWordsIsAnFts5PhraseOfThemAll() {
    assertThat(SearchWords.fts5Phrase(", üzrə nazirliyin illər.")).contains("\"üzrə nazirliyin illər\"");
  }

  @Test
  void aFirstWordThatMayStartInsideAWordIsLeftOutAndAnOpenLastWordIsAPrefix() {
    assertThat(SearchWords.fts5Phrase("üzrə nazirliyin illər")).contains("\"nazirliyin illər\" *");
    assertThat(SearchWords.fts5Phrase("sen-2025-01234")).contains("\"2025 01234\" *");
    assertThat(SearchWords.fts5Phrase("— «illik»")).contains("\"illik\"");
  }

  @Test
  void aPartOfOneWordOrAShortWordStartHasNoWordQuery() {
    assertThat(SearchWords.fts5Phrase("nazirliy")).isEmpty();
    assertThat(SearchWords.fts5Phrase("nazirliyin,")).isEmpty();
    assertThat(SearchWords.fts5Phrase("ab cd")).isEmpty();
    assertThat(SearchWords.fts5Phrase(", ")).isEmpty();
  }

  @Test
  void aCharacterTheTokenizerMaySplitOtherwiseLeavesTheTermToTheTrigramIndex() {
    assertThat(SearchWords.fts5Phrase(". 5² üzrə")).as("a superscript is a number to unicode61").isEmpty();
    assertThat(SearchWords.fts5Phrase(". ça\u0301y")).as("a combining accent").isEmpty();
    assertThat(SearchWords.fts5Phrase(". 😀 illər")).isEmpty();
    assertThat(SearchWords.fts5Phrase(". нефть illər")).contains("\"нефть illər\" *");
  }
}
