package az.disclose.inbox.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The word index of the queues' text search on PostgreSQL (migration V14; docs/register.md,
 * "Queues"): a {@code tsvector} of each request's folded search text, and for a search term a
 * {@code tsquery} that every row holding the term as a substring satisfies. The index only narrows:
 * the query still tests the substring itself ({@code strpos}), so a hit is exactly what it is on
 * SQLite and without the index.
 *
 * <p>A word is a run of letters and digits ({@link Character#isLetterOrDigit(int)}); everything else
 * separates words. A row's vector holds, at each word's position, the word ({@code w}), the word
 * reversed behind a tilde ({@code ~w'}, so that "ends with" is a prefix query) and the pair of it and
 * the next word ({@code w|x}). A term's words are matched by how the term bounds them: a word with a
 * separator (or another word) on both sides inside the term is a whole word; the last, open at its
 * end, is the start of a word ({@code w:*}); the first, open at its start, is the end of a word
 * ({@code ~w':*}); and the words follow each other ({@code <->}). A whole word followed by another
 * adds their pair ({@code w|x}, or {@code w|x:*} when the second is open), which the GIN index can
 * look up directly: a phrase of common words that is itself rare then reads only the rows that hold
 * its pairs. A term that is one word open at both ends (a part of a word) has no word query: the
 * trigram index of V12 serves it.
 *
 * <p>Words are cut to {@link #MAX_WORD} characters (a longer term word gets no word query). A text
 * whose vector could not keep every position exactly (more than {@link #MAX_POSITION} words, a
 * lexeme more than {@link #MAX_POSITIONS_PER_LEXEME} times, or a vector of more than
 * {@link #MAX_VECTOR_CHARS}) gets the vector {@link #UNINDEXED} alone, and every word query also
 * matches that, so such a row is always read and tested, never missed.
 */
public final class SearchWords {
  /** The longest word kept whole in the index (characters); longer ones are cut, term words longer get no word query. */
  public static final int MAX_WORD = 100;
  /** PostgreSQL's largest tsvector position. */
  public static final int MAX_POSITION = 16_383;
  /** PostgreSQL keeps at most this many positions of one lexeme. */
  public static final int MAX_POSITIONS_PER_LEXEME = 255;
  /** The largest vector written (characters of its text form), well under PostgreSQL's 1 MB limit. */
  public static final int MAX_VECTOR_CHARS = 256 * 1024;
  /** The lexeme of a row not indexed word by word (see the class comment): every word query matches it. */
  public static final String UNINDEXED = "'!'";

  private SearchWords() {}

  /** The words (runs of letters and digits) of a folded text, in order. */
  static List<String> words(String folded) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      boolean letter = Character.isLetterOrDigit(cp);
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        out.add(folded.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(folded.substring(start));
    }
    return out;
  }

  /** The tsvector (text form, for {@code ?::tsvector}) of a folded search text. */
  public static String vector(String folded) {
    List<String> words = words(folded);
    if (words.size() > MAX_POSITION) {
      return UNINDEXED;
    }
    Map<String, List<Integer>> positions = new TreeMap<>();
    for (int i = 0; i < words.size(); i++) {
      String w = cut(words.get(i));
      int p = i + 1;
      positions.computeIfAbsent(w, k -> new ArrayList<>()).add(p);
      positions.computeIfAbsent("~" + cut(reversed(words.get(i))), k -> new ArrayList<>()).add(p);
      if (i + 1 < words.size()) {
        positions.computeIfAbsent(w + "|" + cut(words.get(i + 1)), k -> new ArrayList<>()).add(p);
      }
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<Integer>> e : positions.entrySet()) {
      if (e.getValue().size() > MAX_POSITIONS_PER_LEXEME) {
        return UNINDEXED;
      }
      out.append(out.isEmpty() ? "" : " ").append('\'').append(e.getKey()).append("':");
      for (int j = 0; j < e.getValue().size(); j++) {
        out.append(j == 0 ? "" : ",").append(e.getValue().get(j));
      }
      if (out.length() > MAX_VECTOR_CHARS) {
        return UNINDEXED;
      }
    }
    return out.toString();
  }

  /**
   * The tsquery (text form, for {@code ?::tsquery}) that every row whose folded search text holds
   * {@code term} (folded) satisfies; empty when the term is a part of one word, has no word, or has
   * a word longer than {@link #MAX_WORD}.
   */
  public static Optional<String> query(String term) {
    List<String> words = words(term);
    if (words.isEmpty() || words.stream().anyMatch(w -> w.codePointCount(0, w.length()) > MAX_WORD)) {
      return Optional.empty();
    }
    boolean openStart = Character.isLetterOrDigit(term.codePointAt(0));
    boolean openEnd = Character.isLetterOrDigit(term.codePointBefore(term.length()));
    int k = words.size();
    if (k == 1 && openStart && openEnd) {
      return Optional.empty();
    }
    List<String> phrase = new ArrayList<>();
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      boolean startBound = i > 0 || !openStart;
      boolean endBound = i < k - 1 || !openEnd;
      String w = words.get(i);
      phrase.add(startBound && endBound ? quoted(w) : startBound ? quoted(w) + ":*" : quoted("~" + reversed(w)) + ":*");
      if (startBound && endBound && i + 1 < k) {
        boolean nextWhole = i + 1 < k - 1 || !openEnd;
        pairs.add(quoted(w + "|" + words.get(i + 1)) + (nextWhole ? "" : ":*"));
      }
    }
    String q = "(" + String.join(" <-> ", phrase) + ")";
    if (!pairs.isEmpty()) {
      q += " & " + String.join(" & ", pairs);
    }
    return Optional.of("(" + q + ") | " + UNINDEXED);
  }

  private static String quoted(String lexeme) {
    return "'" + lexeme + "'"; // letters, digits, '~' and '|' only: nothing to escape
  }

  private static String cut(String word) {
    return word.codePointCount(0, word.length()) <= MAX_WORD ? word
        : word.substring(0, word.offsetByCodePoints(0, MAX_WORD));
  }

  private static String reversed(String word) {
    int[] cps = word.codePoints().toArray();
    StringBuilder out = new StringBuilder(word.length());
    for (int i = cps.length - 1; i >= 0; i--) {
      out.appendCodePoint(cps[i]);
    }
    return out.toString();
  }
}
