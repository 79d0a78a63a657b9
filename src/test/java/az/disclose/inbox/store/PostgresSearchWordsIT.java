package az.disclose.inbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.inbox.SearchText;
import az.disclose.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The word index's promise on a real PostgreSQL (SearchWords, migration V14): every text that holds
 * a term as a substring satisfies the term's word query, so the index never hides a hit; and it
 * narrows (a text without the term's words does not).
 */
class PostgresSearchWordsIT {
  private static Connection c;

  @BeforeAll
  static void connect() throws Exception {
    c = DriverManager.getConnection(PostgresServer.shared().freshUrl(), "", "");
  }

  @AfterAll
  static void close() throws Exception {
    c.close();
  }

  private static boolean matches(String text, String term) throws Exception {
    Optional<String> q = SearchWords.query(SearchText.fold(term));
    assertThat(q).as("a word query for '%s'", term).isPresent();
    try (PreparedStatement p = c.prepareStatement("SELECT ?::tsvector @@ ?::tsquery")) {
      p.setString(1, SearchWords.vector(SearchText.fold(text)));
      p.setString(2, q.get());
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getBoolean(1);
      }
    }
  }

  @Test
  void everySubstringOfWordsAndSeparatorsOfARandomTextSatisfiesItsWordQuery() throws Exception {
    String[] words = {"informasiya", "üzrə", "nazirliyin", "və", "İSTİLİK", "su", "2025-ci", "SEN-2026-00042",
        "Məmmədova", "ağ", "şəhərciyi", "100%", "a", "ıı", "x1y2"};
    String[] separators = {" ", "  ", ", ", ".\n", "\n", "-", "/", " (", ") ", "—"};
    Random random = new Random(7);
    int checked = 0;
    for (int t = 0; t < 60; t++) {
      StringBuilder text = new StringBuilder();
      int n = 3 + random.nextInt(25);
      for (int i = 0; i < n; i++) {
        text.append(i == 0 ? "" : separators[random.nextInt(separators.length)]).append(words[random.nextInt(words.length)]);
      }
      String folded = SearchText.fold(text.toString());
      for (int s = 0; s < 15; s++) {
        int from = random.nextInt(folded.length());
        int to = Math.min(folded.length(), from + 1 + random.nextInt(40));
        String term = folded.substring(from, to);
        if (SearchWords.query(term).isEmpty()) {
          continue; // a part of one word, or no word: the trigram index or reading serves it
        }
        assertThat(matches(folded, term)).as("'%s' in '%s'", term, folded).isTrue();
        checked++;
      }
    }
    assertThat(checked).as("terms with a word query checked").isGreaterThan(300);
  }

  @Test
  void theQueryNarrowsToTextsWithTheWordsInSequence() throws Exception {
    String text = "Hörmətli nazirlik, İSTİLİK su kanalizasiya xərcləri barədə informasiya.";
    assertThat(matches(text, "istilik su kanal")).isTrue();
    assertThat(matches(text, "lik su kanalizasiya x")).isTrue();
    assertThat(matches(text, " su ")).isTrue();
    assertThat(matches(text, "kanalizasiya istilik")).as("the words in another order").isFalse();
    assertThat(matches(text, "istilik kanalizasiya")).as("a word between").isFalse();
    assertThat(matches(text, " stilik su")).as("a word start that is not one").isFalse();
    assertThat(matches(text, "su kanalizasiyam")).as("a longer word").isFalse();
    assertThat(matches(text, "nazirlik, i")).isTrue();
    assertThat(matches(text, " informasiya.")).isTrue();
    assertThat(matches(text, " xərc")).as("a word start").isTrue();
    assertThat(matches(text, " xərcx")).as("a word start that is not one").isFalse();
    assertThat(SearchWords.query("kanal.")).as("a word end alone: the trigram index").isEmpty();
    assertThat(SearchWords.query("anali")).as("a part of a word: the trigram index").isEmpty();
    assertThat(SearchWords.query(" xə")).as("a word start too short to narrow").isEmpty();
  }

  @Test
  void aTextTooLongToIndexWordByWordIsMatchedByEveryWordQuery() throws Exception {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      words.add("söz" + i);
    }
    String many = String.join(" ", words);
    assertThat(SearchWords.vector(SearchText.fold(many))).isEqualTo(SearchWords.UNINDEXED);
    assertThat(matches(many, "söz7 söz8")).isTrue();
    assertThat(matches(many, "başqa söz")).as("read and tested by strpos instead").isTrue();
  }

  @Test
  void aWordLongerThanTheIndexKeepsIsFoundByItsStartAndEnd() throws Exception {
    String text = "x " + "a".repeat(SearchWords.MAX_WORD + 50) + "b son";
    assertThat(matches(text, "aaab son")).isTrue();
    assertThat(matches(text, "x " + "a".repeat(SearchWords.MAX_WORD))).isTrue();
    assertThat(matches(text, "x " + "a".repeat(SearchWords.MAX_WORD - 1) + " ")).as("not a whole word").isFalse();
    assertThat(SearchWords.query("x " + "a".repeat(SearchWords.MAX_WORD + 1))).as("no word query").isEmpty();
  }
}
