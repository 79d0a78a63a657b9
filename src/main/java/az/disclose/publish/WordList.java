package az.disclose.publish;

import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The Azerbaijani word list: the project's own {@code words-az.txt} (generated from the 2012 order,
 * the shipped content and a core vocabulary; see {@link WordListBuilder}: the common vocabulary),
 * the press secretary's additions in {@code content/data/words.txt}, and the corpus words of {@code
 * words-az-corpus.txt.gz} (filtered from Tesseract's Azerbaijani word list; see {@link
 * CorpusWords}), with the corpus's names known only at the start of a sentence. One word a line,
 * compared in lower case with the Azerbaijani rules (İ→i, I→ı).
 *
 * <p>Azerbaijani is agglutinative: "nazirlik", "nazirliyin", "nazirlikdə", "nazirliklərin" are one
 * word. A word that is not in the list is also accepted when removing common suffixes (case,
 * plural, possessive, copula; with the k→y and q→ğ alternations) leaves a word that is. A misspelt
 * stem is still unknown.
 */
public final class WordList {
  public static final String RESOURCE = "/az/disclose/publish/words-az.txt";
  public static final String CONTENT_FILE = "data/words.txt";
  /** The words taken from a large corpus ({@link CorpusWords}), gzipped. */
  public static final String CORPUS_RESOURCE = "/az/disclose/publish/words-az-corpus.txt.gz";
  /** Marks a corpus line whose word is known only as it is, never as a stem ({@link CorpusWords#isStem}). */
  static final char WHOLE_ONLY = '=';

  /**
   * The endings a stem takes, in every vowel-harmony variant: case, plural, possessive, copula and
   * person endings of nouns; the derivations that make nouns, adjectives and verbs (-lıq, -çı, -lı,
   * -sız, -laş, -la); and the verb's voice (passive -ıl/-ın, causative -dır/-t/-ır), tense, mood,
   * participle, verbal-noun and converb endings. A word is known when it is a known stem followed
   * by up to {@link #MAX_ENDINGS} of them: this recognises the forms that an inflection generator
   * would make of every listed stem ("keçirilib" ← keçir + il + ib, "yaxşılaşdırılması" ← yaxşı +
   * laş + dır + ıl + ma + sı) without storing them.
   */
  private static final List<String> SUFFIXES = variants(
      // noun: plural, possessive, case, copula
      "lAr", "Im", "ImIz", "In", "InIz", "sI", "I", "nIn", "In", "yA", "A", "nA", "dA", "ndA", "dAn", "ndAn",
      "tA", "tAn", "yI", "nI", "lA", "ylA", "dIr", "dIrlAr", "dAkI", "kI", "dAk", "cA", "cAsInA",
      // derivation
      "lIq", "lIğ", "lIy", "lIk", "çI", "lI", "sIz", "lAş", "lA", "cIl", "dAş", "IcI", "Iş", "Im", "gI", "Ağan", "ğI",
      // verb: voice
      "Il", "In", "n", "dIr", "t", "Ir", "Ar", "Iş", "ş",
      // verb: tense, mood, person
      "Ib", "dI", "mIş", "Ar", "Ir", "AcAq", "AcAğ", "yAcAq", "yAcAğ", "mAlI", "sA", "sIn", "sInlAr", "Aq",
      "yIr", "Ir", "yAr", "m", "q", "k", "nIz", "z",
      // participles, verbal nouns, converbs
      "An", "yAn", "dIq", "dIğ", "mA", "mAq", "mAğ", "mAy", "mAk", "yIş", "Araq", "yAraq", "mAdAn", "dIqdA",
      "dIqdAn", "dIqcA", "IncA", "yIncA", "AndA", "AndAn", "mAz", "mAyAn", "AsI", "yAsI");

  /** Whether {@code s} is one of the endings (in any vowel-harmony variant). */
  static boolean isEnding(String s) {
    return ENDINGS.contains(s);
  }

  private static final Set<String> ENDINGS = Set.copyOf(SUFFIXES);

  /** The endings in every vowel-harmony variant. */
  static List<String> endings() {
    return SUFFIXES;
  }

  /** The most endings stripped from one word. */
  static final int MAX_ENDINGS = 6;

