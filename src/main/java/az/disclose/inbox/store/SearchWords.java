package az.disclose.inbox.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The word index of the queues' text search on PostgreSQL (migration V14; docs/register.md,
 * "Queues"): a {@code tsvector} of each request's folded search text, and for a search term a
 * {@code tsquery} that every row holding the term as a substring satisfies. The index only narrows:
 * the query still tests the substring itself ({@code strpos}), so a hit is exactly what it is on
 * SQLite and without the index.
 *
 * <p>A word is a run of letters and digits ({@link Character#isLetterOrDigit(int)}); everything else
 * separates words. A row's vector holds, without positions, each word ({@code w}) and each pair of
 * neighbouring words as the first one's last {@link #TAIL} letters and the second word
 * ({@code |tail|x}). A term's words are matched by how the term bounds them: a word with a
 * separator (or another word) on both sides inside the term is a whole word ({@code w}); the last,
 * open at its end, is the start of a word ({@code w:*}); the first, open at its start, is the end
 * of a word (only its pair with the next tells of it); and each word followed by another gives
 * their pair ({@code |tail|x}, or {@code |tail|x:*} when the second is open), which narrows a
 * phrase of common words to the rows holding its pairs. The query is an AND of lexemes, which the
 * GIN index answers exactly, without reading the vectors. A term that is one word open at both
 * ends (a part of a word) or at its start has no word query: the trigram index of V12 serves it.
 *
 * <p>Words are cut to {@link #MAX_WORD} characters (a longer term word gets no word query). A row
 * whose vector would be longer than {@link #MAX_VECTOR_CHARS} gets the vector {@link #UNINDEXED}
 * alone, and every word query also matches that, so such a row is always read and tested, never
 * missed.
 */
public final class SearchWords {
  /** The longest word kept whole in the index (characters); longer ones are cut, term words longer get no word query. */
  public static final int MAX_WORD = 100;
  /** How many last letters of a word its pair with the next word keeps. */
  public static final int TAIL = 3;
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
    Set<String> lexemes = new TreeSet<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      lexemes.add(cut(w));
      if (i + 1 < words.size()) {
        lexemes.add("|" + tail(w) + "|" + cut(words.get(i + 1)));
      }
    }
    StringBuilder out = new StringBuilder();
    for (String lexeme : lexemes) {
      out.append(out.isEmpty() ? "" : " ").append(quoted(lexeme));
      if (out.length() > MAX_VECTOR_CHARS) {
        return UNINDEXED;
      }
    }
    return out.toString();
  }

  /**
   * The tsquery (text form, for {@code ?::tsquery}) that every row whose folded search text holds
   * {@code term} (folded) satisfies; empty when it would not narrow well (a part of one word, the
   * end of a word alone, a word start shorter than {@link #TAIL}), the term has no word, or a word
   * longer than {@link #MAX_WORD}: the trigram index or reading the rows serves those.
   *
   * <p>The query holds the term's pairs (exact lexemes, or a prefix of one for an open last word),
   * and a word only where no pair holds it whole (the first word; a lone word): GIN answers an
   * exact lexeme by skipping through its entries, but a prefix of a common word by collecting every
   * row that has one, so prefixes are left out where a pair says more.
   */
  public static Optional<String> query(String term) {
    List<String> words = words(term);
    if (words.isEmpty() || words.stream().anyMatch(w -> length(w) > MAX_WORD)) {
      return Optional.empty();
    }
    boolean openStart = Character.isLetterOrDigit(term.codePointAt(0));
    boolean openEnd = Character.isLetterOrDigit(term.codePointBefore(term.length()));
    int k = words.size();
    List<String> all = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      boolean startBound = i > 0 || !openStart;
      boolean endBound = i < k - 1 || !openEnd;
      String w = words.get(i);
      // the pair of this word and the next: the row's pair holds this word's last TAIL letters,
      // which the end of a word shorter than TAIL does not tell
      boolean pair = i + 1 < k && (startBound || length(w) >= TAIL);
      if (pair) {
        boolean nextOpen = i + 1 == k - 1 && openEnd;
        all.add(quoted("|" + tail(w) + "|" + words.get(i + 1)) + (nextOpen ? ":*" : ""));
      }
      boolean heldByPair = i > 0 && (startBound && (length(words.get(i - 1)) >= TAIL || i - 1 > 0 || !openStart));
      if (!heldByPair && startBound) {
        if (endBound) {
          all.add(quoted(w));
        } else if (length(w) >= TAIL) {
          all.add(quoted(w) + ":*");
        }
      }
    }
    if (all.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("(" + String.join(" & ", all) + ") | " + UNINDEXED);
  }

  /**
   * The FTS5 query of SQLite's word index (migration V17) that every row whose folded search text
   * holds {@code term} (folded) as a substring satisfies: the phrase of the term's words ({@code
   * "a b c"}), without the first word when the term starts inside a word (FTS5 has no word ends),
   * with the last one as a word start ({@code "a b c" *}) when the term ends inside a word. Empty
   * when that leaves no word, or a lone word start shorter than {@link #TAIL} (the trigram index of
   * V12 serves those), or when the term holds a character that the unicode61 tokenizer might split
   * otherwise than {@link #words} does (see {@link #splitAlike}).
   */
  public static Optional<String> fts5Phrase(String term) {
    for (int i = 0; i < term.length(); ) {
      int cp = term.codePointAt(i);
      if (!splitAlike(cp)) {
        return Optional.empty();
      }
      i += Character.charCount(cp);
    }
    List<String> words = words(term);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    boolean openStart = Character.isLetterOrDigit(term.codePointAt(0));
    boolean openEnd = Character.isLetterOrDigit(term.codePointBefore(term.length()));
    List<String> phrase = openStart ? words.subList(1, words.size()) : words;
    if (phrase.isEmpty() || (phrase.size() == 1 && openEnd && length(phrase.get(0)) < TAIL)) {
      return Optional.empty();
    }
    // words hold letters and digits only: nothing to quote inside the string
    return Optional.of("\"" + String.join(" ", phrase) + "\"" + (openEnd ? " *" : ""));
  }

  /**
   * Whether {@link #words} ({@link Character#isLetterOrDigit}, Java's Unicode tables) and SQLite's
   * unicode61 tokenizer (letters and numbers of its own, older tables; other numbers such as "²"
   * are token characters to it, not to Java) surely agree on {@code cp}: ASCII; the letters of the
   * Latin blocks up to U+024F, "ə" and the Cyrillic letters; a few spaces, quotes and dashes. A term
   * with any other character is served by the trigram index.
   */
  static boolean splitAlike(int cp) {
    if (cp < 0x80) {
      return true;
    }
    if ((cp >= 0xC0 && cp <= 0x24F) || cp == 0x259 || (cp >= 0x400 && cp <= 0x4FF)) {
      return Character.isLetter(cp);
    }
    return switch (cp) {
      case 0xA0, 0xAB, 0xBB, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026 -> true;
      default -> false;
    };
  }

  private static String quoted(String lexeme) {
    return "'" + lexeme + "'"; // letters, digits and '|' only: nothing to escape
  }

  private static int length(String word) {
    return word.codePointCount(0, word.length());
  }

  private static String cut(String word) {
    return length(word) <= MAX_WORD ? word : word.substring(0, word.offsetByCodePoints(0, MAX_WORD));
  }

  private static String tail(String word) {
    int n = length(word);
    return n <= TAIL ? word : word.substring(word.offsetByCodePoints(0, n - TAIL));
  }
}