  /** Every pattern with A = a|ə and I = ı|i|u|ü, longest first. */
  private static List<String> variants(String... patterns) {
    java.util.Set<String> out = new java.util.TreeSet<>(java.util.Comparator.comparingInt(String::length).reversed()
        .thenComparing(java.util.Comparator.naturalOrder()));
    for (String p : patterns) {
      List<String> forms = List.of("");
      for (char c : p.toCharArray()) {
        String choices = c == 'A' ? "aə" : c == 'I' ? "ıiuü" : String.valueOf(c);
        List<String> next = new ArrayList<>();
        for (String f : forms) {
          for (char ch : choices.toCharArray()) {
            next.add(f + ch);
          }
        }
        forms = next;
      }
      out.addAll(forms);
    }
    return List.copyOf(out);
  }

  /** The project's own words (and data/words.txt), or all words of a list made by {@link #of}. */
  private final Set<String> words;
  /** The corpus's stems: shared by every list, never changed. */
  private final Set<String> corpus;
  /** Short corpus words, known only as they are: never a stem that endings are taken off to reach. */
  private final Set<String> whole;

  /** Names (words the corpus has only capitalised), known only when the word is capitalised; or null. */
  private final WordList names;

  /**
   * The project's own list (words-az.txt and data/words.txt: the common vocabulary) when this list
   * also holds the corpus; or null when this list is all there is.
   */
  private final WordList common;

  private WordList(Set<String> words, Set<String> whole, WordList names) {
    this(words, Set.of(), whole, names, false);
  }

  private WordList(Set<String> words, Set<String> corpus, Set<String> whole, WordList names, boolean withCommon) {
    this.words = words;
    this.corpus = corpus;
    this.whole = whole;
    this.names = names;
    this.common = withCommon ? new WordList(words, Set.of(), null) : null;
  }

  public static WordList of(Set<String> words) {
    Set<String> s = new HashSet<>();
    words.forEach(w -> s.add(AzText.foldAz(w.strip())));
    return new WordList(s, Set.of(), null);
  }

  /**
   * A list over {@code stems} and {@code whole} as they are now and later (lower case; not copied):
   * for building lists.
   */
  static WordList over(Set<String> stems, Set<String> whole) {
    return new WordList(stems, whole, null);
  }

  /**
   * The corpus words of {@link #CORPUS_RESOURCE}: immutable data read once per process (a few tenths of a second
   * and some MB, docs/publishing.md), so that every check and every rebuild of {@code serve} after the first gets them free.
   */
  private static final class ShippedCorpus {
    static final Corpus CORPUS = readCorpus();
  }

  /** Whether this list and {@code other} hold the very same corpus data (read once per process). */
  boolean sharesCorpusWith(WordList other) {
    return corpus == other.corpus;
  }

  /** The corpus's stems, whole-only words and names. */
  record Corpus(Set<String> stems, Set<String> whole, WordList names) {}

  /** The shipped list only. */
  public static WordList shipped() {
    return withCorpus(new HashSet<>(readShipped()));
  }

  private static WordList withCorpus(Set<String> own) {
    Corpus c = ShippedCorpus.CORPUS;
    return new WordList(own, c.stems(), c.whole(), c.names(), true);
  }

  /** The shipped list and {@code <contentDir>/data/words.txt} when it exists. */
  public static WordList load(Path contentDir) throws ProblemsException {
    Set<String> all = new HashSet<>(readShipped());
    Path file = contentDir.resolve(CONTENT_FILE);
    if (Files.exists(file)) {
      List<Problem> problems = new ArrayList<>();
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ProblemsException(List.of(new Problem(file, 0, "cannot read (save it as UTF-8 text): " + e.getMessage())));
      }
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i).strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        if (l.chars().anyMatch(Character::isWhitespace)) {
          problems.add(new Problem(file, i + 1, "one word a line, not '" + l + "'"));
        } else {
          all.add(AzText.foldAz(l));
        }
      }
      if (!problems.isEmpty()) {
        throw new ProblemsException(problems);
      }
    }
    return withCorpus(all);
  }

  static List<String> readShipped() {
    try (InputStream in = WordList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return lines(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The corpus words ({@link CorpusWords}): names (capitalised lines), whole-only words (marked {@link #WHOLE_ONLY}) and stems. */
  static Corpus readCorpus() {
    try (InputStream in = WordList.class.getResourceAsStream(CORPUS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + CORPUS_RESOURCE);
      }
      Set<String> stems = new HashSet<>();
      Set<String> whole = new HashSet<>();
      Set<String> nameStems = new HashSet<>();
      Set<String> nameWhole = new HashSet<>();
      for (String w : lines(new GZIPInputStream(in, 1 << 16))) {
        boolean wholeOnly = w.charAt(0) == WHOLE_ONLY;
        String word = wholeOnly ? w.substring(1) : w;
        Set<String> into = Character.isUpperCase(word.charAt(0)) ? (wholeOnly ? nameWhole : nameStems) : wholeOnly ? whole : stems;
        into.add(AzText.foldAz(word));
      }
      return new Corpus(Set.copyOf(stems), Set.copyOf(whole), new WordList(Set.copyOf(nameStems), Set.copyOf(nameWhole), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) {
        if (!l.isBlank() && !l.startsWith("#")) {
          out.add(l.strip());
        }
      }
    }
    return out;
  }

  public int size() {
    return words.size() + corpus.size() + whole.size();
  }

  /** Whether {@code word} (any case) is known, as it is or as a known word with suffixes. */
  public boolean knows(String word) {
    return knows(word, MAX_ENDINGS);
  }

  /**
   * Whether a capitalised {@code word} (at the start of a sentence) is known: as a word, or as a
   * name of the corpus with endings ("Qəbələdə"). A name never makes a lower-case word known.
   */
  public boolean knowsCapitalised(String word) {
    return knows(word) || names != null && names.knows(word);
  }

  /** Whether {@code word} is known as it is or as a known word with up to {@code endings} endings. */
  boolean knows(String word, int endings) {
    String w = AzText.foldAz(word);
    return whole.contains(w) || knownStem(w, endings);
  }

  private boolean knownStem(String w, int depth) {
    if (words.contains(w) || corpus.contains(w)) {
      return true;
    }
    if (depth == 0) {
      return false;
    }
    for (String s : SUFFIXES) {
      if (w.length() - s.length() >= 2 && w.endsWith(s)) {
        String stem = w.substring(0, w.length() - s.length());
        if (!hasVowel(s) && !isVowel(stem.charAt(stem.length() - 1))) {
          continue; // a lone consonant ending follows a vowel: oxu-n, işlə-t; "vətəndaşlar-n" is a typo
        }
        if (knownStem(stem, depth - 1) || alternation(stem, depth - 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isVowel(char c) {
    return "aıoueəiöü".indexOf(c) >= 0;
  }

  private static boolean hasVowel(String s) {
    return s.chars().anyMatch(c -> isVowel((char) c));
  }

  /** nazirliy(i) ← nazirlik, sağlığ(ı) ← sağlıq. */
  private boolean alternation(String stem, int depth) {
    char last = stem.charAt(stem.length() - 1);
    String base = stem.substring(0, stem.length() - 1);
    if (last == 'y') {
      return knownStem(base + 'k', depth);
    }
    if (last == 'ğ') {
      return knownStem(base + 'q', depth);
    }
    if (last == 'd') { // ged-ir ← get
      return knownStem(base + 't', depth);
    }
    return false;
  }

  /** The most edits (insert, delete, change, swap of neighbours) between a typo and the word it suggests. */
  public static final int MAX_TYPO_EDITS = 2;
  /** Shorter unknown words get no two-edit suggestion: with a large list nearly every short string is two edits from a word. */
  static final int MIN_TWO_EDIT_WORD = 6;

  /**
   * A known word that an unknown word is probably a typo of, {@code edits} edits away; {@code
   * common} when the project's own list (the common vocabulary) knows it.
   */
  public record Suggestion(String word, int edits, boolean common) {
    /** One edit from a common word: the likeliest typo ("təsdq" → "təsdiq"). */
    public boolean likely() {
      return edits == 1 && common;
    }
  }

  /**
   * A known word that {@code word} is probably a typo of, or empty. One edit first (an Azerbaijani
   * letter typed plain, a doubled letter, neighbours swapped, a letter dropped, a letter added; the
   * one that keeps vowel harmony best, then in that order), a form of the common vocabulary before
   * any other known form (the web-derived
   * corpus also has typos: "keçirlib"), inflected forms included ("vətəndaşlarn" → "vətəndaşların");
   * then a changed letter, the least specific edit (with endings in every variant it makes many
   * odd forms), the same way. Otherwise, for words of {@link #MIN_TWO_EDIT_WORD} letters or
   * more, the nearest word of the common vocabulary within {@link #MAX_TYPO_EDITS} edits (the first
   * in alphabetical order among equals). A large list has a word one edit from nearly any string;
   * the common vocabulary is what a typo is most probably a typo of.
   */
  public java.util.Optional<Suggestion> suggestion(String word) {
    String w = AzText.foldAz(word);
    WordList own = common == null ? this : common;
    List<List<String>> kinds = oneEdit(w);
    List<String> specific = kinds.subList(0, kinds.size() - 1).stream().flatMap(List::stream).toList();
    List<String> changed = kinds.get(kinds.size() - 1);
    for (List<String> group : List.of(specific, changed)) {
      for (WordList list : common == null ? List.of(own) : List.of(own, this)) {
        java.util.Optional<String> near = bestKnown(group, list);
        if (near.isPresent()) {
          return java.util.Optional.of(new Suggestion(near.get(), 1, list == own));
        }
      }
    }
    if (w.length() < MIN_TWO_EDIT_WORD) {
      return java.util.Optional.empty();
    }
    String best = null;
    int bestDistance = MAX_TYPO_EDITS + 1;
    for (String known : own.words) {
      if (Math.abs(known.length() - w.length()) > MAX_TYPO_EDITS || known.length() < 3) {
        continue;
      }
      int d = distance(w, known, bestDistance + 1);
      if (d < bestDistance || d == bestDistance && best != null && known.compareTo(best) < 0) {
        best = known;
        bestDistance = d;
      }
    }
    return bestDistance <= MAX_TYPO_EDITS && best != null
        ? java.util.Optional.of(new Suggestion(best, bestDistance, true)) : java.util.Optional.empty();
  }

  private static final String PLAIN = "eiscgouı";
  private static final String MARKED = "əışçğöüi";
  private static final String LETTERS = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz";

  /**
   * The known word among {@code candidates} that breaks vowel harmony least, the first among equals
   * ("keçirilib", not "keçirilıb", for "keçirilb"; "qarğıdalı", not "qarğıdalıi", for "qarğıdalıı"):
   * the endings are taken in every harmony variant, so all of them are known.
   */
  private static java.util.Optional<String> bestKnown(List<String> candidates, WordList list) {
    String best = null;
    int bestBreaks = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.length() >= 2 && list.knows(c)) {
        int breaks = harmonyBreaks(c);
        if (breaks < bestBreaks) {
          best = c;
          bestBreaks = breaks;
        }
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  /** How often a back vowel (a ı o u) follows a front one (e ə i ö ü) or the other way round. */
  static int harmonyBreaks(String w) {
    int breaks = 0;
    int last = 0;
    for (char c : w.toCharArray()) {
      int kind = "aıou".indexOf(c) >= 0 ? 1 : "eəiöü".indexOf(c) >= 0 ? 2 : 0;
      if (kind != 0) {
        if (last != 0 && kind != last) {
          breaks++;
        }
        last = kind;
      }
    }
    return breaks;
  }

  /**
   * The one-edit variants of {@code w} by kind, the likeliest typos' corrections first: an
   * Azerbaijani letter typed plain (e for ə, i for ı and ı for i, s for ş...), a doubled letter,
   * neighbours swapped, a letter dropped, a letter added, a letter changed.
   */
  static List<List<String>> oneEdit(String w) {
    List<java.util.Set<String>> kinds = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      kinds.add(new java.util.LinkedHashSet<>());
    }
    for (int i = 0; i < w.length(); i++) {
      int p = PLAIN.indexOf(w.charAt(i));
      if (p >= 0) {
        kinds.get(0).add(w.substring(0, i) + MARKED.charAt(p) + w.substring(i + 1));
      }
      if (i + 1 < w.length() && w.charAt(i) == w.charAt(i + 1)) {
        kinds.get(1).add(w.substring(0, i) + w.substring(i + 1));
      }
      if (i + 1 < w.length()) {
        kinds.get(2).add(w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2));
      }
      kinds.get(4).add(w.substring(0, i) + w.substring(i + 1));
    }
    for (int i = 0; i <= w.length(); i++) {
      for (char c : LETTERS.toCharArray()) {
        kinds.get(3).add(w.substring(0, i) + c + w.substring(i));
        if (i < w.length()) {
          kinds.get(5).add(w.substring(0, i) + c + w.substring(i + 1));
        }
      }
    }
    List<List<String>> out = new ArrayList<>();
    for (java.util.Set<String> k : kinds) {
      k.remove(w);
      out.add(List.copyOf(k));
    }
    return out;
  }

  /** Optimal-string-alignment distance of {@code a} and {@code b}, or {@code limit} when it is at least that. */
  static int distance(String a, String b, int limit) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin >= limit) {
        return limit;
      }
    }
    return Math.min(d[a.length()][b.length()], limit);
  }
}
